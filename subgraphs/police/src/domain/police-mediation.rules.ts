/**
 * 治安调解 (治安管理处罚法 Art 9): minor public-security cases arising from civil disputes may be
 * mediated by the police. It is excluded for hired violence, gang fights or 寻衅滋事, repeat
 * offenders, a refusing party, re-offending during mediation and a fled suspect; a minor needs a
 * guardian present (公安机关办理行政案件程序规定; article numbers vary by edition).
 */
export interface PoliceMediationFacts {
  hiredViolence: boolean;
  gangFightOrProvocation: boolean;
  repeatOffender: boolean;
  partyRefuses: boolean;
  reoffendedDuringMediation: boolean;
  suspectFled: boolean;
  minorInvolved: boolean;
  guardianPresent: boolean;
}

export interface Exclusion {
  code: string;
  reason: string;
}

const EXCLUSIONS: [keyof PoliceMediationFacts, Exclusion][] = [
  ['hiredViolence', { code: 'HIRED_VIOLENCE', reason: '雇凶伤害他人的,不适用治安调解' }],
  ['gangFightOrProvocation', { code: 'GANG_FIGHT_OR_PROVOCATION', reason: '结伙斗殴或者寻衅滋事的,不适用治安调解' }],
  ['repeatOffender', { code: 'REPEAT_OFFENDER', reason: '多次实施违反治安管理行为的,不适用治安调解' }],
  ['partyRefuses', { code: 'PARTY_REFUSES', reason: '当事人明确表示不愿意调解的,不适用治安调解' }],
  ['reoffendedDuringMediation', { code: 'REOFFENDED_DURING_MEDIATION', reason: '调解过程中又针对对方实施违反治安管理行为的,不适用治安调解' }],
  ['suspectFled', { code: 'SUSPECT_FLED', reason: '违反治安管理行为人逃跑的,不适用治安调解' }],
];

/** Every reason the case may not be mediated by the police; empty when it may. */
export function exclusionsOf(facts: PoliceMediationFacts): Exclusion[] {
  const found = EXCLUSIONS.filter(([key]) => facts[key]).map(([, exclusion]) => exclusion);
  if (facts.minorInvolved && !facts.guardianPresent) {
    found.push({ code: 'MINOR_WITHOUT_GUARDIAN', reason: '当事人为未成年人的,调解时须有其监护人到场' });
  }
  return found;
}

/** Art 9: a performed agreement means no penalty; otherwise the police decide a penalty and tell the parties they may sue. */
export function consequenceOf(outcome: 'PERFORMED' | 'NOT_PERFORMED' | 'FAILED'): { penalty: boolean; adviseLitigation: boolean; description: string } {
  if (outcome === 'PERFORMED') return { penalty: false, adviseLitigation: false, description: '达成协议并履行,不予处罚' };
  return {
    penalty: true,
    adviseLitigation: true,
    description:
      outcome === 'FAILED'
        ? '未达成协议,依法处罚,并告知当事人可以就民事争议依法向人民法院提起民事诉讼'
        : '达成协议不履行,依法处罚,并告知当事人可以就民事争议依法向人民法院提起民事诉讼',
  };
}

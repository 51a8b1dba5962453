/**
 * 刑事和解 (刑诉法 Art 288–290). Art 288: the parties may reconcile in (1) cases arising from civil
 * disputes (因民间纠纷引起) under chapters 4–5 of the Criminal Law's special part (侵犯公民人身权利、
 * 民主权利罪; 侵犯财产罪) that may be punished by at most three years' fixed-term imprisonment, or
 * (2) negligent crimes that may be punished by at most seven years, other than dereliction of duty
 * (渎职犯罪, chapter 9). Not for a suspect who committed an intentional crime within five years.
 * The suspect must sincerely repent and the victim accept reconciliation voluntarily.
 */
export interface ReconciliationFacts {
  /** 罪名, e.g. 故意伤害罪. */
  charge: string;
  /** Chapter of the Criminal Law's special part (分则) that defines the crime, 1–10. */
  chapter: number;
  negligent: boolean;
  arisesFromCivilDispute: boolean;
  /** The sentence the case may carry (可能判处的刑罚), in months of fixed-term imprisonment; 0 when none. */
  likelySentenceMonths: number;
  intentionalCrimeWithinFiveYears: boolean;
  suspectRepents: boolean;
  victimAccepts: boolean;
}

export interface Ineligibility {
  code: string;
  reason: string;
}

/** Charges commonly met in 检调 work: where they sit in the Criminal Law and whether they are negligent. */
export const CHARGES: Record<string, { chapter: number; negligent: boolean }> = {
  故意伤害罪: { chapter: 4, negligent: false },
  '故意伤害罪(轻伤)': { chapter: 4, negligent: false },
  过失致人重伤罪: { chapter: 4, negligent: true },
  过失致人死亡罪: { chapter: 4, negligent: true },
  非法拘禁罪: { chapter: 4, negligent: false },
  非法侵入住宅罪: { chapter: 4, negligent: false },
  侮辱罪: { chapter: 4, negligent: false },
  诽谤罪: { chapter: 4, negligent: false },
  故意杀人罪: { chapter: 4, negligent: false },
  盗窃罪: { chapter: 5, negligent: false },
  诈骗罪: { chapter: 5, negligent: false },
  故意毁坏财物罪: { chapter: 5, negligent: false },
  拒不支付劳动报酬罪: { chapter: 5, negligent: false },
  交通肇事罪: { chapter: 2, negligent: true },
  重大责任事故罪: { chapter: 2, negligent: true },
  失火罪: { chapter: 2, negligent: true },
  医疗事故罪: { chapter: 6, negligent: true },
  寻衅滋事罪: { chapter: 6, negligent: false },
  玩忽职守罪: { chapter: 9, negligent: true },
};

export const RECONCILIATION_LIMITS = Object.freeze({ civilDisputeMaxMonths: 36, negligentMaxMonths: 84, priorCrimeYears: 5 });

/** Every reason 刑事和解 is not available; empty when it is. */
export function ineligibilityOf(facts: ReconciliationFacts): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  const dereliction = facts.chapter === 9;
  const civilRoute =
    facts.arisesFromCivilDispute && (facts.chapter === 4 || facts.chapter === 5) && facts.likelySentenceMonths <= RECONCILIATION_LIMITS.civilDisputeMaxMonths;
  const negligentRoute = facts.negligent && !dereliction && facts.likelySentenceMonths <= RECONCILIATION_LIMITS.negligentMaxMonths;
  if (!civilRoute && !negligentRoute) {
    if (facts.negligent) {
      if (dereliction) reasons.push({ code: 'DERELICTION_OF_DUTY', reason: `${facts.charge}属渎职犯罪,不适用刑事和解` });
      if (facts.likelySentenceMonths > RECONCILIATION_LIMITS.negligentMaxMonths)
        reasons.push({ code: 'SENTENCE_OVER_SEVEN_YEARS', reason: '过失犯罪可能判处七年有期徒刑以上刑罚' });
    } else {
      if (!facts.arisesFromCivilDispute) reasons.push({ code: 'NOT_FROM_CIVIL_DISPUTE', reason: '案件不是因民间纠纷引起' });
      if (facts.chapter !== 4 && facts.chapter !== 5)
        reasons.push({ code: 'CHAPTER_NOT_ELIGIBLE', reason: `${facts.charge}不属于刑法分则第四章、第五章规定的犯罪` });
      if (facts.likelySentenceMonths > RECONCILIATION_LIMITS.civilDisputeMaxMonths)
        reasons.push({ code: 'SENTENCE_OVER_THREE_YEARS', reason: '可能判处三年有期徒刑以上刑罚' });
    }
  }
  if (facts.intentionalCrimeWithinFiveYears) reasons.push({ code: 'INTENTIONAL_CRIME_WITHIN_FIVE_YEARS', reason: '犯罪嫌疑人在五年以内曾经故意犯罪' });
  if (!facts.suspectRepents) reasons.push({ code: 'NO_SINCERE_REMORSE', reason: '犯罪嫌疑人未真诚悔罪' });
  if (!facts.victimAccepts) reasons.push({ code: 'VICTIM_NOT_WILLING', reason: '被害人不愿和解' });
  return reasons;
}

export const DECISIONS = ['LENIENCY_RECOMMENDATION', 'NO_PROSECUTION', 'PROSECUTION_CONTINUES', 'REVIEW_TERMINATED', 'SUPERVISION_CONTINUES'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Art 290: after a reconciliation agreement the procuratorate may recommend leniency (从宽处罚建议)
 * or, for minor circumstances, decide not to prosecute (不起诉); without one, prosecution continues.
 * A civil supervision case settled by mediation ends its review (终结审查); otherwise supervision goes on.
 */
export function allowedDecisions(kind: 'CRIMINAL_RECONCILIATION' | 'CIVIL_SUPERVISION', reconciled: boolean): Decision[] {
  if (kind === 'CIVIL_SUPERVISION') return reconciled ? ['REVIEW_TERMINATED'] : ['SUPERVISION_CONTINUES'];
  return reconciled ? ['LENIENCY_RECOMMENDATION', 'NO_PROSECUTION', 'PROSECUTION_CONTINUES'] : ['PROSECUTION_CONTINUES'];
}

import { applicationDeadline, COURT_CLOCKS, type CourtClocks } from './clocks.js';

/**
 * What a mediation agreement settles. Judicial confirmation is not available for status
 * (身份关系), adoption (收养) or marriage (婚姻效力) matters (法释〔2011〕5号 Art 4; 民诉法 Art 201).
 */
export const MATTER_KINDS = [
  'DEBT',
  'COMPENSATION',
  'PROPERTY',
  'CONTRACT',
  'SUPPORT',
  'LABOUR',
  'OTHER',
  'PERSONAL_STATUS',
  'ADOPTION',
  'MARRIAGE_VALIDITY',
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

export const MATTER_NAMES: Record<MatterKind, string> = {
  DEBT: '债权债务',
  COMPENSATION: '损害赔偿',
  PROPERTY: '财产权益',
  CONTRACT: '合同履行',
  SUPPORT: '赡养费、抚养费、扶养费给付',
  LABOUR: '劳动报酬',
  OTHER: '其他民事权益',
  PERSONAL_STATUS: '确认身份关系',
  ADOPTION: '收养关系',
  MARRIAGE_VALIDITY: '婚姻效力',
};

const EXCLUDED: readonly MatterKind[] = ['PERSONAL_STATUS', 'ADOPTION', 'MARRIAGE_VALIDITY'];

export interface ApplicationFacts {
  matters: readonly MatterKind[];
  agreementEffectiveAt: Date;
  appliedAt: Date;
  /** Both (all) parties applied together. */
  jointApplication: boolean;
}

export interface RefusalReason {
  code: string;
  reason: string;
}

/** Every reason the court may not accept the application; empty when it may. */
export function refusalReasonsOf(facts: ApplicationFacts, clocks: CourtClocks = COURT_CLOCKS): RefusalReason[] {
  const reasons: RefusalReason[] = facts.matters
    .filter((m) => EXCLUDED.includes(m))
    .map((m) => ({ code: `EXCLUDED_MATTER_${m}`, reason: `涉及${MATTER_NAMES[m]}的调解协议不适用司法确认` }));
  if (facts.appliedAt.getTime() > applicationDeadline(facts.agreementEffectiveAt, clocks).getTime()) {
    reasons.push({ code: 'LATE_APPLICATION', reason: `申请超过调解协议生效之日起 ${clocks.confirmationApplicationDays} 日` });
  }
  if (!facts.jointApplication) reasons.push({ code: 'NOT_JOINT_APPLICATION', reason: '司法确认须由双方当事人共同申请' });
  return reasons;
}

/**
 * The kinds of matter an agreement's terms (free text from the mediation organization) touch:
 * the excluded ones when named, otherwise other civil rights (其他民事权益).
 */
export function matterKindsOf(terms: string): MatterKind[] {
  const kinds: MatterKind[] = [];
  if (/身份关系|亲子关系/.test(terms)) kinds.push('PERSONAL_STATUS');
  if (/收养/.test(terms)) kinds.push('ADOPTION');
  if (/婚姻(无效|效力)/.test(terms)) kinds.push('MARRIAGE_VALIDITY');
  return kinds.length ? kinds : ['OTHER'];
}

export { DISPUTE_CATEGORIES, PARTY_ROLES } from '@jiefen/codes';

/** 调解方式: adjusted as a case goes (动态调整). */
export const MEDIATION_METHODS = ['PEOPLES_MEDIATION', 'JOINT_MEDIATION', 'EXPERT_MEDIATION', 'ONLINE_MEDIATION', 'ADMINISTRATIVE_MEDIATION'] as const;

/** A mediation needs someone asking and someone asked; nobody twice. */
export function partiesProblem(parties: readonly { role: string; idNumber: string | null }[]): { index: number; message: string } | null {
  if (!parties.some((p) => p.role === 'APPLICANT')) return { index: 0, message: '至少需要一名申请人' };
  if (!parties.some((p) => p.role === 'RESPONDENT')) return { index: 0, message: '至少需要一名被申请人' };
  const seen = new Set<string>();
  for (const [index, p] of parties.entries()) {
    if (!p.idNumber) continue;
    if (seen.has(p.idNumber)) return { index, message: '同一当事人不能重复登记' };
    seen.add(p.idNumber);
  }
  return null;
}

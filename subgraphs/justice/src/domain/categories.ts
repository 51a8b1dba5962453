/** Dispute categories of the people's-mediation statistics (DOMAIN.md). */
export const DISPUTE_CATEGORIES = [
  '婚姻家庭',
  '邻里',
  '房屋宅基地',
  '合同',
  '生产经营',
  '损害赔偿',
  '山林土地',
  '征地拆迁',
  '环境污染',
  '劳动争议',
  '消费',
  '医疗',
  '道路交通事故',
  '物业',
  '旅游',
  '知识产权',
  '互联网',
  '其他',
] as const;

export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'] as const;

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

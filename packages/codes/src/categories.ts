/** 纠纷类别 of the people's-mediation statistics (DOMAIN.md), later years' additions included: one list for every agency. */
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
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/** 当事人角色: who asks (申请人), who is asked (被申请人), who else takes part (第三人). */
export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

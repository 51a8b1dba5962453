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

/**
 * The API's name of each 纠纷类别 (a GraphQL enum value must be Latin): the schema shows the code,
 * described by its Chinese name, and hands the service the Chinese name the records keep.
 */
export const DISPUTE_CATEGORY_CODES: Record<DisputeCategory, string> = {
  婚姻家庭: 'MARRIAGE_FAMILY',
  邻里: 'NEIGHBOURHOOD',
  房屋宅基地: 'HOUSING_HOMESTEAD',
  合同: 'CONTRACT',
  生产经营: 'PRODUCTION_BUSINESS',
  损害赔偿: 'DAMAGES',
  山林土地: 'FOREST_LAND',
  征地拆迁: 'LAND_REQUISITION',
  环境污染: 'ENVIRONMENTAL_POLLUTION',
  劳动争议: 'LABOUR',
  消费: 'CONSUMER',
  医疗: 'MEDICAL',
  道路交通事故: 'ROAD_TRAFFIC_ACCIDENT',
  物业: 'PROPERTY_MANAGEMENT',
  旅游: 'TOURISM',
  知识产权: 'INTELLECTUAL_PROPERTY',
  互联网: 'INTERNET',
  其他: 'OTHER',
};

/** 当事人角色: who asks (申请人), who is asked (被申请人), who else takes part (第三人). */
export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

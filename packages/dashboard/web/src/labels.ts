// Chinese names of the codes the API answers with (the schema's enum descriptions).
export const CHANNELS: Record<string, string> = {
  WINDOW: '窗口',
  ONLINE: '网上',
  HOTLINE_12348: '12348 热线',
  GRID_SCREENING: '网格排查',
  AGENCY_TRANSFER: '部门移送',
};
export const CATEGORIES: Record<string, string> = {
  MARRIAGE_FAMILY: '婚姻家庭',
  NEIGHBOURHOOD: '邻里',
  HOUSING_HOMESTEAD: '房屋宅基地',
  CONTRACT: '合同',
  PRODUCTION_BUSINESS: '生产经营',
  DAMAGES: '损害赔偿',
  FOREST_LAND: '山林土地',
  LAND_REQUISITION: '征地拆迁',
  ENVIRONMENTAL_POLLUTION: '环境污染',
  LABOUR: '劳动争议',
  CONSUMER: '消费',
  MEDICAL: '医疗',
  ROAD_TRAFFIC_ACCIDENT: '道路交通事故',
  PROPERTY_MANAGEMENT: '物业',
  TOURISM: '旅游',
  INTELLECTUAL_PROPERTY: '知识产权',
  INTERNET: '互联网',
  OTHER: '其他',
};
export const TIERS: Record<string, string> = { VILLAGE: '村级', TOWN: '镇级', COUNTY: '县级' };
export const RISK_LEVELS: Record<string, string> = { LOW: '低', MEDIUM: '中', HIGH: '高', CRITICAL: '重大' };
export const ALERT_RULES: Record<string, string> = {
  PEOPLE_INVOLVED: '涉及人数多',
  REPEAT_PERSON: '同一人反复纠纷',
  ESCALATION: '层级上交',
  SENSITIVE_CATEGORY: '敏感类别',
  MANUAL: '人工预警',
};
export const DOCKING_KINDS: Record<string, string> = {
  COURT: '诉调',
  POLICE: '公调',
  PROCURATORATE: '检调',
  PETITION: '访调',
  LEGAL_AID: '援调',
  HUB: '分流转办',
};
export const REGION_LEVELS: Record<string, string> = { PROVINCE: '省', CITY: '市', COUNTY: '县(市、区)', TOWN: '镇(街道)', VILLAGE: '村(社区)' };
export const AGENCIES: Record<string, string> = {
  GOVERNANCE: '综治中心',
  JUSTICE: '司法局',
  COURT: '法院',
  POLICE: '公安',
  PROCURATORATE: '检察院',
  PETITION: '信访局',
};
export const PARTY_ROLES: Record<string, string> = { APPLICANT: '申请人', RESPONDENT: '被申请人', THIRD_PARTY: '第三人' };
export const ROLES: Record<string, string> = { STAFF: '工作人员', MEDIATOR: '调解员', SUPERVISOR: '督办', LEADER: '领导', ADMIN: '管理员' };

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '—';
  return map[code] ?? code;
}

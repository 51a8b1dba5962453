import type { Caller } from './caller.js';

/** A development persona: who they are in the demo county (兴化市 321281 / 戴南镇 321281123). */
export interface Persona extends Caller {
  /** What this persona does with the graph. */
  description: string;
  organizationName: string;
}

/**
 * The development personas (`npm run token -- <persona>`). Organization codes are well-formed
 * 统一社会信用代码 of made-up units in 兴化市; names are invented.
 */
export const PERSONAS: Record<string, Persona> = {
  'court-staff': {
    subject: 'court-staff-001',
    name: '王敏',
    agency: 'COURT',
    organization: '113212810140900121',
    organizationName: '兴化市人民法院立案庭(诉讼服务中心)',
    roles: ['STAFF'],
    jurisdiction: '321281',
    description: '法院诉讼服务中心:委派/委托调解、查询调解结果、司法确认',
  },
  'police-officer': {
    subject: 'police-officer-017',
    name: '陈立新',
    agency: 'POLICE',
    organization: '11321281014090020U',
    organizationName: '兴化市公安局戴南派出所',
    roles: ['STAFF'],
    jurisdiction: '321281123',
    description: '派出所民警:接处警、治安调解、移交人民调解(公调对接)',
  },
  mediator: {
    subject: 'mediator-042',
    name: '顾秀英',
    agency: 'JUSTICE',
    organization: '54321281MJ12345677',
    organizationName: '戴南镇人民调解委员会',
    roles: ['MEDIATOR'],
    jurisdiction: '321281123',
    description: '人民调解员:接收对接、调解、制作调解协议、回访',
  },
  'petition-officer': {
    subject: 'petition-officer-008',
    name: '刘海军',
    agency: 'PETITION',
    organization: '11321281014090039Q',
    organizationName: '兴化市信访局',
    roles: ['STAFF'],
    jurisdiction: '321281',
    description: '信访局工作人员:登记信访事项、转交调解(访调对接)',
  },
  procurator: {
    subject: 'procurator-003',
    name: '周静',
    agency: 'PROCURATORATE',
    organization: '11321281014090047K',
    organizationName: '兴化市人民检察院',
    roles: ['STAFF'],
    jurisdiction: '321281',
    description: '检察官:刑事和解、检调对接、民事监督案件转调解',
  },
  'legal-aid': {
    subject: 'legal-aid-011',
    name: '沈德明',
    agency: 'JUSTICE',
    organization: '123212814660123450',
    organizationName: '兴化市法律援助中心',
    roles: ['STAFF'],
    jurisdiction: '321281',
    description: '法律援助中心工作人员:审查援助申请、指派律师、援调转介',
  },
  'hub-coordinator': {
    subject: 'hub-coordinator-002',
    name: '朱晓燕',
    agency: 'GOVERNANCE',
    organization: '11321281014090055E',
    organizationName: '兴化市社会治理现代化指挥中心(综治中心)',
    roles: ['STAFF', 'SUPERVISOR'],
    jurisdiction: '321281',
    description: '综治中心:统一受理、研判分流、协调督办、台账',
  },
  leader: {
    subject: 'leader-001',
    name: '徐国华',
    agency: 'GOVERNANCE',
    organization: '113212810140900639',
    organizationName: '中共兴化市委政法委员会',
    roles: ['LEADER'],
    jurisdiction: '321281',
    description: '领导:查看全市指标和脱敏后的案件数据',
  },
};

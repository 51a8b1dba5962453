import { registerEnumType } from 'type-graphql';
import { registerCodeEnum, registerDockingModeEnum, registerWorkflowEnum } from '@jiefen/subgraph-kit';
import { legalAidWorkflow, type LegalAidState } from '../domain/legal-aid.workflow.js';
import { mediationCaseWorkflow, type MediationState } from '../domain/mediation-case.workflow.js';

export enum MediationSource {
  DIRECT_APPLICATION = 'DIRECT_APPLICATION',
  ACTIVE_SCREENING = 'ACTIVE_SCREENING',
  HUB_REFERRAL = 'HUB_REFERRAL',
  COURT = 'COURT',
  POLICE = 'POLICE',
  PROCURATORATE = 'PROCURATORATE',
  PETITION = 'PETITION',
  LEGAL_AID = 'LEGAL_AID',
}
registerEnumType(MediationSource, {
  name: 'MediationSource',
  description: '调解案件来源 How a case reached mediation',
  valuesConfig: {
    DIRECT_APPLICATION: { description: '当事人申请' },
    ACTIVE_SCREENING: { description: '主动排查发现' },
    HUB_REFERRAL: { description: '综治中心(非诉讼服务中心)分流' },
    COURT: { description: '法院委派/委托(诉调对接)' },
    POLICE: { description: '公安移送(公调对接)' },
    PROCURATORATE: { description: '检察院委托/移送(检调对接)' },
    PETITION: { description: '信访部门移送(访调对接)' },
    LEGAL_AID: { description: '法律援助机构转介(援调对接)' },
  },
});

/** From the mediation case workflow: the schema's states are the table's states. */
export const MediationCaseStatus = registerWorkflowEnum(mediationCaseWorkflow, 'MediationCaseStatus', '调解案件状态 Mediation case status', {
  PENDING: '待受理(在调解组织收件箱中)',
  ACCEPTED: '已受理,尚未开始调解',
  IN_SESSION: '调解中(已有调解笔录)',
});
export type MediationCaseStatus = MediationState;

export enum MediationOutcome {
  AGREEMENT = 'AGREEMENT',
  NO_AGREEMENT = 'NO_AGREEMENT',
  TERMINATED = 'TERMINATED',
}
registerEnumType(MediationOutcome, {
  name: 'MediationOutcome',
  description: '调解结果 Mediation outcome',
  valuesConfig: {
    AGREEMENT: { description: '调解成功,达成协议' },
    NO_AGREEMENT: { description: '调解不成,未达成协议' },
    TERMINATED: { description: '终止调解(当事人撤回、拒绝继续等)' },
  },
});

/** How a mediation ends without an agreement (结案方式): the outcomes `concludeMediation` records. */
export const MediationUnsettledOutcome = registerCodeEnum(
  'MediationUnsettledOutcome',
  '调解不成的结案方式 How a mediation ends without agreement',
  ['NO_AGREEMENT', 'TERMINATED'] as const,
  {
    NO_AGREEMENT: '调解不成,未达成协议',
    TERMINATED: '终止调解(当事人撤回、拒绝继续等)',
  },
);

export const MediationMode = registerDockingModeEnum('MediationMode', '对接方式 How a docking sent the case (decides its clock)', {
  PRE_FILING_DELEGATION: 'ENTRUST',
  IN_LITIGATION_COMMISSION: 'COMMISSION',
  TRANSFER: 'TRANSFER',
  REFERRAL: 'REFERRAL',
});
export type MediationMode = 'ENTRUST' | 'COMMISSION' | 'TRANSFER' | 'REFERRAL';

export enum MediationMethod {
  PEOPLES_MEDIATION = 'PEOPLES_MEDIATION',
  JOINT_MEDIATION = 'JOINT_MEDIATION',
  EXPERT_MEDIATION = 'EXPERT_MEDIATION',
  ONLINE_MEDIATION = 'ONLINE_MEDIATION',
  ADMINISTRATIVE_MEDIATION = 'ADMINISTRATIVE_MEDIATION',
}
registerEnumType(MediationMethod, {
  name: 'MediationMethod',
  description: '调解方式 Mediation method',
  valuesConfig: {
    PEOPLES_MEDIATION: { description: '人民调解' },
    JOINT_MEDIATION: { description: '多部门联合调解' },
    EXPERT_MEDIATION: { description: '专家、行业调解' },
    ONLINE_MEDIATION: { description: '在线调解' },
    ADMINISTRATIVE_MEDIATION: { description: '行政调解' },
  },
});

export enum OrganizationType {
  VILLAGE_RESIDENTS_COMMITTEE = 'VILLAGE_RESIDENTS_COMMITTEE',
  TOWN_STREET_COMMITTEE = 'TOWN_STREET_COMMITTEE',
  ENTERPRISE_COMMITTEE = 'ENTERPRISE_COMMITTEE',
  SECTOR_COMMITTEE = 'SECTOR_COMMITTEE',
  STATIONED_ROOM = 'STATIONED_ROOM',
  LAWYER_STUDIO = 'LAWYER_STUDIO',
}
registerEnumType(OrganizationType, {
  name: 'MediationOrganizationType',
  description: '人民调解组织类型 Kind of mediation organization',
  valuesConfig: {
    VILLAGE_RESIDENTS_COMMITTEE: { description: '村(居)民委员会人民调解委员会' },
    TOWN_STREET_COMMITTEE: { description: '乡镇(街道)人民调解委员会' },
    ENTERPRISE_COMMITTEE: { description: '企业事业单位人民调解委员会' },
    SECTOR_COMMITTEE: { description: '行业性、专业性人民调解委员会' },
    STATIONED_ROOM: { description: '派驻调解室(派出所、法院、信访部门等)' },
    LAWYER_STUDIO: { description: '律师调解工作室' },
  },
});

export enum StationedAgency {
  POLICE = 'POLICE',
  COURT = 'COURT',
  PETITION = 'PETITION',
  PROCURATORATE = 'PROCURATORATE',
}
registerEnumType(StationedAgency, { name: 'StationedAgency', description: '派驻单位类别 Where a stationed room sits' });

export enum CommitteeRole {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  MEMBER = 'MEMBER',
}
registerEnumType(CommitteeRole, {
  name: 'CommitteeRole',
  description: '调委会职务 Committee office',
  valuesConfig: { CHAIR: { description: '主任' }, VICE_CHAIR: { description: '副主任' }, MEMBER: { description: '委员' } },
});

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Sex, { name: 'PersonSex', description: '性别 Sex', valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } } });

export enum Employment {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
}
registerEnumType(Employment, {
  name: 'MediatorEmployment',
  description: '专职或兼职 Full or part time',
  valuesConfig: { FULL_TIME: { description: '专职' }, PART_TIME: { description: '兼职' } },
});

export enum PartyRole {
  APPLICANT = 'APPLICANT',
  RESPONDENT = 'RESPONDENT',
  THIRD_PARTY = 'THIRD_PARTY',
}
registerEnumType(PartyRole, {
  name: 'MediationPartyRole',
  description: '当事人身份 Party role',
  valuesConfig: { APPLICANT: { description: '申请人' }, RESPONDENT: { description: '被申请人' }, THIRD_PARTY: { description: '第三人' } },
});

export enum AgreementForm {
  WRITTEN = 'WRITTEN',
  ORAL = 'ORAL',
}
registerEnumType(AgreementForm, {
  name: 'AgreementForm',
  description: '协议形式 Agreement form',
  valuesConfig: { WRITTEN: { description: '书面调解协议' }, ORAL: { description: '口头调解协议(调解员记录)' } },
});

export enum SignatureMethod {
  SIGNATURE = 'SIGNATURE',
  SEAL = 'SEAL',
  FINGERPRINT = 'FINGERPRINT',
}
registerEnumType(SignatureMethod, {
  name: 'SignatureMethod',
  description: '签署方式 How a party signed',
  valuesConfig: { SIGNATURE: { description: '签名' }, SEAL: { description: '盖章' }, FINGERPRINT: { description: '按指印' } },
});

export enum PerformanceStatus {
  PENDING = 'PENDING',
  PARTIALLY_PERFORMED = 'PARTIALLY_PERFORMED',
  PERFORMED = 'PERFORMED',
  NOT_PERFORMED = 'NOT_PERFORMED',
}
registerEnumType(PerformanceStatus, {
  name: 'PerformanceStatus',
  description: '履行情况 Performance of an agreement',
  valuesConfig: {
    PENDING: { description: '待履行' },
    PARTIALLY_PERFORMED: { description: '部分履行' },
    PERFORMED: { description: '已履行' },
    NOT_PERFORMED: { description: '未履行' },
  },
});

export enum ReturnVisitReason {
  AFTER_CONCLUSION = 'AFTER_CONCLUSION',
  COMPLEX_DISPUTE = 'COMPLEX_DISPUTE',
}
registerEnumType(ReturnVisitReason, {
  name: 'ReturnVisitReason',
  description: '回访原因',
  valuesConfig: { AFTER_CONCLUSION: { description: '结案后回访' }, COMPLEX_DISPUTE: { description: '疑难复杂纠纷回访' } },
});

export enum ReturnVisitStatus {
  SCHEDULED = 'SCHEDULED',
  DONE = 'DONE',
}
registerEnumType(ReturnVisitStatus, {
  name: 'ReturnVisitStatus',
  description: '回访状态',
  valuesConfig: { SCHEDULED: { description: '待回访' }, DONE: { description: '已回访' } },
});

export enum ReturnVisitMethod {
  PHONE = 'PHONE',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(ReturnVisitMethod, {
  name: 'ReturnVisitMethod',
  description: '回访方式',
  valuesConfig: { PHONE: { description: '电话回访' }, IN_PERSON: { description: '上门回访' } },
});

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  description: '满意度',
  valuesConfig: { SATISFIED: { description: '满意' }, BASICALLY_SATISFIED: { description: '基本满意' }, DISSATISFIED: { description: '不满意' } },
});

export const LegalAidStatus = registerWorkflowEnum(legalAidWorkflow, 'LegalAidStatus', '法律援助案件状态', {
  APPLIED: '已申请,待审查(7 日)',
  APPROVED: '准予援助,待指派(3 日)',
});
export type LegalAidStatus = LegalAidState;

export enum LegalAidSource {
  DIRECT_APPLICATION = 'DIRECT_APPLICATION',
  MEDIATION_REFERRAL = 'MEDIATION_REFERRAL',
}
registerEnumType(LegalAidSource, {
  name: 'LegalAidSource',
  description: '法律援助申请来源',
  valuesConfig: { DIRECT_APPLICATION: { description: '当事人申请' }, MEDIATION_REFERRAL: { description: '人民调解转介' } },
});

/** One enum for the court's rulings, shared with the senders' records (packages/docking). */
export { JudicialConfirmationRulingEnum as JudicialConfirmationRuling } from '@jiefen/docking';

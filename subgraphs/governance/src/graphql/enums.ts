import { registerCodeEnum, registerDockingModeEnum, registerWorkflowEnum, type DockingModeApiName } from '@jiefen/subgraph-kit';
import { DOCUMENT_KINDS } from '../services/dispute-document.service.js';
import { CHANNELS, PARTY_ROLES } from '../domain/dispute-registration.js';
import { disputeWorkflow, type DisputeState, RESOLUTION_METHOD_NAMES, RESOLUTION_METHODS, RESPONSIBLE_UNIT_KINDS } from '../domain/dispute.workflow.js';
import { DOCKING_KINDS, DOCKING_OUTCOMES, DOCKING_STATUSES, type DOCKING_MODES } from '../domain/docking.js';
import { ALERT_RULES } from '../domain/early-warning.js';
import { riskAlertWorkflow, type AlertState } from '../domain/risk-alert.workflow.js';
import { FORECASTS, SCREENING_CADENCES } from '../domain/screening.js';
import { SUPERVISION_SUBJECTS, supervisionWorkflow, type SupervisionState } from '../domain/supervision.workflow.js';
import { RISK_LEVEL_NAMES, RISK_LEVELS, TIER_NAMES, TIERS } from '../domain/tiers.js';

const enumOf = registerCodeEnum;

export const DisputeStatus = registerWorkflowEnum(disputeWorkflow, 'DisputeStatus', '纠纷状态 Dispute status at the hub');
export type DisputeStatus = DisputeState;

export const DisputeTier = enumOf('DisputeTier', '化解层级(分层化解) Tier', TIERS, TIER_NAMES);
export type DisputeTier = (typeof TIERS)[number];

export const RiskLevel = enumOf('RiskLevel', '风险等级 Risk level', RISK_LEVELS, RISK_LEVEL_NAMES);
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const DisputeChannel = enumOf('DisputeChannel', '受理渠道 Intake channel', CHANNELS, {
  WINDOW: '窗口',
  ONLINE: '网上',
  HOTLINE_12348: '12348 热线',
  GRID_SCREENING: '网格排查',
  AGENCY_TRANSFER: '部门移送',
});
export type DisputeChannel = (typeof CHANNELS)[number];

export const ResolutionMethod = enumOf('ResolutionMethod', '化解方式 Method of resolution', RESOLUTION_METHODS, RESOLUTION_METHOD_NAMES);
export const ResponsibleUnitKind = enumOf('ResponsibleUnitKind', '承办单位类型 Kind of responsible unit', RESPONSIBLE_UNIT_KINDS, {
  MEDIATION_ORGANIZATION: '调解组织',
  AGENCY: '职能部门',
  LITIGATION: '引导诉讼',
});

export const DockingKind = enumOf('DockingKind', '对接类型 Kind of docking', DOCKING_KINDS, {
  COURT: '诉调对接',
  POLICE: '公调对接',
  PROCURATORATE: '检调对接',
  PETITION: '访调对接',
  LEGAL_AID: '援调对接',
  HUB: '综治中心分流转办',
});
export type DockingKind = (typeof DOCKING_KINDS)[number];
export const DockingMode = registerDockingModeEnum('DockingMode', '对接方式 Mode of docking', {
  PRE_FILING_DELEGATION: 'ENTRUST',
  IN_LITIGATION_COMMISSION: 'COMMISSION',
  TRANSFER: 'TRANSFER',
  REFERRAL: 'REFERRAL',
  CONFIRMATION: 'CONFIRMATION',
} satisfies Partial<Record<DockingModeApiName, (typeof DOCKING_MODES)[number]>>);
export const DOCKING_STATUS_NAMES: Record<(typeof DOCKING_STATUSES)[number], string> = {
  SENT: '已发送待接收',
  ACCEPTED: '已接收',
  REJECTED: '已退回',
  IN_PROGRESS: '办理中',
  CONCLUDED: '已办结待反馈',
  FED_BACK: '已反馈',
  WITHDRAWN: '已撤回',
};
export const DockingStatus = enumOf('DockingStatus', '对接状态 Docking status', DOCKING_STATUSES, DOCKING_STATUS_NAMES);
export type DockingStatus = (typeof DOCKING_STATUSES)[number];
export const DockingOutcome = enumOf('DockingOutcome', '对接结果 Docking outcome', DOCKING_OUTCOMES, {
  SETTLED: '调解成功',
  NOT_SETTLED: '调解不成',
  TERMINATED: '终止调解',
});

export const AlertRule = enumOf('AlertRule', '预警规则 Early-warning rule', ALERT_RULES, {
  PEOPLE_INVOLVED: '涉及人数',
  REPEAT_PERSON: '同一当事人重复纠纷',
  ESCALATION: '上交升级',
  SENSITIVE_CATEGORY: '敏感类别',
  MANUAL: '人工预警',
});
export const AlertStatus = registerWorkflowEnum(riskAlertWorkflow, 'AlertStatus', '预警状态 Alert status');
export type AlertStatus = AlertState;

export const SupervisionStatus = registerWorkflowEnum(supervisionWorkflow, 'SupervisionStatus', '督办状态 Supervision status');
export type SupervisionStatus = SupervisionState;
export const SupervisionSubject = enumOf('SupervisionSubject', '督办对象 Supervised subject', SUPERVISION_SUBJECTS, { DISPUTE: '纠纷', DOCKING: '对接' });

export const ScreeningCadence = enumOf('ScreeningCadence', '排查周期 Screening cadence', SCREENING_CADENCES, {
  WEEKLY: '每周(村、社区)',
  HALF_MONTHLY: '每半月(镇、街道)',
});
export const Forecast = enumOf('ScreeningForecast', '研判预测 Forecast', FORECASTS, {
  STABLE: '基本稳定',
  MAY_ESCALATE: '可能激化',
  LIKELY_ESCALATE: '极易激化',
});

export const DisputePartyRole = enumOf('DisputePartyRole', '当事人身份 Party role', PARTY_ROLES, {
  APPLICANT: '申请人',
  RESPONDENT: '被申请人',
  THIRD_PARTY: '第三人',
});
export const NoticeForm = enumOf('NoticeForm', '一次性告知方式 Form of the one-time notice', ['WRITTEN', 'ORAL'] as const, {
  WRITTEN: '书面告知',
  ORAL: '口头告知(记录在案)',
});
export const DocumentKind = enumOf('DisputeDocumentKind', '材料类型 Kind of document', DOCUMENT_KINDS, {
  CLAIM: '申请书、诉求材料',
  EVIDENCE: '证据材料',
  RECORD: '笔录',
  AGREEMENT: '调解协议',
  CLOSING_OPINION: '结案意见',
  SIGNATURE: '签收、签字材料',
  PHOTO: '照片',
  OTHER: '其他',
});

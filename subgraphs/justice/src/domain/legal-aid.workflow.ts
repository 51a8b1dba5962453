import { defineWorkflow, type Step } from '@jiefen/workflow';

/** 法律援助案件状态. */
export const LEGAL_AID_STATES = ['APPLIED', 'APPROVED', 'DENIED', 'LAWYER_ASSIGNED', 'CLOSED', 'REFERRED_TO_MEDIATION'] as const;
export type LegalAidState = (typeof LEGAL_AID_STATES)[number];

export const LEGAL_AID_STATE_NAMES: Record<LegalAidState, string> = {
  APPLIED: '已申请,待审查',
  APPROVED: '准予援助,待指派',
  DENIED: '不予援助',
  LAWYER_ASSIGNED: '已指派律师',
  CLOSED: '已结案',
  REFERRED_TO_MEDIATION: '已转介人民调解',
};

export const LEGAL_AID_EVENTS = ['APPROVE', 'DENY', 'ASSIGN_LAWYER', 'CLOSE', 'REFER_TO_MEDIATION'] as const;
export type LegalAidEvent = (typeof LEGAL_AID_EVENTS)[number];

/** Staff of the legal aid center holding the application, or anyone else in the justice bureau. */
export const LEGAL_AID_ACTORS = ['CENTER_STAFF', 'OTHER_JUSTICE'] as const;
export type LegalAidActor = (typeof LEGAL_AID_ACTORS)[number];

export const LEGAL_AID_EVENT_NAMES: Record<LegalAidEvent, string> = {
  APPROVE: '批准法律援助',
  DENY: '不予法律援助',
  ASSIGN_LAWYER: '指派律师',
  CLOSE: '结案',
  REFER_TO_MEDIATION: '转介人民调解',
};

/** Only the staff of the center holding the application decide it. */
const center = (to: LegalAidState): Step<LegalAidState, LegalAidActor> => ({ to, by: ['CENTER_STAFF'] });

export const legalAidWorkflow = defineWorkflow<LegalAidState, LegalAidEvent, LegalAidActor>({
  name: '法律援助案件',
  states: LEGAL_AID_STATES,
  events: LEGAL_AID_EVENTS,
  stateNames: LEGAL_AID_STATE_NAMES,
  eventNames: LEGAL_AID_EVENT_NAMES,
  actorNames: { CENTER_STAFF: '法律援助中心工作人员', OTHER_JUSTICE: '其他司法行政人员' },
  forbidden: (event) => `只有受理该申请的法律援助中心可以${LEGAL_AID_EVENT_NAMES[event]}`,
  table: {
    APPLIED: { APPROVE: center('APPROVED'), DENY: center('DENIED'), REFER_TO_MEDIATION: center('REFERRED_TO_MEDIATION') },
    APPROVED: { ASSIGN_LAWYER: center('LAWYER_ASSIGNED'), REFER_TO_MEDIATION: center('REFERRED_TO_MEDIATION') },
    DENIED: {},
    LAWYER_ASSIGNED: { CLOSE: center('CLOSED') },
    CLOSED: {},
    REFERRED_TO_MEDIATION: {},
  },
});

/** Which clock runs in a state: the 7-day review, the 3-day assignment, or none. */
export function legalAidClock(state: LegalAidState): 'REVIEW' | 'ASSIGNMENT' | null {
  if (state === 'APPLIED') return 'REVIEW';
  if (state === 'APPROVED') return 'ASSIGNMENT';
  return null;
}

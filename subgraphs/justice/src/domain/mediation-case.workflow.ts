import { defineWorkflow, type Step } from '@jiefen/workflow';

/** 调解案件状态: in the inbox, accepted, refused, being mediated (sessions held), concluded. */
export const MEDIATION_STATES = ['PENDING', 'ACCEPTED', 'REJECTED', 'IN_SESSION', 'CONCLUDED'] as const;
export type MediationState = (typeof MEDIATION_STATES)[number];

export const MEDIATION_STATE_NAMES: Record<MediationState, string> = {
  PENDING: '待受理',
  ACCEPTED: '已受理',
  REJECTED: '不予受理',
  IN_SESSION: '调解中',
  CONCLUDED: '调解终结',
};

export const MEDIATION_EVENTS = [
  'ACCEPT',
  'REJECT',
  'RECORD_SESSION',
  'REQUEST_EVALUATION',
  'RECORD_EVALUATION',
  'CHANGE_METHOD',
  'EXTEND',
  'RECORD_AGREEMENT',
  'CONCLUDE_WITH_AGREEMENT',
  'CONCLUDE_WITHOUT_AGREEMENT',
  'TERMINATE',
  'REFER_TO_LEGAL_AID',
] as const;
export type MediationEvent = (typeof MEDIATION_EVENTS)[number];

/**
 * Who acts on a case: a mediator of the organization holding it, or the justice bureau's staff
 * (who supervise but do not mediate other organizations' cases).
 */
export const MEDIATION_ACTORS = ['MEDIATOR', 'BUREAU_STAFF'] as const;
export type MediationActor = (typeof MEDIATION_ACTORS)[number];

export const MEDIATION_OUTCOMES = ['AGREEMENT', 'NO_AGREEMENT', 'TERMINATED'] as const;
export type MediationOutcomeValue = (typeof MEDIATION_OUTCOMES)[number];

export const EVENT_NAMES: Record<MediationEvent, string> = {
  ACCEPT: '受理',
  REJECT: '不予受理',
  RECORD_SESSION: '记录调解笔录',
  REQUEST_EVALUATION: '申请中立评估',
  RECORD_EVALUATION: '记录评估意见',
  CHANGE_METHOD: '调整调解方式',
  EXTEND: '延长调解期限',
  RECORD_AGREEMENT: '制作调解协议',
  CONCLUDE_WITH_AGREEMENT: '调解成功结案',
  CONCLUDE_WITHOUT_AGREEMENT: '调解不成结案',
  TERMINATE: '终止调解',
  REFER_TO_LEGAL_AID: '转介法律援助',
};

const mediator = (to: MediationState): Step<MediationState, MediationActor> => ({ to, by: ['MEDIATOR'] });

/** The state machine: what may happen in each state, and who may do it. */
export const mediationCaseWorkflow = defineWorkflow<MediationState, MediationEvent, MediationActor>({
  name: '调解案件',
  states: MEDIATION_STATES,
  events: MEDIATION_EVENTS,
  stateNames: MEDIATION_STATE_NAMES,
  eventNames: EVENT_NAMES,
  actorNames: { MEDIATOR: '调解员', BUREAU_STAFF: '司法行政工作人员' },
  forbidden: (event) => `只有承办该案的调解组织的调解员可以${EVENT_NAMES[event]}`,
  table: {
    PENDING: {
      ACCEPT: mediator('ACCEPTED'),
      REJECT: mediator('REJECTED'),
    },
    ACCEPTED: {
      RECORD_SESSION: mediator('IN_SESSION'),
      REQUEST_EVALUATION: mediator('ACCEPTED'),
      RECORD_EVALUATION: mediator('ACCEPTED'),
      CHANGE_METHOD: mediator('ACCEPTED'),
      EXTEND: mediator('ACCEPTED'),
      // A party may refuse mediation before the first session (人民调解法 Art 17, 26).
      CONCLUDE_WITHOUT_AGREEMENT: mediator('CONCLUDED'),
      TERMINATE: mediator('CONCLUDED'),
      REFER_TO_LEGAL_AID: mediator('ACCEPTED'),
    },
    IN_SESSION: {
      RECORD_SESSION: mediator('IN_SESSION'),
      REQUEST_EVALUATION: mediator('IN_SESSION'),
      RECORD_EVALUATION: mediator('IN_SESSION'),
      CHANGE_METHOD: mediator('IN_SESSION'),
      EXTEND: mediator('IN_SESSION'),
      RECORD_AGREEMENT: mediator('IN_SESSION'),
      CONCLUDE_WITH_AGREEMENT: mediator('CONCLUDED'),
      CONCLUDE_WITHOUT_AGREEMENT: mediator('CONCLUDED'),
      TERMINATE: mediator('CONCLUDED'),
      REFER_TO_LEGAL_AID: mediator('IN_SESSION'),
    },
    REJECTED: {},
    // After a failed mediation a party may still be sent to legal aid to sue.
    CONCLUDED: {
      REFER_TO_LEGAL_AID: mediator('CONCLUDED'),
    },
  },
});

/** The outcome a concluding event records (null for events that do not conclude). */
export function outcomeOf(event: MediationEvent): MediationOutcomeValue | null {
  if (event === 'CONCLUDE_WITH_AGREEMENT') return 'AGREEMENT';
  if (event === 'CONCLUDE_WITHOUT_AGREEMENT') return 'NO_AGREEMENT';
  if (event === 'TERMINATE') return 'TERMINATED';
  return null;
}

/** Cases whose clock runs (accepted and not concluded). */
export const OPEN_STATES: readonly MediationState[] = ['ACCEPTED', 'IN_SESSION'];

import { RuleError } from './rule-error.js';

/** 调解案件状态: in the inbox, accepted, refused, being mediated (sessions held), concluded. */
export const MEDIATION_STATES = ['PENDING', 'ACCEPTED', 'REJECTED', 'IN_SESSION', 'CONCLUDED'] as const;
export type MediationState = (typeof MEDIATION_STATES)[number];

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

interface Step {
  to: MediationState;
  by: readonly MediationActor[];
}
const mediator = (to: MediationState): Step => ({ to, by: ['MEDIATOR'] });

/** The transition table: what may happen in each state, and who may do it. */
export const MEDIATION_TRANSITIONS: Record<MediationState, Partial<Record<MediationEvent, Step>>> = {
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
};

/** The next state, or `ILLEGAL_TRANSITION` (wrong state) / `FORBIDDEN` (wrong actor). */
export function transition(state: MediationState, event: MediationEvent, actor: MediationActor): MediationState {
  const step = MEDIATION_TRANSITIONS[state][event];
  if (!step) throw RuleError.illegalTransition('调解案件', state, EVENT_NAMES[event]);
  if (!step.by.includes(actor)) throw RuleError.forbidden(`只有承办该案的调解组织的调解员可以${EVENT_NAMES[event]}`);
  return step.to;
}

/** The outcome a concluding event records (null for events that do not conclude). */
export function outcomeOf(event: MediationEvent): MediationOutcomeValue | null {
  if (event === 'CONCLUDE_WITH_AGREEMENT') return 'AGREEMENT';
  if (event === 'CONCLUDE_WITHOUT_AGREEMENT') return 'NO_AGREEMENT';
  if (event === 'TERMINATE') return 'TERMINATED';
  return null;
}

/** Cases whose clock runs (accepted and not concluded). */
export const OPEN_STATES: readonly MediationState[] = ['ACCEPTED', 'IN_SESSION'];

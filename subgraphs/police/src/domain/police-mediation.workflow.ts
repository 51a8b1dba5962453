/** 治安调解 workflow: one transition table, every (state, event) pair tested. */
export const POLICE_MEDIATION_STATES = ['IN_MEDIATION', 'AGREED', 'PERFORMED', 'NOT_PERFORMED', 'FAILED'] as const;
export type PoliceMediationState = (typeof POLICE_MEDIATION_STATES)[number];

export const POLICE_MEDIATION_EVENTS = ['REACH_AGREEMENT', 'FAIL', 'CONFIRM_PERFORMED', 'REPORT_NOT_PERFORMED'] as const;
export type PoliceMediationEvent = (typeof POLICE_MEDIATION_EVENTS)[number];

const TABLE: Record<PoliceMediationState, Partial<Record<PoliceMediationEvent, PoliceMediationState>>> = {
  IN_MEDIATION: { REACH_AGREEMENT: 'AGREED', FAIL: 'FAILED' },
  AGREED: { CONFIRM_PERFORMED: 'PERFORMED', REPORT_NOT_PERFORMED: 'NOT_PERFORMED' },
  PERFORMED: {},
  NOT_PERFORMED: {},
  FAILED: {},
};

export const EVENT_NAMES: Record<PoliceMediationEvent, string> = {
  REACH_AGREEMENT: '达成调解协议',
  FAIL: '调解不成',
  CONFIRM_PERFORMED: '确认履行',
  REPORT_NOT_PERFORMED: '登记不履行',
};

export class IllegalPoliceMediationTransition extends Error {
  constructor(readonly from: PoliceMediationState, readonly event: PoliceMediationEvent) {
    super(`治安调解当前状态(${from})不允许执行“${EVENT_NAMES[event]}”`);
  }
}

/** The next state, or an illegal-transition error. */
export function transition(state: PoliceMediationState, event: PoliceMediationEvent): PoliceMediationState {
  const next = TABLE[state][event];
  if (!next) throw new IllegalPoliceMediationTransition(state, event);
  return next;
}

export function isFinal(state: PoliceMediationState): boolean {
  return Object.keys(TABLE[state]).length === 0;
}

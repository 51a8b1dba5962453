import { RuleError } from './rule-error.js';

/** 法律援助案件状态. */
export const LEGAL_AID_STATES = ['APPLIED', 'APPROVED', 'DENIED', 'LAWYER_ASSIGNED', 'CLOSED', 'REFERRED_TO_MEDIATION'] as const;
export type LegalAidState = (typeof LEGAL_AID_STATES)[number];

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

export const LEGAL_AID_TRANSITIONS: Record<LegalAidState, Partial<Record<LegalAidEvent, LegalAidState>>> = {
  APPLIED: { APPROVE: 'APPROVED', DENY: 'DENIED', REFER_TO_MEDIATION: 'REFERRED_TO_MEDIATION' },
  APPROVED: { ASSIGN_LAWYER: 'LAWYER_ASSIGNED', REFER_TO_MEDIATION: 'REFERRED_TO_MEDIATION' },
  DENIED: {},
  LAWYER_ASSIGNED: { CLOSE: 'CLOSED' },
  CLOSED: {},
  REFERRED_TO_MEDIATION: {},
};

/** The next state, or `ILLEGAL_TRANSITION` / `FORBIDDEN` (only the center's staff decide). */
export function transitionLegalAid(state: LegalAidState, event: LegalAidEvent, actor: LegalAidActor): LegalAidState {
  const to = LEGAL_AID_TRANSITIONS[state][event];
  if (!to) throw RuleError.illegalTransition('法律援助案件', state, LEGAL_AID_EVENT_NAMES[event]);
  if (actor !== 'CENTER_STAFF') throw RuleError.forbidden(`只有受理该申请的法律援助中心可以${LEGAL_AID_EVENT_NAMES[event]}`);
  return to;
}

/** Which clock runs in a state: the 7-day review, the 3-day assignment, or none. */
export function legalAidClock(state: LegalAidState): 'REVIEW' | 'ASSIGNMENT' | null {
  if (state === 'APPLIED') return 'REVIEW';
  if (state === 'APPROVED') return 'ASSIGNMENT';
  return null;
}

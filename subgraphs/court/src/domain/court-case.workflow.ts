import { defineWorkflow } from '@jiefen/workflow';

/**
 * 法院案件 — a civil case received before filing (诉前). 委派: sent to a mediation organization
 * before filing; the outcome comes back; a failed mediation continues to filing (立案). 委托: a
 * filed case sent to mediation during litigation; success settles it, failure resumes the trial.
 * Parties who decline pre-filing mediation are filed straight away (调解前置 needs consent).
 * An organization that does not accept a docked case (不予受理) returns it to where it was:
 * RECEIVED before filing, FILED during litigation; the court may send it elsewhere.
 */
export const COURT_CASE_STATES = [
  'RECEIVED',
  'DIVERTED_TO_MEDIATION',
  'MEDIATION_SUCCEEDED',
  'MEDIATION_FAILED',
  'FILED',
  'IN_ENTRUSTED_MEDIATION',
  'SETTLED_BY_MEDIATION',
] as const;
export type CourtCaseState = (typeof COURT_CASE_STATES)[number];

export const COURT_CASE_EVENTS = ['DIVERT', 'RECORD_MEDIATION_SUCCESS', 'RECORD_MEDIATION_FAILURE', 'FILE', 'ENTRUST', 'RETURN_UNACCEPTED'] as const;
export type CourtCaseEvent = (typeof COURT_CASE_EVENTS)[number];

/** Court staff act on their cases; the mediation organization only reports the outcome. */
export const COURT_ACTORS = ['COURT_STAFF', 'MEDIATION_ORGANIZATION'] as const;
export type CourtActor = (typeof COURT_ACTORS)[number];

const BOTH = ['COURT_STAFF', 'MEDIATION_ORGANIZATION'] as const;
const COURT = ['COURT_STAFF'] as const;
const ORGANIZATION = ['MEDIATION_ORGANIZATION'] as const;

export const courtCaseWorkflow = defineWorkflow<CourtCaseState, CourtCaseEvent, CourtActor>({
  name: '法院案件',
  states: COURT_CASE_STATES,
  events: COURT_CASE_EVENTS,
  stateNames: {
    RECEIVED: '诉前已收案',
    DIVERTED_TO_MEDIATION: '已委派调解',
    MEDIATION_SUCCEEDED: '诉前调解成功',
    MEDIATION_FAILED: '诉前调解不成',
    FILED: '已立案',
    IN_ENTRUSTED_MEDIATION: '委托调解中',
    SETTLED_BY_MEDIATION: '委托调解结案',
  },
  eventNames: {
    DIVERT: '委派调解',
    RECORD_MEDIATION_SUCCESS: '登记调解成功',
    RECORD_MEDIATION_FAILURE: '登记调解不成',
    FILE: '立案',
    ENTRUST: '委托调解',
    RETURN_UNACCEPTED: '调解组织不予受理退回',
  },
  actorNames: { COURT_STAFF: '法院工作人员', MEDIATION_ORGANIZATION: '调解组织' },
  table: {
    RECEIVED: { DIVERT: { to: 'DIVERTED_TO_MEDIATION', by: COURT }, FILE: { to: 'FILED', by: COURT } },
    DIVERTED_TO_MEDIATION: {
      RECORD_MEDIATION_SUCCESS: { to: 'MEDIATION_SUCCEEDED', by: BOTH },
      RECORD_MEDIATION_FAILURE: { to: 'MEDIATION_FAILED', by: BOTH },
      RETURN_UNACCEPTED: { to: 'RECEIVED', by: ORGANIZATION },
    },
    MEDIATION_SUCCEEDED: {},
    MEDIATION_FAILED: { FILE: { to: 'FILED', by: COURT } },
    FILED: { ENTRUST: { to: 'IN_ENTRUSTED_MEDIATION', by: COURT } },
    IN_ENTRUSTED_MEDIATION: {
      RECORD_MEDIATION_SUCCESS: { to: 'SETTLED_BY_MEDIATION', by: BOTH },
      RECORD_MEDIATION_FAILURE: { to: 'FILED', by: BOTH },
      RETURN_UNACCEPTED: { to: 'FILED', by: ORGANIZATION },
    },
    SETTLED_BY_MEDIATION: {},
  },
});

/** 诉前 before filing, 已立案 after. */
export function stageOf(state: CourtCaseState): 'PRE_FILING' | 'FILED' {
  return ['FILED', 'IN_ENTRUSTED_MEDIATION', 'SETTLED_BY_MEDIATION'].includes(state) ? 'FILED' : 'PRE_FILING';
}

/** States in which a mediation the court sent out is running (its clock is ticking). */
export function mediationRunning(state: CourtCaseState): boolean {
  return state === 'DIVERTED_TO_MEDIATION' || state === 'IN_ENTRUSTED_MEDIATION';
}

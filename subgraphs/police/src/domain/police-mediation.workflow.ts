import { defineWorkflow } from '@jiefen/workflow';

/** 治安调解 workflow: one transition table, every (state, event) pair tested. */
export const POLICE_MEDIATION_STATES = ['IN_MEDIATION', 'AGREED', 'PERFORMED', 'NOT_PERFORMED', 'FAILED'] as const;
export type PoliceMediationState = (typeof POLICE_MEDIATION_STATES)[number];

export const POLICE_MEDIATION_EVENTS = ['REACH_AGREEMENT', 'FAIL', 'CONFIRM_PERFORMED', 'REPORT_NOT_PERFORMED'] as const;
export type PoliceMediationEvent = (typeof POLICE_MEDIATION_EVENTS)[number];

/** Only police officers mediate (the service checks that the caller is one, in the incident's jurisdiction). */
export type PoliceMediationActor = 'OFFICER';

export const EVENT_NAMES: Record<PoliceMediationEvent, string> = {
  REACH_AGREEMENT: '达成调解协议',
  FAIL: '调解不成',
  CONFIRM_PERFORMED: '确认履行',
  REPORT_NOT_PERFORMED: '登记不履行',
};

const officer = (to: PoliceMediationState) => ({ to, by: ['OFFICER'] as const });

export const policeMediationWorkflow = defineWorkflow<PoliceMediationState, PoliceMediationEvent, PoliceMediationActor>({
  name: '治安调解',
  states: POLICE_MEDIATION_STATES,
  events: POLICE_MEDIATION_EVENTS,
  stateNames: { IN_MEDIATION: '调解中', AGREED: '已达成协议', PERFORMED: '已履行', NOT_PERFORMED: '未履行', FAILED: '调解不成' },
  eventNames: EVENT_NAMES,
  actorNames: { OFFICER: '公安民警' },
  table: {
    IN_MEDIATION: { REACH_AGREEMENT: officer('AGREED'), FAIL: officer('FAILED') },
    AGREED: { CONFIRM_PERFORMED: officer('PERFORMED'), REPORT_NOT_PERFORMED: officer('NOT_PERFORMED') },
    PERFORMED: {},
    NOT_PERFORMED: {},
    FAILED: {},
  },
});

import { defineWorkflow } from '@jiefen/workflow';
import { HUB_ROLE_NAMES, type HubRole } from './dispute.workflow.js';

/** 预警: an open alert is handled (研判处置) and closed with a note. */
export const ALERT_STATES = ['OPEN', 'HANDLED'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const ALERT_EVENTS = ['HANDLE'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

export const riskAlertWorkflow = defineWorkflow<AlertState, AlertEvent, HubRole>({
  name: '预警',
  states: ALERT_STATES,
  events: ALERT_EVENTS,
  stateNames: { OPEN: '待处置', HANDLED: '已处置' },
  eventNames: { HANDLE: '处置预警' },
  actorNames: HUB_ROLE_NAMES,
  table: {
    OPEN: { HANDLE: { to: 'HANDLED', by: ['STAFF', 'SUPERVISOR'] } },
    HANDLED: {},
  },
});

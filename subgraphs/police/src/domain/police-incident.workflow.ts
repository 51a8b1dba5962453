import { defineWorkflow } from '@jiefen/workflow';

/**
 * 警情 — what the police did with an incident. Received, then handled by the officers (出警处置),
 * either by 治安调解 (performed → 已调解; failed or not performed → penalty, 已受案立案) or by
 * handing it to a people's mediation organization (公调对接), whose refusal returns it to the
 * officers and whose conclusion closes it.
 */
export const POLICE_INCIDENT_STATES = ['RECEIVED', 'DISPATCHED', 'MEDIATED', 'TRANSFERRED', 'CASE_FILED', 'CLOSED'] as const;
export type PoliceIncidentState = (typeof POLICE_INCIDENT_STATES)[number];

/** 接警登记 (a registration or a station's import) puts an incident here: 治安调解 and 公调 may both start from it. */
export const POLICE_INCIDENT_INITIAL: PoliceIncidentState = 'RECEIVED';

export const POLICE_INCIDENT_EVENTS = ['START_MEDIATION', 'SETTLE_BY_MEDIATION', 'FILE_CASE', 'TRANSFER', 'TRANSFER_REJECTED', 'TRANSFER_CONCLUDED'] as const;
export type PoliceIncidentEvent = (typeof POLICE_INCIDENT_EVENTS)[number];

/** Officers act on the incident; the mediation organization's answers to a transfer arrive as docking events. */
export const POLICE_INCIDENT_ACTORS = ['OFFICER', 'MEDIATION_ORGANIZATION'] as const;
export type PoliceIncidentActor = (typeof POLICE_INCIDENT_ACTORS)[number];

const officer = (to: PoliceIncidentState) => ({ to, by: ['OFFICER'] as const });
const organization = (to: PoliceIncidentState) => ({ to, by: ['MEDIATION_ORGANIZATION'] as const });

export const policeIncidentWorkflow = defineWorkflow<PoliceIncidentState, PoliceIncidentEvent, PoliceIncidentActor>({
  name: '警情',
  states: POLICE_INCIDENT_STATES,
  events: POLICE_INCIDENT_EVENTS,
  stateNames: { RECEIVED: '已接警', DISPATCHED: '处置中', MEDIATED: '已调解', TRANSFERRED: '已移交人民调解', CASE_FILED: '已受案立案', CLOSED: '已办结' },
  eventNames: {
    START_MEDIATION: '治安调解',
    SETTLE_BY_MEDIATION: '治安调解协议履行完毕',
    FILE_CASE: '治安调解不成依法处罚',
    TRANSFER: '移交人民调解',
    TRANSFER_REJECTED: '调解组织不予受理',
    TRANSFER_CONCLUDED: '调解组织办结反馈',
  },
  actorNames: { OFFICER: '公安民警', MEDIATION_ORGANIZATION: '调解组织' },
  table: {
    RECEIVED: { START_MEDIATION: officer('DISPATCHED'), TRANSFER: officer('TRANSFERRED') },
    DISPATCHED: {
      START_MEDIATION: officer('DISPATCHED'),
      TRANSFER: officer('TRANSFERRED'),
      SETTLE_BY_MEDIATION: officer('MEDIATED'),
      FILE_CASE: officer('CASE_FILED'),
    },
    TRANSFERRED: {
      // A police mediation begun before the transfer may still end while the organization holds it:
      // its outcome (and the penalty per Art 9) decides the incident.
      SETTLE_BY_MEDIATION: officer('MEDIATED'),
      FILE_CASE: officer('CASE_FILED'),
      TRANSFER_REJECTED: organization('DISPATCHED'),
      TRANSFER_CONCLUDED: organization('CLOSED'),
    },
    MEDIATED: {},
    CASE_FILED: {},
    CLOSED: {},
  },
});

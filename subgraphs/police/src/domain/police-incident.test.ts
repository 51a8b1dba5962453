import { describe, expect, it } from 'vitest';
import {
  POLICE_INCIDENT_ACTORS,
  POLICE_INCIDENT_EVENTS,
  POLICE_INCIDENT_INITIAL,
  POLICE_INCIDENT_STATES,
  policeIncidentWorkflow,
  type PoliceIncidentActor,
  type PoliceIncidentState,
} from './police-incident.workflow.js';

/** The whole table, written out: `state/event` → [next state, who may do it]. */
const ALLOWED: Record<string, [PoliceIncidentState, PoliceIncidentActor]> = {
  'RECEIVED/START_MEDIATION': ['DISPATCHED', 'OFFICER'],
  'RECEIVED/TRANSFER': ['TRANSFERRED', 'OFFICER'],
  'DISPATCHED/START_MEDIATION': ['DISPATCHED', 'OFFICER'],
  'DISPATCHED/TRANSFER': ['TRANSFERRED', 'OFFICER'],
  'DISPATCHED/SETTLE_BY_MEDIATION': ['MEDIATED', 'OFFICER'],
  'DISPATCHED/FILE_CASE': ['CASE_FILED', 'OFFICER'],
  'TRANSFERRED/SETTLE_BY_MEDIATION': ['MEDIATED', 'OFFICER'],
  'TRANSFERRED/FILE_CASE': ['CASE_FILED', 'OFFICER'],
  'TRANSFERRED/TRANSFER_REJECTED': ['DISPATCHED', 'MEDIATION_ORGANIZATION'],
  'TRANSFERRED/TRANSFER_CONCLUDED': ['CLOSED', 'MEDIATION_ORGANIZATION'],
};

describe('警情 workflow: every (state, event, actor)', () => {
  const cases = POLICE_INCIDENT_STATES.flatMap((s) => POLICE_INCIDENT_EVENTS.flatMap((e) => POLICE_INCIDENT_ACTORS.map((a) => [s, e, a] as const)));
  it('covers 6 states × 6 events × 2 actors', () => expect(cases).toHaveLength(72));

  it.each(cases)('%s + %s by %s', (state, event, actor) => {
    const allowed = ALLOWED[`${state}/${event}`];
    if (!allowed) {
      expect(() => policeIncidentWorkflow.transition(state, event, actor)).toThrow(
        expect.objectContaining({ code: 'ILLEGAL_TRANSITION', details: { from: state, event } }),
      );
    } else if (allowed[1] === actor) {
      expect(policeIncidentWorkflow.transition(state, event, actor)).toBe(allowed[0]);
    } else {
      expect(() => policeIncidentWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });

  it('explains a refused step in Chinese', () => {
    expect(() => policeIncidentWorkflow.transition('CLOSED', 'TRANSFER', 'OFFICER')).toThrow('警情当前状态“已办结”不允许执行“移交人民调解”');
  });

  it('ends once mediated, filed or closed', () => {
    expect(POLICE_INCIDENT_STATES.filter((s) => policeIncidentWorkflow.isFinal(s))).toEqual(['MEDIATED', 'CASE_FILED', 'CLOSED']);
  });
});

describe('接警登记', () => {
  it('registers an incident in a state where both 治安调解 and 公调 can start', () => {
    expect(policeIncidentWorkflow.transition(POLICE_INCIDENT_INITIAL, 'START_MEDIATION', 'OFFICER')).toBe('DISPATCHED');
    expect(policeIncidentWorkflow.transition(POLICE_INCIDENT_INITIAL, 'TRANSFER', 'OFFICER')).toBe('TRANSFERRED');
  });
});

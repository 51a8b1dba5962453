import { describe, expect, it } from 'vitest';
import {
  COURT_ACTORS,
  COURT_CASE_EVENTS,
  COURT_CASE_STATES,
  courtCaseWorkflow,
  mediationRunning,
  stageOf,
  type CourtActor,
  type CourtCaseState,
} from './court-case.workflow.js';
import { DomainError } from '@jiefen/workflow';

/** The whole table, written out: `state/event` → [next state, who may do it]. */
const ALLOWED: Record<string, [CourtCaseState, CourtActor[]]> = {
  'RECEIVED/DIVERT': ['DIVERTED_TO_MEDIATION', ['COURT_STAFF']],
  'RECEIVED/FILE': ['FILED', ['COURT_STAFF']],
  'DIVERTED_TO_MEDIATION/RECORD_MEDIATION_SUCCESS': ['MEDIATION_SUCCEEDED', ['COURT_STAFF', 'MEDIATION_ORGANIZATION']],
  'DIVERTED_TO_MEDIATION/RECORD_MEDIATION_FAILURE': ['MEDIATION_FAILED', ['COURT_STAFF', 'MEDIATION_ORGANIZATION']],
  'MEDIATION_FAILED/FILE': ['FILED', ['COURT_STAFF']],
  'FILED/ENTRUST': ['IN_ENTRUSTED_MEDIATION', ['COURT_STAFF']],
  'IN_ENTRUSTED_MEDIATION/RECORD_MEDIATION_SUCCESS': ['SETTLED_BY_MEDIATION', ['COURT_STAFF', 'MEDIATION_ORGANIZATION']],
  'IN_ENTRUSTED_MEDIATION/RECORD_MEDIATION_FAILURE': ['FILED', ['COURT_STAFF', 'MEDIATION_ORGANIZATION']],
  'DIVERTED_TO_MEDIATION/RETURN_UNACCEPTED': ['RECEIVED', ['MEDIATION_ORGANIZATION']],
  'IN_ENTRUSTED_MEDIATION/RETURN_UNACCEPTED': ['FILED', ['MEDIATION_ORGANIZATION']],
};

describe('court case workflow: every (state, event, actor)', () => {
  const cases = COURT_CASE_STATES.flatMap((s) => COURT_CASE_EVENTS.flatMap((e) => COURT_ACTORS.map((a) => [s, e, a] as const)));
  it.each(cases)('%s + %s by %s', (state, event, actor) => {
    const allowed = ALLOWED[`${state}/${event}`];
    if (!allowed) {
      expect(() => courtCaseWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    } else if (allowed[1].includes(actor)) {
      expect(courtCaseWorkflow.transition(state, event, actor)).toBe(allowed[0]);
    } else {
      expect(() => courtCaseWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });

  it('explains an illegal step in Chinese with the state and the event', () => {
    try {
      courtCaseWorkflow.transition('MEDIATION_SUCCEEDED', 'FILE', 'COURT_STAFF');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toBe('法院案件当前状态“诉前调解成功”不允许执行“立案”');
      expect((error as DomainError).details).toEqual({ from: 'MEDIATION_SUCCEEDED', event: 'FILE' });
    }
  });

  it('knows the final states, the stage and the running mediation clock', () => {
    expect(COURT_CASE_STATES.filter((s) => courtCaseWorkflow.isFinal(s))).toEqual(['MEDIATION_SUCCEEDED', 'SETTLED_BY_MEDIATION']);
    expect(COURT_CASE_STATES.filter((s) => stageOf(s) === 'FILED')).toEqual(['FILED', 'IN_ENTRUSTED_MEDIATION', 'SETTLED_BY_MEDIATION']);
    expect(COURT_CASE_STATES.filter(mediationRunning)).toEqual(['DIVERTED_TO_MEDIATION', 'IN_ENTRUSTED_MEDIATION']);
  });
});

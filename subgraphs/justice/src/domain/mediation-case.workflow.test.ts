import { describe, expect, it } from 'vitest';
import { DomainError } from '@jiefen/workflow';
import {
  MEDIATION_ACTORS,
  MEDIATION_EVENTS,
  MEDIATION_STATES,
  mediationCaseWorkflow,
  outcomeOf,
  type MediationEvent,
  type MediationState,
} from './mediation-case.workflow.js';

/** The expected table, written out independently of the implementation's. */
const EXPECTED: Record<MediationState, Partial<Record<MediationEvent, MediationState>>> = {
  PENDING: { ACCEPT: 'ACCEPTED', REJECT: 'REJECTED' },
  ACCEPTED: {
    RECORD_SESSION: 'IN_SESSION',
    REQUEST_EVALUATION: 'ACCEPTED',
    RECORD_EVALUATION: 'ACCEPTED',
    CHANGE_METHOD: 'ACCEPTED',
    EXTEND: 'ACCEPTED',
    CONCLUDE_WITHOUT_AGREEMENT: 'CONCLUDED',
    TERMINATE: 'CONCLUDED',
    REFER_TO_LEGAL_AID: 'ACCEPTED',
  },
  IN_SESSION: {
    RECORD_SESSION: 'IN_SESSION',
    REQUEST_EVALUATION: 'IN_SESSION',
    RECORD_EVALUATION: 'IN_SESSION',
    CHANGE_METHOD: 'IN_SESSION',
    EXTEND: 'IN_SESSION',
    RECORD_AGREEMENT: 'IN_SESSION',
    CONCLUDE_WITH_AGREEMENT: 'CONCLUDED',
    CONCLUDE_WITHOUT_AGREEMENT: 'CONCLUDED',
    TERMINATE: 'CONCLUDED',
    REFER_TO_LEGAL_AID: 'IN_SESSION',
  },
  REJECTED: {},
  CONCLUDED: { REFER_TO_LEGAL_AID: 'CONCLUDED' },
};

const pairs = MEDIATION_STATES.flatMap((state) => MEDIATION_EVENTS.map((event) => [state, event] as const));

describe('mediation case workflow', () => {
  it('covers 5 states × 12 events', () => expect(pairs).toHaveLength(60));

  it.each(pairs)('%s + %s', (state, event) => {
    const expected = EXPECTED[state][event];
    if (expected) {
      expect(mediationCaseWorkflow.transition(state, event, 'MEDIATOR')).toBe(expected);
      // The bureau supervises; only the organization's mediators act on a case.
      expect(() => mediationCaseWorkflow.transition(state, event, 'BUREAU_STAFF')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    } else {
      for (const actor of MEDIATION_ACTORS) {
        let error: unknown;
        try {
          mediationCaseWorkflow.transition(state, event, actor);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: state } });
        expect((error as Error).message).toMatch(/调解案件当前状态/);
      }
    }
  });

  it('records the outcome of concluding events only', () => {
    expect(outcomeOf('CONCLUDE_WITH_AGREEMENT')).toBe('AGREEMENT');
    expect(outcomeOf('CONCLUDE_WITHOUT_AGREEMENT')).toBe('NO_AGREEMENT');
    expect(outcomeOf('TERMINATE')).toBe('TERMINATED');
    for (const event of MEDIATION_EVENTS.filter((e) => !['CONCLUDE_WITH_AGREEMENT', 'CONCLUDE_WITHOUT_AGREEMENT', 'TERMINATE'].includes(e))) {
      expect(outcomeOf(event)).toBeNull();
    }
  });
});

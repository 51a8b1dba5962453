import { describe, expect, it } from 'vitest';
import { LEGAL_AID_EVENTS, LEGAL_AID_STATES, legalAidClock, legalAidWorkflow, type LegalAidEvent, type LegalAidState } from './legal-aid.workflow.js';

const EXPECTED: Record<LegalAidState, Partial<Record<LegalAidEvent, LegalAidState>>> = {
  APPLIED: { APPROVE: 'APPROVED', DENY: 'DENIED', REFER_TO_MEDIATION: 'REFERRED_TO_MEDIATION' },
  APPROVED: { ASSIGN_LAWYER: 'LAWYER_ASSIGNED', REFER_TO_MEDIATION: 'REFERRED_TO_MEDIATION' },
  DENIED: {},
  LAWYER_ASSIGNED: { CLOSE: 'CLOSED' },
  CLOSED: {},
  REFERRED_TO_MEDIATION: {},
};

const pairs = LEGAL_AID_STATES.flatMap((state) => LEGAL_AID_EVENTS.map((event) => [state, event] as const));

describe('legal aid workflow', () => {
  it('covers 6 states × 5 events', () => expect(pairs).toHaveLength(30));

  it.each(pairs)('%s + %s', (state, event) => {
    const expected = EXPECTED[state][event];
    if (expected) {
      expect(legalAidWorkflow.transition(state, event, 'CENTER_STAFF')).toBe(expected);
      expect(() => legalAidWorkflow.transition(state, event, 'OTHER_JUSTICE')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    } else {
      expect(() => legalAidWorkflow.transition(state, event, 'CENTER_STAFF')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
      expect(() => legalAidWorkflow.transition(state, event, 'OTHER_JUSTICE')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    }
  });

  it('runs the review clock while applied and the assignment clock while approved', () => {
    expect(LEGAL_AID_STATES.map(legalAidClock)).toEqual(['REVIEW', 'ASSIGNMENT', null, null, null, null]);
  });
});

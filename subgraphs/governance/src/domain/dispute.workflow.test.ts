import { describe, expect, it } from 'vitest';
import { DISPUTE_EVENTS, DISPUTE_STATES, disputeWorkflow, type DisputeEvent, type DisputeState } from './dispute.workflow.js';
import { DomainError } from '@jiefen/workflow';

const staff = { roles: ['STAFF'] };
const supervisor = { roles: ['SUPERVISOR'] };
const leader = { roles: ['LEADER'] };
/** The parties were notified: 调解前置's guard lets consent and refusal through (tested on its own below). */
const notified = { noticesGiven: 1 };

/** The expected machine, written out independently of the table: `state event → next (S = supervisor only)`. */
const EXPECTED = `
REGISTERED ROUTE ROUTED
REGISTERED GUIDE_TO_LITIGATION GUIDED_TO_LITIGATION
ROUTED ROUTE ROUTED
ROUTED NOTIFY ROUTED
ROUTED CONSENT IN_MEDIATION
ROUTED REFUSE GUIDED_TO_LITIGATION
ROUTED CHANGE_METHOD ROUTED
IN_MEDIATION RECORD_ATTEMPT IN_MEDIATION
IN_MEDIATION ESCALATE IN_MEDIATION
IN_MEDIATION CHANGE_METHOD IN_MEDIATION
IN_MEDIATION RESOLVE RESOLVED
IN_MEDIATION FAIL UNRESOLVED
RESOLVED REQUEST_REVIEW UNDER_REVIEW
UNRESOLVED ESCALATE IN_MEDIATION
UNRESOLVED CHANGE_METHOD IN_MEDIATION
UNRESOLVED REQUEST_REVIEW UNDER_REVIEW
UNDER_REVIEW APPROVE REVIEWED S
UNDER_REVIEW RETURN IN_MEDIATION S
REVIEWED CLOSE CLOSED S
REVIEWED GUIDE_TO_LITIGATION GUIDED_TO_LITIGATION S
`;
const expected = new Map(
  EXPECTED.trim()
    .split('\n')
    .map((line) => {
      const [state, event, to, s] = line.split(' ');
      return [`${state} ${event}`, { to: to as DisputeState, supervisorOnly: s === 'S' }];
    }),
);
const pairs = DISPUTE_STATES.flatMap((state) => DISPUTE_EVENTS.map((event) => [state, event] as [DisputeState, DisputeEvent]));

describe('dispute workflow', () => {
  it('covers every state and event', () => {
    expect(pairs).toHaveLength(9 * 14);
  });

  it.each(pairs)('%s + %s', (state, event) => {
    const step = expected.get(`${state} ${event}`);
    if (!step) {
      expect(disputeWorkflow.can(state, event)).toBe(false);
      for (const actor of [staff, supervisor]) {
        try {
          disputeWorkflow.transition(state, event, actor, notified);
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe('ILLEGAL_TRANSITION');
          expect((e as DomainError).message).toMatch(/不允许执行/);
        }
      }
      return;
    }
    expect(disputeWorkflow.transition(state, event, supervisor, notified)).toBe(step.to);
    if (step.supervisorOnly) {
      expect(() => disputeWorkflow.transition(state, event, staff, notified)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    } else {
      expect(disputeWorkflow.transition(state, event, staff, notified)).toBe(step.to);
    }
    expect(() => disputeWorkflow.transition(state, event, leader, notified)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('refuses consent and refusal before the one-time notification (调解前置)', () => {
    for (const event of ['CONSENT', 'REFUSE'] as const) {
      expect(() => disputeWorkflow.transition('ROUTED', event, staff, { noticesGiven: 0 })).toThrow(
        expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: '须先向当事人一次性告知(服务清单),再记录是否同意调解' }),
      );
    }
  });

  it('ends in CLOSED and GUIDED_TO_LITIGATION', () => {
    for (const event of DISPUTE_EVENTS) {
      expect(disputeWorkflow.can('CLOSED', event)).toBe(false);
      expect(disputeWorkflow.can('GUIDED_TO_LITIGATION', event)).toBe(false);
    }
  });
});

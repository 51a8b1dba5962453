import { describe, expect, it } from 'vitest';
import { DISPUTE_EVENTS, DISPUTE_STATES, disputeWorkflow, type DisputeEvent, type DisputeState } from './dispute.workflow.js';
import { DomainError } from '@jiefen/workflow';

const staff = { roles: ['STAFF'] };
const supervisor = { roles: ['SUPERVISOR'] };
const leader = { roles: ['LEADER'] };
/** The parties were notified: 调解前置's guard lets consent and refusal through (tested on its own below). */
const notified = { noticesGiven: 1 };
/** A re-routing needs the consent on record (tested on its own below). */
const factsFor = (event: DisputeEvent) => (event === 'REROUTE' ? { noticesGiven: 1, consented: true } : notified);

/** The expected machine, written out independently of the table: `state event → next (S = supervisor only, R = the receiving unit only)`. */
const EXPECTED = `
REGISTERED ROUTE ROUTED
REGISTERED GUIDE_TO_LITIGATION GUIDED_TO_LITIGATION
ROUTED ROUTE ROUTED
ROUTED NOTIFY ROUTED
ROUTED CONSENT IN_MEDIATION
ROUTED REFUSE GUIDED_TO_LITIGATION
ROUTED CHANGE_METHOD ROUTED
ROUTED REROUTE IN_MEDIATION
IN_MEDIATION HAND_BACK ROUTED R
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
      return [`${state} ${event}`, { to: to as DisputeState, supervisorOnly: s === 'S', receiverOnly: s === 'R' }];
    }),
);
const pairs = DISPUTE_STATES.flatMap((state) => DISPUTE_EVENTS.map((event) => [state, event] as [DisputeState, DisputeEvent]));

describe('dispute workflow', () => {
  it('covers every state and event', () => {
    expect(pairs).toHaveLength(9 * 16);
  });

  it.each(pairs)('%s + %s', (state, event) => {
    const step = expected.get(`${state} ${event}`);
    if (!step) {
      expect(disputeWorkflow.can(state, event)).toBe(false);
      for (const actor of [staff, supervisor, 'RECEIVER' as const]) {
        try {
          disputeWorkflow.transition(state, event, actor, factsFor(event));
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe('ILLEGAL_TRANSITION');
          expect((e as DomainError).message).toMatch(/不允许执行/);
        }
      }
      return;
    }
    const facts = factsFor(event);
    const forbidden = expect.objectContaining({ code: 'FORBIDDEN' });
    if (step.receiverOnly) {
      expect(disputeWorkflow.transition(state, event, 'RECEIVER', facts)).toBe(step.to);
      for (const actor of [staff, supervisor]) expect(() => disputeWorkflow.transition(state, event, actor, facts)).toThrow(forbidden);
    } else {
      expect(disputeWorkflow.transition(state, event, supervisor, facts)).toBe(step.to);
      if (step.supervisorOnly) expect(() => disputeWorkflow.transition(state, event, staff, facts)).toThrow(forbidden);
      else expect(disputeWorkflow.transition(state, event, staff, facts)).toBe(step.to);
      expect(() => disputeWorkflow.transition(state, event, 'RECEIVER', facts)).toThrow(forbidden);
    }
    expect(() => disputeWorkflow.transition(state, event, leader, facts)).toThrow(forbidden);
  });

  it('refuses consent and refusal before the one-time notification (调解前置)', () => {
    for (const event of ['CONSENT', 'REFUSE'] as const) {
      expect(() => disputeWorkflow.transition('ROUTED', event, staff, { noticesGiven: 0 })).toThrow(
        expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: '须先向当事人一次性告知(服务清单),再记录是否同意调解' }),
      );
    }
  });

  it('keeps the consent of a dispute handed back: it is routed again, not consented twice', () => {
    expect(() => disputeWorkflow.transition('ROUTED', 'CONSENT', staff, { noticesGiven: 1, consented: true })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: '当事人已同意调解;接收单位退回后请重新研判分流' }),
    );
    expect(() => disputeWorkflow.transition('ROUTED', 'REROUTE', staff, { noticesGiven: 1 })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: '当事人尚未同意调解,不能重新分流交办' }),
    );
  });

  it('ends in CLOSED and GUIDED_TO_LITIGATION', () => {
    for (const event of DISPUTE_EVENTS) {
      expect(disputeWorkflow.can('CLOSED', event)).toBe(false);
      expect(disputeWorkflow.can('GUIDED_TO_LITIGATION', event)).toBe(false);
    }
  });
});

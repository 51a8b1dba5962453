import { describe, expect, it } from 'vitest';
import { DISPUTE_EVENTS, DISPUTE_STATES, disputeWorkflow, type DisputeActor, type DisputeEvent, type DisputeState } from './dispute.workflow.js';
import { DomainError } from '@jiefen/workflow';

const staff = { roles: ['STAFF'] };
const supervisor = { roles: ['SUPERVISOR'] };
const leader = { roles: ['LEADER'] };
/** The parties were notified: 调解前置's guard lets consent and refusal through (tested on its own below). */
const notified = { noticesGiven: 1 };
/** A re-routing needs the consent on record (tested on its own below). */
const factsFor = (event: DisputeEvent) => (event === 'REROUTE' ? { noticesGiven: 1, consented: true } : notified);

/**
 * The expected machine, written out independently of the table: `state event → next who`, where who
 * is H (hub staff and the supervisor), S (the supervisor only), D (the receiving unit's reports, by
 * docking, only) or HD (both).
 */
const EXPECTED = `
REGISTERED ROUTE ROUTED H
REGISTERED GUIDE_TO_LITIGATION GUIDED_TO_LITIGATION H
REGISTERED DOCKING_ACCEPTED IN_MEDIATION D
REGISTERED DOCKING_CONCLUDED_AGREEMENT RESOLVED D
REGISTERED DOCKING_CONCLUDED_NO_AGREEMENT UNRESOLVED D
ROUTED ROUTE ROUTED H
ROUTED NOTIFY ROUTED H
ROUTED CONSENT IN_MEDIATION H
ROUTED REFUSE GUIDED_TO_LITIGATION H
ROUTED CHANGE_METHOD ROUTED H
ROUTED REROUTE IN_MEDIATION H
ROUTED DOCKING_ACCEPTED IN_MEDIATION D
ROUTED DOCKING_CONCLUDED_AGREEMENT RESOLVED D
ROUTED DOCKING_CONCLUDED_NO_AGREEMENT UNRESOLVED D
IN_MEDIATION HAND_BACK ROUTED D
IN_MEDIATION RECORD_ATTEMPT IN_MEDIATION HD
IN_MEDIATION ESCALATE IN_MEDIATION H
IN_MEDIATION CHANGE_METHOD IN_MEDIATION H
IN_MEDIATION RESOLVE RESOLVED H
IN_MEDIATION FAIL UNRESOLVED H
IN_MEDIATION DOCKING_ACCEPTED IN_MEDIATION D
IN_MEDIATION DOCKING_CONCLUDED_AGREEMENT RESOLVED D
IN_MEDIATION DOCKING_CONCLUDED_NO_AGREEMENT UNRESOLVED D
RESOLVED REQUEST_REVIEW UNDER_REVIEW H
UNRESOLVED ESCALATE IN_MEDIATION H
UNRESOLVED CHANGE_METHOD IN_MEDIATION H
UNRESOLVED REQUEST_REVIEW UNDER_REVIEW H
UNRESOLVED DOCKING_ACCEPTED IN_MEDIATION D
UNRESOLVED DOCKING_CONCLUDED_AGREEMENT RESOLVED D
UNDER_REVIEW APPROVE REVIEWED S
UNDER_REVIEW RETURN IN_MEDIATION S
REVIEWED CLOSE CLOSED S
REVIEWED GUIDE_TO_LITIGATION GUIDED_TO_LITIGATION S
`;
const expected = new Map(
  EXPECTED.trim()
    .split('\n')
    .map((line) => {
      const [state, event, to, who] = line.split(' ');
      return [`${state} ${event}`, { to: to as DisputeState, who: who! }];
    }),
);
const pairs = DISPUTE_STATES.flatMap((state) => DISPUTE_EVENTS.map((event) => [state, event] as [DisputeState, DisputeEvent]));
/** Every actor, and whether a step marked `who` is theirs. */
const ACTORS: [string, DisputeActor | { roles: string[] }, (who: string) => boolean][] = [
  ['staff', staff, (who) => who.includes('H')],
  ['supervisor', supervisor, (who) => who.includes('H') || who === 'S'],
  ['receiving unit (docking)', 'DOCKING', (who) => who.includes('D')],
  ['leader', leader, () => false],
];

describe('dispute workflow', () => {
  it('covers every state and event', () => {
    expect(pairs).toHaveLength(9 * 19);
  });

  it.each(pairs)('%s + %s', (state, event) => {
    const step = expected.get(`${state} ${event}`);
    if (!step) {
      expect(disputeWorkflow.can(state, event)).toBe(false);
      for (const [, actor] of ACTORS) {
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
    for (const [name, actor, allowed] of ACTORS) {
      const facts = factsFor(event);
      if (allowed(step.who)) expect(disputeWorkflow.transition(state, event, actor, facts), name).toBe(step.to);
      else expect(() => disputeWorkflow.transition(state, event, actor, facts), name).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });

  it('refuses consent and refusal before the one-time notification (调解前置)', () => {
    for (const event of ['CONSENT', 'REFUSE'] as const) {
      expect(() => disputeWorkflow.transition('ROUTED', event, staff, { noticesGiven: 0 })).toThrow(
        expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: '须先向当事人一次性告知(服务清单),再记录是否同意调解' }),
      );
    }
  });

  it('keeps the reports of the receiving unit away from a dispute under review or past it (only the hub reopens one)', () => {
    for (const state of ['RESOLVED', 'UNDER_REVIEW', 'REVIEWED', 'CLOSED', 'GUIDED_TO_LITIGATION'] as const) {
      for (const event of ['DOCKING_ACCEPTED', 'DOCKING_CONCLUDED_AGREEMENT', 'DOCKING_CONCLUDED_NO_AGREEMENT', 'RECORD_ATTEMPT'] as const) {
        expect(() => disputeWorkflow.transition(state, event, 'DOCKING')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
      }
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

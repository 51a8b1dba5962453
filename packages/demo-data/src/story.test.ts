import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from '@jiefen/codes';
import { DAINAN_COMMITTEE_CODE, chinaDayStart, demoDisputes, demoRoster, storyAnchor } from './index.js';

const DAY = 86_400_000;
// A Thursday afternoon in Beijing, and the first hour of a Monday that opens a month and a quarter.
const THURSDAY = new Date('2026-12-03T06:20:00Z');
const MONDAY_MIDNIGHT = new Date('2027-03-31T16:30:00Z');

/** Every moment the story tells of a dispute. */
function momentsOf(d: ReturnType<typeof demoDisputes>[number]): Date[] {
  const m = d.mediation;
  return [d.registeredAt, ...(m ? [m.receivedAt, m.acceptedAt, m.rejectedAt, m.concludedAt, ...m.sessionsAt] : []), d.handOver?.sentAt].filter(
    (x): x is Date => x instanceof Date,
  );
}

describe('the demo story', () => {
  it.each([THURSDAY, MONDAY_MIDNIGHT, new Date()])('tells nothing after the moment it is told from (%s)', (now) => {
    const anchor = storyAnchor(now);
    for (const d of demoDisputes(40, now)) for (const at of momentsOf(d)) expect(at.getTime()).toBeLessThanOrEqual(anchor.getTime());
  });

  it('hands every case over to an organization on the roster, by a valid 统一社会信用代码', () => {
    const roster = new Map(demoRoster(40, THURSDAY).map((o) => [o.code, o]));
    const handOvers = demoDisputes(40, THURSDAY).flatMap((d) => (d.handOver ? [d.handOver] : []));
    expect(new Set(handOvers.map((h) => h.kind))).toEqual(new Set(['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB']));
    for (const h of handOvers) {
      expect(roster.get(h.to.code)?.name).toBe(h.to.name);
      expect(isValidCreditCode(h.to.code)).toBe(true);
    }
  });

  it('agrees on every hand-over: the sender and the ledger see the mediation state', () => {
    const expected = { PENDING: 'SENT', REJECTED: 'REJECTED', ACCEPTED: 'ACCEPTED', IN_SESSION: 'ACCEPTED', CONCLUDED: 'CONCLUDED' };
    for (const d of demoDisputes(40, THURSDAY)) {
      if (d.handOver) expect(d.handOver.status).toBe(expected[d.mediation!.status]);
      if (d.mediation?.status === 'CONCLUDED') expect(d.hub.target).not.toMatch(/REGISTERED|ROUTED|IN_MEDIATION/);
      if (d.mediation?.acceptedAt && !d.mediation.concludedAt) expect(d.hub.target).toBe('IN_MEDIATION');
    }
  });

  it('has registrations, hand-overs, sessions and conclusions this week, this month and this quarter', () => {
    const disputes = demoDisputes(40, THURSDAY);
    const today = chinaDayStart(THURSDAY);
    const periods = { week: new Date(today.getTime() - 3 * DAY), month: new Date('2026-11-30T16:00:00Z'), quarter: new Date('2026-09-30T16:00:00Z') };
    for (const from of Object.values(periods)) {
      const inPeriod = (at: Date | null | undefined) => !!at && at >= from && at <= THURSDAY;
      expect(disputes.filter((d) => inPeriod(d.registeredAt)).length).toBeGreaterThan(0);
      expect(disputes.filter((d) => inPeriod(d.handOver?.sentAt)).length).toBeGreaterThan(0);
      expect(disputes.filter((d) => d.mediation?.sessionsAt.some(inPeriod)).length).toBeGreaterThan(0);
      expect(disputes.filter((d) => inPeriod(d.mediation?.concludedAt)).length).toBeGreaterThan(0);
    }
    // Today too, whenever the demo is seeded.
    expect(demoDisputes(40, MONDAY_MIDNIGHT).filter((d) => d.registeredAt >= chinaDayStart(MONDAY_MIDNIGHT)).length).toBeGreaterThan(0);
  });

  it("gives the mediator's committee cases to accept and cases in session to conclude", () => {
    const dainan = demoDisputes(40, THURSDAY).filter((d) => d.mediation?.organization.code === DAINAN_COMMITTEE_CODE);
    expect(dainan.filter((d) => d.mediation!.status === 'PENDING' && d.handOver).length).toBeGreaterThan(0);
    expect(dainan.filter((d) => d.mediation!.status === 'IN_SESSION').length).toBeGreaterThan(0);
  });

  it('is the same story told from any moment of the same hour', () => {
    const a = demoDisputes(40, new Date('2026-12-03T06:00:01Z'));
    const b = demoDisputes(40, new Date('2026-12-03T06:59:59Z'));
    expect(a).toEqual(b);
  });
});

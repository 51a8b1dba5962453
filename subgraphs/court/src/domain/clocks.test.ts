import { describe, expect, it } from 'vitest';
import { isOverdue } from '@jiefen/calendar';
import { acceptanceDueAt, applicationDeadline, COURT_CLOCKS, courtClocks, mediationDueAt, rulingDueAt } from './clocks.js';

const at = new Date('2026-11-02T01:00:00Z');
const days = (d: Date) => (d.getTime() - at.getTime()) / 86_400_000;

describe('court clocks (DOMAIN.md defaults)', () => {
  it('gives 委派 30 days and 委托 15 (ordinary) or 7 (summary) days', () => {
    expect(days(mediationDueAt('DELEGATED', at, null))).toBe(30);
    expect(days(mediationDueAt('ENTRUSTED', at, 'ORDINARY'))).toBe(15);
    expect(days(mediationDueAt('ENTRUSTED', at, 'SUMMARY'))).toBe(7);
  });

  it('gives the confirmation 30 days to apply, 3 to accept, 15 (+10 approved) to rule', () => {
    expect(days(applicationDeadline(at))).toBe(30);
    expect(days(acceptanceDueAt(at))).toBe(3);
    expect(days(rulingDueAt(at, false))).toBe(15);
    expect(days(rulingDueAt(at, true))).toBe(25);
  });

  it('is configuration: a province may override a clock', () => {
    const clocks = courtClocks({ delegatedMediationDays: 20 });
    expect(days(mediationDueAt('DELEGATED', at, null, clocks))).toBe(20);
    expect(COURT_CLOCKS.delegatedMediationDays).toBe(30);
  });

  it('is overdue only after the due moment, with an injected now', () => {
    const due = mediationDueAt('ENTRUSTED', at, 'SUMMARY');
    expect(isOverdue(due, new Date(due.getTime()))).toBe(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue(null, new Date('2099-01-01'))).toBe(false);
  });
});

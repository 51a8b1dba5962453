import { describe, expect, it } from 'vitest';
import { cadenceOfRegion, parsePeriod, periodContaining, periodsEndingIn, previousPeriod, reportDueAt } from './screening.js';

describe('screening periods', () => {
  it('reports weekly from villages and half-monthly from towns', () => {
    expect(cadenceOfRegion('321281123201')).toBe('WEEKLY');
    expect(cadenceOfRegion('321281123')).toBe('HALF_MONTHLY');
    expect(cadenceOfRegion('321281')).toBeNull();
  });

  it('names ISO weeks in China Standard Time', () => {
    // Saturday 28 November 2026 is in ISO week 48 (Monday 23rd to Sunday 29th).
    const week = periodContaining('WEEKLY', new Date('2026-11-28T10:00:00Z'));
    expect(week.key).toBe('2026-W48');
    expect(week.from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(week.to.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    // 23:30 UTC on Sunday is already Monday in Beijing.
    expect(periodContaining('WEEKLY', new Date('2026-11-29T16:30:00Z')).key).toBe('2026-W49');
    // 1 January 2027 (a Friday) belongs to 2026's week 53.
    expect(periodContaining('WEEKLY', new Date('2027-01-01T04:00:00Z')).key).toBe('2026-W53');
    expect(parsePeriod('2025-W53')).toBeNull();
  });

  it('splits months at the 16th', () => {
    expect(periodContaining('HALF_MONTHLY', new Date('2026-11-15T15:59:00Z')).key).toBe('2026-11-H1');
    expect(periodContaining('HALF_MONTHLY', new Date('2026-11-15T16:00:00Z')).key).toBe('2026-11-H2');
    const h2 = parsePeriod('2026-12-H2')!;
    expect(h2.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(previousPeriod(parsePeriod('2026-01-H1')!).key).toBe('2025-12-H2');
    expect(previousPeriod(parsePeriod('2026-W01')!).key).toBe('2025-W52');
  });

  it('refuses malformed keys and computes the due date', () => {
    for (const key of ['2026-W00', '2026-W54', '2026-13-H1', '2026-11-H3', '2026/11', '']) expect(parsePeriod(key)).toBeNull();
    expect(reportDueAt(parsePeriod('2026-W48')!, 1).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('lists the periods that end within a statistics period, each in exactly one', () => {
    const november = { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') };
    const december = { from: november.to, to: new Date('2026-12-31T16:00:00Z') };
    expect(periodsEndingIn('HALF_MONTHLY', november.from, november.to).map((p) => p.key)).toEqual(['2026-11-H1', '2026-11-H2']);
    // W44 (26 October – 1 November) ends on a November day; W49 (30 November – 6 December) in December.
    expect(periodsEndingIn('WEEKLY', november.from, november.to).map((p) => p.key)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(periodsEndingIn('WEEKLY', december.from, december.to)[0]!.key).toBe('2026-W49');
    const both = periodsEndingIn('WEEKLY', november.from, december.to).length;
    expect(both).toBe(periodsEndingIn('WEEKLY', november.from, november.to).length + periodsEndingIn('WEEKLY', december.from, december.to).length);
    expect(periodsEndingIn('WEEKLY', november.from, new Date(november.from.getTime() + 3_600_000))).toEqual([]);
  });
});

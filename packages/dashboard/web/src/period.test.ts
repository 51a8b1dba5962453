import { describe, expect, it } from 'vitest';
import { chinaToday, currentPeriod, decodePeriod, defaultGranularity, encodePeriod, granularities, isoWeek, periodInput, weeksInYear } from './period.js';

describe('the period picker’s periods', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek(2026, 12, 31)).toEqual({ weekYear: 2026, week: 53 });
    expect(isoWeek(2027, 1, 3)).toEqual({ weekYear: 2026, week: 53 });
    expect(isoWeek(2027, 1, 4)).toEqual({ weekYear: 2027, week: 1 });
    expect(isoWeek(2024, 12, 30)).toEqual({ weekYear: 2025, week: 1 });
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it('takes today in China, not in UTC', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in China.
    const t = chinaToday(new Date('2026-12-31T17:00:00Z'));
    expect(t).toMatchObject({ year: 2027, month: 1, day: 1, quarter: 1, weekYear: 2026, week: 53, date: '2027-01-01' });
    expect(currentPeriod('week', new Date('2026-12-31T17:00:00Z'))).toEqual({ kind: 'week', year: 2026, week: 53 });
  });

  it('asks the API for a custom range up to the start of the day after its last day, China time', () => {
    expect(periodInput({ kind: 'range', year: 2026, from: '2026-02-01', to: '2026-02-28' })).toEqual({
      from: '2026-02-01T00:00:00+08:00',
      to: '2026-03-01T00:00:00+08:00',
    });
    expect(periodInput({ kind: 'range', year: 2026, from: '2026-12-31', to: '2026-12-31' })).toEqual({
      from: '2026-12-31T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
    });
    expect(periodInput({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({ year: 2026, quarter: 4 });
  });

  it('keeps a period in the address and refuses what is not one', () => {
    for (const text of ['2026', '2026-Q4', '2026-11', '2026-W53', '2026-11-01..2026-11-30']) expect(encodePeriod(decodePeriod(text)!)).toBe(text);
    for (const text of ['2026-Q5', '2026-13', '2025-W53', '2026-11-30..2026-11-01', 'x', '']) expect(decodePeriod(text)).toBeNull();
  });

  it('draws a trend with a sensible number of points', () => {
    expect(defaultGranularity({ kind: 'year', year: 2026 })).toBe('MONTH');
    expect(defaultGranularity({ kind: 'quarter', year: 2026, quarter: 1 })).toBe('WEEK');
    expect(defaultGranularity({ kind: 'month', year: 2026, month: 2 })).toBe('WEEK');
    expect(defaultGranularity({ kind: 'week', year: 2026, week: 3 })).toBe('DAY');
    expect(granularities({ kind: 'week', year: 2026, week: 3 })).toEqual(['DAY', 'WEEK']);
    // Five years by day would be 1,826 points: more than the API's 400.
    expect(granularities({ kind: 'range', year: 2022, from: '2022-01-01', to: '2026-12-31' })).toEqual(['WEEK', 'MONTH', 'QUARTER']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays,
  addDaysToDate,
  addMonths,
  addMonthsToDate,
  chinaDate,
  chinaDay,
  chinaYear,
  halfMonth,
  isOverdue,
  isoWeekOf,
  isoWeekStart,
  startOfChinaDay,
} from './index.js';

const at = (iso: string) => new Date(iso);

describe('the China calendar', () => {
  it('adds days and calendar months (clamped to the month end, counted in China)', () => {
    expect(addDays(at('2026-11-28T02:00:00Z'), 3).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(addDays(at('2026-11-28T02:00:00Z'), -28).toISOString()).toBe('2026-10-31T02:00:00.000Z');
    expect(addMonths(at('2026-01-31T02:00:00Z'), 1).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    // 20:00 UTC on 31 January is already 1 February in China.
    expect(chinaDate(addMonths(at('2026-01-31T20:00:00Z'), 1))).toBe('2026-03-01');
    expect(addMonthsToDate('2024-02-29', 36)).toBe('2027-02-28');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('names the day and year of an instant in China, and when a day begins', () => {
    expect(chinaDate(at('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(chinaYear(at('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(chinaYear(at('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaDay(at('2026-11-15T16:00:00Z'))).toEqual({ year: 2026, month: 11, day: 16 });
    expect(startOfChinaDay('2026-11-28').toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  it('counts ISO weeks (week 53 only where the year has one) and half months', () => {
    expect(isoWeekOf(2026, 11, 28)).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf(2027, 1, 1)).toEqual({ year: 2026, week: 53 });
    expect(isoWeekStart(2026, 48)!.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(isoWeekStart(2026, 53)).not.toBeNull();
    expect(isoWeekStart(2025, 53)).toBeNull();
    expect(isoWeekStart(2026, 0)).toBeNull();
    expect(halfMonth(2026, 2, 2)).toEqual({ from: startOfChinaDay('2026-02-16'), to: startOfChinaDay('2026-03-01') });
    expect(halfMonth(2026, 12, 1)).toEqual({ from: startOfChinaDay('2026-12-01'), to: startOfChinaDay('2026-12-16') });
    expect(halfMonth(2026, 12, 2).to).toEqual(startOfChinaDay('2027-01-01'));
  });

  it('is overdue only after the due moment', () => {
    const due = at('2026-11-28T02:00:00Z');
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, addDays(due, 1 / 86_400_000))).toBe(true);
    expect(isOverdue(null, due)).toBe(false);
  });
});

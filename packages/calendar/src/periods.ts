import { chinaDay, chinaMidnight, DAY_MS, isoWeekOf, isoWeekStart } from './china-time.js';

/** A statistics period: [from, to) in China time, with the label a leader reads (2026年11月, 2026年第48周). */
export interface Period {
  from: Date;
  to: Date;
  label: string;
}

/** How a trend cuts a period: calendar months, ISO weeks, quarters, years or days (China time). */
export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

/**
 * The period a leader names: a year, a quarter or a month of a year, or an ISO week of an ISO year.
 * Returns null when the combination names no period (week 53 of a year without it, month 13, a
 * quarter and a month together); the caller says which field was wrong.
 */
export function namedPeriod(spec: { year: number; quarter?: number | null; month?: number | null; week?: number | null }): Period | null {
  const { year, quarter, month, week } = spec;
  if (!Number.isInteger(year) || year < 1949 || year > 9999) return null;
  const set = [quarter, month, week].filter((v) => v != null).length;
  if (set > 1) return null;
  if (week != null) {
    const from = isoWeekStart(year, week);
    return from ? { from, to: new Date(from.getTime() + 7 * DAY_MS), label: `${year}年第${week}周` } : null;
  }
  if (quarter != null) {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return null;
    return { from: chinaMidnight(year, quarter * 3 - 2, 1), to: chinaMidnight(year, quarter * 3 + 1, 1), label: `${year}年第${quarter}季度` };
  }
  if (month != null) {
    if (!Number.isInteger(month) || month < 1 || month > 12) return null;
    return { from: chinaMidnight(year, month, 1), to: chinaMidnight(year, month + 1, 1), label: `${year}年${month}月` };
  }
  return { from: chinaMidnight(year, 1, 1), to: chinaMidnight(year + 1, 1, 1), label: `${year}年` };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The label of an arbitrary [from, to): its first and last China day (2026-11-01至2026-11-30). */
export function rangeLabel(from: Date, to: Date): string {
  const a = chinaDay(from);
  const b = chinaDay(new Date(to.getTime() - 1));
  return `${a.year}-${pad(a.month)}-${pad(a.day)}至${b.year}-${pad(b.month)}-${pad(b.day)}`;
}

/** The calendar unit (China time) that holds `at`, as a period with its label. */
function unitOf(at: Date, granularity: Granularity): Period {
  const { year, month, day } = chinaDay(at);
  switch (granularity) {
    case 'DAY':
      return { from: chinaMidnight(year, month, day), to: chinaMidnight(year, month, day + 1), label: `${month}月${day}日` };
    case 'WEEK': {
      const w = isoWeekOf(year, month, day);
      return namedPeriod({ year: w.year, week: w.week })!;
    }
    case 'MONTH':
      return namedPeriod({ year, month })!;
    case 'QUARTER':
      return namedPeriod({ year, quarter: Math.ceil(month / 3) })!;
    case 'YEAR':
      return namedPeriod({ year })!;
  }
}

/**
 * The consecutive calendar units (months, ISO weeks…) that cover [from, to), each clipped to the
 * range, oldest first: a trend's points. At most `limit` (the most recent ones) so a five-year range
 * by day stays a bounded answer.
 */
export function periodBuckets(from: Date, to: Date, granularity: Granularity, limit = 400): Period[] {
  const buckets: Period[] = [];
  let at = from;
  while (at.getTime() < to.getTime()) {
    const unit = unitOf(at, granularity);
    const clipped = { from: at, to: unit.to.getTime() < to.getTime() ? unit.to : to, label: unit.label };
    buckets.push(clipped);
    at = clipped.to;
  }
  return buckets.slice(-limit);
}

/** The label of [from, to): the year, quarter, month, ISO week or day it is exactly, else its first and last day. */
export function periodLabel(from: Date, to: Date): string {
  for (const granularity of ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY'] as const) {
    const unit = unitOf(from, granularity);
    if (unit.from.getTime() === from.getTime() && unit.to.getTime() === to.getTime()) return unit.label;
  }
  return rangeLabel(from, to);
}

import { addDays, chinaDay, halfMonth, isoWeekOf, isoWeekStart } from '@jiefen/calendar';

/**
 * 排查 periods: villages and communities report weekly, towns (and streets) every half month
 * (DOMAIN.md). Periods are calendar periods in China Standard Time, named by keys:
 * `2026-W48` (ISO week, Monday to Sunday) and `2026-11-H1` (1st–15th) / `2026-11-H2` (16th–end).
 */
export const SCREENING_CADENCES = ['WEEKLY', 'HALF_MONTHLY'] as const;
export type ScreeningCadence = (typeof SCREENING_CADENCES)[number];

export interface Period {
  key: string;
  cadence: ScreeningCadence;
  /** Start (inclusive) and end (exclusive), as instants. */
  from: Date;
  to: Date;
}

/** Who reports how often: a 12-digit village/community weekly, a 9-digit town half-monthly. */
export function cadenceOfRegion(regionCode: string): ScreeningCadence | null {
  if (regionCode.length === 12) return 'WEEKLY';
  if (regionCode.length === 9) return 'HALF_MONTHLY';
  return null;
}

/** Region code length that reports at a cadence. */
export function regionLengthOf(cadence: ScreeningCadence): number {
  return cadence === 'WEEKLY' ? 12 : 9;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a cadence that contains an instant. */
export function periodContaining(cadence: ScreeningCadence, at: Date): Period {
  const { year, month, day } = chinaDay(at);
  if (cadence === 'HALF_MONTHLY') return parsePeriod(`${year}-${pad(month)}-${day <= 15 ? 'H1' : 'H2'}`)!;
  const week = isoWeekOf(year, month, day);
  return parsePeriod(`${week.year}-W${pad(week.week)}`)!;
}

/** A period from its key, or null when the key is malformed or names no such period. */
export function parsePeriod(key: string): Period | null {
  const weekly = /^(\d{4})-W(\d{2})$/.exec(key);
  if (weekly) {
    const from = isoWeekStart(Number(weekly[1]), Number(weekly[2]));
    return from ? { key, cadence: 'WEEKLY', from, to: addDays(from, 7) } : null;
  }
  const half = /^(\d{4})-(\d{2})-H([12])$/.exec(key);
  if (half) {
    const month = Number(half[2]);
    if (month < 1 || month > 12) return null;
    return { key, cadence: 'HALF_MONTHLY', ...halfMonth(Number(half[1]), month, half[3] === '1' ? 1 : 2) };
  }
  return null;
}

/** The period before this one (for "last period's missing reports"). */
export function previousPeriod(period: Period): Period {
  return periodContaining(period.cadence, new Date(period.from.getTime() - 1));
}

/**
 * The periods of a cadence that end within [from, to) — whose last instant lies in it (their
 * exclusive end in (from, to]) — in order: the periods a statistics period owes reports for. Every
 * period ends in exactly one of consecutive statistics periods, so owed reports add up over a trend.
 */
export function periodsEndingIn(cadence: ScreeningCadence, from: Date, to: Date): Period[] {
  const periods: Period[] = [];
  for (let p = periodContaining(cadence, from); p.to.getTime() <= to.getTime(); p = periodContaining(cadence, p.to)) periods.push(p);
  return periods;
}

/** A report is due by the end of its period plus a grace; after that a missing one is overdue. */
export function reportDueAt(period: Period, graceDays: number): Date {
  return addDays(period.to, graceDays);
}

/** A finding's forecast (研判): how it may develop. */
export const FORECASTS = ['STABLE', 'MAY_ESCALATE', 'LIKELY_ESCALATE'] as const;
export type Forecast = (typeof FORECASTS)[number];

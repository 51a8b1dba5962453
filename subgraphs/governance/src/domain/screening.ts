/**
 * 排查 periods: villages and communities report weekly, towns (and streets) every half month
 * (DOMAIN.md). Periods are calendar periods in China Standard Time, named by keys:
 * `2026-W48` (ISO week, Monday to Sunday) and `2026-11-H1` (1st–15th) / `2026-11-H2` (16th–end).
 */
export const SCREENING_CADENCES = ['WEEKLY', 'HALF_MONTHLY'] as const;
export type ScreeningCadence = (typeof SCREENING_CADENCES)[number];

const DAY = 86_400_000;
const CST = 8 * 3_600_000;

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

/** Monday 00:00 UTC of ISO week 1 of `year` (as a UTC calendar date). */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
}

/** The period of a cadence that contains an instant. */
export function periodContaining(cadence: ScreeningCadence, at: Date): Period {
  const local = new Date(at.getTime() + CST);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  if (cadence === 'HALF_MONTHLY') return parsePeriod(`${y}-${pad(m + 1)}-${d <= 15 ? 'H1' : 'H2'}`)!;
  const day = Date.UTC(y, m, d);
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY;
  const weekYear = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - isoWeekOneMonday(weekYear)) / (7 * DAY)) + 1;
  return parsePeriod(`${weekYear}-W${pad(week)}`)!;
}

/** A period from its key, or null when the key is malformed or names no such period. */
export function parsePeriod(key: string): Period | null {
  const weekly = /^(\d{4})-W(\d{2})$/.exec(key);
  if (weekly) {
    const year = Number(weekly[1]);
    const week = Number(weekly[2]);
    if (week < 1 || week > 53) return null;
    const monday = isoWeekOneMonday(year) + (week - 1) * 7 * DAY;
    // Week 53 exists only in some years: its Thursday must still belong to the same ISO year.
    if (new Date(monday + 3 * DAY).getUTCFullYear() !== year) return null;
    return { key, cadence: 'WEEKLY', from: new Date(monday - CST), to: new Date(monday + 7 * DAY - CST) };
  }
  const half = /^(\d{4})-(\d{2})-H([12])$/.exec(key);
  if (half) {
    const year = Number(half[1]);
    const month = Number(half[2]) - 1;
    if (month < 0 || month > 11) return null;
    const first = half[3] === '1';
    const from = Date.UTC(year, month, first ? 1 : 16);
    const to = first ? Date.UTC(year, month, 16) : Date.UTC(year, month + 1, 1);
    return { key, cadence: 'HALF_MONTHLY', from: new Date(from - CST), to: new Date(to - CST) };
  }
  return null;
}

/** The period before this one (for "last period's missing reports"). */
export function previousPeriod(period: Period): Period {
  return periodContaining(period.cadence, new Date(period.from.getTime() - 1));
}

/** A report is due by the end of its period plus a grace; after that a missing one is overdue. */
export function reportDueAt(period: Period, graceDays: number): Date {
  return new Date(period.to.getTime() + graceDays * DAY);
}

/** A finding's forecast (研判): how it may develop. */
export const FORECASTS = ['STABLE', 'MAY_ESCALATE', 'LIKELY_ESCALATE'] as const;
export type Forecast = (typeof FORECASTS)[number];

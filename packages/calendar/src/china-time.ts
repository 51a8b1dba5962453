/**
 * The calendar the law counts in: China Standard Time (UTC+8, no daylight saving). Instants are
 * `Date`s; calendar dates are `YYYY-MM-DD` strings. Pure and dependency-free, so every agency's
 * domain/ may use it (clocks, case-number years, screening periods).
 */

/** One day in milliseconds: legal clocks count calendar days, and China has no daylight saving. */
export const DAY_MS = 86_400_000;

/** The offset of China Standard Time from UTC. */
const CST_MS = 8 * 3_600_000;

/** An instant plus whole days (negative to go back). */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/**
 * An instant plus calendar months counted in China time; the day of the month is kept where the
 * month has it, else the month's last day (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(from: Date, months: number): Date {
  const local = new Date(from.getTime() + CST_MS);
  const day = local.getUTCDate();
  local.setUTCDate(1);
  local.setUTCMonth(local.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  local.setUTCDate(Math.min(day, lastDay));
  return new Date(local.getTime() - CST_MS);
}

/** Past its due moment at `now` (a running clock only: no due moment, nothing overdue). */
export function isOverdue(dueAt: Date | null | undefined, now: Date): boolean {
  return !!dueAt && now.getTime() > dueAt.getTime();
}

/** The calendar date (YYYY-MM-DD) of an instant in China. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

/** The year of an instant in China (a moment at 00:30 on 1 January belongs to the new year). */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CST_MS).getUTCFullYear();
}

/** Year, month (1–12) and day of an instant in China. */
export function chinaDay(at: Date): { year: number; month: number; day: number } {
  const local = new Date(at.getTime() + CST_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The instant a calendar day begins in China (00:00 China time). */
export function startOfChinaDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The instant a calendar day (year, month 1–12, day; out-of-range days roll over) begins in China. */
export function chinaMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - CST_MS);
}

/** A calendar date plus whole days. */
export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar date plus calendar months (day clamped to the month's last day, like `addMonths`). */
export function addMonthsToDate(date: string, months: number): string {
  return chinaDate(addMonths(startOfChinaDay(date), months));
}

/** Monday of ISO week 1 of `year`, as a UTC day number (ms). */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The ISO week (Monday to Sunday; week 1 holds the year's first Thursday) of a calendar day. */
export function isoWeekOf(year: number, month: number, day: number): { year: number; week: number } {
  const date = Date.UTC(year, month - 1, day);
  const thursday = date + (3 - ((new Date(date).getUTCDay() + 6) % 7)) * DAY_MS;
  const weekYear = new Date(thursday).getUTCFullYear();
  return { year: weekYear, week: Math.floor((thursday - isoWeekOneMonday(weekYear)) / (7 * DAY_MS)) + 1 };
}

/**
 * The instant ISO week `week` of `year` begins in China (Monday 00:00), or null when the year has
 * no such week (week 53 exists only in some years).
 */
export function isoWeekStart(year: number, week: number): Date | null {
  if (!Number.isInteger(week) || week < 1 || week > 53) return null;
  const monday = isoWeekOneMonday(year) + (week - 1) * 7 * DAY_MS;
  // The week's Thursday must still belong to the same ISO year.
  if (new Date(monday + 3 * DAY_MS).getUTCFullYear() !== year) return null;
  return new Date(monday - CST_MS);
}

/** Half `half` (1: the 1st–15th, 2: the 16th–end) of a month, as instants in China: start inclusive, end exclusive. */
export function halfMonth(year: number, month: number, half: 1 | 2): { from: Date; to: Date } {
  return half === 1
    ? { from: chinaMidnight(year, month, 1), to: chinaMidnight(year, month, 16) }
    : { from: chinaMidnight(year, month, 16), to: chinaMidnight(year, month + 1, 1) };
}

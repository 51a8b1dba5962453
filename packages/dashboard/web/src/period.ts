// The period picker's state, the API's `IndicatorPeriod` for it and the trend's granularity.
// Dates are China dates (the API counts in Asia/Shanghai).
export type PeriodKind = 'year' | 'quarter' | 'month' | 'week' | 'range';
export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER';

export interface Period {
  kind: PeriodKind;
  /** For `week`, the ISO week-numbering year. */
  year: number;
  quarter?: number;
  month?: number;
  week?: number;
  /** For `range`: first and last day, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** The GraphQL input `IndicatorPeriod`. */
export type IndicatorPeriod = { year: number; quarter?: number; month?: number; week?: number } | { from: string; to: string };

export const KIND_LABELS: Record<PeriodKind, string> = { year: '年度', quarter: '季度', month: '月份', week: '周', range: '自定义' };
export const GRANULARITY_LABELS: Record<Granularity, string> = { DAY: '按日', WEEK: '按周', MONTH: '按月', QUARTER: '按季' };

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in China: date parts, quarter and ISO week. */
export function chinaToday(now = new Date()): { year: number; month: number; day: number; quarter: number; weekYear: number; week: number; date: string } {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth() + 1;
  const day = china.getUTCDate();
  const { weekYear, week } = isoWeek(year, month, day);
  return { year, month, day, quarter: Math.ceil(month / 3), weekYear, week, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** ISO 8601 week of a calendar date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(year: number, month: number, day: number): { weekYear: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return { weekYear, week };
}

export function weeksInYear(year: number): number {
  return isoWeek(year, 12, 28).week;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

export function periodInput(p: Period): IndicatorPeriod {
  switch (p.kind) {
    case 'year':
      return { year: p.year };
    case 'quarter':
      return { year: p.year, quarter: p.quarter ?? 1 };
    case 'month':
      return { year: p.year, month: p.month ?? 1 };
    case 'week':
      return { year: p.year, week: p.week ?? 1 };
    case 'range':
      // The last day is included: the API's `to` is exclusive, so the next day's start in China.
      return { from: `${p.from}T00:00:00+08:00`, to: `${nextDay(p.to ?? p.from ?? '')}T00:00:00+08:00` };
  }
}

export function daysIn(p: Period): number {
  if (p.kind !== 'range' || !p.from || !p.to) return { year: 365, quarter: 91, month: 30, week: 7, range: 0 }[p.kind];
  return Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
}

/** The trend's default points: months of a year, weeks of a quarter or month, days of a week. */
export function defaultGranularity(p: Period): Granularity {
  const days = daysIn(p);
  if (days <= 31 && p.kind !== 'month') return 'DAY';
  if (days <= 122) return 'WEEK';
  return 'MONTH';
}

/** The periods one may ask a trend for without exceeding the API's 400 points. */
export function granularities(p: Period): Granularity[] {
  const days = daysIn(p);
  return (['DAY', 'WEEK', 'MONTH', 'QUARTER'] as const).filter((g) => {
    const points = days / { DAY: 1, WEEK: 7, MONTH: 30, QUARTER: 91 }[g];
    return points <= 400 && points >= 1;
  });
}

/** In the address (`#…&period=2026-Q4`): `2026`, `2026-Q4`, `2026-11`, `2026-W48`, `2026-11-01..2026-11-30`. */
export function encodePeriod(p: Period): string {
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'month':
      return `${p.year}-${pad(p.month ?? 1)}`;
    case 'week':
      return `${p.year}-W${pad(p.week ?? 1)}`;
    case 'range':
      return `${p.from}..${p.to}`;
  }
}

export function decodePeriod(text: string | null): Period | null {
  if (!text) return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return { kind: 'year', year: Number(m[1]) };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text))) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  if ((m = /^(\d{4})-W(\d{2})$/.exec(text)) && Number(m[2]) >= 1 && Number(m[2]) <= weeksInYear(Number(m[1]))) {
    return { kind: 'week', year: Number(m[1]), week: Number(m[2]) };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text)) && m[1]! <= m[2]!) {
    return { kind: 'range', year: Number(m[1]!.slice(0, 4)), from: m[1], to: m[2] };
  }
  return null;
}

/** The period of a kind that holds today (what the picker switches to when the kind changes). */
export function currentPeriod(kind: PeriodKind, now = new Date()): Period {
  const t = chinaToday(now);
  switch (kind) {
    case 'year':
      return { kind, year: t.year };
    case 'quarter':
      return { kind, year: t.year, quarter: t.quarter };
    case 'month':
      return { kind, year: t.year, month: t.month };
    case 'week':
      return { kind, year: t.weekYear, week: t.week };
    case 'range':
      return { kind, year: t.year, from: `${t.year}-${pad(t.month)}-01`, to: t.date };
  }
}

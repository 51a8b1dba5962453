import type { EntityManager } from '@mikro-orm/core';
import { childCodeLength, type IndicatorScope } from './report.js';

/**
 * One figure an agency counts in SQL over one table (aliased `x`):
 * - `when`: the column holding the moment the event happened; counted when it falls in the period.
 *   Without it the figure is a snapshot of now (open and overdue now), whatever the period.
 * - `where`: a further condition on `x` (constant SQL, no parameters).
 * - `sum`: a column summed instead of counting rows.
 */
export interface Measure {
  when?: string;
  where?: string;
  sum?: string;
}

/** A table an agency counts figures from: `from` names it with the alias `x`, `region` its region column. */
export interface IndicatorSource<K extends string = string> {
  from: string;
  region?: string;
  measures: Record<K, Measure>;
}

export type Counts<K extends string = string> = Record<K, number>;

function measureSql(measure: Measure): string {
  const conditions = [measure.when ? `x.${measure.when} >= s.f and x.${measure.when} < s.t` : null, measure.where ? `(${measure.where})` : null].filter(Boolean);
  const filter = conditions.length ? ` filter (where ${conditions.join(' and ')})` : '';
  return measure.sum ? `coalesce(sum(x.${measure.sum})${filter}, 0)` : `count(*)${filter}`;
}

/**
 * The rows that can count at all: an event in the period, or a snapshot's condition. The join keeps
 * only these, so a trend of 36 months reads each row for the months it counts in, not 36 times.
 */
function relevanceSql(source: IndicatorSource): string {
  const parts = new Set<string>();
  for (const m of Object.values(source.measures)) {
    if (!m.when) {
      if (!m.where) return 'true';
      parts.add(`(${m.where})`);
    } else parts.add(`(x.${m.when} >= s.f and x.${m.when} < s.t)`);
  }
  return [...parts].join(' or ') || 'true';
}

function selectList(source: IndicatorSource): string {
  return Object.entries(source.measures)
    .map(([name, m]) => `${measureSql(m)} as "${name}"`)
    .join(',\n  ');
}

/** The longest prefix the codes share: a constant LIKE prefix PostgreSQL can use the region index for. */
export function commonPrefix(codes: readonly string[]): string {
  let prefix = codes[0] ?? '';
  for (const code of codes) while (!code.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

const zero = <K extends string>(source: IndicatorSource<K>): Counts<K> =>
  Object.fromEntries(Object.keys(source.measures).map((k) => [k, 0])) as Counts<K>;

function toCounts<K extends string>(source: IndicatorSource<K>, row: Record<string, unknown> | undefined): Counts<K> {
  const counts = zero(source);
  if (row) for (const k of Object.keys(source.measures) as K[]) counts[k] = Number(row[k] ?? 0);
  return counts;
}

/**
 * A source's figures for many (region, period) scopes — a page's report, its children, its trend —
 * in one statement per region-code length: the scopes join the rows by region prefix
 * (`left(region, n) = code`, a hash join) and each figure filters by its scope's period; the
 * constant common prefix lets PostgreSQL read only that part of the region index.
 */
export async function countScopes<K extends string>(em: EntityManager, source: IndicatorSource<K>, scopes: readonly IndicatorScope[]): Promise<Counts<K>[]> {
  const region = source.region ?? 'x.region_code';
  const results: Counts<K>[] = scopes.map(() => zero(source));
  const byLength = new Map<number, number[]>();
  scopes.forEach((s, i) => byLength.set(s.regionCode.length, [...(byLength.get(s.regionCode.length) ?? []), i]));
  for (const [length, indexes] of byLength) {
    const picked = indexes.map((i) => scopes[i]!);
    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      `select s.i,
  ${selectList(source)}
from unnest(array[?]::text[], array[?]::timestamptz[], array[?]::timestamptz[]) with ordinality as s(code, f, t, i)
join ${source.from} on left(${region}, ${length}) = s.code and (${relevanceSql(source)})
where ${region} like ?
group by s.i`,
      [picked.map((s) => s.regionCode), picked.map((s) => s.from), picked.map((s) => s.to), `${commonPrefix(picked.map((s) => s.regionCode))}%`],
    );
    for (const row of rows) results[indexes[Number(row.i) - 1]!] = toCounts(source, row);
  }
  return results;
}

/**
 * A source's figures for each child region of a scope (towns of a county…), one statement
 * grouping by the child's code: what a ranking needs. Children without any record are absent.
 */
export async function countChildren<K extends string>(em: EntityManager, source: IndicatorSource<K>, scope: IndicatorScope): Promise<Map<string, Counts<K>>> {
  const length = childCodeLength(scope.regionCode);
  const result = new Map<string, Counts<K>>();
  if (!length) return result;
  const region = source.region ?? 'x.region_code';
  const rows: Record<string, unknown>[] = await em.getConnection().execute(
    `select left(${region}, ${length}) as child,
  ${selectList(source)}
from (select ?::timestamptz as f, ?::timestamptz as t) as s
join ${source.from} on (${relevanceSql(source)})
where ${region} like ? and length(${region}) >= ${length}
group by 1`,
    [scope.from, scope.to, `${scope.regionCode}%`],
  );
  for (const row of rows) result.set(String(row.child), toCounts(source, row));
  return result;
}

/** One group of a breakdown: its code (channel, category, level…) and how many. */
export interface KeyCount {
  key: string;
  count: number;
}

/**
 * How one figure divides by a column (by channel, category, tier, alert level…) for one scope, one
 * GROUP BY statement, largest group first. `measure` is read as in `countScopes`.
 */
export async function countBreakdown(
  em: EntityManager,
  source: { from: string; region?: string; key: string; measure: Measure },
  scope: IndicatorScope,
): Promise<KeyCount[]> {
  const region = source.region ?? 'x.region_code';
  const single = { from: source.from, measures: { count: source.measure } };
  const rows: { key: string | null; count: string }[] = await em.getConnection().execute(
    `select ${source.key} as key, ${measureSql(source.measure)} as count
from (select ?::timestamptz as f, ?::timestamptz as t) as s
join ${source.from} on (${relevanceSql(single)})
where ${region} like ?
group by 1`,
    [scope.from, scope.to, `${scope.regionCode}%`],
  );
  return rows
    .map((r) => ({ key: r.key ?? '未填', count: Number(r.count) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

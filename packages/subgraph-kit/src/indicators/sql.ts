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
  const conditions = [measure.when ? `x.${measure.when} >= s.f and x.${measure.when} < s.t` : null, measure.where ? `(${measure.where})` : null].filter(
    Boolean,
  );
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

const zero = <K extends string>(source: IndicatorSource<K>): Counts<K> => Object.fromEntries(Object.keys(source.measures).map((k) => [k, 0])) as Counts<K>;

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
  for (const { length, indexes, scopes: batch, prefix } of byCodeLength(scopes)) {
    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      `select s.i,
  ${selectList(source)}
from unnest(array[?]::text[], array[?]::timestamptz[], array[?]::timestamptz[]) with ordinality as s(code, f, t, i)
join ${source.from} on left(${region}, ${length}) = s.code and (${relevanceSql(source)})
where ${region} like ?
group by s.i`,
      [...batch, prefix],
    );
    for (const row of rows) results[indexes[Number(row.i) - 1]!] = toCounts(source, row);
  }
  return results;
}

/** One statement's share of a batch of scopes: those whose region codes have one length. */
export interface ScopeBatch {
  length: number;
  /** Row `i` of `unnest(…) with ordinality` answers `scopes[indexes[i - 1]]`. */
  indexes: number[];
  /** The parameters of `unnest(array[?]::text[], array[?]::timestamptz[], array[?]::timestamptz[]) with ordinality as s(code, f, t, i)`. */
  scopes: [string[], Date[], Date[]];
  /** `<common prefix>%`: the constant LIKE that lets PostgreSQL read only that part of a region index. */
  prefix: string;
}

/**
 * Scopes grouped by the length of their region code: one statement each, since
 * `left(region, n) = s.code` is a hash join only for a constant n.
 */
export function byCodeLength(scopes: readonly IndicatorScope[]): ScopeBatch[] {
  const groups = new Map<number, number[]>();
  scopes.forEach((s, i) => groups.set(s.regionCode.length, [...(groups.get(s.regionCode.length) ?? []), i]));
  return [...groups].map(([length, indexes]) => {
    const picked = indexes.map((i) => scopes[i]!);
    const codes = picked.map((s) => s.regionCode);
    return { length, indexes, scopes: [codes, picked.map((s) => s.from), picked.map((s) => s.to)], prefix: `${commonPrefix(codes)}%` };
  });
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

/** A breakdown: how one figure (`measure`, read as in `countScopes`) of a table divides by a column or expression of `x`. */
export interface BreakdownSource {
  from: string;
  region?: string;
  key: string;
  measure: Measure;
}

/**
 * How one figure divides by a column (by channel, category, tier, alert level…) for many scopes at
 * once — a report's children or trend points — in one GROUP BY statement per region-code length;
 * each scope's groups largest first, empty groups left out.
 */
export async function countBreakdowns(em: EntityManager, source: BreakdownSource, scopes: readonly IndicatorScope[]): Promise<KeyCount[][]> {
  const region = source.region ?? 'x.region_code';
  const single = { from: source.from, measures: { count: source.measure } };
  const results: KeyCount[][] = scopes.map(() => []);
  for (const { length, indexes, scopes: batch, prefix } of byCodeLength(scopes)) {
    const rows: { i: string; key: string | null; count: string }[] = await em.getConnection().execute(
      `select s.i, ${source.key} as key, ${measureSql(source.measure)} as count
from unnest(array[?]::text[], array[?]::timestamptz[], array[?]::timestamptz[]) with ordinality as s(code, f, t, i)
join ${source.from} on left(${region}, ${length}) = s.code and (${relevanceSql(single)})
where ${region} like ?
group by 1, 2`,
      [...batch, prefix],
    );
    for (const r of rows) if (Number(r.count) > 0) results[indexes[Number(r.i) - 1]!]!.push({ key: r.key ?? '未填', count: Number(r.count) });
  }
  return results.map((groups) => groups.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)));
}

/** How one figure divides by a column for one scope: `countBreakdowns` of that scope alone. */
export async function countBreakdown(em: EntityManager, source: BreakdownSource, scope: IndicatorScope): Promise<KeyCount[]> {
  return (await countBreakdowns(em, source, [scope]))[0]!;
}

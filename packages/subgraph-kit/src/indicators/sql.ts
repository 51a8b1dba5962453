import type { EntityManager } from '@mikro-orm/core';
import { DAY_MS } from '@jiefen/calendar';
import { childCodeLength, type IndicatorScope } from './report.js';
import type { DerivedObjects } from '@jiefen/database';
import { countChildrenFromRollup, countScopesFromRollup, readTotals, rollupObjects, wholeDays, type ScopeTotalsRow } from './rollup.js';
import { isStored, type Counts, type IndicatorSource, type Measure, type RollupSpec } from './source.js';

export type { Counts, IndicatorSource, Measure } from './source.js';

/**
 * Whether a batch of scopes reads the totals: when their common region is a town or larger. A
 * county's records span its whole history in the region index, and its page read them in ~200 ms
 * of PostgreSQL at a province's size. A town's are fewer, but its page (the town, its villages and
 * its months, every source) still cost more from the records than from the totals once the totals
 * were read by key ranges: at 1,000,000 disputes a town's page took 82 against 118 ms of
 * PostgreSQL per request, p95 181 against 306 ms (BENCHMARKS.md, Part 5). A village's few records
 * are counted where they lie.
 */
export const TOTALS_UP_TO_CODE_LENGTH = 9;
/** Which of a batch's scopes read a source's totals: whole China days, in a batch of a town or larger. */
const readingTotals = (scopes: readonly IndicatorScope[]): boolean[] =>
  commonPrefix(scopes.map((s) => s.regionCode)).length <= TOTALS_UP_TO_CODE_LENGTH ? scopes.map((s) => wholeDays(s)) : scopes.map(() => false);

/** Whether `countScopes` answers every one of these scopes from a source's totals (a town or larger, whole China days). */
export const answeredByTotals = (scopes: readonly IndicatorScope[]): boolean => scopes.length > 0 && readingTotals(scopes).every(Boolean);

/** The source with only some of its figures (the rest of a source with totals: counted from the records). */
function withMeasures(source: IndicatorSource, names: readonly string[]): IndicatorSource {
  return { from: source.from, region: source.region, measures: Object.fromEntries(names.map((k) => [k, source.measures[k]!])) };
}

/** A source's figures split into those its totals answer and those counted from the records. */
function splitByStorage(source: IndicatorSource): { stored: string[]; live: string[] } {
  const names = Object.keys(source.measures);
  if (!source.rollup) return { stored: [], live: names };
  return { stored: names.filter((k) => isStored(source.measures[k]!)), live: names.filter((k) => !isStored(source.measures[k]!)) };
}

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

/** Every figure of a source (or of a counter: anything with `measures`) at zero: a region or period without rows. */
export const zeroCounts = <K extends string>(source: { measures: Record<K, unknown> }): Counts<K> =>
  Object.fromEntries(Object.keys(source.measures).map((k) => [k, 0])) as Counts<K>;

function toCounts<K extends string>(source: IndicatorSource<K>, row: Record<string, unknown> | undefined): Counts<K> {
  const counts = zeroCounts(source);
  if (row) for (const k of Object.keys(source.measures) as K[]) counts[k] = Number(row[k] ?? 0);
  return counts;
}

/** China time's offset from UTC (UTC+8, no daylight saving, as packages/calendar counts). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Whether every bound of the scopes is a China midnight: then a moment may be counted by its China day. */
function chinaDayAligned(scopes: readonly IndicatorScope[]): boolean {
  return scopes.every((s) => (s.from.getTime() + CHINA_OFFSET_MS) % DAY_MS === 0 && (s.to.getTime() + CHINA_OFFSET_MS) % DAY_MS === 0);
}

/** Whether an instant is the China midnight that starts a month. */
function chinaMonthStart(at: Date): boolean {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  return china.getUTCDate() === 1 && (at.getTime() + CHINA_OFFSET_MS) % DAY_MS === 0;
}

/**
 * How coarsely a statement's rows may be grouped in time before they meet its scopes: so that every
 * scope's bounds are bucket bounds (a row's bucket lies in a scope exactly when the row does). One
 * bucket for the whole span when every scope has the same period (a report and its children); China
 * months when every bound starts one (a year and its months); China days when every bound is a China
 * midnight (weeks); else each moment itself. Coarser buckets, fewer groups: a county's towns × 12
 * months instead of × 365 days.
 */
type Bucket = { unit: 'span'; at: Date } | { unit: 'month' | 'day' | 'instant' };

function bucketOf(scopes: readonly IndicatorScope[]): Bucket {
  const first = scopes[0]!;
  if (scopes.every((s) => s.from.getTime() === first.from.getTime() && s.to.getTime() === first.to.getTime())) return { unit: 'span', at: first.from };
  if (scopes.every((s) => chinaMonthStart(s.from) && chinaMonthStart(s.to))) return { unit: 'month' };
  return { unit: chinaDayAligned(scopes) ? 'day' : 'instant' };
}

/**
 * The instant a moment is counted at (see `bucketOf`): the span's start; the China midnight that
 * starts its month or day (then `bucket >= f and bucket < t` exactly when `moment >= f and moment
 * < t`); or the moment itself. Rows outside the span never reach it (the branch's WHERE).
 */
function bucketSql(column: string, bucket: Bucket): string {
  switch (bucket.unit) {
    case 'span':
      return `'${bucket.at.toISOString()}'::timestamptz`;
    case 'month':
    case 'day':
      return `((date_trunc('${bucket.unit}', (x.${column} at time zone 'UTC') + interval '8 hours') - interval '8 hours') at time zone 'UTC')`;
    case 'instant':
      return `x.${column}`;
  }
}

/** A measure's aggregate over the rows of one branch (its moment's, or the snapshot's); 0 for the measures of the other branches. */
function branchValue(measure: Measure, mine: boolean): string {
  if (!mine) return '0';
  const filter = measure.where ? ` filter (where ${measure.where})` : '';
  return measure.sum ? `coalesce(sum(x.${measure.sum})${filter}, 0)` : `count(*)${filter}`;
}

/**
 * The rows of a source aggregated for one batch of scopes (`a(code, at, [key,] <figures>)`): one
 * branch per moment column, its rows within the batch's span grouped by child code and bucket, and
 * one branch of the snapshot figures grouped by code (`at` null). `key` groups further (a breakdown).
 */
/** A source's `from` with its `:prefix`es as parameters. */
function sourceFrom(from: string, prefix: string): { sql: string; params: string[] } {
  const parts = from.split(':prefix');
  return { sql: parts.join('?'), params: parts.slice(1).map(() => prefix) };
}

function aggregatedRows(
  source: IndicatorSource,
  length: number,
  picked: readonly IndicatorScope[],
  prefix: string,
  key?: string,
): { sql: string; params: unknown[] } | null {
  const region = source.region ?? 'x.region_code';
  const names = Object.keys(source.measures);
  const bucket = bucketOf(picked);
  const from = new Date(Math.min(...picked.map((s) => s.from.getTime())));
  const to = new Date(Math.max(...picked.map((s) => s.to.getTime())));
  const keyed = key ? `, ${key} as key` : '';
  const branches: string[] = [];
  const params: unknown[] = [];
  const table = sourceFrom(source.from, prefix);
  const branch = (at: string, mine: (m: Measure) => boolean, where: string, groupBy: string) => {
    params.push(...table.params);
    const values = names.map((k) => `${branchValue(source.measures[k]!, mine(source.measures[k]!))} as "${k}"`).join(', ');
    branches.push(`select left(${region}, ${length}) as code, ${at} as at${keyed}, ${values}
  from ${table.sql}
  where ${region} like ? and ${where}
  group by ${groupBy}${key ? ', 3' : ''}`);
  };
  for (const moment of new Set(names.map((k) => source.measures[k]!.when).filter((w): w is string => !!w))) {
    // A row none of this moment's figures counts adds nothing: left out, so a partial index may serve.
    const wheres = names.filter((k) => source.measures[k]!.when === moment).map((k) => source.measures[k]!.where);
    const relevant = wheres.every((w) => !!w) ? ` and (${wheres.map((w) => `(${w})`).join(' or ')})` : '';
    branch(bucketSql(moment, bucket), (m) => m.when === moment, `x.${moment} >= ? and x.${moment} < ?${relevant}`, '1, 2');
    params.push(prefix, from, to);
  }
  const snapshots = names.map((k) => source.measures[k]!).filter((m) => !m.when);
  if (snapshots.length) {
    const relevant = snapshots.some((m) => !m.where) ? 'true' : snapshots.map((m) => `(${m.where})`).join(' or ');
    branch('null::timestamptz', (m) => !m.when, `(${relevant})`, '1');
    params.push(prefix);
  }
  return branches.length ? { sql: branches.join('\nunion all\n'), params } : null;
}

/**
 * One statement for all the scopes of a tick, whatever their code lengths: the source's rows are
 * aggregated once at the longest code (`a`), rolled up to each shorter code (a county's days from
 * its towns' days), and each level joins its scopes by code, a row within its scope's period (a
 * snapshot row, `at` null, to every scope of its code). `select` reads `j(i, [key,] <figures>)`.
 */
function scopesStatement(
  source: IndicatorSource,
  scopes: readonly IndicatorScope[],
  select: string,
  groupBy: string,
  key?: string,
): { sql: string; params: unknown[] } | null {
  const names = Object.keys(source.measures);
  const lengths = [...new Set(scopes.map((s) => s.regionCode.length))].sort((x, y) => y - x);
  const longest = lengths[0]!;
  const rows = aggregatedRows(source, longest, scopes, `${commonPrefix(scopes.map((s) => s.regionCode))}%`, key);
  if (!rows) return null;
  const keyed = key ? ', key' : '';
  const sums = names.map((k) => `sum("${k}") as "${k}"`).join(', ');
  const levels = lengths.map((length) => {
    const level = length === longest ? 'a' : `(select left(code, ${length}) as code, at${keyed}, ${sums} from a group by 1, 2${key ? ', 3' : ''})`;
    return `select s.i${key ? ', r.key' : ''}, ${names.map((k) => `r."${k}"`).join(', ')}
  from s join ${level} r on r.code = s.code and (r.at is null or (r.at >= s.f and r.at < s.t))
  where length(s.code) = ${length}`;
  });
  const sql = `with s as (select * from unnest(array[?]::text[], array[?]::timestamptz[], array[?]::timestamptz[]) with ordinality as s(code, f, t, i)),
a as materialized (
${rows.sql}
)
select ${select}
from (
${levels.join('\nunion all\n')}
) j
group by ${groupBy}`;
  return { sql, params: [scopes.map((s) => s.regionCode), scopes.map((s) => s.from), scopes.map((s) => s.to), ...rows.params] };
}

/**
 * A source's figures for many (region, period) scopes — a page's report, its children, its trend —
 * in one statement. The rows are aggregated before they meet the scopes: one branch per moment
 * column (`when`), reading only the rows whose moment falls within the scopes' whole span, grouped
 * by code and the coarsest time bucket the scopes' bounds allow (`bucketOf`: the whole span, China
 * months, days, or the moment itself); one branch for the snapshot figures (no `when`), grouped by
 * code alone, so a snapshot is counted once per region, not once per trend point. The aggregated
 * rows then join the scopes by code, each bucket within its scope's period — a year's trend of 12
 * months joins a county's towns × 12 months, not every row 13 times. The constant common prefix lets PostgreSQL read only that part of the region index (an
 * index-only scan with the sources' covering indexes), once for the report, children and trend.
 */
export async function countScopes<K extends string>(em: EntityManager, source: IndicatorSource<K>, scopes: readonly IndicatorScope[]): Promise<Counts<K>[]> {
  const { stored, live } = splitByStorage(source);
  const daily = stored.length ? readingTotals(scopes) : [];
  if (!daily.some(Boolean)) return countFromRecords(em, source, scopes);
  // Whole-day scopes read the stored figures from the totals; other scopes (instants) and the
  // figures never stored (clock, snapshots) are counted from the records, as without totals.
  const fromTotals = scopes.filter((_, i) => daily[i]);
  const elsewhere = scopes.filter((_, i) => !daily[i]);
  const [totals, others, lives] = await Promise.all([
    countScopesFromRollup(em, source, stored, fromTotals),
    elsewhere.length ? countFromRecords(em, withMeasures(source, stored), elsewhere) : Promise.resolve([]),
    live.length ? countFromRecords(em, withMeasures(source, live), scopes) : Promise.resolve(scopes.map(() => ({}) as Counts)),
  ]);
  let t = 0;
  let o = 0;
  return scopes.map((_, i) => ({ ...zeroCounts(source), ...(daily[i] ? totals[t++] : others[o++]), ...lives[i] }) as Counts<K>);
}

/** Every figure of a source counted from its records (one statement, see `countScopes`). */
async function countFromRecords<K extends string>(em: EntityManager, source: IndicatorSource<K>, scopes: readonly IndicatorScope[]): Promise<Counts<K>[]> {
  const results: Counts<K>[] = scopes.map(() => zeroCounts(source));
  const statement = countScopesStatement(source, scopes);
  if (!statement) return results;
  const found: Record<string, unknown>[] = await em.getConnection().execute(statement.sql, statement.params);
  for (const row of found) results[Number(row.i) - 1] = toCounts(source, row);
  return results;
}

/** The statement `countScopes` sends for these scopes (its row `i` answers `scopes[i - 1]`); also what scripts/src/scale/plans.ts explains. */
export function countScopesStatement(source: IndicatorSource, scopes: readonly IndicatorScope[]): { sql: string; params: unknown[] } | null {
  if (!scopes.length) return null;
  const names = Object.keys(source.measures);
  return scopesStatement(source, scopes, `i,\n  ${names.map((k) => `coalesce(sum("${k}"), 0) as "${k}"`).join(',\n  ')}`, 'i');
}

/**
 * A source's figures for each child region of a scope (towns of a county…), one statement
 * grouping by the child's code: what a ranking needs. Children without any record are absent.
 */
export async function countChildren<K extends string>(em: EntityManager, source: IndicatorSource<K>, scope: IndicatorScope): Promise<Map<string, Counts<K>>> {
  const length = childCodeLength(scope.regionCode);
  const result = new Map<string, Counts<K>>();
  if (!length) return result;
  const { stored, live } = splitByStorage(source);
  if (stored.length && answeredByTotals([scope])) {
    const [totals, lives] = await Promise.all([
      countChildrenFromRollup(em, source, stored, scope, length),
      live.length ? countChildren(em, withMeasures(source, live), scope) : Promise.resolve(new Map<string, Counts>()),
    ]);
    for (const child of new Set([...totals.keys(), ...lives.keys()])) {
      // A child whose totals went back to zero (its records deleted or moved) has no record: not listed.
      if (!lives.has(child) && Object.values(totals.get(child) ?? {}).every((n) => n === 0)) continue;
      result.set(child, { ...zeroCounts(source), ...totals.get(child), ...lives.get(child) } as Counts<K>);
    }
    return result;
  }
  const region = source.region ?? 'x.region_code';
  const table = sourceFrom(source.from, `${scope.regionCode}%`);
  const rows: Record<string, unknown>[] = await em.getConnection().execute(
    `select left(${region}, ${length}) as child,
  ${selectList(source)}
from (select ?::timestamptz as f, ?::timestamptz as t) as s
join ${table.sql} on (${relevanceSql(source)})
where ${region} like ? and length(${region}) >= ${length}
group by 1`,
    [scope.from, scope.to, ...table.params, `${scope.regionCode}%`],
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
 * Breakdowns of one figure (`measure`, read as in `countScopes`) of a table, each by a column or
 * expression of `x` (`keys`: by channel, by category, by tier…).
 */
export interface BreakdownSource<D extends string = string> {
  from: string;
  region?: string;
  keys: Record<D, string>;
  measure: Measure;
  /** Per-region, per-day totals of the figure by every key (rollup.ts), as `IndicatorSource.rollup`. */
  rollup?: RollupSpec;
}

/** A breakdown as one source of one figure (`count`) over its rows × its keys (a lateral list), and the row's key (`<dim index>:<value>`). */
function breakdownAsSource(source: BreakdownSource): { single: IndicatorSource; key: string } {
  const values = Object.values<string>(source.keys)
    .map((expr, i) => `(${i}, (${expr})::text)`)
    .join(', ');
  return {
    single: {
      from: `${source.from} cross join lateral (values ${values}) as k(dim, val)`,
      region: source.region,
      measures: { count: source.measure },
      rollup: source.rollup,
    },
    key: "k.dim || ':' || coalesce(k.val, '')",
  };
}

type BreakdownRow = { i: string; key: string; count: string };

/** The SQL objects that keep a breakdown's totals, for `DatabaseModule.derived`. */
export function breakdownRollupObjects(source: BreakdownSource): DerivedObjects {
  const { single, key } = breakdownAsSource(source);
  return rollupObjects(single, key);
}

/**
 * How one figure divides by each of a source's keys, for many scopes at once — a report's children
 * or trend points — in one GROUP BY statement (as `countScopes`): each row of the table is read
 * once and counted once per key (a lateral list of its key values), so three breakdowns of the
 * disputes read the disputes once, not three times. Each scope's groups largest first, empty groups
 * left out, a key without a value as 未填.
 */
export async function countBreakdowns<D extends string>(
  em: EntityManager,
  source: BreakdownSource<D>,
  scopes: readonly IndicatorScope[],
): Promise<Record<D, KeyCount[]>[]> {
  const dims = Object.keys(source.keys) as D[];
  const results = scopes.map(() => Object.fromEntries(dims.map((d) => [d, [] as KeyCount[]])) as Record<D, KeyCount[]>);
  const { single, key } = breakdownAsSource(source);
  // Whole-day scopes from the totals (when kept), the others from the records; `i` of each answer
  // is its scope's place in `scopes` (1-based).
  const daily = source.rollup && isStored(source.measure) ? readingTotals(scopes) : scopes.map(() => false);
  const fromTotals = scopes.filter((_, i) => daily[i]);
  const fromRecords = scopes.filter((_, i) => !daily[i]);
  const place = (subset: boolean) => scopes.map((_, i) => i).filter((i) => daily[i] === subset);
  const statement = fromRecords.length ? scopesStatement(single, fromRecords, 'i, key, sum(count) as count', '1, 2', key) : null;
  const [totals, records] = await Promise.all([
    fromTotals.length ? readTotals(em, source.rollup!, ['count'], fromTotals) : Promise.resolve([] as ScopeTotalsRow[]),
    statement ? (em.getConnection().execute(statement.sql, statement.params) as Promise<BreakdownRow[]>) : Promise.resolve([] as BreakdownRow[]),
  ]);
  const found = [
    ...totals.map((r) => ({ at: place(true)[Number(r.i) - 1]!, key: r.key, count: Number(r.count) })),
    ...records.map((r) => ({ at: place(false)[Number(r.i) - 1]!, key: r.key, count: Number(r.count) })),
  ];
  for (const r of found) {
    if (r.count <= 0) continue;
    const colon = r.key.indexOf(':');
    const value = r.key.slice(colon + 1);
    results[r.at]![dims[Number(r.key.slice(0, colon))]!].push({ key: value === '' ? '未填' : value, count: r.count });
  }
  for (const result of results) for (const d of dims) result[d].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return results;
}

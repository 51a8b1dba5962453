import type { EntityManager } from '@mikro-orm/core';
import type { DerivedObjects } from '@jiefen/database';
import { DAY_MS } from '@jiefen/calendar';
import type { IndicatorScope } from './report.js';
import { isStored, type Counts, type IndicatorSource, type Measure, type RollupSpec } from './source.js';

export { isStored, type RollupSpec } from './source.js';

/*
 * Per-region, per-China-day totals of an indicator source (DESIGN.md §8), kept in the agency's own
 * database in the same transaction as the records they count.
 *
 * Two tables per source:
 * - `<name>_own(code, day, key, figures…)`: the records whose region is exactly `code`, per China day
 *   of each figure's moment (a figure counts on the day its own `when` falls on).
 * - `<name>_tree(code, day, key, figures…)`: the totals of a county's and a town's whole subtree
 *   (`TREE_LEVELS`). Larger regions sum their counties, a village reads its own rows: no row every
 *   write in a province would update, so writes in different counties never wait for each other.
 *
 * What it buys: the records are keyed by region only in their covering indexes, so counting a
 * county's month read its three years of records. The totals are keyed by (code, grain, day): a
 * period reads its whole months from the month rows (`grain` M, `day` the month's first) and its
 * edges from the day rows (`D`) — a county's year is 12 rows per code, a week 7, whatever the
 * history. Any period whose bounds are China midnights (every period the API names) can read them;
 * `sql.ts` reads them for a town or larger (`TOTALS_UP_TO_CODE_LENGTH`), where they pay.
 * `key` is a breakdown's dimension and value ('' for a source without).
 *
 * The invariant: for every code, day and key, `_own` holds exactly what the source's SQL counts over
 * the records of that code, and `_tree` the sum of `_own` over the codes it covers, as of the last
 * commit. Every statement that changes a table the source reads notes its own change, and the
 * transaction adds what it noted to both when it commits (`rollupObjects`) — never a recompute of a
 * region's history, and no lock on a village's shared rows held while the application works: a busy
 * village's write costs what a quiet one's does.
 * Figures whose condition reads the clock (`readsClock`) and snapshots (no `when`) are never stored.
 */

/** The region code lengths whose subtree totals are stored: county and town. */
export const TREE_LEVELS = [6, 9] as const;

const CLOCK = /\bnow\s*\(|current_(date|time|timestamp)|localtime|(transaction|statement|clock)_timestamp|'(now|today|tomorrow|yesterday)'/i;

/** The stored figures of a source with totals; refuses a stored figure whose condition reads the clock unmarked. */
export function storedMeasures(source: IndicatorSource): string[] {
  const names = Object.keys(source.measures).filter((k) => isStored(source.measures[k]!));
  if (!names.length) throw new Error(`indicator totals ${source.rollup?.name}: the source has no figure to keep (each reads the clock or has no moment)`);
  for (const k of names) {
    const where = source.measures[k]!.where ?? '';
    if (CLOCK.test(where)) throw new Error(`indicator ${source.rollup?.name}.${k}: its condition reads the clock; mark it readsClock (never stored)`);
  }
  return names;
}

const q = (name: string) => `"${name}"`;

/** The China day (a date) an instant column falls in. */
const chinaDay = (column: string) => `((x.${column} at time zone 'UTC') + interval '8 hours')::date`;

function value(measure: Measure): string {
  const filter = measure.where ? ` filter (where ${measure.where})` : '';
  return measure.sum ? `coalesce(sum(x.${measure.sum})${filter}, 0)` : `count(*)${filter}`;
}

/**
 * The source's stored figures per region code, China day and key (`code, day, key, <figures>`), one
 * branch per moment column, over the rows of `x` that `filter` keeps. `keySql` (an expression of `x`)
 * groups further: a breakdown's dimension and value ('' without).
 */
function dayBranches(source: IndicatorSource, names: string[], keySql: string, filter?: string): string {
  const region = source.region ?? 'x.region_code';
  const from = source.from.split(':prefix').join("'%'");
  const moments = [...new Set(names.map((k) => source.measures[k]!.when!))];
  return moments
    .map((moment) => {
      const values = names.map((k) => `${source.measures[k]!.when === moment ? value(source.measures[k]!) : '0'} as ${q(k)}`).join(', ');
      const mine = names.filter((k) => source.measures[k]!.when === moment).map((k) => source.measures[k]!.where);
      // A row none of this moment's figures counts adds nothing: left out (a partial index may serve).
      const relevant = mine.every((w) => !!w) ? ` and (${mine.map((w) => `(${w})`).join(' or ')})` : '';
      return `select ${region} as code, ${chinaDay(moment)} as day, ${keySql} as key, ${values} from ${from} where x.${moment} is not null${relevant}${filter ? ` and ${filter}` : ''} group by 1, 2, 3`;
    })
    .join('\nunion all\n');
}

/** The source with every reading of `table` (in `from` and in the figures' conditions) read from `instead`. */
function reading(source: IndicatorSource, table: string, instead: string): IndicatorSource {
  const swap = (sql: string) => sql.replace(new RegExp(`\\b${table}\\b`, 'g'), instead);
  const measures = Object.fromEntries(Object.entries(source.measures).map(([k, m]) => [k, m.where ? { ...m, where: swap(m.where) } : m]));
  return { ...source, from: swap(source.from), measures };
}

/**
 * The one table a source without `root` reads: `rollup.table`, or the `<table>` of a `from` written
 * `<table> x …`. Refused when the source visibly reads another (a join, a second `from`, a figure's
 * subquery): such a source needs `root`.
 */
function tableOf(source: IndicatorSource, spec: RollupSpec): string {
  const table = spec.table ?? /^([a-z_][a-z0-9_]*) x\b/.exec(source.from.trim())?.[1];
  const froms = source.from.match(/\bfrom\b/gi)?.length ?? 0;
  const joins = /\bjoin\s+(?!lateral\b)/i.test(source.from);
  const subquery = Object.values(source.measures).some((m) => /\bselect\b/i.test(m.where ?? ''));
  if (!table || froms > 1 || joins || subquery) throw new Error(`indicator totals ${spec.name}: the source reads more than one table; declare rollup.root`);
  return table;
}

/**
 * The SQL objects that keep a source's totals (tables, functions, triggers), for
 * `DatabaseModule.derived`; `keySql` (an expression of `x`) adds a key to every row (a breakdown).
 *
 * Each statement on a table the source reads notes its change (statement-level triggers with
 * transition tables, into `<name>_pending`), recomputing nothing; at commit a deferred trigger adds
 * the transaction's notes to the totals, so the shared rows (a village's day and month, its town's,
 * its county's) are locked for the commit only:
 * - A source over one table (`<table> x`): the figures of the statement's new rows less those of its
 *   old rows. Increments commute, so transactions never wait for each other but to commit.
 * - A source reading several tables (`rollup.root`): the figures of the roots the statement touched
 *   (the records its rows belong to: a case and its agreement), as they are now less as they were
 *   before the statement (the table read with the statement's rows undone: the rest less the new rows,
 *   plus the old). A root is locked first (an advisory lock until commit, taken in the roots' order), so the
 *   computing statement — a fresh snapshot under READ COMMITTED — sees every other transaction's
 *   change of that root committed: two transactions on one case take turns, and the second's
 *   "before" is the first's "after". Cost: the touched roots' rows, whatever the region's history.
 */
export function rollupObjects(source: IndicatorSource, keySql = "''"): DerivedObjects {
  const spec = source.rollup;
  if (!spec) throw new Error('rollupObjects: the source declares no rollup');
  if (!/^[a-z][a-z0-9_]*$/.test(spec.name)) throw new Error(`rollup name ${spec.name}: lower-case letters, digits and _`);
  const names = storedMeasures(source);
  const own = `${spec.name}_own`;
  const tree = `${spec.name}_tree`;
  const columns = names.map((k) => `${q(k)} numeric not null default 0`).join(', ');
  const list = names.map(q).join(', ');
  const sums = names.map((k) => `sum(${q(k)}) as ${q(k)}`).join(', ');
  const negated = names.map((k) => `-${q(k)} as ${q(k)}`).join(', ');
  const nonzero = names.map((k) => `sum(${q(k)}) <> 0`).join(' or ');
  const increments = (table: string) => names.map((k) => `${q(k)} = ${table}.${q(k)} + excluded.${q(k)}`).join(', ');
  const levels = `array[${TREE_LEVELS.join(', ')}]`;
  const tables: Record<string, string | null> = spec.root ? spec.root.tables : { [tableOf(source, spec)]: null };
  const pending = `${spec.name}_pending`;
  // One row per transaction with something pending: its insert queues the one fold at commit.
  const marker = `${spec.name}_folds`;
  // Notes (figures of `plus`) − (figures of `minus`), each `code, day, key, <figures>` rows, as the
  // transaction's pending change: a plain insert, no lock on a shared row.
  const change = (ctes: string, plus: string | null, minus: string | null) => `with ${ctes}dd as (
    select code, day, key, ${sums} from (
      ${[
        ...(plus ? [`select code, day, key, ${list} from (\n${plus}\n) n`] : []),
        ...(minus ? [`select code, day, key, ${negated} from (\n${minus}\n) o`] : []),
      ].join('\n      union all\n      ')}
    ) u group by 1, 2, 3 having ${nonzero}
  ), noted as (
    insert into ${pending} (code, day, key, ${list}) select code, day, key, ${list} from dd returning 1
  )
  insert into ${marker} (xid) select txid_current() where exists (select 1 from noted) on conflict do nothing`;
  const tableTriggers = Object.entries(tables).flatMap(([table, rootOf], t) => {
    const fn = `${spec.name}_on_${t}`;
    const body = (rows: readonly string[]) => {
      if (!spec.root || rootOf === null) {
        const over = (transition: string) => dayBranches(reading(source, table, transition), names, keySql);
        return `begin
  ${change('', rows.includes('jf_new') ? over('jf_new') : null, rows.includes('jf_old') ? over('jf_old') : null)};
  return null;
end`;
      }
      const roots = `select distinct v from (${rows.map((r) => `select (${rootOf}) as v from ${r} r`).join(' union all ')}) s where v is not null`;
      // The touched roots' rows: an index range (`= any`) wherever a table meets them, and a semi-join
      // (`in`) that tells the planner how few they are (an array's size it guesses at ten).
      const filter = `x.${spec.root.column} = any(array(${roots})) and x.${spec.root.column} in (${roots})`;
      // The table before the statement, as far as the touched roots read it: its other rows (those of
      // the roots, when a row's root is one of its columns: a small set, computed once) and the old rows.
      const column = /^r\.([a-z_][a-z0-9_]*)$/.exec(rootOf)?.[1];
      const key = spec.root.keys?.[table] ?? 'id';
      const others = [
        ...(rows.includes('jf_new') ? [`${key} <> all(array(select ${key} from jf_new))`] : []),
        ...(column ? [`${column} = any(array(${roots}))`] : []),
      ];
      const before = [
        `select * from ${table}${others.length ? ` where ${others.join(' and ')}` : ''}`,
        ...(rows.includes('jf_old') ? ['select * from jf_old'] : []),
      ].join(' union all ');
      return `begin
  perform pg_advisory_xact_lock(hashtext('${spec.name}'), hashtext(l.v::text)) from (${roots} order by 1) l;
  ${change(
    `jf_before as ${column ? '' : 'not '}materialized (${before}), `,
    dayBranches(source, names, keySql, filter),
    dayBranches(reading(source, table, 'jf_before'), names, keySql, filter),
  )};
  return null;
end`;
    };
    const events = [
      ['insert', 'new table as jf_new', ['jf_new']],
      ['update', 'old table as jf_old new table as jf_new', ['jf_old', 'jf_new']],
      ['delete', 'old table as jf_old', ['jf_old']],
    ] as const;
    return [
      ...events.map(
        ([event, , rows]) => `create function ${fn}_${event}() returns trigger language plpgsql as $f$
${body(rows)} $f$`,
      ),
      ...events.map(
        ([event, referencing]) =>
          `create trigger ${fn}_${event} after ${event} on ${table} referencing ${referencing} for each statement execute function ${fn}_${event}()`,
      ),
      `create function ${fn}_truncate() returns trigger language plpgsql as $f$
begin
  perform ${spec.name}_build();
  return null;
end $f$`,
      `create trigger ${fn}_truncate after truncate on ${table} for each statement execute function ${fn}_truncate()`,
    ];
  });
  return {
    name: spec.name,
    install: [
      `create table ${own} (code text collate "C" not null, grain "char" not null, day date not null, key text not null, ${columns}, primary key (code, grain, day, key))`,
      `create table ${tree} (code text collate "C" not null, grain "char" not null, day date not null, key text not null, ${columns}, primary key (code, grain, day, key))`,
      // What the transaction's statements changed, folded into the totals when it commits: the rows
      // every write in a village adds to (its day, its month, its town's and county's) are locked for
      // the commit alone, not from the statement until the application's last round trip.
      `create table ${pending} (xid bigint not null default txid_current(), code text collate "C" not null, day date not null, key text not null, ${columns})`,
      `create index on ${pending} (xid)`,
      `create table ${marker} (xid bigint primary key)`,
      // Adds the transaction's pending change to the day and month rows of each code and of its county
      // and town, in key order (two transactions folding at once lock shared rows in one order).
      `create function ${spec.name}_fold() returns trigger language plpgsql as $f$
begin
  delete from ${marker} where xid = txid_current();
  with p as (
    delete from ${pending} where xid = txid_current() returning code, day, key, ${list}
  ), dd as (
    select code, day, key, ${sums} from p group by 1, 2, 3 having ${nonzero}
  ), d as (
    select code, 'D'::"char" as grain, day, key, ${list} from dd
    union all
    select code, 'M'::"char", date_trunc('month', day)::date, key, ${sums} from dd group by 1, 3, 4
  ), t as (
    insert into ${tree} as o (code, grain, day, key, ${list})
    select left(d.code, n), d.grain, d.day, d.key, ${sums} from d cross join unnest(${levels}) n where n <= length(d.code) group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (code, grain, day, key) do update set ${increments('o')}
  )
  insert into ${own} as o (code, grain, day, key, ${list}) select code, grain, day, key, ${list} from d order by 1, 2, 3, 4
  on conflict (code, grain, day, key) do update set ${increments('o')};
  return null;
end $f$`,
      // Fires at commit, once per transaction (its first statement's marker; the others' conflict).
      `create constraint trigger ${spec.name}_fold after insert on ${marker} deferrable initially deferred for each row execute function ${spec.name}_fold()`,
      // Fills both tables afresh from all the records (install, a truncate, a bulk load); what the
      // transaction had pending is in the records already.
      `create function ${spec.name}_build() returns void language plpgsql as $f$
begin
  delete from ${pending} where xid = txid_current();
  delete from ${own};
  delete from ${tree};
  insert into ${own} (code, grain, day, key, ${list})
  select code, 'D', day, key, ${sums} from (
${dayBranches(source, names, keySql)}
  ) b group by 1, 3, 4 having ${nonzero};
  insert into ${own} (code, grain, day, key, ${list})
  select code, 'M', date_trunc('month', day)::date, key, ${sums} from ${own} where grain = 'D' group by 1, 3, 4;
  insert into ${tree} (code, grain, day, key, ${list})
  select left(o.code, n), o.grain, o.day, o.key, ${sums} from ${own} o cross join unnest(${levels}) n where n <= length(o.code) group by 1, 2, 3, 4;
end $f$`,
      ...tableTriggers,
    ],
    build: [`select ${spec.name}_build()`],
    drop: [
      `drop table if exists ${own}, ${tree}, ${pending}, ${marker}`,
      `drop function if exists ${spec.name}_build() cascade`,
      `drop function if exists ${spec.name}_fold() cascade`,
    ].concat(
      Object.keys(tables).flatMap((_, t) =>
        ['insert', 'update', 'delete', 'truncate'].map((e) => `drop function if exists ${spec.name}_on_${t}_${e}() cascade`),
      ),
    ),
  };
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China date (YYYY-MM-DD) of a China midnight. */
const chinaDate = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** Whether a scope's bounds are China midnights (then the totals answer it). */
export function wholeDays(scope: IndicatorScope): boolean {
  const midnight = (at: Date) => (at.getTime() + CHINA_OFFSET_MS) % DAY_MS === 0;
  return midnight(scope.from) && midnight(scope.to) && scope.from.getTime() < scope.to.getTime();
}

/** The stored level a region of this code length reads its subtree from (0: none finer, its own rows). */
const treeLevelFor = (length: number) => TREE_LEVELS.find((n) => n >= length) ?? 0;

/**
 * Which rows sum to a region of code length `length`: the subtree totals at the first stored level
 * at or below it, plus the own rows of codes between (a province's own rows and its cities', above
 * its counties); below the finest stored level (a village), its own rows.
 */
interface Reading {
  tree: number;
  ownFrom: number;
  ownTo: number;
}
function readingOf(length: number): Reading {
  const tree = treeLevelFor(length);
  return { tree, ownFrom: length, ownTo: tree || 99 };
}

/** A row of the totals for one scope (`i`, from 1) and key. */
export type ScopeTotalsRow = { i: string; key: string } & Record<string, unknown>;

/** A China date (YYYY-MM-DD) moved to the first of its month, or of the next month. */
const monthOf = (date: string) => `${date.slice(0, 8)}01`;
function nextMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * How a whole-day period reads the totals: its whole months from the month rows (`M`), the days
 * before the first and after the last from the day rows (`D`) — a year is 12 rows per code, a week
 * 7. Without a whole month inside, every day from the day rows (`mf = mt = t`).
 */
interface Span {
  f: string;
  t: string;
  mf: string;
  mt: string;
}
function spanOf(scope: IndicatorScope): Span {
  const f = chinaDate(scope.from);
  const t = chinaDate(scope.to);
  const mf = f.endsWith('-01') ? f : nextMonth(f);
  const mt = monthOf(t);
  return mf < mt ? { f, t, mf, mt } : { f, t, mf: t, mt: t };
}

/** Every day the spans read from the day rows. */
function edgeDays(spans: readonly Span[]): string[] {
  const days = new Set<string>();
  const add = (from: string, to: string) => {
    for (let at = new Date(`${from}T00:00:00Z`); at.toISOString().slice(0, 10) < to; at = new Date(at.getTime() + DAY_MS))
      days.add(at.toISOString().slice(0, 10));
  };
  for (const span of spans) {
    add(span.f, span.mf);
    add(span.mt, span.t);
  }
  return [...days].sort();
}

/** The rows of one table within the spans: the month rows of the months and the day rows of the edge days. */
function rowsWithin(table: string, columns: string, where: string, whereParams: unknown[], spans: readonly Span[]): { sql: string; params: unknown[] } {
  const months = spans.filter((x) => x.mf < x.mt);
  const days = edgeDays(spans);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (months.length) {
    parts.push(`select ${columns} from ${table} where ${where} and grain = 'M' and day >= ?::date and day < ?::date`);
    params.push(
      ...whereParams,
      months.map((x) => x.mf).sort()[0],
      months
        .map((x) => x.mt)
        .sort()
        .at(-1),
    );
  }
  if (days.length) {
    parts.push(`select ${columns} from ${table} where ${where} and grain = 'D' and day = any(array[?]::date[])`);
    params.push(...whereParams, days);
  }
  return { sql: parts.join('\nunion all\n'), params };
}

/**
 * The stored figures of many whole-day scopes (a page's report, children and trend), per key, in one
 * statement over the totals. Each scope reads, by its own index ranges, only the rows it sums
 * (`readingOf`, `spanOf`): its subtree rows by code (a county, a town) or its counties' (a larger
 * region), its own rows (a village, and a larger region's own codes above its counties) — the month
 * rows of its whole months and the day rows of its edges. No join of every scope with every row: a
 * town's 60 villages read 60 ranges, not 60 × the town's rows.
 */
export async function readTotals(em: EntityManager, spec: RollupSpec, names: string[], scopes: readonly IndicatorScope[]): Promise<ScopeTotalsRow[]> {
  const readings = scopes.map((s) => readingOf(s.regionCode.length));
  const spans = scopes.map(spanOf);
  const list = names.map(q).join(', ');
  // A code's subtree is the range [code, code || ':') of the "C"-collated key (codes are digits).
  const within = "code >= s.code and code < s.code || ':'";
  const spansOf = (table: string, where: string) =>
    [
      `select key, ${list} from ${table} where ${where} and grain = 'M' and day >= s.mf and day < s.mt`,
      `select key, ${list} from ${table} where ${where} and grain = 'D' and day >= s.f and day < s.mf`,
      `select key, ${list} from ${table} where ${where} and grain = 'D' and day >= s.mt and day < s.t`,
    ].join('\n    union all\n    ');
  const parts: string[] = [];
  if (readings.some((r, i) => r.tree && r.tree === scopes[i]!.regionCode.length))
    parts.push(spansOf(`${spec.name}_tree`, 's.tree = length(s.code) and code = s.code'));
  if (readings.some((r, i) => r.tree > scopes[i]!.regionCode.length))
    parts.push(spansOf(`${spec.name}_tree`, `s.tree > length(s.code) and ${within} and length(code) = s.tree`));
  if (readings.some((r) => r.ownFrom < r.ownTo)) {
    parts.push(spansOf(`${spec.name}_own`, `s.own_from < s.own_to and ${within} and length(code) >= s.own_from and length(code) < s.own_to`));
  }
  return em.getConnection().execute(
    `with s as (
  select code collate "C" as code, f, t, mf, mt, tree, own_from, own_to, i
  from unnest(array[?]::text[], array[?]::date[], array[?]::date[], array[?]::date[], array[?]::date[], array[?]::int[], array[?]::int[], array[?]::int[]) with ordinality as s(code, f, t, mf, mt, tree, own_from, own_to, i)
)
select s.i, u.key, ${names.map((k) => `sum(u.${q(k)}) as ${q(k)}`).join(', ')}
from s cross join lateral (
    ${parts.join('\n    union all\n    ')}
) u
group by s.i, u.key`,
    [
      scopes.map((s) => s.regionCode),
      ...(['f', 't', 'mf', 'mt'] as const).map((k) => spans.map((x) => x[k])),
      readings.map((r) => r.tree),
      readings.map((r) => r.ownFrom),
      readings.map((r) => r.ownTo),
    ],
  );
}

/** The stored figures of many whole-day scopes from the totals (`readTotals`, a source without keys). */
export async function countScopesFromRollup(em: EntityManager, source: IndicatorSource, names: string[], scopes: readonly IndicatorScope[]): Promise<Counts[]> {
  const rows = await readTotals(em, source.rollup!, names, scopes);
  const results: Counts[] = scopes.map(() => Object.fromEntries(names.map((k) => [k, 0])));
  for (const row of rows) for (const k of names) results[Number(row.i) - 1]![k] = Number(row[k] ?? 0);
  return results;
}

/**
 * The stored figures of each child region of a whole-day scope (a ranking): the rows under the
 * scope that sum to codes of the child length (`readingOf`), within its span (`spanOf`), grouped by child.
 */
export async function countChildrenFromRollup(
  em: EntityManager,
  source: IndicatorSource,
  names: string[],
  scope: IndicatorScope,
  childLength: number,
): Promise<Map<string, Counts>> {
  const spec = source.rollup!;
  const reading = readingOf(childLength);
  const span = spanOf(scope);
  const list = names.map(q).join(', ');
  const prefix = `${scope.regionCode}%`;
  const branches: { sql: string; params: unknown[] }[] = [];
  if (reading.tree) branches.push(rowsWithin(`${spec.name}_tree`, `code, ${list}`, 'code like ? and length(code) = ?', [prefix, reading.tree], [span]));
  if (reading.ownFrom < reading.ownTo) {
    branches.push(
      rowsWithin(
        `${spec.name}_own`,
        `code, ${list}`,
        'code like ? and length(code) >= ? and length(code) < ?',
        [prefix, reading.ownFrom, reading.ownTo],
        [span],
      ),
    );
  }
  const parts = branches.filter((b) => b.sql);
  const result = new Map<string, Counts>();
  if (!parts.length) return result;
  const rows: Record<string, unknown>[] = await em.getConnection().execute(
    `select left(code, ${childLength}) as child, ${names.map((k) => `sum(${q(k)}) as ${q(k)}`).join(', ')}
from (
${parts.map((b) => b.sql).join('\nunion all\n')}
) r group by 1`,
    parts.flatMap((b) => b.params),
  );
  for (const row of rows) result.set(String(row.child), Object.fromEntries(names.map((k) => [k, Number(row[k] ?? 0)])));
  return result;
}

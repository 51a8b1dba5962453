import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/core';
import { installDerived, type DatabaseModule, type DerivedObjects } from '@jiefen/database';
import { createTestDatabase, type TestDatabase } from '@jiefen/testing';
import { countChildren, countScopes, rollupObjects, type Counts, type IndicatorScope, type IndicatorSource } from '../src/index.js';

// A source's totals (`<name>_own`, `<name>_tree`, kept by statement triggers) answer every period
// of whole China days (months, weeks, days) exactly as counting the records does, whatever was written before: multi-row
// inserts, updates that move rows between regions and months, deletes, a truncate, two transactions
// at once. The records are the truth; a copy of the source without `rollup` counts them.

const source = {
  from: 'kit_case x',
  measures: {
    received: { when: 'received_at' },
    concluded: { when: 'concluded_at', where: "x.status = 'DONE'" },
    amount: { when: 'concluded_at', where: "x.status = 'DONE'", sum: 'amount' },
    overdue: { when: 'received_at', where: 'x.due_at < now()', readsClock: true },
    open: { where: "x.status = 'OPEN'" },
  },
  rollup: { name: 'kit_case_totals' },
} satisfies IndicatorSource;

// Two tables: a payment counts in its case's region, so a payment written or a case moved both move the figure.
// `:prefix` narrows the join to the scopes' region range (every region when the triggers count a statement's cases).
const joined = {
  from: `(select c.id as case_id, c.region_code, c.received_at, p.paid_at, p.amount from kit_case c left join kit_payment p on p.case_id = c.id
    where c.region_code like :prefix) x`,
  measures: {
    received: { when: 'received_at' },
    paid: { when: 'paid_at' },
    paidAmount: { when: 'paid_at', sum: 'amount' },
  },
  rollup: { name: 'kit_paid_totals', root: { column: 'case_id', tables: { kit_case: 'r.id', kit_payment: 'r.case_id' } } },
} satisfies IndicatorSource;

/** The same figures counted from the records alone. */
const fromRecords = ({ rollup: _rollup, ...rest }: IndicatorSource): IndicatorSource => rest;

const derived = (): DerivedObjects[] => [rollupObjects(source), rollupObjects(joined)];

// No entities or migrations: the tables are created by hand before the derived objects that read them.
const module: DatabaseModule = { name: 'kit_rollup', entities: [], migrations: [] };
let db: TestDatabase;
const em = (): EntityManager => db.orm.em.fork();
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => em().getConnection().execute(text, params);

beforeAll(async () => {
  db = await createTestDatabase(module);
  await sql(`create table kit_case (id serial primary key, region_code text not null, received_at timestamptz, concluded_at timestamptz,
    status text not null, amount numeric(12, 2), due_at timestamptz)`);
  await sql('create table kit_payment (id serial primary key, case_id int not null, paid_at timestamptz, amount numeric(12, 2))');
  await sql('create index on kit_payment (case_id)');
  expect(await installDerived(db.orm, derived())).toEqual(['kit_case_totals', 'kit_paid_totals']);
});

afterAll(async () => {
  await db?.drop();
});

/** The China midnight that starts day `d` of month `m` of year `y` (months past 12 roll over). */
const china = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m - 1, d) - 8 * 3_600_000);

// Periods of whole China months: each of the 14 months written to, quarters, years, a long span and an empty one.
const MONTHS = Array.from({ length: 14 }, (_, i) => ({ from: china(2025, 3 + i), to: china(2025, 4 + i) }));
const WHOLE_MONTH_PERIODS = [
  ...MONTHS,
  ...[4, 7, 10, 13, 16].map((m) => ({ from: china(2025, m), to: china(2025, m + 3) })),
  { from: china(2025, 1), to: china(2026, 1) },
  { from: china(2026, 1), to: china(2027, 1) },
  { from: china(2024, 1), to: china(2027, 1) },
  { from: china(2024, 1), to: china(2024, 2) },
];
// Periods the totals cannot answer: weeks (one across the April boundary), days, instants.
const OTHER_PERIODS = [
  { from: china(2026, 3, 30), to: china(2026, 4, 6) },
  { from: china(2025, 12, 29), to: china(2026, 1, 5) },
  { from: china(2026, 1, 15), to: china(2026, 3, 1) },
  { from: china(2026, 1, 1), to: china(2026, 1, 20) },
  { from: new Date('2026-02-10T03:30:00Z'), to: new Date('2026-03-05T11:00:00Z') },
];

// Where records are written: villages (most), a town, a county, a city and the province themselves, and another city's village.
const VILLAGES = ['321281101201', '321281101202', '321281102201', '321282101201', '321282102201', '321302101201'];
const OTHER_CODES = ['321281101', '321282102', '321281', '3212', '32'];
const REGIONS = ['32', '3212', '3213', '321281', '321282', '321302', '321281101', '321281102', '321282101', '321282102', '321302101', ...VILLAGES];

// Moments on China month boundaries (and UTC ones that are not China's), and anywhere in the 14 months.
const BOUNDARIES = [
  '2026-03-31T16:00:00.000Z', // 2026-04-01 00:00 China
  '2026-03-31T15:59:59.999Z', // the last instant of March in China
  '2025-12-31T16:00:00.000Z', // 2026-01-01 00:00 China: another year
  '2025-12-31T15:59:59.999Z',
  '2026-01-31T20:00:00.000Z', // January in UTC, February in China
  '2026-02-01T00:00:00.000Z',
  '2025-02-28T16:00:00.000Z', // the first instant of the 14 months
  '2026-04-30T15:59:59.999Z', // the last
  '2025-06-30T16:00:00.000Z',
];
const FIRST = china(2025, 3).getTime();
const LAST = china(2026, 5).getTime();

/** A seeded pseudo-random sequence (a 32-bit LCG): the same writes on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const moment = () => (random() < 0.3 ? pick(BOUNDARIES) : new Date(FIRST + int((LAST - FIRST) / 60_000) * 60_000).toISOString());
  const code = () => (random() < 0.75 ? pick(VILLAGES) : pick(OTHER_CODES));
  const amount = () => (random() < 0.15 ? null : (int(1_000_000) / 100).toFixed(2));
  return { random, int, pick, moment, code, amount };
}

const scopesOf = (regions: readonly string[], periods: readonly { from: Date; to: Date }[]): IndicatorScope[] =>
  regions.flatMap((regionCode) => periods.map((p) => ({ regionCode, ...p })));
const label = (s: IndicatorScope) => `${s.regionCode} ${s.from.toISOString()}..${s.to.toISOString()}`;

/** The scopes (labelled) whose figures from the totals differ from the records': none, when the totals hold. */
async function disagreements(src: IndicatorSource, scopes: IndicatorScope[]) {
  const [totals, records] = await Promise.all([countScopes(em(), src, scopes), countScopes(em(), fromRecords(src), scopes)]);
  expect(totals).toHaveLength(scopes.length);
  return scopes.flatMap((s, i) =>
    JSON.stringify(totals[i]) === JSON.stringify(records[i]) ? [] : [{ scope: label(s), totals: totals[i], records: records[i] }],
  );
}

/** Each child's figures, children counting nothing left out (`countChildren`: an absent child counts zero). */
const counted = (children: Map<string, Counts>) =>
  Object.fromEntries([...children].filter(([, c]) => Object.values(c).some((n) => n !== 0)).sort(([a], [b]) => (a < b ? -1 : 1)));

async function expectTotalsAgree(at: string) {
  for (const src of [source, joined] as IndicatorSource[]) {
    // Every region and whole-month period in one batch, each region in its own batch (its own prefix),
    // whole months mixed with weeks, and weeks alone.
    const whole = scopesOf(REGIONS, WHOLE_MONTH_PERIODS);
    expect(await disagreements(src, whole), `${at}: ${src.rollup?.name}, one batch`).toEqual([]);
    for (const region of REGIONS) expect(await disagreements(src, scopesOf([region], WHOLE_MONTH_PERIODS)), `${at}: ${region}`).toEqual([]);
    const mixed = scopesOf(['321281', '321281101', '321281101201', '3212'], [...OTHER_PERIODS, ...WHOLE_MONTH_PERIODS.slice(12)]);
    expect(await disagreements(src, mixed), `${at}: ${src.rollup?.name}, weeks and months`).toEqual([]);
    expect(await disagreements(src, scopesOf(REGIONS, OTHER_PERIODS)), `${at}: ${src.rollup?.name}, weeks`).toEqual([]);
    // Rankings: the children of the province, the city, a county and a town.
    for (const scope of scopesOf(['32', '3212', '321281', '321282', '321281101'], [WHOLE_MONTH_PERIODS[15]!, WHOLE_MONTH_PERIODS[17]!, MONTHS[13]!])) {
      const [totals, records] = await Promise.all([countChildren(em(), src, scope), countChildren(em(), fromRecords(src), scope)]);
      expect(counted(totals), `${at}: children of ${label(scope)}`).toEqual(counted(records));
    }
  }
}

const numbers = (rows: Record<string, unknown>[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, ['code', 'grain', 'day', 'key'].includes(k) ? v : Number(v)])));

/** What a row of the totals is for: a code, a grain (a day's row or a month's) and its day, and a key where the totals keep one (a breakdown's). */
async function rowOf(name: string): Promise<{ select: string; order: string; groupBy: string }> {
  const keyed = await sql("select 1 from information_schema.columns where table_name = ? and column_name = 'key'", [`${name}_own`]);
  return keyed.length
    ? { select: 'code, grain, day::text as day, key', order: 'code, grain, day, key', groupBy: '1, 2, 3, 4' }
    : { select: 'code, grain, day::text as day', order: 'code, grain, day', groupBy: '1, 2, 3' };
}

/** `_tree` holds, for every county and town and day, the sum of `_own` over the codes it covers (all-zero rows aside). */
async function expectTreeSumsOwn(name: string, figures: string[]) {
  const row = await rowOf(name);
  const columns = figures.map((k) => `"${k}"`).join(', ');
  const nonzero = figures.map((k) => `"${k}" <> 0`).join(' or ');
  const tree = await sql(`select ${row.select}, ${columns} from ${name}_tree where ${nonzero} order by ${row.order}`);
  const sums = await sql(`select * from (
    select ${row.select.replace('code', 'left(code, n) as code')}, ${figures.map((k) => `sum("${k}") as "${k}"`).join(', ')}
    from ${name}_own cross join unnest(array[6, 9]) n where n <= length(code) group by ${row.groupBy}
  ) s where ${nonzero} order by ${row.order}`);
  expect(numbers(tree), `${name}_tree`).toEqual(numbers(sums));
}

const TOTALS = [
  { name: 'kit_case_totals', figures: ['received', 'concluded', 'amount'] },
  { name: 'kit_paid_totals', figures: ['received', 'paid', 'paidAmount'] },
];

/** One write of the seeded sequence: a statement (or a transaction of two) on the cases or the payments. */
async function write(g: ReturnType<typeof generator>): Promise<void> {
  const some = (spread: number) => {
    const m = 3 + g.int(spread);
    return { where: `id % ${m} = ${g.int(m)}`, m };
  };
  const r = g.random();
  if (r < 0.3) {
    const n = 1 + g.int(6);
    const values = Array.from({ length: n }, () => '(?, ?::timestamptz, ?::timestamptz, ?, ?::numeric, ?::timestamptz)').join(', ');
    const params = Array.from({ length: n }, () => {
      const status = g.pick(['OPEN', 'DONE', 'CLOSED']);
      const concluded = status === 'OPEN' && g.random() < 0.8 ? null : g.moment();
      const due = g.pick([null, '2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z']);
      return [g.code(), g.random() < 0.05 ? null : g.moment(), concluded, status, g.amount(), due];
    }).flat();
    await sql(`insert into kit_case (region_code, received_at, concluded_at, status, amount, due_at) values ${values}`, params);
  } else if (r < 0.38) {
    await sql(`insert into kit_payment (case_id, paid_at, amount) select id, ?::timestamptz, ?::numeric from kit_case where ${some(12).where}`, [
      g.moment(),
      g.amount(),
    ]);
  } else if (r < 0.48) {
    const status = g.pick(['OPEN', 'DONE', 'CLOSED']);
    await sql(
      `update kit_case set status = ?, concluded_at = case when ? = 'DONE' then coalesce(concluded_at, ?::timestamptz) else concluded_at end where ${some(8).where}`,
      [status, status, g.moment()],
    );
  } else if (r < 0.55) {
    await sql(`update kit_case set concluded_at = ?::timestamptz where ${some(8).where}`, [g.random() < 0.2 ? null : g.moment()]);
  } else if (r < 0.65) {
    await sql(`update kit_case set region_code = ? where ${some(10).where}`, [g.code()]);
  } else if (r < 0.69) {
    await sql(`update kit_case set amount = ?::numeric where ${some(8).where}`, [g.amount()]);
  } else if (r < 0.74) {
    await sql(`update kit_case set received_at = ?::timestamptz where ${some(8).where}`, [g.moment()]);
  } else if (r < 0.8) {
    await sql(`delete from kit_case where ${some(25).where}`);
  } else if (r < 0.84) {
    await sql(`delete from kit_payment where ${some(10).where}`);
  } else if (r < 0.88) {
    // A payment moved to another case (another region, another month of the case).
    const { where, m } = some(10);
    await sql(`update kit_payment set case_id = case_id + ${m} where ${where}`);
  } else if (r < 0.92) {
    await sql(`update kit_payment set paid_at = ?::timestamptz, amount = ?::numeric where ${some(8).where}`, [g.moment(), g.amount()]);
  } else if (r < 0.97) {
    // Two statements in one transaction: the second recomputes codes the first changed, uncommitted.
    const [code, moment] = [g.code(), g.moment()];
    await em().transactional(async (tx) => {
      const run = (text: string, params: unknown[]) => tx.getConnection().execute(text, params, 'all', tx.getTransactionContext());
      const rows = await run(
        `insert into kit_case (region_code, received_at, status, amount) values (?, ?::timestamptz, 'OPEN', 1), (?, ?::timestamptz, 'OPEN', 2) returning id`,
        [g.code(), g.moment(), g.code(), g.moment()],
      );
      await run(`update kit_case set region_code = ?, status = 'DONE', concluded_at = ?::timestamptz where id = any(array[?]::int[])`, [
        code,
        moment,
        rows.map((row: { id: number }) => row.id),
      ]);
    });
  } else {
    // Statements that change nothing: no row, or every column as it was.
    await sql(`update kit_case set status = status where ${g.random() < 0.5 ? 'false' : some(8).where}`);
  }
}

describe('indicator totals (rollup)', () => {
  it('answer every whole-day scope as the records do, at each checkpoint of a seeded sequence of writes with a truncate in the middle', async () => {
    const g = generator(20260401);
    const checkpoints = new Set([40, 100, 149, 150, 200, 260, 300]);
    for (let i = 1; i <= 300; i++) {
      if (i === 150) await sql('truncate kit_case, kit_payment');
      else await write(g);
      if (!checkpoints.has(i)) continue;
      await expectTotalsAgree(`after write ${i}`);
      for (const { name, figures } of TOTALS) await expectTreeSumsOwn(name, figures);
    }
    // Not agreement on zeros: the sequence left records in every kind of region, and figures in the totals.
    const [kinds] = await sql<{ kinds: string }>('select count(distinct length(region_code)) as kinds from kit_case');
    expect(Number(kinds!.kinds)).toBe(5);
    const [province] = await countScopes(em(), source, [{ regionCode: '32', ...WHOLE_MONTH_PERIODS[21]! }]);
    expect(province!.received).toBeGreaterThan(50);
    expect(province!.concluded).toBeGreaterThan(10);
    expect(province!.amount).toBeGreaterThan(0);
    const [paid] = await countScopes(em(), joined, [{ regionCode: '32', ...WHOLE_MONTH_PERIODS[21]! }]);
    expect(paid!.paid).toBeGreaterThan(10);
  });

  it('keep the subtree totals as the sums of the own rows, and the own rows as a rebuild from the records computes them', async () => {
    for (const { name, figures } of TOTALS) {
      await expectTreeSumsOwn(name, figures);
      const columns = figures.map((k) => `"${k}"`).join(', ');
      const nonzero = figures.map((k) => `"${k}" <> 0`).join(' or ');
      const row = await rowOf(name);
      const snapshot = async () => ({
        own: numbers(await sql(`select ${row.select}, ${columns} from ${name}_own where ${nonzero} order by ${row.order}`)),
        tree: numbers(await sql(`select ${row.select}, ${columns} from ${name}_tree where ${nonzero} order by ${row.order}`)),
      });
      const kept = await snapshot();
      expect(kept.own.length).toBeGreaterThan(20);
      await sql(`select ${name}_build()`);
      expect(kept, name).toEqual(await snapshot());
    }
  });

  it('are what whole-day scopes read: a record written past the triggers shows in a period bounded by instants, not in months or weeks', async () => {
    const month = MONTHS[5]!;
    const week = { from: new Date(china(2025, 8, 4).getTime() + 3_600_000), to: china(2025, 8, 11) };
    const scopes = [
      { regionCode: '321281', ...month },
      { regionCode: '321281', ...week },
    ];
    const before = await countScopes(em(), source, scopes);
    await sql('alter table kit_case disable trigger user');
    try {
      await sql("insert into kit_case (region_code, received_at, status) values ('321281101201', ?::timestamptz, 'OPEN')", [china(2025, 8, 5).toISOString()]);
      const after = await countScopes(em(), source, scopes);
      expect(after[0]!.received).toBe(before[0]!.received);
      expect(after[1]!.received).toBe(before[1]!.received + 1);
      // The figures never stored (clock, snapshot) are counted from the records in every period.
      expect(after[0]!.open).toBe(before[0]!.open + 1);
    } finally {
      await sql('alter table kit_case enable trigger user');
    }
    for (const { name } of TOTALS) await sql(`select ${name}_build()`);
    expect(await disagreements(source, scopes)).toEqual([]);
  });

  it('move a figure of two tables when a payment is written or its case changes region', async () => {
    const april = { from: china(2026, 4), to: china(2026, 5) };
    const figures = (regionCode: string) => countScopes(em(), joined, [{ regionCode, ...april }]).then(([c]) => c);
    const [{ id }] = (await sql<{ id: number }>(
      "insert into kit_case (region_code, received_at, status) values ('321285101201', '2026-03-31T16:00:00Z', 'OPEN') returning id",
    )) as [{ id: number }];
    expect(await figures('321285101201')).toEqual({ received: 1, paid: 0, paidAmount: 0 });
    // Paid on the first China instant of April: an April figure of the case's region, and of its town and county.
    await sql("insert into kit_payment (case_id, paid_at, amount) values (?, '2026-03-31T16:00:00Z', 12.5), (?, '2026-04-30T15:59:59Z', 7.25)", [id, id]);
    expect(await figures('321285101201')).toEqual({ received: 2, paid: 2, paidAmount: 19.75 });
    expect(await figures('321285')).toEqual({ received: 2, paid: 2, paidAmount: 19.75 });
    // The case moves to another town: its payments go with it.
    await sql("update kit_case set region_code = '321285102201' where id = ?", [id]);
    expect(await figures('321285101201')).toEqual({ received: 0, paid: 0, paidAmount: 0 });
    expect(await figures('321285101')).toEqual({ received: 0, paid: 0, paidAmount: 0 });
    expect(await figures('321285102')).toEqual({ received: 2, paid: 2, paidAmount: 19.75 });
    expect(await figures('321285')).toEqual({ received: 2, paid: 2, paidAmount: 19.75 });
    // A payment moved out of April (to the last China instant of March), then deleted.
    await sql("update kit_payment set paid_at = '2026-03-31T15:59:59.999Z' where case_id = ? and amount = 7.25", [id]);
    expect(await figures('321285102201')).toEqual({ received: 2, paid: 1, paidAmount: 12.5 });
    await sql('delete from kit_payment where case_id = ?', [id]);
    expect(await figures('321285102201')).toEqual({ received: 1, paid: 0, paidAmount: 0 });
    expect(await disagreements(joined, scopesOf(['32', '321285', '321285101', '321285102'], WHOLE_MONTH_PERIODS))).toEqual([]);
  });

  it("cost a write what its own records cost, not its region's history: a payment in a village of 3,000 cases reads that case", async () => {
    const village = '321289101201';
    const [{ id }] = (await sql<{ id: number }>(
      "insert into kit_case (region_code, received_at, status) select ?, '2026-04-02T00:00:00Z', 'OPEN' from generate_series(1, 3000) returning id",
      [village],
    )) as [{ id: number }];
    await sql("insert into kit_payment (case_id, paid_at, amount) select id, '2026-03-03T00:00:00Z', 1 from kit_case where region_code = ? and id <> ?", [
      village,
      id,
    ]);
    await sql('analyze kit_case, kit_payment');
    const april = { from: china(2026, 4), to: china(2026, 5) };
    const read = await em().transactional(async (tx) => {
      const run = (text: string, params: unknown[] = []) => tx.getConnection().execute(text, params, 'all', tx.getTransactionContext());
      // Tuples fetched by index or read by a scan, per table: the backend's counts not yet reported,
      // which may hold an earlier transaction's too, so the difference across this one's writes.
      const tuples = async () =>
        Object.fromEntries(
          (
            await run(
              "select relname, seq_tup_read + coalesce(idx_tup_fetch, 0) as n from pg_stat_xact_user_tables where relname in ('kit_case', 'kit_payment')",
            )
          ).map((r: { relname: string; n: string }) => [r.relname, Number(r.n)]),
        );
      const before = await tuples();
      await run("insert into kit_payment (case_id, paid_at, amount) values (?, '2026-04-03T00:00:00Z', 5)", [id]);
      await run("update kit_case set status = 'DONE', concluded_at = '2026-04-04T00:00:00Z' where id = ?", [id]);
      const after = await tuples();
      return { kit_case: after.kit_case! - (before.kit_case ?? 0), kit_payment: after.kit_payment! - (before.kit_payment ?? 0) };
    });
    // The case and its one payment, read a few times each (the update's own fetch; each statement's
    // figures now and before, per moment): a handful, not the village's 3,000 cases and 2,999 payments.
    expect(read.kit_case, JSON.stringify(read)).toBeLessThanOrEqual(20);
    expect(read.kit_payment, JSON.stringify(read)).toBeLessThanOrEqual(20);
    expect(await countScopes(em(), joined, [{ regionCode: village, ...april }])).toEqual([{ received: 3000, paid: 1, paidAmount: 5 }]);
    expect(await disagreements(source, scopesOf([village, '321289101', '321289'], [april]))).toEqual([]);
  });

  it('lose no write of two transactions at once: in two villages of one town, in one village, and in two counties without waiting', async () => {
    const april = { from: china(2026, 4), to: china(2026, 5) };
    const insert = (tx: EntityManager, code: string, n: number) =>
      tx
        .getConnection()
        .execute(
          "insert into kit_case (region_code, received_at, concluded_at, status, amount) select ?, '2026-04-10T02:00:00Z', '2026-04-20T02:00:00Z', 'DONE', 1.5 from generate_series(1, ?)",
          [code, n],
          'all',
          tx.getTransactionContext(),
        );
    const pause = (tx: EntityManager) => tx.getConnection().execute('select pg_sleep(0.3)', [], 'all', tx.getTransactionContext());

    // The second transaction writes while the first, having written, is still open (it waits for the
    // first's locks on the shared subtree rows or the village, then counts on top of it).
    const overlapping = async (first: string, second: string) => {
      let wrote!: () => void;
      const firstWrote = new Promise<void>((resolve) => (wrote = resolve));
      let secondStarted = 0;
      let firstCommitted = 0;
      await Promise.all([
        em()
          .transactional(async (tx) => {
            await insert(tx, first, 3);
            wrote();
            await pause(tx);
          })
          .then(() => (firstCommitted = Date.now())),
        em().transactional(async (tx) => {
          await firstWrote;
          secondStarted = Date.now();
          await insert(tx, second, 2);
        }),
      ]);
      expect(secondStarted).toBeLessThan(firstCommitted);
    };
    await overlapping('321283101201', '321283101202');
    await overlapping('321283101202', '321283101202');
    const figures = (regionCode: string) => countScopes(em(), source, [{ regionCode, ...april }]).then(([c]) => c!);
    expect(await figures('321283101201')).toMatchObject({ received: 3, concluded: 3, amount: 4.5 });
    expect(await figures('321283101202')).toMatchObject({ received: 7, concluded: 7, amount: 10.5 });
    expect(await figures('321283101')).toMatchObject({ received: 10, concluded: 10, amount: 15 });
    expect(await figures('321283')).toMatchObject({ received: 10, concluded: 10, amount: 15 });

    // Two counties share no stored row: both write, then both commit, neither waiting for the other.
    let arrived = 0;
    let release!: () => void;
    const bothWrote = new Promise<void>((resolve) => (release = resolve));
    const barrier = async () => {
      if (++arrived === 2) release();
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('one transaction waited for the other')), 4000));
      await Promise.race([bothWrote, timeout]);
    };
    await Promise.all(
      ['321284101201', '321286101201'].map((code) =>
        em().transactional(async (tx) => {
          await insert(tx, code, 2);
          await barrier();
        }),
      ),
    );
    expect(await figures('3212')).toMatchObject(await countScopes(em(), fromRecords(source), [{ regionCode: '3212', ...april }]).then(([c]) => c!));
    expect(
      await disagreements(source, scopesOf(['32', '3212', '321283', '321283101', '321283101201', '321283101202', '321284', '321286'], WHOLE_MONTH_PERIODS)),
    ).toEqual([]);
    for (const { name, figures: stored } of TOTALS) await expectTreeSumsOwn(name, stored);
  });

  it("hold no lock on a village's shared rows until commit: two open transactions both write in it, neither waiting", async () => {
    const april = { from: china(2026, 4), to: china(2026, 5) };
    const village = '321290101201';
    let arrived = 0;
    let release!: () => void;
    const bothWrote = new Promise<void>((resolve) => (release = resolve));
    await Promise.all(
      [2, 3].map((n) =>
        em().transactional(async (tx) => {
          await tx
            .getConnection()
            .execute(
              "insert into kit_case (region_code, received_at, concluded_at, status, amount) select ?, '2026-04-10T02:00:00Z', '2026-04-20T02:00:00Z', 'DONE', 1.5 from generate_series(1, ?)",
              [village, n],
              'all',
              tx.getTransactionContext(),
            );
          // Both statements done while both transactions are open: the totals change only at commit.
          if (++arrived === 2) release();
          const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('one transaction waited for the other')), 4000));
          await Promise.race([bothWrote, timeout]);
        }),
      ),
    );
    for (const regionCode of [village, '321290101', '321290']) {
      expect((await countScopes(em(), source, [{ regionCode, ...april }]))[0], regionCode).toMatchObject({ received: 5, concluded: 5, amount: 7.5 });
    }
    const [left] = await sql<{ n: string }>('select (select count(*) from kit_case_totals_pending) + (select count(*) from kit_paid_totals_pending) as n');
    expect(Number(left!.n), 'nothing left pending after the commits').toBe(0);
  });

  // A payment's region is its case's, looked up when the payment is written: a move of the case
  // and a payment of it written at the same time, in either order, leave the payment counted in the
  // case's region as committed last.
  describe('a payment written while its case moves to another town', () => {
    const april = { from: china(2026, 4), to: china(2026, 5) };
    const regions = (county: string) => [`${county}101201`, `${county}102201`, `${county}101`, `${county}102`, county];
    const run = (tx: EntityManager, text: string, params: unknown[] = []) => tx.getConnection().execute(text, params, 'all', tx.getTransactionContext());
    const receive = async (village: string) =>
      (
        (await sql<{ id: number }>("insert into kit_case (region_code, received_at, status) values (?, '2026-04-02T00:00:00Z', 'OPEN') returning id", [
          village,
        ])) as [{ id: number }]
      )[0].id;
    const pay = (tx: EntityManager, id: number) => run(tx, "insert into kit_payment (case_id, paid_at, amount) values (?, '2026-04-03T00:00:00Z', 5)", [id]);
    const move = (tx: EntityManager, id: number, village: string) => run(tx, 'update kit_case set region_code = ? where id = ?', [village, id]);
    /** Until some statement waits for a lock another transaction holds (a region's totals, a row of them). */
    const someoneWaits = async () => {
      for (const deadline = Date.now() + 3000; Date.now() < deadline;) {
        const [row] = await sql<{ n: string }>("select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
        if (Number(row!.n) > 0) return true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return false;
    };
    /** The first transaction writes and stays open until the second's statement waits for it, then commits. */
    const inTurn = async (first: (tx: EntityManager) => Promise<unknown>, second: (tx: EntityManager) => Promise<unknown>) => {
      let wrote!: () => void;
      const firstWrote = new Promise<void>((resolve) => (wrote = resolve));
      let waited = false;
      await Promise.all([
        em().transactional(async (tx) => {
          await first(tx);
          wrote();
          waited = await someoneWaits();
        }),
        firstWrote.then(() => em().transactional(second)),
      ]);
      expect(waited, 'the second statement waited for the first transaction').toBe(true);
    };

    it('counts it in the new town when the payment is written first', async () => {
      const id = await receive('321287101201');
      await inTurn(
        (tx) => pay(tx, id),
        (tx) => move(tx, id, '321287102201'),
      );
      expect(await countScopes(em(), fromRecords(joined), [{ regionCode: '321287102', ...april }])).toEqual([{ received: 1, paid: 1, paidAmount: 5 }]);
      expect(await disagreements(joined, scopesOf(regions('321287'), [april]))).toEqual([]);
    });

    it('counts it in the new town when the case moves first', async () => {
      const id = await receive('321288101201');
      await inTurn(
        (tx) => move(tx, id, '321288102201'),
        (tx) => pay(tx, id),
      );
      expect(await countScopes(em(), fromRecords(joined), [{ regionCode: '321288102', ...april }])).toEqual([{ received: 1, paid: 1, paidAmount: 5 }]);
      expect(await disagreements(joined, scopesOf(regions('321288'), [april]))).toEqual([]);
    });
  });

  it('are installed once: unchanged definitions install nothing, a changed one is dropped and rebuilt, a removed one dropped', async () => {
    const triggers = async (table: string) =>
      Number((await sql<{ n: string }>(`select count(*) as n from pg_trigger where tgrelid = '${table}'::regclass and not tgisinternal`))[0]!.n);
    expect(await installDerived(db.orm, derived())).toEqual([]);
    expect(await triggers('kit_case')).toBe(8);
    expect(await triggers('kit_payment')).toBe(4);

    // A figure added: the totals are installed afresh, the new column filled from the records and kept by the triggers.
    const widened = {
      ...source,
      measures: { ...source.measures, receivedDone: { when: 'received_at', where: "x.status = 'DONE'" } },
    } satisfies IndicatorSource;
    expect(await installDerived(db.orm, [rollupObjects(widened), rollupObjects(joined)])).toEqual(['kit_case_totals']);
    const columns = await sql<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'kit_case_totals_own'");
    expect(columns.map((c) => c.column_name)).toContain('receivedDone');
    expect(await triggers('kit_case')).toBe(8);
    const year = scopesOf(REGIONS, WHOLE_MONTH_PERIODS);
    const [province] = await countScopes(em(), widened, [{ regionCode: '32', ...WHOLE_MONTH_PERIODS[21]! }]);
    expect(province!.receivedDone).toBeGreaterThan(0);
    expect(await disagreements(widened, year)).toEqual([]);
    await sql("update kit_case set status = 'DONE' where id % 5 = 1");
    expect(await disagreements(widened, year)).toEqual([]);
    await expectTreeSumsOwn('kit_case_totals', ['received', 'concluded', 'amount', 'receivedDone']);

    // A source no longer derived: its tables, functions and triggers are gone; derived again, it is back.
    expect(await installDerived(db.orm, [rollupObjects(joined)])).toEqual([]);
    expect((await sql<{ t: string | null }>("select to_regclass('kit_case_totals_own')::text as t"))[0]!.t).toBeNull();
    expect(await triggers('kit_case')).toBe(4);
    await sql("insert into kit_case (region_code, received_at, status) values ('321281101201', '2026-04-02T00:00:00Z', 'OPEN')");
    expect(await installDerived(db.orm, derived())).toEqual(['kit_case_totals']);
    expect(await triggers('kit_case')).toBe(8);
    expect(await disagreements(source, year)).toEqual([]);
  });

  it('refuse to store a figure whose condition reads the clock unless it is marked readsClock', () => {
    const rollup = { name: 'kit_clock' };
    for (const where of ['x.due_at < now()', 'x.due_at < NOW ()', 'x.due_on <= current_date', 'x.due_at < current_timestamp', 'x.due_at < localtimestamp']) {
      expect(() => rollupObjects({ from: 'kit_case x', measures: { late: { when: 'received_at', where } }, rollup }), where).toThrow(Error);
      expect(() => rollupObjects({ from: 'kit_case x', measures: { late: { when: 'received_at', where } }, rollup })).toThrow(
        /kit_clock\.late.*reads the clock/,
      );
    }
    // Marked, or a snapshot (no moment): never stored, so allowed beside a stored figure.
    const received = { when: 'received_at' };
    expect(() =>
      rollupObjects({ from: 'kit_case x', measures: { received, late: { when: 'received_at', where: 'x.due_at < now()', readsClock: true } }, rollup }),
    ).not.toThrow();
    expect(() => rollupObjects({ from: 'kit_case x', measures: { received, late: { where: 'x.due_at < now()' } }, rollup })).not.toThrow();
    // A source with totals but no figure to keep is refused with the reason, not installed as broken SQL.
    expect(() => rollupObjects({ from: 'kit_case x', measures: { late: { where: 'x.due_at < now()' } }, rollup })).toThrow(/kit_clock.*no figure to keep/);
  });

  it('refuse to store a figure whose condition reads the clock by another name than now()', () => {
    const rollup = { name: 'kit_clock' };
    // PostgreSQL's other clocks: now() under other names, the time of day, and the literals read at parse time.
    const clocks = [
      'x.due_at < transaction_timestamp()',
      'x.due_at < clock_timestamp()',
      'x.due_at < statement_timestamp()',
      'x.due_time < current_time',
      'x.due_time < localtime',
      "x.due_on <= 'today'::date",
      "x.due_at < 'now'::timestamptz",
    ];
    const accepted = clocks.filter((where) => {
      try {
        rollupObjects({ from: 'kit_case x', measures: { late: { when: 'received_at', where } }, rollup });
        return true;
      } catch {
        return false;
      }
    });
    expect(accepted).toEqual([]);
  });
});

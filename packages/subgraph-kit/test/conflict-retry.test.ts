import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Entity, PrimaryKey, Property, type EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { agencySettings } from '@jiefen/calendar';
import type { DatabaseModule } from '@jiefen/database';
import { startStack, type Stack } from '@jiefen/testing';
import { defineSubgraph, findRows, oneByKey, retryConflicts, type SubgraphContext } from '../src/index.js';

// Two mutations writing the same rows in crossing order deadlock; PostgreSQL aborts one of them.
// The kit reruns an aborted mutation on fresh request state when nothing of it committed, so both
// succeed and each applies once. Real PostgreSQL and a real subgraph over HTTP; the conflicts are a
// real deadlock, or PostgreSQL raising SQLSTATE 40P01 where a test needs one on cue.

@Entity({ tableName: 'kit_total' })
class KitTotal {
  @PrimaryKey({ type: 'string' })
  code!: string;

  @Property({ type: 'integer' })
  n!: number;
}

const createLoaders = (em: EntityManager) => ({
  total: oneByKey(
    (codes: readonly string[]) => findRows(em, KitTotal, { code: { $in: [...codes] } }),
    (t) => t.code,
  ),
});
type Context = SubgraphContext<ReturnType<typeof createLoaders>>;

const sql = (em: EntityManager, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
  em.getConnection().execute(text, params, 'all', em.getTransactionContext());
/** PostgreSQL aborting the transaction as a deadlock's victim, on cue. */
const conflict = (tx: EntityManager) => sql(tx, `do $$ begin raise exception 'conflict on cue' using errcode = '40P01'; end $$`);

/** Each attempt of a mutation by its tag: the entity manager it ran on. */
const attempts = new Map<string, EntityManager[]>();
function attempt(tag: string, ctx: Context): number {
  const seen = attempts.get(tag) ?? [];
  attempts.set(tag, [...seen, ctx.em]);
  return seen.length + 1;
}

/** Holds each of two crossing mutations after its first row until the other holds its own: they deadlock. */
function crossing(): Record<string, () => Promise<void>> {
  let oneHolds!: () => void;
  let twoHolds!: () => void;
  const oneHeld = new Promise<void>((resolve) => (oneHolds = resolve));
  const twoHeld = new Promise<void>((resolve) => (twoHolds = resolve));
  return {
    one: () => {
      oneHolds();
      return twoHeld;
    },
    two: () => {
      twoHolds();
      return oneHeld;
    },
  };
}
let gates: Record<string, () => Promise<void>> = {};
let stack: Stack;
const court = () => stack.subgraphs.court!.orm.em.fork();

@Resolver()
class ConflictResolver {
  @Query(() => Int)
  async conflictingQuery(@Arg('tag', () => String) tag: string, @Ctx() ctx: Context): Promise<number> {
    attempt(tag, ctx);
    await conflict(ctx.em);
    return 0;
  }

  @Mutation(() => Int, { description: 'Adds one to both totals, `first` first; with a gate, the first attempt waits there.' })
  async addToBoth(
    @Arg('tag', () => String) tag: string,
    @Arg('first', () => String) first: string,
    @Arg('second', () => String) second: string,
    @Ctx() ctx: Context,
  ) {
    const n = attempt(tag, ctx);
    return ctx.em.transactional(async (tx) => {
      await sql(tx, 'insert into kit_work (tag) values (?)', [tag]);
      await sql(tx, 'update kit_total set n = n + 1 where code = ?', [first]);
      if (n === 1) await gates[tag]?.();
      await sql(tx, 'update kit_total set n = n + 1 where code = ?', [second]);
      return n;
    });
  }

  @Mutation(() => [Int], { description: 'Adds one to a total through the unit of work; the first attempt is aborted after another client moved the total.' })
  async addOnce(@Arg('tag', () => String) tag: string, @Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    const n = attempt(tag, ctx);
    const seen = (await ctx.loaders.total.load(code))!.n;
    const loaded = (await ctx.em.findOneOrFail(KitTotal, { code })).n;
    if (n === 1) await sql(court(), 'update kit_total set n = 10 where code = ?', [code]);
    await ctx.em.transactional(async (tx) => {
      (await tx.findOneOrFail(KitTotal, { code })).n += 1;
      await tx.flush();
      if (n === 1) await conflict(tx);
    });
    return [seen, loaded];
  }

  @Mutation(() => Int)
  async failing(@Arg('tag', () => String) tag: string, @Arg('how', () => String) how: string, @Ctx() ctx: Context) {
    attempt(tag, ctx);
    if (how === 'committed first') await ctx.em.transactional((tx) => sql(tx, 'insert into kit_work (tag) values (?)', [tag]));
    await ctx.em.transactional(async (tx) => {
      await sql(tx, 'insert into kit_work (tag) values (?)', [`${tag}-aborted`]);
      // A duplicate key is an error of the request, not a conflict.
      await (how === 'duplicate' ? sql(tx, `insert into kit_total (code, n) values ('A', 0)`) : conflict(tx));
    });
    return 0;
  }
}

const module: DatabaseModule = { name: 'kit_conflicts', entities: [KitTotal], migrations: [] };
const definition = defineSubgraph({
  agency: 'COURT',
  settings: agencySettings({}),
  database: module,
  schema: { resolvers: [ConflictResolver] },
  createLoaders,
});

beforeAll(async () => {
  stack = await startStack({ subgraphs: [definition], gateway: false });
  await sql(court(), 'create table kit_total (code text primary key, n int not null)');
  await sql(court(), 'create table kit_work (tag text not null)');
});

afterAll(() => stack?.stop());

beforeEach(async () => {
  await sql(court(), 'truncate kit_total, kit_work');
  await sql(court(), `insert into kit_total (code, n) values ('A', 0), ('B', 0)`);
  attempts.clear();
  gates = {};
});

const totals = async () => Object.fromEntries((await sql(court(), 'select code, n from kit_total order by code')).map((r) => [r.code, r.n]));
const work = async () => (await sql(court(), 'select tag from kit_work order by tag')).map((r) => r.tag as string);
const tries = (tag: string) => attempts.get(tag)?.length ?? 0;
const call = (query: string, variables: Record<string, unknown>) => stack.querySubgraph<Record<string, unknown>>('court', query, variables);
const ADD = 'mutation($tag: String!, $first: String!, $second: String!) { addToBoth(tag: $tag, first: $first, second: $second) }';
const FAIL = 'mutation($tag: String!, $how: String!) { failing(tag: $tag, how: $how) }';

describe('a mutation whose transaction PostgreSQL aborted over a conflict', () => {
  it("is rerun when it was a deadlock's victim: both mutations succeed and each applies once", async () => {
    gates = crossing();
    const [one, two] = await Promise.all([call(ADD, { tag: 'one', first: 'A', second: 'B' }), call(ADD, { tag: 'two', first: 'B', second: 'A' })]);
    expect(one.body).toEqual({ data: { addToBoth: tries('one') } });
    expect(two.body).toEqual({ data: { addToBoth: tries('two') } });
    // One victim, rerun once, on an entity manager of its own.
    expect([tries('one'), tries('two')].sort()).toEqual([1, 2]);
    const victim = attempts.get(tries('one') === 2 ? 'one' : 'two')!;
    expect(victim[1]).not.toBe(victim[0]);
    expect(await totals()).toEqual({ A: 2, B: 2 });
    expect(await work()).toEqual(['one', 'two']);
  });

  it('is rerun from nothing the aborted attempt loaded, changed or cached', async () => {
    const result = await call('mutation { addOnce(tag: "fresh", code: "A") }', {});
    // The rerun read the total another client committed meanwhile (10), through new loaders and a
    // new identity map: not the loader's cached 0, nor the aborted attempt's 1 left in memory.
    expect(result.body).toEqual({ data: { addOnce: [10, 10] } });
    expect(tries('fresh')).toBe(2);
    expect(await totals()).toEqual({ A: 11, B: 0 });
  });

  it('is given up after three attempts with CONFLICT, having changed nothing', async () => {
    const result = await call(FAIL, { tag: 'stuck', how: 'conflict' });
    expect(result.body.data).toBeNull();
    expect(result.body.errors).toEqual([
      expect.objectContaining({ message: '数据正被其他操作同时修改,本次操作未生效,请稍后重试', extensions: { code: 'CONFLICT', attempts: 3 } }),
    ]);
    expect(tries('stuck')).toBe(3);
    expect(await work()).toEqual([]);
  });

  it('is not rerun when a transaction of it committed before the conflict', async () => {
    const result = await call(FAIL, { tag: 'half', how: 'committed first' });
    expect(result.body.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(tries('half')).toBe(1);
    expect(await work()).toEqual(['half']);
  });
});

describe('no rerun', () => {
  it('of a mutation that failed otherwise', async () => {
    const result = await call(FAIL, { tag: 'duplicate', how: 'duplicate' });
    expect(result.body.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(tries('duplicate')).toBe(1);
    expect(await work()).toEqual([]);
  });

  it('of a query', async () => {
    const result = await call('query { conflictingQuery(tag: "query") }', {});
    expect(result.body.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(tries('query')).toBe(1);
  });

  it('inside a transaction: only the owner of the outermost one can run it again', async () => {
    await expect(court().transactional((tx) => retryConflicts(tx, async () => 0))).rejects.toThrow(/outside/);
  });
});

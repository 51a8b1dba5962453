import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { countQueries, Migration, migrationList, type DatabaseModule } from '@jiefen/database';
import pg from 'pg';
import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import type { EntityManager, FilterQuery, Opt } from '@mikro-orm/core';
import { createTestDatabase, type TestDatabase } from '@jiefen/testing';
import { countRows, findRows, keysetPage } from '../src/index.js';

// A record with every kind of column the agencies use: a row read without hydration must hold
// exactly what the hydrated entity holds (property names, Date instants, booleans, json, arrays,
// bigint, date, decimal), and leave nothing in the unit of work.
@Entity({ tableName: 'kit_row_probe' })
class Probe {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 20 })
  caseNumber!: string;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'boolean' })
  urgent!: boolean;

  @Property({ type: 'json' })
  parties!: { name: string; idNumber: string }[];

  @Property({ type: 'json', nullable: true })
  extra?: Record<string, unknown> | null;

  @Property({ type: ArrayType })
  tags!: string[];

  @Property({ type: 'bigint' })
  sequence!: string;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'decimal', precision: 10, scale: 2 })
  amount!: string;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

class CreateProbe extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "kit_row_probe" (
      "id" uuid primary key, "case_number" varchar(20) not null, "note" text null,
      "received_at" timestamptz not null, "closed_at" timestamptz null, "urgent" boolean not null,
      "parties" jsonb not null, "extra" jsonb null, "tags" text[] not null, "sequence" bigint not null,
      "due_on" date not null, "amount" numeric(10,2) not null, "version" int not null default 1)`);
  }
}

const module: DatabaseModule = { name: 'kit_rows', entities: [Probe], migrations: migrationList(CreateProbe) };
let db: TestDatabase;
const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

beforeAll(async () => {
  db = await createTestDatabase(module);
  const em = db.orm.em.fork();
  ids.forEach((id, i) =>
    em.create(Probe, {
      id,
      caseNumber: `(2026)苏${i}号`,
      note: i === 0 ? null : `备注${i}`,
      receivedAt: new Date(Date.UTC(2026, 0, 1 + i, 8, 30, 15, 123)),
      closedAt: i === 2 ? new Date(Date.UTC(2026, 5, 1)) : null,
      urgent: i === 1,
      parties: [{ name: `张${i}`, idNumber: '320000199001011234' }],
      extra: i === 1 ? { nested: { a: [1, 2] } } : null,
      tags: i === 0 ? [] : ['婚姻', `t${i}`],
      sequence: `${9007199254740993n + BigInt(i)}`,
      dueOn: `2026-0${i + 1}-15`,
      amount: `${i}1234.50`,
    }),
  );
  await em.flush();
});

afterAll(async () => {
  await db?.drop();
});

describe('findRows', () => {
  it('answers plain rows equal to the hydrated entities, in the asked order and limit', async () => {
    const entities = await db.orm.em.fork().find(Probe, {}, { orderBy: { receivedAt: 'desc' } });
    const em = db.orm.em.fork();
    const rows = await findRows(em, Probe, {}, { orderBy: { receivedAt: 'desc' } });
    expect(rows).toEqual(entities.map((e) => ({ ...e })));
    expect(rows.map((r) => r.id)).toEqual([...ids].reverse());
    for (const row of rows) {
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(row.receivedAt).toBeInstanceOf(Date);
    }
    expect(rows[1]!.parties[0]!.name).toBe('张1');
    expect(rows[1]!.extra).toEqual({ nested: { a: [1, 2] } });
    expect(rows[1]!.tags).toEqual(['婚姻', 't1']);
    expect(rows[1]!.sequence).toBe('9007199254740994');
    expect(rows[1]!.dueOn).toBe('2026-02-15');
    expect(rows[1]!.amount).toBe('11234.50');
    expect(await findRows(em, Probe, { urgent: false, id: { $in: ids } }, { orderBy: { caseNumber: 'asc' }, limit: 1 })).toEqual([{ ...entities[2] }]);
  });

  it('leaves the unit of work empty: nothing managed, nothing to flush', async () => {
    const em = db.orm.em.fork();
    const rows = await findRows(em, Probe, { id: { $in: ids } });
    expect(rows).toHaveLength(3);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    const queries = countQueries(db.orm);
    await em.flush();
    queries.stop();
    expect(queries.count).toBe(0);
  });

  it('reads inside the transaction of the entity manager it is given', async () => {
    await db.orm.em
      .fork()
      .transactional(async (tx) => {
        const entity = await tx.findOneOrFail(Probe, { id: ids[0]! });
        entity.note = '事务内修改';
        await tx.flush();
        expect((await findRows(tx, Probe, { id: ids[0]! }))[0]!.note).toBe('事务内修改');
        expect((await findRows(db.orm.em.fork(), Probe, { id: ids[0]! }))[0]!.note).toBeNull();
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'roll back') throw error;
      });
  });

  /** The statements `run` sends, as knex reports them (the kit's statement counts listen there too). */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const knex = (db.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const seen: string[] = [];
    const listener = (query: { sql: string }) => seen.push(query.sql);
    knex.on('query', listener);
    try {
      await run();
    } finally {
      knex.off('query', listener);
    }
    return seen;
  }

  /** The same read through MikroORM's query builder: inside a transaction, findRows takes that path. */
  async function throughQueryBuilder(where: FilterQuery<Probe>, query: Parameters<typeof findRows<Probe>>[3]) {
    let rows: unknown;
    await db.orm.em.fork().transactional(async (tx: EntityManager) => {
      rows = await findRows(tx, Probe, where, query);
    });
    return rows;
  }

  const COMPILED = /^select "e0"\.\* from "kit_row_probe" as "e0"/;
  const day = (d: number, h = 0) => new Date(Date.UTC(2026, 0, d, h));

  it("answers the lists' and loaders' filters exactly as the query builder does, as parameterized statements", async () => {
    const cases: [FilterQuery<Probe>, Parameters<typeof findRows<Probe>>[3]][] = [
      [{ id: { $in: ids } }, {}],
      [{ id: [...ids].reverse() }, { orderBy: { receivedAt: 'desc' } }],
      [{ id: { $in: [] } }, {}],
      [
        { urgent: false, id: { $in: ids } },
        { orderBy: { caseNumber: 'asc' }, limit: 1 },
      ],
      [{ caseNumber: '(2026)苏1号' }, {}],
      [{ sequence: { $in: ['9007199254740993', '9007199254740995'] } }, { orderBy: { sequence: 'desc' } }],
      [{ dueOn: { $eq: '2026-02-15' } }, {}],
      [{ amount: ['11234.50', '21234.50'] }, { orderBy: { amount: 'asc', id: 'desc' } }],
      [{}, { orderBy: { dueOn: 'DESC' }, limit: 2 }],
      [{ note: null }, {}],
      [{ closedAt: { $ne: null } }, {}],
      [{ receivedAt: { $gte: day(2), $lt: day(3, 12) } }, { orderBy: { receivedAt: 'asc' } }],
      [{ caseNumber: { $like: '(2026)苏%' }, urgent: { $ne: true } }, { orderBy: { id: 'asc' } }],
      [{ $and: [{ caseNumber: { $like: '(2026)%' } }, { $or: [{ note: null }, { dueOn: { $gt: '2026-02-01' } }] }] }, { orderBy: { id: 'desc' } }],
      // A keyset page after a row: the cursor's instant and id.
      [
        { $and: [{}, { $or: [{ receivedAt: { $lt: day(3, 8) } }, { receivedAt: new Date(Date.UTC(2026, 0, 3, 8, 30, 15, 123)), id: { $lt: ids[2]! } }] }] },
        { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: 3 },
      ],
      [{ $and: [] }, { limit: 5 }],
    ];
    for (const [where, query] of cases) {
      const expected = await throughQueryBuilder(where, query);
      let rows: unknown;
      const sent = await statementsOf(async () => {
        rows = await findRows(db.orm.em.fork(), Probe, where, query);
      });
      expect(rows, JSON.stringify(where)).toEqual(expected);
      expect(sent, JSON.stringify(where)).toHaveLength(1);
      expect(sent[0], JSON.stringify(where)).toMatch(COMPILED);
      let count = 0;
      await db.orm.em.fork().transactional(async (tx: EntityManager) => {
        count = await countRows(tx, Probe, where);
      });
      expect(await countRows(db.orm.em.fork(), Probe, where), JSON.stringify(where)).toBe(count);
    }
    const one = await statementsOf(() => findRows(db.orm.em.fork(), Probe, { id: { $in: [ids[0]!] } }));
    const many = await statementsOf(() => findRows(db.orm.em.fork(), Probe, { id: { $in: [...ids, ...ids] } }));
    expect(one).toEqual(many);
    expect(one[0]).toBe('select "e0".* from "kit_row_probe" as "e0" where "e0"."id" = any($1)');
    expect(await statementsOf(() => countRows(db.orm.em.fork(), Probe, { caseNumber: { $like: '(2026)%' } }))).toEqual([
      'select count(*) as "count" from "kit_row_probe" as "e0" where "e0"."case_number" like $1',
    ]);
  });

  it('prepares a statement of equalities and key lists by name, and plans a like prefix or a range for its value', async () => {
    const names: (string | undefined)[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
      if (config && typeof config === 'object' && 'text' in config) names.push((config as { name?: string }).name);
      return (query as (...a: unknown[]) => unknown).call(this, config, ...rest);
    } as typeof query;
    try {
      await findRows(db.orm.em.fork(), Probe, { id: { $in: ids }, urgent: true });
      await findRows(db.orm.em.fork(), Probe, { caseNumber: { $like: '(2026)%' } });
      await countRows(db.orm.em.fork(), Probe, { receivedAt: { $gte: day(2) } });
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/^jf_/);
    expect(names.slice(1)).toEqual([undefined, undefined]);
  });

  it('leaves other filters (json and array columns, other operators) and reads in a transaction to the query builder', async () => {
    const other: FilterQuery<Probe>[] = [
      { tags: { $contains: ['婚姻'] } },
      { parties: { name: '张1' } } as FilterQuery<Probe>,
      { caseNumber: { $ilike: '%苏1%' } },
      { id: { $nin: [ids[0]!] } },
    ];
    for (const where of other) {
      const sent = await statementsOf(() => findRows(db.orm.em.fork(), Probe, where));
      expect(sent, JSON.stringify(where)).toHaveLength(1);
      expect(sent[0]).not.toMatch(COMPILED);
    }
    expect((await findRows(db.orm.em.fork(), Probe, { tags: { $contains: ['婚姻'] } }, { orderBy: { id: 'asc' } })).map((r) => r.id)).toEqual(ids.slice(1));
    expect((await findRows(db.orm.em.fork(), Probe, { id: { $nin: [ids[0]!] } }, { orderBy: { id: 'asc' } })).map((r) => r.id)).toEqual(ids.slice(1));
    await db.orm.em.fork().transactional(async (tx: EntityManager) => {
      const sent = await statementsOf(() => findRows(tx, Probe, { id: { $in: ids } }));
      expect(sent[0]).not.toMatch(COMPILED);
    });
  });

  it('is what keysetPage lists: pages of rows, with a cursor over a Date', async () => {
    const em = db.orm.em.fork();
    const page = { where: {}, orderBy: { receivedAt: 'desc', id: 'desc' } as const };
    const first = await keysetPage(em, Probe, { ...page, page: { first: 2 } }, (r) => r);
    expect(first.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.totalCount).toBe(3);
    expect(Object.getPrototypeOf(first.edges[0]!.node)).toBe(Object.prototype);
    const second = await keysetPage(em, Probe, { ...page, page: { first: 2, after: first.pageInfo.endCursor } }, (r) => r);
    expect(second.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });
});

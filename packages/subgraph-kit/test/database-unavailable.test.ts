import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { isReachable, openDatabase, type DatabaseModule, type Orm } from '@jiefen/database';
import { createTestDatabase, freePort, type TestDatabase } from '@jiefen/testing';
import { createErrorFormatter, isDatabaseUnavailable } from '../src/index.js';

// Timeouts toward PostgreSQL are set on every connection, and what they (or a database that is
// gone) throw is answered as DATABASE_UNAVAILABLE naming the agency — while a request's own
// mistakes (a constraint, bad SQL) stay masked internal errors. Real PostgreSQL throughout.
const module: DatabaseModule = { name: 'kit_timeouts', entities: [], migrations: [] };
const TIMEOUTS = { connectMs: 1000, statementMs: 300, lockMs: 200, idleInTransactionMs: 500 };
let db: TestDatabase;
let orm: Orm;

const logged: Record<string, unknown>[] = [];
const format = createErrorFormatter('court', { error: (message, details) => logged.push({ message, ...details }) }, { agencyName: '法院' });
const formatted = (error: unknown) => format({ message: String(error), path: ['courtCase'] } as GraphQLFormattedError, error);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

beforeAll(async () => {
  db = await createTestDatabase(module);
  orm = await openDatabase(module, db.config, { timeouts: TIMEOUTS });
  await orm.em.getConnection().execute('create table t (id int primary key)');
  await orm.em.getConnection().execute('insert into t values (1)');
});

afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

describe('timeouts toward PostgreSQL', () => {
  it('are set on every connection of the ORM', async () => {
    const [row] = await orm.em
      .getConnection()
      .execute<Record<string, string>[]>(
        `select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock, current_setting('idle_in_transaction_session_timeout') as idle`,
      );
    expect(row).toEqual({ statement: '300ms', lock: '200ms', idle: '500ms' });
  });

  it('a statement that runs too long is cancelled, and answered as DATABASE_UNAVAILABLE naming the agency', async () => {
    const started = Date.now();
    const error = await failure(orm.em.getConnection().execute('select pg_sleep(5)'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect((error as { code?: string }).code).toBe('57014');
    expect(isDatabaseUnavailable(error)).toBe(true);
    const answer = formatted(error);
    expect(answer.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', service: 'COURT' });
    expect(answer.message).toContain('法院');
    expect(answer.message).not.toMatch(/pg_sleep|statement|cancel/i);
    expect(answer.path).toEqual(['courtCase']);
  });

  it('a lock held by another transaction is waited for only lock_timeout', async () => {
    let error: unknown;
    await orm.em.fork().transactional(async (em) => {
      await em.getConnection().execute('select id from t where id = 1 for update', [], 'all', em.getTransactionContext());
      const started = Date.now();
      error = await failure(orm.em.getConnection().execute('update t set id = 1 where id = 1'));
      expect(Date.now() - started).toBeLessThan(3000);
    });
    expect((error as { code?: string }).code).toBe('55P03');
    expect(formatted(error).extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  });

  it('a database that is not there fails fast and is answered as DATABASE_UNAVAILABLE', async () => {
    const started = Date.now();
    const error = await failure(openDatabase(module, { ...db.config, port: await freePort() }, { timeouts: TIMEOUTS }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(formatted(error).extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', service: 'COURT' });
    expect(JSON.stringify(formatted(error))).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(await isReachable(orm)).toBe(true);
  });

  it("a request's own database error stays a masked internal error", async () => {
    const duplicate = await failure(orm.em.getConnection().execute('insert into t values (1)'));
    const syntax = await failure(orm.em.getConnection().execute('selec 1'));
    for (const error of [duplicate, syntax]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(formatted(error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    }
  });

  it('recognizes the connection failures pg and knex report without a SQLSTATE', () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'Query read timeout',
      'Knex: Timeout acquiring a connection. The pool is probably full.',
    ]) {
      expect(isDatabaseUnavailable(new Error(message))).toBe(true);
    }
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('未找到法院案件'))).toBe(false);
    // Without the agency's name (the gateway's formatter) nothing changes: masked as before.
    const gatewayFormat = createErrorFormatter('gateway', { error: () => undefined });
    expect(gatewayFormat({ message: 'x' }, new Error('Connection terminated unexpectedly')).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

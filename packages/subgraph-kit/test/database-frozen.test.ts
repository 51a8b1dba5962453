import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { isReachable, openDatabase, type DatabaseModule, type Orm } from '@jiefen/database';
import { createTestDatabase, startRestartablePostgres, type RestartablePostgres, type TestDatabase } from '@jiefen/testing';
import { createErrorFormatter, isDatabaseUnavailable } from '../src/index.js';

// A frozen database (the server and its backends stopped, sockets open, nothing answering) must
// not hang a request: the server-side statement_timeout cannot fire in a frozen backend, so the
// client gives up on its own (connect timeout for new connections, a read timeout for a pooled
// one). On a server of its own: the run's shared server is used by other files at the same time.
const module: DatabaseModule = { name: 'kit_frozen', entities: [], migrations: [] };
const TIMEOUTS = { connectMs: 1000, statementMs: 1000, lockMs: 500, idleInTransactionMs: 5000 };
let server: RestartablePostgres;
let db: TestDatabase;
let orm: Orm;
const format = createErrorFormatter('police', { error: () => undefined }, { agencyName: '公安' });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

beforeAll(async () => {
  server = await startRestartablePostgres();
  db = await createTestDatabase(module, server);
  orm = await openDatabase(module, db.config, { timeouts: TIMEOUTS });
  await orm.em.getConnection().execute('select 1');
});

afterAll(async () => {
  await server?.thaw();
  await orm?.close();
  await db?.orm.close();
  await server?.stop();
});

describe('a frozen database', () => {
  it('fails requests within the timeouts, with DATABASE_UNAVAILABLE naming the agency, and serves again once it thaws', { timeout: 60_000 }, async () => {
    await server.freeze();
    const started = Date.now();
    // One request on the pooled connection (read timeout), others needing new connections (connect timeout).
    const errors = await Promise.all([1, 2, 3].map(() => failure(orm.em.getConnection().execute('select 1'))));
    const elapsed = Date.now() - started;
    // statement (1 s) + connect (1 s) is the longest a statement may wait; allow for a loaded machine.
    expect(elapsed).toBeLessThan(8000);
    for (const error of errors) {
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(format({ message: 'x' } as GraphQLFormattedError, error).extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', service: 'POLICE' });
    }
    const probe = Date.now();
    expect(await isReachable(orm, 1000)).toBe(false);
    expect(Date.now() - probe).toBeLessThan(3000);

    await server.thaw();
    const deadline = Date.now() + 20_000;
    while (!(await isReachable(orm, 2000))) {
      if (Date.now() > deadline) throw new Error('the database did not serve again after thawing');
    }
    const [row] = await orm.em.getConnection().execute<{ n: number }[]>('select 1 as n');
    expect(row).toEqual({ n: 1 });
  });
});

import type { Constructor, EntityClass, EntityManager, MigrationObject } from '@mikro-orm/core';
import { Migration, Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type AbstractSqlConnection } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { databaseTimeoutsFromEnv, pgTimeoutSettings, type DatabaseConfig, type DatabaseTimeouts } from './config.js';

export { Migration };

/** What a subgraph brings to its database: entity classes and its committed migrations, in order. */
export interface DatabaseModule {
  name: string;
  // MikroORM's own type for entity classes of any shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntityClass<any>[];
  migrations: MigrationObject[];
  /** SQL objects derived from the code's own definitions (indicator rollups), kept in step by {@link migrate}. */
  derived?: DerivedObjects[];
}

/**
 * Tables, functions and triggers a module derives from a definition in its code (an indicator's
 * rollup from its source), rather than from a committed migration: installed after the migrations,
 * and dropped and installed afresh (with `build`, which fills them from the records) whenever their
 * SQL changes. What is installed is recorded in `jiefen_derived`, with the SQL that drops it, so a
 * changed or removed definition is dropped as it was installed.
 */
export interface DerivedObjects {
  /** Unique within the database. */
  name: string;
  /** Statements that create the objects (run in order, in one transaction with `build`). */
  install: string[];
  /** Statements that fill them from the records (after `install`; also what a bulk load reruns). */
  build: string[];
  /** Statements that drop them. */
  drop: string[];
}

export type Orm = MikroORM;

/** Lists migration classes as MikroORM wants them, named by their class names. */
export function migrationList(...classes: Constructor<Migration>[]): MigrationObject[] {
  return classes.map((cls) => ({ name: cls.name, class: cls }));
}

/**
 * A short-lived client on the server's `postgres` database. Its `error` event is handled: a server
 * that goes away between two statements must fail the statement, not crash the process.
 */
async function adminClient(config: DatabaseConfig): Promise<pg.Client> {
  const { connectionTimeoutMillis, keepAlive } = pgTimeoutSettings(databaseTimeoutsFromEnv());
  const client = new pg.Client({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: 'postgres',
    connectionTimeoutMillis,
    keepAlive,
  });
  client.on('error', (error) =>
    console.error(JSON.stringify({ level: 'error', message: 'database admin connection error', database: config.dbName, error: String(error) })),
  );
  await client.connect();
  return client;
}

/** Creates the database if the server does not have it yet (`CREATE DATABASE` is not transactional). */
export async function ensureDatabase(config: DatabaseConfig): Promise<void> {
  const client = await adminClient(config);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.dbName]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${config.dbName.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

/** Drops a database (tests only). */
export async function dropDatabase(config: DatabaseConfig): Promise<void> {
  const client = await adminClient(config);
  try {
    await client.query(`DROP DATABASE IF EXISTS "${config.dbName.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface OpenOptions {
  /** Largest number of pooled connections (default 10). */
  poolMax?: number;
  /** Where `migration:create` writes new migrations. */
  migrationsPath?: string;
  /** Timeouts toward PostgreSQL (default: {@link databaseTimeoutsFromEnv}). */
  timeouts?: DatabaseTimeouts;
}

/**
 * Opens one subgraph's database. Schema sync is never used: {@link migrate} applies migrations.
 *
 * Every connection carries the timeouts (connect, statement, lock wait, idle in transaction): a
 * database that is down or frozen fails a request within seconds, with an error the kit's formatter
 * reports as `DATABASE_UNAVAILABLE`. Connection errors need no handler here: knex listens on each
 * pooled client and drops a broken one from the pool; the next request connects afresh.
 */
export async function openDatabase(module: DatabaseModule, config: DatabaseConfig, options: OpenOptions = {}): Promise<Orm> {
  const timeouts = options.timeouts ?? databaseTimeoutsFromEnv();
  return MikroORM.init({
    driver: PostgreSqlDriver,
    entities: module.entities,
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    dbName: config.dbName,
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: {
      connection: pgTimeoutSettings(timeouts),
      // Waiting for a free pooled connection is bounded too (knex's default is a minute).
      ...(timeouts.connectMs > 0 ? { acquireConnectionTimeout: timeouts.connectMs + timeouts.statementMs } : {}),
    },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      migrationsList: module.migrations,
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
      silent: true,
    },
  });
}

/**
 * Applies pending migrations in one transaction, then brings the module's derived objects in step
 * (`installDerived`). Returns the names of the migrations applied.
 */
export async function migrate(orm: Orm, derived: readonly DerivedObjects[] = []): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  await installDerived(orm, derived);
  return applied.map((m) => m.name);
}

const derivedHash = (objects: DerivedObjects) =>
  createHash('sha256')
    .update(JSON.stringify([objects.install, objects.build]))
    .digest('hex');

/**
 * A connection of its own for building derived objects: over a province's records a build takes
 * longer than any request may, so it has none of the pool's timeouts (statement, read).
 */
async function buildClient(orm: Orm): Promise<pg.Client> {
  const config = orm.config;
  const client = new pg.Client({
    host: config.get('host'),
    port: config.get('port'),
    user: config.get('user'),
    password: config.get('password'),
    database: config.get('dbName'),
  });
  client.on('error', (error) => console.error(JSON.stringify({ level: 'error', message: 'derived objects connection error', error: String(error) })));
  await client.connect();
  return client;
}

type Sql = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

async function inTransaction<T>(orm: Orm, run: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await buildClient(orm);
  try {
    await client.query('begin');
    const result = await run((text, values) => client.query(text, values));
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Installs each derived object whose SQL is new or changed (dropping what was installed under its
 * name before, and any name no longer derived), in one transaction under an advisory lock: two
 * processes starting on one database install once. Unchanged objects are left as they are.
 */
export async function installDerived(orm: Orm, derived: readonly DerivedObjects[]): Promise<string[]> {
  return inTransaction(orm, async (sql) => {
    await sql("select pg_advisory_xact_lock(hashtext('jiefen_derived'))");
    await sql('create table if not exists jiefen_derived (name text primary key, hash text not null, drop_sql text not null)');
    const current = (await sql('select name, hash, drop_sql from jiefen_derived')).rows as { name: string; hash: string; drop_sql: string }[];
    const wanted = new Map(derived.map((d) => [d.name, d]));
    const unchanged = (row: { name: string; hash: string }) => wanted.has(row.name) && derivedHash(wanted.get(row.name)!) === row.hash;
    for (const row of current) {
      if (unchanged(row)) continue;
      for (const statement of JSON.parse(row.drop_sql) as string[]) await sql(statement);
      await sql('delete from jiefen_derived where name = $1', [row.name]);
    }
    const kept = new Set(current.filter(unchanged).map((r) => r.name));
    const installed: string[] = [];
    for (const objects of derived) {
      if (kept.has(objects.name)) continue;
      for (const statement of [...objects.drop, ...objects.install, ...objects.build]) await sql(statement);
      await sql('insert into jiefen_derived (name, hash, drop_sql) values ($1, $2, $3)', [objects.name, derivedHash(objects), JSON.stringify(objects.drop)]);
      installed.push(objects.name);
    }
    return installed;
  });
}

/** True when the database answers within `timeoutMs` (a frozen server is not reachable). */
export async function isReachable(orm: Orm, timeoutMs = 5000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const probe = orm.em
      .getConnection()
      .execute('select 1')
      .then(
        () => true,
        () => false,
      );
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `seed` once per database: a marker row in `jiefen_seed`, written in the same transaction
 * as the data, makes a second run a no-op; after a run the database is analyzed. Returns whether
 * the seed ran.
 */
export async function seedOnce(orm: Orm, name: string, seed: (em: EntityManager) => Promise<void>): Promise<boolean> {
  const connection = orm.em.getConnection();
  await connection.execute('create table if not exists jiefen_seed (name text primary key, applied_at timestamptz not null default now())');
  let ran = false;
  await orm.em.fork().transactional(async (em) => {
    const rows = await em
      .getConnection()
      .execute<{ name: string }[]>(
        'insert into jiefen_seed (name) values (?) on conflict do nothing returning name',
        [name],
        'all',
        em.getTransactionContext(),
      );
    if (rows.length === 0) return;
    await seed(em);
    ran = true;
  });
  // A freshly loaded database has no statistics until autovacuum comes by (a minute or more): until
  // then the planner takes every table for empty and sorts a whole list where an index gives its
  // first page in order (the hub's dispute list: 3.8 against 0.1 ms over 1,000 disputes).
  if (ran) await connection.execute('analyze');
  return ran;
}

/** Counts the SQL statements an ORM sends (tests and benchmarks use it to catch N+1). */
export function countQueries(orm: Orm): { readonly count: number; reset(): void; stop(): void } {
  const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
  const state = { count: 0 };
  const listener = () => {
    state.count += 1;
  };
  knex.on('query', listener);
  return {
    get count() {
      return state.count;
    },
    reset() {
      state.count = 0;
    },
    stop() {
      knex.off('query', listener);
    },
  };
}

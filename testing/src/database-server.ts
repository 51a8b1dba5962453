import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, migrate, openDatabase, type DatabaseConfig, type DatabaseModule, type Orm } from '@jiefen/database';
import { startLocalPostgres, type LocalPostgres } from '@jiefen/local-postgres';
import { freePort } from './ports.js';

/** A PostgreSQL server for tests: embedded (default) or the one `JIEFEN_TEST_DATABASE_URL` names. */
export interface DatabaseServer {
  host: string;
  /** An embedded server's Unix socket directory (with `port`); none for an external server. */
  socketDir?: string;
  port: number;
  user: string;
  password?: string;
  /** Connection URL (to the `postgres` database) that worker processes read from the environment. */
  url: string;
  stop(): Promise<void>;
}

export const TEST_DATABASE_ENV = 'JIEFEN_TEST_DATABASE_URL';

function toUrl(s: { host: string; port: number; user: string; password?: string }): string {
  const auth = s.password ? `${encodeURIComponent(s.user)}:${encodeURIComponent(s.password)}` : encodeURIComponent(s.user);
  return `postgres://${auth}@${s.host}:${s.port}/postgres`;
}

function fromUrl(url: string): Omit<DatabaseServer, 'stop'> {
  const u = new URL(url);
  const server = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
  };
  return { ...server, url: toUrl(server) };
}

/**
 * Starts the run's database server (vitest global setup): the external server when
 * `JIEFEN_TEST_DATABASE_URL` is set, else an embedded PostgreSQL in a temporary directory
 * (on /dev/shm when there is one), thrown away at the end.
 */
export async function startDatabaseServer(): Promise<DatabaseServer> {
  const external = process.env[TEST_DATABASE_ENV];
  if (external) return { ...fromUrl(external), stop: async () => undefined };
  const parent = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'jiefen-test-'));
  const pg = await startLocalPostgres({ dataDir: join(parent, 'pg'), port: await freePort(), persistent: false });
  return {
    host: pg.host,
    socketDir: pg.socketDir,
    port: pg.port,
    user: pg.user,
    password: pg.password,
    url: toUrl(pg),
    async stop() {
      await pg.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL server of its own that a test may stop and start (a database restart, an outage)
 * without disturbing the run's shared server, which other test files use at the same time. Always
 * embedded, on its own port and data directory; the data survive a restart.
 */
export interface RestartablePostgres extends Omit<DatabaseServer, 'stop'> {
  /** Stops the server (fast shutdown: open connections are terminated). */
  stopServer(): Promise<void>;
  /** Starts it again on the same port and data. */
  startServer(): Promise<void>;
  readonly running: boolean;
  /**
   * Freezes the server (SIGSTOP to the postmaster and its backends): connections stay open and
   * nothing answers — a hung database, not a dead one. {@link thaw} resumes it.
   */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** Stops it for good and removes its data. */
  stop(): Promise<void>;
}

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const parent = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'jiefen-restart-'));
  const dataDir = join(parent, 'pg');
  const port = await freePort();
  // persistent: the data directory must outlive stopServer().
  let pg: LocalPostgres | null = await startLocalPostgres({ dataDir, port, persistent: true });
  let frozen: number[] = [];
  const address = { host: pg.host, port: pg.port, user: pg.user, password: pg.password };
  const server: RestartablePostgres = {
    ...address,
    url: toUrl(address),
    get running() {
      return pg !== null;
    },
    async stopServer() {
      const current = pg;
      pg = null;
      await current?.stop();
    },
    async startServer() {
      if (!pg) pg = await startLocalPostgres({ dataDir, port, persistent: true });
    },
    async freeze() {
      const postmaster = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      const children = await readFile(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').catch(() => '');
      frozen = [postmaster, ...children.split(/\s+/).filter(Boolean).map(Number)];
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    async thaw() {
      for (const pid of frozen.splice(0)) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // a backend that ended meanwhile
        }
      }
    },
    async stop() {
      await server.thaw();
      await server.stopServer();
      await rm(parent, { recursive: true, force: true });
    },
  };
  return server;
}

/** Where a test database is created: a server's address (the run's shared server by default). */
export type DatabaseServerAddress = Omit<DatabaseServer, 'stop'>;

/** The run's database server, as global setup published it. */
export function databaseServerFromEnv(): Omit<DatabaseServer, 'stop'> {
  const url = process.env[TEST_DATABASE_ENV];
  if (!url) throw new Error(`${TEST_DATABASE_ENV} is not set: run the tests through vitest (its global setup starts PostgreSQL)`);
  return fromUrl(url);
}

export interface TestDatabase {
  config: DatabaseConfig;
  orm: Orm;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database for one module, with a unique name; dropped by `drop()`. */
export async function createTestDatabase(module: DatabaseModule, server: DatabaseServerAddress = databaseServerFromEnv()): Promise<TestDatabase> {
  const config: DatabaseConfig = {
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    dbName: `jt_${module.name}_${randomBytes(5).toString('hex')}`,
  };
  await ensureDatabase(config);
  const orm = await openDatabase(module, config, { poolMax: 5 });
  await migrate(orm, module.derived);
  return {
    config,
    orm,
    async drop() {
      await orm.close();
      await dropDatabase(config);
    },
  };
}

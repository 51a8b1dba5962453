/** Where a subgraph's database lives. Resolved from the environment by {@link databaseConfigFromEnv}. */
export interface DatabaseConfig {
  host: string;
  port: number;
  user: string;
  password?: string;
  dbName: string;
}

type Env = Record<string, string | undefined>;

function fromUrl(url: string, fallbackDb: string): DatabaseConfig {
  const parsed = new URL(url);
  const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || fallbackDb;
  return {
    host: decodeURIComponent(parsed.hostname) || '127.0.0.1',
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    dbName,
  };
}

/**
 * The database of one subgraph, by priority:
 * 1. `<NAME>_DATABASE_URL` (e.g. `COURT_DATABASE_URL=postgres://u:p@db:5432/court`);
 * 2. `JIEFEN_DATABASE_URL`, a server URL whose database name is replaced by the subgraph's name
 *    (with `JIEFEN_DATABASE_PREFIX` in front, if set);
 * 3. the libpq variables `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, database named like the subgraph.
 */
export function databaseConfigFromEnv(name: string, env: Env = process.env): DatabaseConfig {
  const dbName = `${env.JIEFEN_DATABASE_PREFIX ?? ''}${name}`;
  const own = env[`${name.toUpperCase()}_DATABASE_URL`];
  if (own) return fromUrl(own, dbName);
  const shared = env.JIEFEN_DATABASE_URL;
  if (shared) return { ...fromUrl(shared, dbName), dbName };
  return {
    host: env.PGHOST ?? '127.0.0.1',
    port: Number(env.PGPORT ?? 5432),
    user: env.PGUSER ?? 'postgres',
    password: env.PGPASSWORD,
    dbName,
  };
}

/** Whether the environment names a database server for this subgraph. */
export function hasDatabaseConfig(name: string, env: Env = process.env): boolean {
  return Boolean(env[`${name.toUpperCase()}_DATABASE_URL`] ?? env.JIEFEN_DATABASE_URL ?? env.PGHOST);
}

/** The config as a URL with the password hidden, for logs. */
export function describeDatabase(config: DatabaseConfig): string {
  return `postgres://${config.user}@${config.host}:${config.port}/${config.dbName}`;
}

/**
 * How long a subgraph waits on PostgreSQL before giving up, so that a database that is down,
 * frozen or locked answers every request within seconds instead of hanging it. Zero turns one off.
 */
export interface DatabaseTimeouts {
  /** Establishing a connection (TCP + authentication); also bounds the wait for a pooled one. */
  connectMs: number;
  /** One statement, enforced by the server (`statement_timeout`, SQLSTATE 57014). */
  statementMs: number;
  /** Waiting for a row or table lock (`lock_timeout`, SQLSTATE 55P03). */
  lockMs: number;
  /** A transaction left open and idle (`idle_in_transaction_session_timeout`): its locks are freed. */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5000, statementMs: 15_000, lockMs: 5000, idleInTransactionMs: 60_000 };

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds (0 turns the timeout off)`);
  return value;
}

/**
 * Timeouts toward PostgreSQL from the environment: `JIEFEN_DB_CONNECT_TIMEOUT_MS` (default 5000),
 * `JIEFEN_DB_STATEMENT_TIMEOUT_MS` (15000), `JIEFEN_DB_LOCK_TIMEOUT_MS` (5000),
 * `JIEFEN_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS` (60000).
 */
export function databaseTimeoutsFromEnv(env: Env = process.env): DatabaseTimeouts {
  const d = DEFAULT_DATABASE_TIMEOUTS;
  return {
    connectMs: milliseconds(env, 'JIEFEN_DB_CONNECT_TIMEOUT_MS', d.connectMs),
    statementMs: milliseconds(env, 'JIEFEN_DB_STATEMENT_TIMEOUT_MS', d.statementMs),
    lockMs: milliseconds(env, 'JIEFEN_DB_LOCK_TIMEOUT_MS', d.lockMs),
    idleInTransactionMs: milliseconds(env, 'JIEFEN_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', d.idleInTransactionMs),
  };
}

/** The `pg` client settings of {@link DatabaseTimeouts}, for every connection a subgraph opens. */
export interface PgTimeoutSettings {
  connectionTimeoutMillis: number;
  statement_timeout: number;
  lock_timeout: number;
  idle_in_transaction_session_timeout: number;
  query_timeout?: number;
  keepAlive: boolean;
}

export function pgTimeoutSettings(t: DatabaseTimeouts): PgTimeoutSettings {
  return {
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    lock_timeout: t.lockMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
    // The server enforces statement_timeout only while it runs: a frozen or unreachable server never
    // answers at all. The client gives up a little later on its own, so no request waits forever.
    ...(t.statementMs > 0 ? { query_timeout: t.statementMs + Math.max(t.connectMs, 1000) } : {}),
    // A peer that vanished without closing the socket (a crashed host) is noticed by the kernel.
    keepAlive: true,
  };
}

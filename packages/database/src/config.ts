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

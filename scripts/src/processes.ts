// The deployed topology on one machine: each subgraph (and, for the bench, the gateway) in a Node
// process of its own, spawned from its compiled `main.js`. Shared by `npm start` and `npm run bench`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import type { DatabaseConfig } from '@jiefen/database';
import { subgraphs } from '@jiefen/schema';
import { repoRoot } from './paths.js';

/** A service running in its own Node process, tied to this one by an IPC channel. */
export interface ServiceProcess {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  readonly running: boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has ended. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** The compiled entry point, relative to the repository root (`subgraphs/court/dist/src/main.js`) or absolute. */
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  /** V8/Node flags placed before the script (`--max-semi-space-size=32`). */
  nodeOptions?: string[];
  /** Each line the process writes (default: to this process's stdout/stderr unchanged). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/**
 * Spawns `node [nodeOptions] <script> [args]`. The IPC channel ties the child to this process: if
 * this one dies without stopping it, the channel closes and the child shuts itself down (the mains
 * listen for `disconnect`), leaving no orphan on the port.
 */
export function spawnService(name: string, options: SpawnOptions): ServiceProcess {
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), resolve(repoRoot, options.script), ...(options.args ?? [])], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const onLine = options.onLine ?? ((line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`));
  createInterface({ input: child.stdout! }).on('line', (line) => onLine(line, 'stdout'));
  createInterface({ input: child.stderr! }).on('line', (line) => onLine(line, 'stderr'));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    process: child,
    exited,
    get running() {
      return running();
    },
    async stop(graceMs = 10_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers 2xx (a service's `/ready`), or fails if the process ends first. */
export async function waitReady(service: ServiceProcess, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!service.running) throw new Error(`${service.name} exited before it was ready (see its output above)`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s`);
}

/** Stops services in parallel; one failing to stop does not keep the others running. */
export async function stopAll(services: ServiceProcess[], graceMs?: number): Promise<void> {
  await Promise.all(services.map((s) => s.stop(graceMs).catch((error: unknown) => console.error(`stopping ${s.name} failed: ${String(error)}`))));
}

export function databaseUrl(c: DatabaseConfig): string {
  return `postgres://${encodeURIComponent(c.user)}${c.password ? `:${encodeURIComponent(c.password)}` : ''}@${encodeURIComponent(c.host)}:${c.port}/${encodeURIComponent(c.dbName)}`;
}

export interface SubgraphProcessOptions {
  /** Each subgraph's port, by name (all six: the docking inboxes are reached through them). */
  ports: Record<string, number>;
  databases: Record<string, DatabaseConfig>;
  keysDir: string;
  host?: string;
  /** `--migrate`, `--seed` … */
  args?: string[];
  nodeOptions?: string[];
  /** Extra environment for every subgraph process (over this process's own). */
  env?: NodeJS.ProcessEnv;
  onLine?: (name: string) => SpawnOptions['onLine'];
  /** Another checkout whose built subgraphs to run (the bench's `--against`); default this one. */
  root?: string;
}

/**
 * The six subgraphs, each `subgraphs/<name>/dist/src/main.js` in its own process, with its
 * database (`<NAME>_DATABASE_URL`), port (`<NAME>_PORT`), every agency's docking inbox on the port
 * it runs on (`<AGENCY>_EVENTS_URL`) and the development keys (`JIEFEN_KEYS_DIR`).
 */
export function spawnSubgraphs(options: SubgraphProcessOptions): ServiceProcess[] {
  const eventUrls = Object.fromEntries(
    subgraphs.filter((s) => s.docking).map((s) => [`${s.agency}_EVENTS_URL`, `http://127.0.0.1:${options.ports[s.name]}/events`]),
  );
  return subgraphs.map((s) =>
    spawnService(s.name, {
      script: join(options.root ?? '', 'subgraphs', s.name, 'dist', 'src', 'main.js'),
      args: options.args,
      nodeOptions: options.nodeOptions,
      env: {
        ...process.env,
        ...options.env,
        ...eventUrls,
        [`${s.name.toUpperCase()}_DATABASE_URL`]: databaseUrl(options.databases[s.name]!),
        [`${s.name.toUpperCase()}_PORT`]: String(options.ports[s.name]),
        JIEFEN_KEYS_DIR: options.keysDir,
        HOST: options.host ?? '127.0.0.1',
      },
      onLine: options.onLine?.(s.name),
    }),
  );
}

/** Splits a flags string (`JIEFEN_SUBGRAPH_NODE_OPTIONS`) into arguments. */
export function nodeFlags(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

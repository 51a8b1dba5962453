// `npm start`: the whole federated graph on one machine, with demo data, deployed as it runs in
// production — each agency's subgraph in its own process (its own event loop and heap, so the
// gateway's parallel entity fetches run in parallel), the gateway in this one.
// Embedded PostgreSQL (or the configured server) → six subgraph processes, each creating,
// migrating and seeding its database once (`main.js --migrate --seed`) → the gateway on 4000 once
// all six answer /ready. Ctrl-C stops everything, PostgreSQL last.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { DatabaseConfig } from '@jiefen/database';
import { gatewayAuthFromEnv, startGateway, type RunningGateway } from '@jiefen/gateway';
import { AGENCY_DIRECTORY } from '@jiefen/auth';
import { loadOrCreateDevDockingKeys } from '@jiefen/docking';
import { subgraphs } from '@jiefen/schema';
import { openDevDatabases } from './dev-database.js';
import { repoRoot } from './paths.js';

const started = performance.now();
const env = process.env;
const host = env.HOST ?? '127.0.0.1';
const databases = await openDevDatabases();
// Development keys under .data/keys: the gateway signs with them, subgraphs verify, `npm run token` issues.
const keysDir = env.JIEFEN_KEYS_DIR ?? join(repoRoot, '.data', 'keys');
const auth = await gatewayAuthFromEnv({ ...env, JIEFEN_KEYS_DIR: keysDir });
// Every agency's development docking key, written once here before six processes would race to create it.
await loadOrCreateDevDockingKeys(keysDir);
/**
 * V8 flags of the subgraph processes: a larger young generation (semi-space) lets the short-lived
 * objects of a request die young instead of being promoted and collected by full GCs. Override with
 * `JIEFEN_SUBGRAPH_NODE_OPTIONS`.
 */
const subgraphNodeOptions = (env.JIEFEN_SUBGRAPH_NODE_OPTIONS ?? '--max-semi-space-size=32').split(/\s+/).filter(Boolean);

const ports = Object.fromEntries(subgraphs.map((s) => [s.name, Number(env[`${s.name.toUpperCase()}_PORT`] ?? s.defaultPort)]));
// Every agency's inbox on the port it runs on here (the docking settings read <AGENCY>_EVENTS_URL).
const eventUrls = Object.fromEntries(subgraphs.filter((s) => s.docking).map((s) => [`${s.agency}_EVENTS_URL`, `http://127.0.0.1:${ports[s.name]}/events`]));

const databaseUrl = (c: DatabaseConfig) =>
  `postgres://${encodeURIComponent(c.user)}${c.password ? `:${encodeURIComponent(c.password)}` : ''}@${c.host}:${c.port}/${encodeURIComponent(c.dbName)}`;

interface Child {
  name: string;
  process: ChildProcess;
  seeded: boolean;
  exited: Promise<number | null>;
}

const children: Child[] = [];
let gateway: RunningGateway | null = null;
let stopping = false;

/** One subgraph process: `subgraphs/<name>/dist/src/main.js --migrate --seed`, its output prefixed with its name. */
function startSubgraphProcess(name: string): Child {
  const child = spawn(process.execPath, [...subgraphNodeOptions, join(repoRoot, 'subgraphs', name, 'dist', 'src', 'main.js'), '--migrate', '--seed'], {
    env: {
      ...env,
      ...eventUrls,
      [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrl(databases.configs[name]!),
      [`${name.toUpperCase()}_PORT`]: String(ports[name]),
      JIEFEN_KEYS_DIR: keysDir,
      HOST: host,
    },
    // The IPC channel ties the child to this process: if `npm start` dies without stopping it, the
    // channel closes and the child shuts itself down (runStandalone), leaving no orphan on the port.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const entry: Child = {
    name,
    process: child,
    seeded: false,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (line === `[${name}] demo data seeded`) entry.seeded = true;
      (stream === child.stderr ? process.stderr : process.stdout).write(`${line}\n`);
    });
  }
  void entry.exited.then((code) => {
    if (!stopping) {
      console.error(`[${name}] stopped unexpectedly (exit ${code}); the other agencies keep running — restart with npm start`);
    }
  });
  return entry;
}

/** Waits until the subgraph answers `/ready`, or fails if its process ends first. */
async function ready(child: Child, port: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child.name} exited before it was ready (see its output above)`);
    const ok = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${child.name} was not ready within ${timeoutMs / 1000} s`);
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nstopping…');
    const step = async (what: string, work: () => Promise<unknown>) => {
      await work().catch((error: unknown) => console.error(`stopping ${what} failed: ${String(error)}`));
    };
    await step('the gateway', async () => gateway?.stop());
    // Each subgraph stops its server, delivery worker and database pool on SIGTERM; one that has
    // not ended after 10 s is killed, so Ctrl-C always returns.
    await step('the subgraphs', () =>
      Promise.all(
        children.map(async (c) => {
          if (c.process.exitCode !== null || c.process.signalCode !== null) return;
          c.process.kill('SIGTERM');
          const timer = setTimeout(() => c.process.kill('SIGKILL'), 10_000);
          await c.exited;
          clearTimeout(timer);
        }),
      ),
    );
    await step('PostgreSQL', () => databases.stop());
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  for (const s of subgraphs) children.push(startSubgraphProcess(s.name));
  await Promise.all(children.map((c) => ready(c, ports[c.name]!)));
  gateway = await startGateway({
    auth,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`])),
    port: Number(env.GATEWAY_PORT ?? 4000),
    host,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const seeded = children.filter((c) => c.seeded).map((c) => c.name);
  console.log(`
解纷 Jiefen is up in ${seconds} s — ${databases.description}${seeded.length ? `, demo data seeded (${seeded.join(', ')})` : ', existing data reused'}
Each agency runs in its own process (pid ${children.map((c) => `${c.name} ${c.process.pid}`).join(', ')}); the gateway in this one (pid ${process.pid}).

  gateway   ${gateway.graphqlUrl}
  explorer  ${gateway.explorerUrl ?? '(off)'}
${subgraphs
  .map((s) => `  ${s.name.padEnd(13)} http://${host}:${ports[s.name]}/graphql   ${AGENCY_DIRECTORY[s.agency].name}`)
  .sort()
  .join('\n')}

Tokens for the personas (court-staff, police-officer, mediator, petition-officer, procurator,
legal-aid, hub-coordinator, leader):  npm run token -- --help

Try:  curl -s ${gateway.graphqlUrl} -H 'content-type: application/json' \\
        -H "authorization: Bearer $(npm run -s token -- leader)" \\
        -d '{"query":"{ disputes(first: 3) { totalCount edges { node { number category parties { name } courtCases { caseNumber } mediations { organizationName } } } } }"}'

Ctrl-C stops everything.`);
} catch (error) {
  console.error('start failed:', error);
  await shutdown(1);
}

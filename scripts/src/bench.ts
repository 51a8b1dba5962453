// `npm run bench`: the deployed topology under load — a throw-away PostgreSQL (embedded, or the
// server JIEFEN_TEST_DATABASE_URL names), the six subgraphs each in its own process, our gateway in
// its own process and, in the same run on the same subgraphs, Hive Gateway as a peer. Read
// scenarios run in short alternating rounds (ours, Hive, ours, Hive …) so that a busy machine
// weighs on both alike; then a burst of hand-overs with their delivery latency.
// For each scenario: requests/s, latency percentiles, CPU ms per request of every process (from
// /proc, steady on a shared machine), SQL statements per request of every subgraph, memory.
// Targets are checked here, by people reading the figures — never by timed assertions in tests.
// Options: see `npm run bench -- --help`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { issueToken, loadOrCreateDevKeys } from '@jiefen/auth';
import { chinaYear } from '@jiefen/calendar';
import { dropDatabase, type DatabaseConfig } from '@jiefen/database';
import { startLocalPostgres } from '@jiefen/local-postgres';
import { loadOrCreateDevDockingKeys } from '@jiefen/docking';
import { loadSupergraph } from '@jiefen/gateway';
import { QUERY_COUNT_MESSAGE } from '@jiefen/runtime';
import { subgraphs } from '@jiefen/schema';
import { callerOf, startDatabaseServer } from '@jiefen/testing';
import { runHandoverBurst, type HandoverResult } from './bench/handover.js';
import { createPool, percentile, runLoad, send, type LoadResult } from './bench/load.js';
import { CLOCK_TICKS, parentOf, processProbe, processTreeProbe, type Probe } from './bench/proc.js';
import {
  dashboard,
  dashboardPeriods,
  disputePage,
  disputeView,
  LIST_QUERIES,
  listScenario,
  sizes,
  type ListSetup,
  type ReadScenario,
} from './bench/scenarios.js';
import { databaseUrl, nodeFlags, spawnService, spawnSubgraphs, stopAll, waitReady, type ServiceProcess } from './processes.js';

const { values: flags } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h' },
    'no-hive': { type: 'boolean' },
    'semi-space': { type: 'boolean' },
    only: { type: 'string' },
    report: { type: 'string' },
    variant: { type: 'string', multiple: true },
    against: { type: 'string' },
    'subgraphs-from': { type: 'string' },
    data: { type: 'string' },
  },
});
if (flags.help) {
  console.log(`usage: npm run bench -- [--no-hive] [--semi-space] [--only "dispute page 50,dispute view"] [--report FILE]

  --no-hive       only our gateway (no peer rounds)
  --semi-space    also compare the subgraphs' V8 flags: JIEFEN_SUBGRAPH_NODE_OPTIONS (default
                  --max-semi-space-size=32) against none, alternating rounds on the dispute page of 50
  --only          the read scenarios to run, by name (comma-separated)
  --report FILE   also write the report (markdown) to FILE
  --variant "NAME:VAR=value,VAR=value"
                  one more of our gateways, with that environment, in the same alternating rounds
                  (a lever measured before/after, e.g. "no semi-space:NODE_OPTIONS=")
  --data DIR      read the scale data a \`npm run seed -- --disputes N\` left in the embedded PostgreSQL
                  data directory DIR (e.g. .data/pg) instead of a throw-away demo seed; the subgraphs
                  only migrate, nothing is dropped; readers are a province-level leader (jurisdiction of
                  the data's province) and the dashboard rotates over its counties, towns and villages
  --against DIR   another checkout's whole stack (e.g. a worktree of main: \`git worktree add DIR
                  main && cd DIR && npm ci && npm run build\`): its six subgraphs on the same
                  databases behind its own gateway ("against"), in the same alternating rounds: a
                  lever measured before/after (use with --no-hive)
  --subgraphs-from DIR
                  run the six subgraphs built in another checkout instead of this one's (the rest of
                  the run, the gateway and the load are this checkout's): a lever of the hand-over
                  path measured before/after in alternating whole runs (the burst needs a stack of
                  its own: --against shares the databases, and two delivery workers would share the
                  outboxes), e.g. \`--only none\` with BENCH_HANDOVERS=3000, this checkout and DIR in turn

environment:
  BENCH_DURATION_MS   length of one measured round of one scenario on one gateway (default 4000)
  BENCH_ROUNDS        rounds per scenario and gateway, alternating (default 2)
  BENCH_CONCURRENCY   concurrent clients (default 16)
  BENCH_DASHBOARD_CONCURRENCY  concurrent leaders opening dashboards (default 2)
  BENCH_WARMUP_MS     warm-up per scenario and gateway before its first round (default 1500)
  BENCH_IDLE_MS       idle pause between rounds (default 0; > 5000 exercises the keep-alive race)
  BENCH_DISPUTES      disputes the demo seed writes (default 1000)
  BENCH_HANDOVERS     transfers in the hand-over burst (default 300; 0 skips it)
  BENCH_PORT          first port (default 4200: our gateway; subgraphs +1…+6; Hive +10)
  BENCH_AGAINST_PG_TCP=1  --against's subgraphs reach PostgreSQL through TCP (with --against this checkout,
                      the Unix socket measured against TCP in alternating rounds)
  BENCH_PG_TCP=1      every process reaches the embedded PostgreSQL through TCP on 127.0.0.1 (default: its Unix
                      socket, as \`npm start\` does)
  BENCH_PG_STATEMENTS=1  the embedded PostgreSQL loads pg_stat_statements; the hand-over burst's report
                      lists the statements each database ran per accepted hand-over (calls, time)
  JIEFEN_TEST_DATABASE_URL  an existing PostgreSQL server instead of the embedded one
  JIEFEN_SUBGRAPH_NODE_OPTIONS  V8 flags of the subgraph processes (default --max-semi-space-size=32)
  BENCH_GATEWAY_NODE_OPTIONS    Node flags of our gateway's process (default none; e.g. --cpu-prof --cpu-prof-dir=DIR)
  BENCH_AGAINST_NODE_OPTIONS    V8 flags of --against's subgraphs (default: JIEFEN_SUBGRAPH_NODE_OPTIONS); with
                                --against set to this checkout, a flag measured in warm, alternating rounds`);
  process.exit(0);
}

const env = process.env;
const DURATION_MS = Number(env.BENCH_DURATION_MS ?? 4000);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = Number(env.BENCH_CONCURRENCY ?? 16);
const WARMUP_MS = Number(env.BENCH_WARMUP_MS ?? 1500);
const IDLE_MS = Number(env.BENCH_IDLE_MS ?? 0);
const HANDOVERS = Number(env.BENCH_HANDOVERS ?? 300);
const BASE_PORT = Number(env.BENCH_PORT ?? 4200);
const SUBGRAPH_NODE_OPTIONS = env.JIEFEN_SUBGRAPH_NODE_OPTIONS ?? '--max-semi-space-size=32';
const TOKENS_PER_PERSONA = 4;
const PG_STATEMENTS = env.BENCH_PG_STATEMENTS === '1';
if (PG_STATEMENTS) env.JIEFEN_LOCAL_PG_SETTINGS = ['shared_preload_libraries=pg_stat_statements', env.JIEFEN_LOCAL_PG_SETTINGS].filter(Boolean).join(',');

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const report: string[] = [];
const out = (line = '') => {
  report.push(line);
  console.log(line);
};

/**
 * Where the bench's data comes from. Today: the demo seed, written by each subgraph process
 * (`--seed`, `JIEFEN_DEMO_DISPUTES`); a scale seed (COPY, a province's size) plugs in here as
 * another source: databases it has filled, subgraphs started with `--migrate` only.
 */
interface BenchData {
  description: string;
  /** Arguments of each subgraph's main.js. */
  subgraphArgs: string[];
  /** Environment of each subgraph process. */
  env: NodeJS.ProcessEnv;
}

function demoSeed(disputes: number): BenchData {
  return { description: `demo seed, ${disputes} disputes`, subgraphArgs: ['--migrate', '--seed'], env: { JIEFEN_DEMO_DISPUTES: String(disputes) } };
}

/** The data a scale seed left in an embedded PostgreSQL data directory: read as it is, never dropped. */
function scaleData(dir: string): BenchData {
  return { description: `scale seed in ${dir}`, subgraphArgs: ['--migrate'], env: {} };
}

const data = flags.data ? scaleData(flags.data) : demoSeed(Number(env.BENCH_DISPUTES ?? 1000));

// ── The topology ────────────────────────────────────────────────────────────────────────────
const started = performance.now();
const server = flags.data ? await openScaleServer(resolve(flags.data)) : await startDatabaseServer();
const external = Boolean(env.JIEFEN_TEST_DATABASE_URL) && !flags.data;
const keysDir = await mkdtemp(join(tmpdir(), 'jiefen-bench-keys-'));
const keys = await loadOrCreateDevKeys(keysDir);
await loadOrCreateDevDockingKeys(keysDir);
// On a shared server, databases of the run's own (dropped at the end); on the embedded one, the agencies' names.
const databases: Record<string, DatabaseConfig> = Object.fromEntries(
  subgraphs.map((s) => [
    s.name,
    {
      // The subgraphs reach an embedded server by its Unix socket, as `npm start` does (BENCH_PG_TCP=1: through TCP).
      host: server.socketDir && env.BENCH_PG_TCP !== '1' ? server.socketDir : server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      dbName: external ? `bench_${process.pid}_${s.name}` : s.name,
    },
  ]),
);
const ports: Record<string, number> = Object.fromEntries(subgraphs.map((s, i) => [s.name, BASE_PORT + 1 + i]));
const GATEWAY_PORT = BASE_PORT;
const HIVE_PORT = BASE_PORT + 10;

/** Failures reported by the gateways' logs (a subgraph fetch that failed is `SUBGRAPH_UNAVAILABLE`). */
const unavailable: Record<string, number> = {};
const quietLines = (name: string, limit = 20) => {
  let shown = 0;
  return (line: string, stream: 'stdout' | 'stderr') => {
    if (line.includes('subgraph request failed')) unavailable[name] = (unavailable[name] ?? 0) + 1;
    if (stream === 'stderr' && shown < limit) {
      shown += 1;
      process.stderr.write(`[${name}] ${line}\n`);
    }
  };
};

let services: ServiceProcess[] = [];
/** A gateway the rounds load; `subgraphs`: the subgraph processes behind it (default: this checkout's). */
const gateways: { name: string; url: string; process: ServiceProcess; subgraphs?: ServiceProcess[] }[] = [];
let againstServices: ServiceProcess[] = [];

const startSubgraphs = async (nodeOptions: string, args: string[], root?: string, subgraphPorts = ports, dbs = databases) => {
  const started = spawnSubgraphs({
    root,
    ports: subgraphPorts,
    databases: dbs,
    keysDir,
    args,
    nodeOptions: nodeFlags(nodeOptions),
    env: { ...data.env, JIEFEN_QUERY_COUNT: '1' },
    onLine: (name) => quietLines(name),
  });
  await Promise.all(started.map((s) => waitReady(s, `http://127.0.0.1:${subgraphPorts[s.name]}/ready`, 900_000)));
  return started;
};

/** The scale seed's own cluster, started on its data directory (kept: the data took half an hour to load). */
async function openScaleServer(dataDir: string) {
  const pg = await startLocalPostgres({ dataDir, port: Number(env.BENCH_DATA_PORT ?? 54339) });
  if (pg.initialised) throw new Error(`${dataDir} held no data: run \`npm run seed -- --disputes 1000000\` first`);
  return { host: pg.host, socketDir: pg.socketDir, port: pg.port, user: pg.user, password: pg.password, stop: () => pg.stop() };
}

async function cleanUp(): Promise<void> {
  await stopAll([...gateways.map((g) => g.process), ...services, ...againstServices]);
  if (external) await Promise.all(Object.values(databases).map((c) => dropDatabase(c).catch(() => undefined)));
  await server.stop();
  await rm(keysDir, { recursive: true, force: true });
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  log(`starting PostgreSQL and six subgraph processes (${data.description}) …`);
  services = await startSubgraphs(SUBGRAPH_NODE_OPTIONS, data.subgraphArgs, flags['subgraphs-from']);
  const subgraphUrl = (name: string) => `http://127.0.0.1:${ports[name]}/graphql`;
  const gatewayEnv = {
    ...env,
    ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, subgraphUrl(s.name)])),
    GATEWAY_PORT: String(GATEWAY_PORT),
    JIEFEN_KEYS_DIR: keysDir,
  };
  const ours = Object.assign(
    spawnService('gateway', {
      script: 'gateway/dist/src/main.js',
      env: gatewayEnv,
      onLine: quietLines('gateway'),
      nodeOptions: nodeFlags(env.BENCH_GATEWAY_NODE_OPTIONS ?? ''),
    }),
    {
      spawnEnv: gatewayEnv,
    },
  );
  gateways.push({ name: 'ours', url: `http://127.0.0.1:${GATEWAY_PORT}/graphql`, process: ours });
  for (const [i, spec] of (flags.variant ?? []).entries()) {
    const [name, settings = ''] = spec.split(/:(.*)/s);
    const port = BASE_PORT + 20 + i;
    const variantEnv = Object.fromEntries(
      settings
        .split(',')
        .filter(Boolean)
        .map((kv) => kv.split(/=(.*)/s).slice(0, 2)),
    );
    const variant = spawnService(name!, {
      script: 'gateway/dist/src/main.js',
      env: { ...ours.spawnEnv, ...variantEnv, GATEWAY_PORT: String(port) },
      onLine: quietLines(name!),
    });
    gateways.push({ name: name!, url: `http://127.0.0.1:${port}/graphql`, process: variant });
  }
  if (flags.against) {
    // The other checkout's whole stack: its six subgraphs on the same databases (already migrated and
    // seeded), behind its own gateway.
    const againstPorts = Object.fromEntries(subgraphs.map((s, i) => [s.name, BASE_PORT + 31 + i]));
    log(`starting the six subgraphs of ${flags.against} …`);
    // BENCH_AGAINST_PG_TCP=1: the other subgraphs reach PostgreSQL through TCP (with --against this checkout: the socket measured).
    const againstDatabases =
      env.BENCH_AGAINST_PG_TCP === '1' ? Object.fromEntries(Object.entries(databases).map(([name, c]) => [name, { ...c, host: server.host }])) : databases;
    againstServices = await startSubgraphs(env.BENCH_AGAINST_NODE_OPTIONS ?? SUBGRAPH_NODE_OPTIONS, [], flags.against, againstPorts, againstDatabases);
    const port = BASE_PORT + 30;
    const against = spawnService('against', {
      script: join(resolve(flags.against), 'gateway', 'dist', 'src', 'main.js'),
      env: {
        ...gatewayEnv,
        ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${againstPorts[s.name]}/graphql`])),
        // The other checkout's subgraphs compose as its own supergraph says.
        SUPERGRAPH_PATH: join(resolve(flags.against), 'schema', 'supergraph.graphql'),
        GATEWAY_PORT: String(port),
      },
      onLine: quietLines('against'),
    });
    gateways.push({ name: 'against', url: `http://127.0.0.1:${port}/graphql`, process: against, subgraphs: againstServices });
  }
  if (!flags['no-hive']) {
    // The committed supergraph with the bench's subgraph URLs.
    let supergraph = loadSupergraph();
    for (const s of subgraphs) supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${s.name}", url: ")[^"]*`), `$1${subgraphUrl(s.name)}`);
    const supergraphPath = join(keysDir, 'supergraph.graphql');
    await writeFile(supergraphPath, supergraph);
    const hive = spawnService('hive', {
      script: 'scripts/dist/src/bench/hive-gateway.js',
      env: { ...env, HIVE_PORT: String(HIVE_PORT), SUPERGRAPH_PATH: supergraphPath, JIEFEN_KEYS_DIR: keysDir },
      onLine: quietLines('hive'),
    });
    gateways.push({ name: 'Hive', url: `http://127.0.0.1:${HIVE_PORT}/graphql`, process: hive });
  }
  for (const g of gateways) await waitReady(g.process, g.name === 'Hive' ? `http://127.0.0.1:${HIVE_PORT}/healthcheck` : g.url.replace(/graphql$/, 'ready'));
  log(`up in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // PostgreSQL's processes: the postmaster is the parent of any backend.
  const governanceUrl = databaseUrl(databases.governance!);
  const client = new pg.Client({ connectionString: governanceUrl });
  await client.connect();
  const backend = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const postmaster = parentOf(backend); // while the backend is alive
  await client.end();
  const postgresProbe: Probe | null = postmaster ? processTreeProbe('PostgreSQL', postmaster) : null;
  const subgraphProbes = (set = services) => set.map((s) => processProbe(s.name, s.process.pid!));

  // ── Tokens and the variables readers send ────────────────────────────────────────────────
  // On the scale data a leader of the whole province (its code: the data's first two digits).
  const governanceSql = new pg.Client({ connectionString: databaseUrl(databases.governance!) });
  await governanceSql.connect();
  const province = flags.data ? (await governanceSql.query<{ p: string }>('select left(min(region_code), 2) as p from dispute')).rows[0]!.p : null;
  /** The codes of one level (6 county, 9 town, 12 village) with the most disputes: where leaders look. */
  const busiest = async (length: number) =>
    (await governanceSql.query<{ c: string }>(`select left(region_code, ${length}) as c from dispute group by 1 order by count(*) desc, 1 limit 16`)).rows.map(
      (r) => r.c,
    );
  const regionsByLevel = { county: await busiest(6), town: await busiest(9), village: await busiest(12) };
  await governanceSql.end();
  const tokens = async (persona: string) =>
    Promise.all(
      Array.from({ length: TOKENS_PER_PERSONA }, async (_, i) => {
        const caller = callerOf(persona, persona === 'leader' && province ? { jurisdiction: province } : {});
        return issueToken(keys.tokenPrivateKey, { ...caller, subject: `${caller.subject}-bench-${i}` }, { kid: 'dev-token-1' });
      }),
    );
  const leader = await tokens('leader');
  const { pool, path } = createPool(gateways[0]!.url, 2);
  const ask = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await send(pool, path, { query, variables, token });
    if (!result.ok) throw new Error(`setup query failed: ${result.error}`);
    return result.data as Record<string, { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: { id: string } }[] }>;
  };
  /** The first `pages` pages of a connection: their cursors (null for the first) and the ids on them. */
  const walk = async (field: string, query: string, first: number, pages: number, token: string) => {
    const cursors: (string | null)[] = [null];
    const ids: string[] = [];
    for (let p = 0; p < pages; p += 1) {
      const page = (await ask(query, { first, after: cursors.at(-1) }, token))[field]!;
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      cursors.push(page.pageInfo.endCursor);
    }
    return { cursors, ids };
  };
  // Dispute pages start at the first page or after any of the first 60 pages of 10 (cursors), the
  // dispute view rotates over the first 500 disputes.
  const disputes = await walk('disputes', LIST_QUERIES.DISPUTE_PAGE, 10, 60, leader[0]!);
  const disputeIds = (await walk('disputes', LIST_QUERIES.DISPUTE_PAGE, 100, 5, leader[0]!)).ids;
  const list = async (field: string, query: string, persona: string): Promise<ListSetup> => {
    const personaTokens = await tokens(persona);
    return { cursors: (await walk(field, query, 10, 10, personaTokens[0]!)).cursors, tokens: personaTokens };
  };
  const mediator = await list('mediationInbox', LIST_QUERIES.MEDIATION_INBOX, 'mediator');
  const courtStaff = await list('courtCases', LIST_QUERIES.COURT_CASES, 'court-staff');
  const police = await list('policeIncidents', LIST_QUERIES.POLICE_INCIDENTS, 'police-officer');
  const pageSetup: ListSetup = { cursors: disputes.cursors, tokens: leader };
  const scenarios: ReadScenario[] = [
    disputePage(10, pageSetup),
    disputePage(50, pageSetup),
    disputePage(100, pageSetup),
    disputeView(disputeIds, leader),
    listScenario("mediator's inbox", 'mediationInbox(first: 10…50), as a committee mediator', LIST_QUERIES.MEDIATION_INBOX, sizes(10, 50), mediator),
    listScenario("court clerk's list", 'courtCases(first: 10…50), as court staff', LIST_QUERIES.COURT_CASES, sizes(10, 50), courtStaff),
    ...(['county', 'town', 'village'] as const).map((level) => dashboard(level, regionsByLevel[level], dashboardPeriods(chinaYear(new Date())), leader)),
    listScenario('police incidents', 'policeIncidents(first: 10…50), as a station officer', LIST_QUERIES.POLICE_INCIDENTS, sizes(10, 50), police),
  ].filter(
    (s) =>
      !flags.only ||
      flags.only
        .split(',')
        .map((x) => x.trim())
        .includes(s.name),
  );
  await pool.close();

  // ── SQL statements per request (our gateway, one request at a time) ──────────────────────
  const queryCounts = async (set = services): Promise<Record<string, number>> =>
    Object.fromEntries(
      await Promise.all(
        set.map(
          (s) =>
            new Promise<[string, number]>((resolve) => {
              const listener = (message: unknown) => {
                const m = message as { type?: string; count?: number };
                if (m?.type !== QUERY_COUNT_MESSAGE) return;
                s.process.off('message', listener);
                resolve([s.name, m.count ?? 0]);
              };
              s.process.on('message', listener);
              s.process.send({ type: QUERY_COUNT_MESSAGE });
            }),
        ),
      ),
    );
  const statementsPerRequest = async (url: string, scenario: ReadScenario, n = 10, set = services): Promise<Record<string, number>> => {
    const { pool, path } = createPool(url, 1);
    await queryCounts(set);
    for (let i = 0; i < n; i += 1) {
      const result = await send(pool, path, scenario.next(i));
      if (!result.ok) throw new Error(`${scenario.name}: ${result.error}`);
    }
    await pool.close();
    return Object.fromEntries(Object.entries(await queryCounts(set)).map(([name, count]) => [name, count / n]));
  };

  // ── The gateways answer alike (else their figures are not comparable) ──────────────────
  const sameAnswers: Record<string, string[]> = {};
  for (const other of gateways.slice(1)) {
    const a = createPool(gateways[0]!.url, 1);
    const b = createPool(other.url, 1);
    for (const scenario of scenarios) {
      const request = scenario.next(1);
      const [x, y] = await Promise.all([send(a.pool, a.path, request), send(b.pool, b.path, request)]);
      const text = (r: typeof x) => JSON.stringify(r.ok ? r.data : r.error);
      if (text(x) !== text(y))
        (sameAnswers[other.name] ??= []).push(`${scenario.name}: ours ${text(x).slice(0, 160)} … ${other.name} ${text(y).slice(0, 160)}`);
    }
    await Promise.all([a.pool.close(), b.pool.close()]);
  }

  // ── Rounds ───────────────────────────────────────────────────────────────────────────────
  interface Tally {
    requests: number;
    errors: number;
    errorSamples: string[];
    elapsedMs: number;
    latencies: number[];
    cpuMs: Record<string, number>;
    rssMb: Record<string, number>;
  }
  const emptyTally = (): Tally => ({ requests: 0, errors: 0, errorSamples: [], elapsedMs: 0, latencies: [], cpuMs: {}, rssMb: {} });

  /** One measured round: the load, and the CPU every process used meanwhile. */
  const measure = async (url: string, gatewayProbe: Probe, scenario: ReadScenario, durationMs: number, tally: Tally, set = services) => {
    const probes = [gatewayProbe, ...subgraphProbes(set), ...(postgresProbe ? [postgresProbe] : [])];
    const before = probes.map((p) => p.cpuMs());
    const benchBefore = process.cpuUsage();
    const result: LoadResult = await runLoad({ url, concurrency: scenario.concurrency ?? CONCURRENCY, durationMs, next: scenario.next });
    const after = probes.map((p) => p.cpuMs());
    const bench = process.cpuUsage(benchBefore);
    tally.requests += result.requests;
    tally.errors += result.errors;
    tally.errorSamples.push(...result.errorSamples.slice(0, 3 - tally.errorSamples.length));
    tally.elapsedMs += result.elapsedMs;
    tally.latencies.push(...result.latencies);
    probes.forEach((p, i) => {
      const key = p === gatewayProbe ? 'gateway' : p.name;
      tally.cpuMs[key] = (tally.cpuMs[key] ?? 0) + after[i]! - before[i]!;
      tally.rssMb[key] = Math.max(tally.rssMb[key] ?? 0, p.rssMb());
    });
    tally.cpuMs['bench client'] = (tally.cpuMs['bench client'] ?? 0) + (bench.user + bench.system) / 1000;
  };

  const results: { scenario: ReadScenario; statements: Record<string, Record<string, number>>; tallies: Record<string, Tally> }[] = [];
  for (const scenario of scenarios) {
    log(`${scenario.name}: ${ROUNDS} round(s) × ${gateways.map((g) => g.name).join(' / ')} × ${DURATION_MS / 1000} s`);
    const statements: Record<string, Record<string, number>> = {};
    for (const g of gateways) statements[g.name] = await statementsPerRequest(g.url, scenario, 10, g.subgraphs);
    const tallies = Object.fromEntries(gateways.map((g) => [g.name, emptyTally()]));
    for (const g of gateways) await measure(g.url, processProbe(g.name, g.process.process.pid!), scenario, WARMUP_MS, emptyTally(), g.subgraphs);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternating, and each gateway first in every other round.
      const order = round % 2 === 0 ? gateways : [...gateways].reverse();
      for (const g of order) {
        if (IDLE_MS > 0) await new Promise((r) => setTimeout(r, IDLE_MS));
        await measure(g.url, processProbe(g.name, g.process.process.pid!), scenario, DURATION_MS, tallies[g.name]!, g.subgraphs);
      }
    }
    results.push({ scenario, statements, tallies });
  }

  // ── V8 young generation of the subgraphs, alternating rounds (restarts the subgraphs) ───────
  const semiSpace: { label: string; tally: Tally }[] = [];
  if (flags['semi-space']) {
    const page50 = disputePage(50, pageSetup);
    const settings = [
      { label: SUBGRAPH_NODE_OPTIONS || '(none)', options: SUBGRAPH_NODE_OPTIONS },
      { label: '(none)', options: '' },
    ];
    const tallies = settings.map(() => emptyTally());
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [i, setting] of settings.entries()) {
        log(`semi-space round ${round + 1}: subgraphs with ${setting.label}`);
        await stopAll(services);
        services = await startSubgraphs(setting.options, []);
        const ours = gateways[0]!;
        // Freshly started processes: a longer warm-up (JIT, pools) before the measured round.
        await measure(ours.url, processProbe('ours', ours.process.process.pid!), page50, WARMUP_MS * 3, emptyTally());
        await measure(ours.url, processProbe('ours', ours.process.process.pid!), page50, DURATION_MS, tallies[i]!);
      }
    }
    settings.forEach((s, i) => semiSpace.push({ label: s.label, tally: tallies[i]! }));
  }

  // ── Hand-overs ───────────────────────────────────────────────────────────────────────────
  let handover: HandoverResult | null = null;
  let handoverFailure: string | null = null;
  const handoverCpu: Record<string, number> = {};
  const handoverLoad: number[] = [];
  /** pg_stat_statements over the burst (BENCH_PG_STATEMENTS=1): per database, its statements by total time. */
  let handoverStatements: { database: string; calls: number; totalMs: number; query: string }[] = [];
  const statementsClient = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: governanceUrl });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };
  if (HANDOVERS > 0) {
    const probes = [processProbe('gateway', gateways[0]!.process.process.pid!), ...subgraphProbes(), ...(postgresProbe ? [postgresProbe] : [])];
    let before: number[] = [];
    log(`hand-over burst: ${HANDOVERS} 公调 transfers through our gateway`);
    handover = await runHandoverBurst({
      gatewayUrl: gateways[0]!.url,
      tokens: await tokens('police-officer'),
      count: HANDOVERS,
      concurrency: CONCURRENCY,
      justiceDatabaseUrl: databaseUrl(databases.justice!),
      governanceDatabaseUrl: governanceUrl,
      databaseUrls: Object.values(databases).map(databaseUrl),
      mark: async (moment) => {
        handoverLoad.push(loadavg()[0]!);
        if (PG_STATEMENTS && moment === 'start') {
          await statementsClient(async (c) => {
            await c.query('create extension if not exists pg_stat_statements');
            await c.query('select pg_stat_statements_reset()');
          });
        }
        if (moment === 'start') before = probes.map((p) => p.cpuMs());
        else probes.forEach((p, i) => (handoverCpu[p.name] = p.cpuMs() - before[i]!));
        if (PG_STATEMENTS && moment === 'end') {
          handoverStatements = await statementsClient(async (c) =>
            (
              await c.query<{ database: string; calls: string; total_ms: number; query: string }>(
                `select d.datname as database, s.calls, s.total_exec_time as total_ms, s.query
                   from pg_stat_statements s join pg_database d on d.oid = s.dbid
                  order by s.total_exec_time desc`,
              )
            ).rows.map((r) => ({ database: r.database, calls: Number(r.calls), totalMs: r.total_ms, query: r.query })),
          );
        }
      },
    }).catch((error: unknown) => {
      handoverFailure = String(error);
      return null;
    });
  }

  // ── Report ───────────────────────────────────────────────────────────────────────────────
  const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const processNames = ['gateway', ...subgraphs.map((s) => s.name), ...(postgresProbe ? ['PostgreSQL'] : [])];
  const summary = (t: Tally) => {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    const ok = t.requests - t.errors;
    const cpu = Object.fromEntries(processNames.map((p) => [p, (t.cpuMs[p] ?? 0) / Math.max(ok, 1)]));
    return {
      rps: ok / (t.elapsedMs / 1000),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      cpu,
      cpuTotal: Object.values(cpu).reduce((a, b) => a + b, 0),
      benchCpu: (t.cpuMs['bench client'] ?? 0) / Math.max(ok, 1),
    };
  };

  out(`## Run`);
  out();
  out(
    `- data: ${data.description}; PostgreSQL ${external ? `external (${server.host}:${server.port})` : 'embedded, throw-away'}${server.socketDir && !external ? (env.BENCH_PG_TCP === '1' ? ', through TCP' : ', by its Unix socket') : ''}`,
  );
  out(
    `- ${ROUNDS} alternating round(s) of ${DURATION_MS / 1000} s per scenario and gateway, ${CONCURRENCY} concurrent clients, warm-up ${WARMUP_MS / 1000} s${IDLE_MS ? `, idle ${IDLE_MS / 1000} s before each round` : ''}`,
  );
  out(`- subgraph V8 flags: ${SUBGRAPH_NODE_OPTIONS || '(none)'}; CPU from /proc (clock ticks ${CLOCK_TICKS}/s)`);
  if (flags['subgraphs-from']) out(`- subgraphs built in ${flags['subgraphs-from']} (not this checkout)`);
  out();
  out(`## Read scenarios`);
  out();
  out(`| scenario | gateway | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req, all | errors |`);
  out(`|---|---|---:|---:|---:|---:|---:|---:|`);
  for (const r of results) {
    for (const g of gateways) {
      const t = r.tallies[g.name]!;
      const s = summary(t);
      out(`| ${r.scenario.name} | ${g.name} | ${f1(s.rps)} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${f2(s.cpuTotal)} | ${t.errors} |`);
    }
  }
  for (const other of gateways.slice(1)) {
    out();
    out(`### Ours against ${other.name} (${other.subgraphs ? `its own subgraphs, built in ${flags.against}` : 'same subgraphs'}, same rounds)`);
    out();
    out(
      `| scenario | req/s ours ÷ ${other.name} | p99 ${other.name} ÷ ours | CPU/req ${other.name} ÷ ours (all processes) | gateway CPU/req ${other.name} ÷ ours |`,
    );
    out(`|---|---:|---:|---:|---:|`);
    for (const r of results) {
      const a = summary(r.tallies.ours!);
      const b = summary(r.tallies[other.name]!);
      out(`| ${r.scenario.name} | ${f2(a.rps / b.rps)} | ${f2(b.p99 / a.p99)} | ${f2(b.cpuTotal / a.cpuTotal)} | ${f2(b.cpu.gateway! / a.cpu.gateway!)} |`);
    }
  }
  for (const other of gateways.slice(1)) {
    const differences = sameAnswers[other.name] ?? [];
    out();
    out(
      differences.length
        ? `**${other.name} answered differently from ours:**`
        : `${other.name} and ours answered every scenario's request identically (compared once per scenario).`,
    );
    for (const d of differences) out(`- ${d}`);
  }
  out();
  out(`### CPU ms per request, by process`);
  out();
  out(`| scenario | gateway | ${processNames.join(' | ')} | all | (bench client) |`);
  out(`|---|---|${processNames.map(() => '---:').join('|')}|---:|---:|`);
  for (const r of results) {
    for (const g of gateways) {
      const s = summary(r.tallies[g.name]!);
      out(`| ${r.scenario.name} | ${g.name} | ${processNames.map((p) => f2(s.cpu[p]!)).join(' | ')} | ${f2(s.cpuTotal)} | ${f2(s.benchCpu)} |`);
    }
  }
  out();
  out(`### SQL statements per request, by subgraph (10 requests one at a time)`);
  out();
  out(`| scenario | gateway | ${subgraphs.map((s) => s.name).join(' | ')} | all |`);
  out(`|---|---|${subgraphs.map(() => '---:').join('|')}|---:|`);
  for (const r of results) {
    for (const g of gateways) {
      const values = subgraphs.map((s) => r.statements[g.name]?.[s.name] ?? 0);
      out(`| ${r.scenario.name} | ${g.name} | ${values.map(f1).join(' | ')} | ${f1(values.reduce((a, b) => a + b, 0))} |`);
    }
  }
  out();
  out(`### Resident memory at the end of the rounds, MB (PostgreSQL: postmaster + each backend's private memory)`);
  out();
  out(`| gateway | ${processNames.join(' | ')} |`);
  out(`|---|${processNames.map(() => '---:').join('|')}|`);
  for (const g of gateways) {
    const rss = (p: string) => Math.max(...results.map((r) => r.tallies[g.name]!.rssMb[p] ?? 0));
    out(`| ${g.name} | ${processNames.map((p) => f1(rss(p))).join(' | ')} |`);
  }
  const errors = results.flatMap((r) => gateways.flatMap((g) => r.tallies[g.name]!.errorSamples.map((e) => `${r.scenario.name} (${g.name}): ${e}`)));
  if (errors.length) {
    out();
    out(`Errors (first of each):`);
    for (const e of errors) out(`- ${e}`);
  }
  if (semiSpace.length) {
    out();
    out(`## Subgraph V8 flags (dispute page 50, our gateway, alternating rounds)`);
    out();
    out(`| subgraph flags | req/s | p50 ms | p99 ms | CPU ms/req subgraphs | CPU ms/req all |`);
    out(`|---|---:|---:|---:|---:|---:|`);
    for (const { label, tally } of semiSpace) {
      const s = summary(tally);
      const sub = subgraphs.reduce((sum, x) => sum + s.cpu[x.name]!, 0);
      out(`| ${label} | ${f1(s.rps)} | ${f1(s.p50)} | ${f1(s.p99)} | ${f2(sub)} | ${f2(s.cpuTotal)} |`);
    }
  }
  if (handover) {
    const h = handover;
    out();
    out(`## Hand-over burst (公调 transferToMediation through our gateway, ${CONCURRENCY} concurrent)`);
    out();
    out(
      `- ${h.accepted} accepted in ${f1(h.burstMs / 1000)} s: **${f1(h.accepted / (h.burstMs / 1000))} accepted/s**; ${h.errors} errors; ${h.undelivered} not delivered within 60 s`,
    );
    out(
      `- commit → mediator's inbox row (justice DB): p50 ${f1(percentile(h.toInbox, 50))} ms, p95 ${f1(percentile(h.toInbox, 95))} ms, p99 ${f1(percentile(h.toInbox, 99))} ms`,
    );
    out(
      `- commit → hub ledger row (governance DB): p50 ${f1(percentile(h.toLedger, 50))} ms, p95 ${f1(percentile(h.toLedger, 95))} ms, p99 ${f1(percentile(h.toLedger, 99))} ms`,
    );
    out(
      `- (databases polled every 20 ms from the first commit on; before the burst, ${h.registrationRetries} registration(s) sent again, and the registrations' reports to the hub delivered in ${f1(h.settleMs / 1000)} s)`,
    );
    out(
      `- transferToMediation answered in: p50 ${f1(percentile(h.answers, 50))} ms, p95 ${f1(percentile(h.answers, 95))} ms, p99 ${f1(percentile(h.answers, 99))} ms, max ${f1(h.answers.at(-1) ?? NaN)} ms`,
    );
    if (Object.keys(handoverCpu).length) {
      const per = (name: string) => f2((handoverCpu[name] ?? 0) / Math.max(h.accepted, 1));
      const total = Object.values(handoverCpu).reduce((a, b) => a + b, 0);
      out(
        `- CPU ms per accepted hand-over, first transfer → last delivery seen: ${processNames.map((p) => `${p} ${per(p)}`).join(', ')}; all ${f2(total / Math.max(h.accepted, 1))}`,
      );
    }
    if (handoverLoad.length === 2)
      out(`- machine load average (1 min) at the first transfer ${f1(handoverLoad[0]!)}, at the last delivery ${f1(handoverLoad[1]!)}`);
    for (const e of h.errorSamples) out(`- error: ${e}`);
    if (handoverStatements.length) {
      const n = Math.max(h.accepted, 1);
      out();
      out(`### Statements per accepted hand-over, by database (pg_stat_statements, first transfer → last delivery seen)`);
      out();
      out(`| database | statements | execution ms |`);
      out(`|---|---:|---:|`);
      const databasesSeen = [...new Set(handoverStatements.map((s) => s.database))];
      const sum = (rows: typeof handoverStatements, key: 'calls' | 'totalMs') => rows.reduce((a, r) => a + r[key], 0);
      for (const d of databasesSeen) {
        const rows = handoverStatements.filter((s) => s.database === d);
        out(`| ${d} | ${f1(sum(rows, 'calls') / n)} | ${f2(sum(rows, 'totalMs') / n)} |`);
      }
      out();
      out(`| database | calls per hand-over | ms per hand-over | statement |`);
      out(`|---|---:|---:|---|`);
      for (const s of handoverStatements.filter((s) => s.calls >= n / 10).slice(0, 40)) {
        out(`| ${s.database} | ${f2(s.calls / n)} | ${f2(s.totalMs / n)} | \`${s.query.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 140)}\` |`);
      }
    }
  }
  if (handoverFailure) out(`\nHand-over burst failed: ${handoverFailure}`);
  out();
  out(`SUBGRAPH_UNAVAILABLE logged by the gateways: ${Object.keys(unavailable).length ? JSON.stringify(unavailable) : 'none'}`);
  if (flags.report) await writeFile(resolve(flags.report), `${report.join('\n')}\n`);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error('bench failed:', error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

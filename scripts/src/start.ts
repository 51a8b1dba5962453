// `npm start`: the whole federated graph on one machine, with demo data, deployed as it runs in
// production — each agency's subgraph in its own process (its own event loop and heap, so the
// gateway's parallel entity fetches run in parallel), the gateway in this one.
// Embedded PostgreSQL (or the configured server) → six subgraph processes, each creating,
// migrating and seeding its database once (`main.js --migrate --seed`) → the gateway on 4000 once
// all six answer /ready. Ctrl-C stops everything, PostgreSQL last.
import { join } from 'node:path';
import { gatewayAuthFromEnv, startGateway, type RunningGateway } from '@jiefen/gateway';
import { AGENCY_DIRECTORY } from '@jiefen/auth';
import { loadOrCreateDevDockingKeys } from '@jiefen/docking';
import { subgraphs } from '@jiefen/schema';
import { openDevDatabases } from './dev-database.js';
import { repoRoot } from './paths.js';
import { nodeFlags, spawnSubgraphs, stopAll, waitReady, type ServiceProcess } from './processes.js';

const started = performance.now();
const env = process.env;
const host = env.HOST ?? '127.0.0.1';
// A data directory another running instance holds is refused (local-postgres): say so, without a stack.
const databases = await openDevDatabases().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
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
const subgraphNodeOptions = nodeFlags(env.JIEFEN_SUBGRAPH_NODE_OPTIONS ?? '--max-semi-space-size=32');

const ports = Object.fromEntries(subgraphs.map((s) => [s.name, Number(env[`${s.name.toUpperCase()}_PORT`] ?? s.defaultPort)]));

let children: ServiceProcess[] = [];
const seeded = new Set<string>();
let gateway: RunningGateway | null = null;
let stopping = false;

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
    await step('the subgraphs', () => stopAll(children));
    await step('PostgreSQL', () => databases.stop());
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  // Each process creates, migrates and seeds its database once; its output is prefixed with its name.
  children = spawnSubgraphs({
    ports,
    databases: databases.configs,
    keysDir,
    host,
    args: ['--migrate', '--seed'],
    nodeOptions: subgraphNodeOptions,
    onLine: (name) => (line, stream) => {
      if (line === `[${name}] demo data seeded`) seeded.add(name);
      (stream === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`);
    },
  });
  for (const c of children) {
    void c.exited.then((code) => {
      if (!stopping) console.error(`[${c.name}] stopped unexpectedly (exit ${code}); the other agencies keep running — restart with npm start`);
    });
  }
  await Promise.all(children.map((c) => waitReady(c, `http://127.0.0.1:${ports[c.name]}/ready`)));
  gateway = await startGateway({
    auth,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`])),
    port: Number(env.GATEWAY_PORT ?? 4000),
    host,
    dashboard: { identityProviderLoginUrl: env.JIEFEN_IDP_LOGIN_URL },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
解纷 Jiefen is up in ${seconds} s — ${databases.description}${seeded.size ? `, demo data seeded (${[...seeded].join(', ')})` : ', existing data reused'}
Each agency runs in its own process (pid ${children.map((c) => `${c.name} ${c.process.pid}`).join(', ')}); the gateway in this one (pid ${process.pid}).

  gateway   ${gateway.graphqlUrl}
  explorer  ${gateway.explorerUrl ?? '(off)'}
  dashboard ${gateway.dashboardUrl ?? '(off)'}   领导驾驶舱(开发环境可选角色登录)
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

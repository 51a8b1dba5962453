// `npm start`: the whole federated graph on one machine, with demo data.
// Embedded PostgreSQL (or the configured server) → six databases created, migrated and seeded once
// → six subgraphs on 4101–4106 → the gateway on 4000. Ctrl-C stops everything, PostgreSQL included.
import { ensureDatabase, openDatabase, seedOnce, type Orm } from '@jiefen/database';
import { dockingSettingsFromEnv, loadOrCreateDevDockingKeys } from '@jiefen/docking';
import { gatewayAuthFromEnv, startGateway, type RunningGateway } from '@jiefen/gateway';
import { subgraphs } from '@jiefen/schema';
import { gatewayPublicKeyFromEnv, personKeySecretFromEnv, prepareDatabase, startAgency, withClocksFromEnv } from '@jiefen/runtime';
import type { RunningSubgraph } from '@jiefen/subgraph-kit';
import { join } from 'node:path';
import { openDevDatabases } from './dev-database.js';
import { repoRoot } from './paths.js';

const started = performance.now();
const env = process.env;
const host = env.HOST ?? '127.0.0.1';
const databases = await openDevDatabases();
// Development keys under .data/keys: the gateway signs with them, subgraphs verify, `npm run token` issues.
const keysDir = join(repoRoot, '.data', 'keys');
const auth = await gatewayAuthFromEnv({ ...env, JIEFEN_KEYS_DIR: env.JIEFEN_KEYS_DIR ?? keysDir });
const keyEnv = { ...env, JIEFEN_KEYS_DIR: env.JIEFEN_KEYS_DIR ?? keysDir };
const gatewayPublicKey = await gatewayPublicKeyFromEnv(keyEnv);
const seedOptions = { personKeySecret: await personKeySecretFromEnv(keyEnv) };
// Docking: every agency's signing key in development (production: each agency holds only its own).
const docking = { keys: await loadOrCreateDevDockingKeys(keyEnv.JIEFEN_KEYS_DIR), settings: dockingSettingsFromEnv(env) };
const orms: Orm[] = [];
const running: RunningSubgraph[] = [];
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
    await step('the subgraphs', () => Promise.all(running.map((r) => r.stop())));
    await step('the databases', () => Promise.all(orms.map((o) => o.close())));
    await step('PostgreSQL', () => databases.stop());
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  const seeded: string[] = [];
  await Promise.all(
    subgraphs.map(async (declared) => {
      const definition = withClocksFromEnv(declared, env);
      const config = databases.configs[definition.name]!;
      await ensureDatabase(config);
      const orm = await openDatabase(definition.database, config);
      orms.push(orm);
      await prepareDatabase(definition, orm);
      const seed = definition.seed;
      if (seed && (await seedOnce(orm, 'demo', (em) => seed(em, seedOptions)))) seeded.push(definition.name);
      const port = Number(env[`${definition.name.toUpperCase()}_PORT`] ?? definition.defaultPort);
      if (definition.docking) docking.settings.endpoints[definition.agency] = `http://127.0.0.1:${port}/events`;
      running.push(await startAgency(definition, { orm, gatewayPublicKey, personKeySecret: seedOptions.personKeySecret, port, host, docking }));
    }),
  );
  gateway = await startGateway({
    auth,
    subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.graphqlUrl])),
    port: Number(env.GATEWAY_PORT ?? 4000),
    host,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
解纷 Jiefen is up in ${seconds} s — ${databases.description}${seeded.length ? `, demo data seeded (${seeded.join(', ')})` : ', existing data reused'}

  gateway   ${gateway.graphqlUrl}
  explorer  ${gateway.explorerUrl ?? '(off)'}
${running
  .sort((a, b) => a.url.localeCompare(b.url))
  .map((r) => `  ${r.name.padEnd(13)} ${r.graphqlUrl}`)
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

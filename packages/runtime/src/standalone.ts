import { importKeyFromEnv, INTERNAL_ALG, readDevKeys, type Key } from '@jiefen/auth';
import { countQueries, databaseConfigFromEnv, describeDatabase, ensureDatabase, openDatabase, seedOnce, type Orm } from '@jiefen/database';
import { dockingKeysFromEnv, dockingSettingsFromEnv, loadOrCreateDevDockingKeys } from '@jiefen/docking';
import type { SubgraphDefinition } from '@jiefen/subgraph-kit';
import { prepareDatabase, startAgency } from './agency.js';
import { withClocksFromEnv } from './clocks.js';

/**
 * The gateway's public key: `JIEFEN_GATEWAY_PUBLIC_KEY` (a JWK) in production, or the development
 * keys in `JIEFEN_KEYS_DIR` (written by the gateway or `npm start`).
 */
export async function gatewayPublicKeyFromEnv(env = process.env): Promise<Key> {
  if (env.JIEFEN_GATEWAY_PUBLIC_KEY) return importKeyFromEnv(env.JIEFEN_GATEWAY_PUBLIC_KEY, INTERNAL_ALG);
  if (env.JIEFEN_KEYS_DIR) return (await readDevKeys(env.JIEFEN_KEYS_DIR)).internalPublicKey;
  throw new Error("set JIEFEN_GATEWAY_PUBLIC_KEY (the gateway's public JWK) or JIEFEN_KEYS_DIR: a subgraph answers only requests signed by the gateway");
}

/** The person-key secret: `JIEFEN_PERSON_KEY_SECRET`, or the development keys in `JIEFEN_KEYS_DIR`. */
export async function personKeySecretFromEnv(env = process.env): Promise<string> {
  if (env.JIEFEN_PERSON_KEY_SECRET) return env.JIEFEN_PERSON_KEY_SECRET;
  if (env.JIEFEN_KEYS_DIR) return (await readDevKeys(env.JIEFEN_KEYS_DIR)).personKeySecret;
  throw new Error('set JIEFEN_PERSON_KEY_SECRET (the federation secret of person keys) or JIEFEN_KEYS_DIR');
}

/**
 * `main` of a subgraph run alone (docker-compose, production): database from the environment
 * (see `databaseConfigFromEnv`), port from `<NAME>_PORT` or `PORT`, host from `HOST`.
 * `--migrate` applies pending migrations first (and installs the docking delivery queue); `--seed`
 * writes the demo data once (`JIEFEN_DEMO_DISPUTES` disputes, default the demo's own count). Clock overrides: `JIEFEN_<AGENCY>_CLOCKS` (JSON). Docking keys: `<AGENCY>_DOCKING_PRIVATE_KEY` and
 * `JIEFEN_DOCKING_PUBLIC_KEYS`, or the development keys in `JIEFEN_KEYS_DIR`.
 */
export async function runStandalone(declared: SubgraphDefinition, argv = process.argv.slice(2), env = process.env): Promise<void> {
  // A deployment's own legal clocks (JIEFEN_<AGENCY>_CLOCKS), checked before anything starts.
  const definition = withClocksFromEnv(declared, env);
  const gatewayPublicKey = await gatewayPublicKeyFromEnv(env);
  const personKeySecret = await personKeySecretFromEnv(env);
  const config = databaseConfigFromEnv(definition.name, env);
  if (argv.includes('--migrate')) await ensureDatabase(config);
  const orm = await openDatabase(definition.database, config);
  if (argv.includes('--migrate')) {
    const applied = await prepareDatabase(definition, orm);
    if (applied.length) console.log(`[${definition.name}] migrations applied: ${applied.join(', ')}`);
  }
  const seed = definition.seed;
  if (argv.includes('--seed') && seed) {
    const options = { personKeySecret, disputeCount: demoDisputesFromEnv(env) };
    if (await seedOnce(orm, 'demo', (em) => seed(em, options))) console.log(`[${definition.name}] demo data seeded`);
  }
  const port = Number(env[`${definition.name.toUpperCase()}_PORT`] ?? env.PORT ?? definition.defaultPort);
  const docking = definition.docking
    ? {
        keys:
          env.JIEFEN_KEYS_DIR && !env[`${definition.agency}_DOCKING_PRIVATE_KEY`]
            ? await loadOrCreateDevDockingKeys(env.JIEFEN_KEYS_DIR)
            : await dockingKeysFromEnv(env),
        settings: dockingSettingsFromEnv(env),
      }
    : undefined;
  const running = await startAgency(definition, { orm, gatewayPublicKey, personKeySecret, port, host: env.HOST ?? '127.0.0.1', docking });
  console.log(`[${definition.name}] ${running.graphqlUrl} (database ${describeDatabase(config)})`);
  // Each step is tried on its own: with the database down, closing the ORM (or the delivery
  // worker's pool) fails, and the process must still end, with the failure logged.
  const shutdown = async () => {
    for (const [step, run] of [
      ['server and delivery worker', () => running.stop()],
      ['database', () => orm.close()],
    ] as const) {
      await run().catch((error: unknown) =>
        console.error(JSON.stringify({ level: 'error', message: `shutdown: ${step} did not stop cleanly`, service: definition.name, error: String(error) })),
      );
    }
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Started by `npm start` (an IPC channel to it): when that process is gone, so is this one.
  if (process.connected) process.once('disconnect', shutdown);
  if (env.JIEFEN_QUERY_COUNT === '1') answerQueryCounts(orm);
}

/** `JIEFEN_DEMO_DISPUTES`: how many disputes the demo seed writes (a positive whole number), else the demo's default. */
export function demoDisputesFromEnv(env: Record<string, string | undefined> = process.env): number | undefined {
  const raw = env.JIEFEN_DEMO_DISPUTES;
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error('JIEFEN_DEMO_DISPUTES must be a positive whole number');
  return value;
}

/** The IPC message a parent sends to read (and reset) the count of SQL statements. */
export const QUERY_COUNT_MESSAGE = 'jiefen:query-count';

/**
 * Benchmarking only (`JIEFEN_QUERY_COUNT=1`, and only over the IPC channel of the process that
 * started this one — nothing is served over HTTP): answers `{ type: QUERY_COUNT_MESSAGE }` with the
 * SQL statements sent since the previous question.
 */
function answerQueryCounts(orm: Orm): void {
  if (!process.send) return;
  const queries = countQueries(orm);
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== QUERY_COUNT_MESSAGE) return;
    process.send?.({ type: QUERY_COUNT_MESSAGE, count: queries.count });
    queries.reset();
  });
}

import { databaseConfigFromEnv, describeDatabase, ensureDatabase, migrate, openDatabase, seedOnce } from '@jiefen/database';
import { startSubgraph, type SubgraphDefinition } from './subgraph.js';

/**
 * `main` of a subgraph run alone (docker-compose, production): database from the environment
 * (see `databaseConfigFromEnv`), port from `<NAME>_PORT` or `PORT`, host from `HOST`.
 * `--migrate` applies pending migrations first; `--seed` writes the demo data once.
 */
export async function runStandalone(definition: SubgraphDefinition, argv = process.argv.slice(2), env = process.env): Promise<void> {
  const config = databaseConfigFromEnv(definition.name, env);
  if (argv.includes('--migrate')) await ensureDatabase(config);
  const orm = await openDatabase(definition.database, config);
  if (argv.includes('--migrate')) {
    const applied = await migrate(orm);
    if (applied.length) console.log(`[${definition.name}] migrations applied: ${applied.join(', ')}`);
  }
  if (argv.includes('--seed') && definition.seed) {
    if (await seedOnce(orm, 'demo', definition.seed)) console.log(`[${definition.name}] demo data seeded`);
  }
  const port = Number(env[`${definition.name.toUpperCase()}_PORT`] ?? env.PORT ?? definition.defaultPort);
  const running = await startSubgraph(definition, { orm, port, host: env.HOST ?? '127.0.0.1' });
  console.log(`[${definition.name}] ${running.graphqlUrl} (database ${describeDatabase(config)})`);
  const shutdown = async () => {
    await running.stop();
    await orm.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

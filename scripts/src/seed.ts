// `npm run seed`: writes the demo data into each subgraph's database, once (a marker row makes
// a second run a no-op). Migrates first.
import { ensureDatabase, openDatabase, seedOnce } from '@jiefen/database';
import { personKeySecretFromEnv, prepareDatabase } from '@jiefen/runtime';
import { subgraphs } from '@jiefen/schema';
import { join } from 'node:path';
import { openDevDatabases } from './dev-database.js';
import { repoRoot } from './paths.js';

const databases = await openDevDatabases();
const personKeySecret = await personKeySecretFromEnv({ ...process.env, JIEFEN_KEYS_DIR: process.env.JIEFEN_KEYS_DIR ?? join(repoRoot, '.data', 'keys') });
try {
  for (const definition of subgraphs) {
    const config = databases.configs[definition.name]!;
    await ensureDatabase(config);
    const orm = await openDatabase(definition.database, config);
    try {
      await prepareDatabase(definition, orm);
      const seed = definition.seed;
      const ran = seed ? await seedOnce(orm, 'demo', (em) => seed(em, { personKeySecret })) : false;
      console.log(`${definition.name}: ${ran ? 'demo data written' : 'already seeded'}`);
    } finally {
      await orm.close();
    }
  }
} finally {
  await databases.stop();
}

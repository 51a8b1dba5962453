// `npm run migrate [-- <subgraph> …]`: applies pending migrations to the configured databases
// (or to the embedded development server under .data/pg when none is configured).
import { ensureDatabase, openDatabase } from '@jiefen/database';
import { prepareDatabase } from '@jiefen/runtime';
import { subgraphs } from '@jiefen/schema';
import { openDevDatabases } from './dev-database.js';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const databases = await openDevDatabases();
try {
  for (const definition of subgraphs.filter((s) => only.length === 0 || only.includes(s.name))) {
    const config = databases.configs[definition.name]!;
    await ensureDatabase(config);
    const orm = await openDatabase(definition.database, config);
    try {
      const applied = await prepareDatabase(definition, orm);
      console.log(`${definition.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
    } finally {
      await orm.close();
    }
  }
} finally {
  await databases.stop();
}

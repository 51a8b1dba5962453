// `npm run seed`: writes the demo data into each subgraph's database, once (a marker row makes
// a second run a no-op). Migrates first.
// `npm run seed -- --disputes 1000000 [--seed 42] [--reset]`: instead, a province's worth of
// generated data (scripts/src/scale), by COPY, into empty tables (or truncated ones with --reset).
import { loadOrCreateDevKeys } from '@jiefen/auth';
import { ensureDatabase, openDatabase, seedOnce } from '@jiefen/database';
import { personKeySecretFromEnv, prepareDatabase } from '@jiefen/runtime';
import { subgraphs } from '@jiefen/schema';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDevDatabases } from './dev-database.js';
import { repoRoot } from './paths.js';
import { seedScale } from './scale/index.js';

const { values: flags } = parseArgs({
  options: { disputes: { type: 'string' }, seed: { type: 'string', default: '20261201' }, reset: { type: 'boolean', default: false } },
});
const databases = await openDevDatabases();
const keysDir = process.env.JIEFEN_KEYS_DIR ?? join(repoRoot, '.data', 'keys');
// The development keys `npm start` uses, created now if the seed runs first (person keys depend on them).
if (!process.env.JIEFEN_PERSON_KEY_SECRET) await loadOrCreateDevKeys(keysDir);
const personKeySecret = await personKeySecretFromEnv({ ...process.env, JIEFEN_KEYS_DIR: keysDir });
try {
  if (flags.disputes !== undefined) {
    const disputes = Number(flags.disputes);
    const seed = Number(flags.seed);
    if (!Number.isInteger(disputes) || disputes < 1 || !Number.isInteger(seed))
      throw new Error('--disputes and --seed take whole numbers (--disputes at least 1)');
    console.log(`scale data: ${disputes} disputes, seed ${seed}, into ${databases.description}`);
    const tty = process.stderr.isTTY;
    let lastTenth = -1;
    const result = await seedScale({
      disputes,
      seed,
      configs: databases.configs,
      personKeySecret,
      reset: flags.reset,
      log: (m) => console.log(m),
      onProgress(done, total, elapsed) {
        const share = done / total;
        const rate = Math.round(done / (elapsed / 1000));
        const line = `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${(share * 100).toFixed(1)}% ${done}/${total} disputes, ${rate}/s`;
        if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
        else if (Math.floor(share * 10) > lastTenth) {
          lastTenth = Math.floor(share * 10);
          process.stderr.write(`${line}\n`);
        }
      },
    });
    for (const [name, tables] of Object.entries(result.rows))
      console.log(
        `${name}: ${Object.entries(tables)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
    const { prepare, load, analyze } = result.milliseconds;
    console.log(`prepared in ${(prepare / 1000).toFixed(1)} s, loaded in ${(load / 1000).toFixed(1)} s, analyzed in ${(analyze / 1000).toFixed(1)} s`);
  } else {
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
  }
} finally {
  await databases.stop();
}

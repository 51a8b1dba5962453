// Generates a migration for one subgraph from the difference between its entities and its
// committed migrations, on a throw-away embedded PostgreSQL. Usage:
//   npm run migration:create -- <subgraph> [--initial]
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, migrate, openDatabase } from '@jiefen/database';
import { startLocalPostgres } from '@jiefen/local-postgres';
import { freePort } from '@jiefen/testing';
import { subgraphs } from '@jiefen/schema';

const name = process.argv[2];
const definition = subgraphs.find((s) => s.name === name);
if (!definition) {
  console.error(`usage: npm run migration:create -- <${subgraphs.map((s) => s.name).join('|')}>`);
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const migrationsDir = join(root, 'subgraphs', definition.name, 'migrations');

const port = await freePort();
const pg = await startLocalPostgres({ dataDir: join(await mkdtemp(join(tmpdir(), 'jiefen-migration-')), 'pg'), port, persistent: false });
try {
  const config = { host: pg.host, port: pg.port, user: pg.user, password: pg.password, dbName: definition.name };
  await ensureDatabase(config);
  const orm = await openDatabase(definition.database, config, { migrationsPath: migrationsDir });
  await migrate(orm);
  const result = await orm.getMigrator().createMigration(migrationsDir, false, definition.database.migrations.length === 0);
  await orm.close();
  if (!result.fileName) {
    console.log(`${definition.name}: entities and migrations agree, nothing to generate`);
  } else {
    console.log(`${definition.name}: wrote migrations/${result.fileName}`);
    const files = (await readdir(migrationsDir)).filter((f) => /^Migration\d+.*\.ts$/.test(f)).sort();
    const classes = files.map((f) => f.replace(/\.ts$/, ''));
    await writeFile(
      join(migrationsDir, 'index.ts'),
      `import { migrationList } from '@jiefen/database';\n${classes.map((c) => `import { ${c} } from './${c}.js';`).join('\n')}\n\n` +
        `/** Committed migrations, oldest first (regenerate with \`npm run migration:create -- ${definition.name}\`). */\n` +
        `export const migrations = migrationList(${classes.join(', ')});\n`,
    );
  }
} finally {
  await pg.stop();
}

// `npm run schema`: prints every subgraph's SDL from code (no server, no database) into
// schema/subgraphs/<name>.graphql and composes schema/supergraph.graphql.
// `npm run check:schema` (`--check`): fails when either file is stale or composition fails.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { subgraphSdl } from '@jiefen/subgraph-kit';
import { subgraphs } from './registry.js';

const check = process.argv.includes('--check');
const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
let stale = 0;

async function emit(file: string, content: string): Promise<void> {
  const path = join(schemaDir, file);
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current === content) return;
  if (check) {
    console.error(`stale: schema/${file} (run npm run schema)`);
    stale += 1;
  } else {
    await writeFile(path, content);
    console.log(`wrote schema/${file}`);
  }
}

const services = [];
for (const definition of subgraphs) {
  const sdl = await subgraphSdl(definition);
  await emit(`subgraphs/${definition.name}.graphql`, sdl);
  services.push({ name: definition.name, typeDefs: parse(sdl), url: `http://127.0.0.1:${definition.defaultPort}/graphql` });
}
const result = composeServices(services);
if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`composition hint: ${hint.toString()}`);
await emit('supergraph.graphql', `${result.supergraphSdl}\n`);
if (stale) process.exit(1);
console.log(check ? 'schema is up to date and composes' : `composed ${services.length} subgraphs`);

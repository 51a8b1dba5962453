// Builds the dashboard page (web/) with Vite into dist/, which the gateway serves at /dashboard, and
// writes dist/trusted-documents.json: the page's GraphQL operations (web/operations/*.graphql) by
// sha256, the only documents the page sends — by id. Each operation is validated against the
// committed supergraph first, so a field the graph does not have fails the build, not the page.
// Skipped when nothing it reads has changed (a hash of the inputs is kept in dist/.inputs).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, 'web');
const dist = join(here, 'dist');
const supergraph = join(here, '..', '..', 'schema', 'supergraph.graphql');
const STAMP = '.inputs';
export const TRUSTED_DOCUMENTS_FILE = 'trusted-documents.json';
const VIRTUAL = 'virtual:trusted-documents';

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** A hash of everything the output depends on: the page's files, this script, the schema and the versions of the tools and packages bundled. */
async function inputsHash() {
  const hash = createHash('sha256');
  const files = [join(here, 'build.mjs'), join(here, 'package.json'), supergraph];
  for await (const file of walk(web)) files.push(file);
  for (const file of files.sort())
    hash
      .update(`${relative(here, file)}\0`)
      .update(await readFile(file))
      .update('\0');
  for (const pkg of ['vite', 'echarts', '@fontsource/noto-sans-sc']) {
    const { version } = JSON.parse(await readFile(join(here, '..', '..', 'node_modules', pkg, 'package.json'), 'utf8'));
    hash.update(`${pkg}@${version}\0`);
  }
  return hash.digest('hex');
}

/** The page's operations: one named operation per file, its name the file's. */
async function readOperations() {
  const { parse } = await import('graphql');
  const operations = [];
  for (const name of (await readdir(join(web, 'operations'))).filter((f) => f.endsWith('.graphql')).sort()) {
    const body = await readFile(join(web, 'operations', name), 'utf8');
    const document = parse(body);
    const ops = document.definitions.filter((d) => d.kind === 'OperationDefinition');
    const expected = name.replace(/\.graphql$/, '');
    if (ops.length !== 1 || ops[0].name?.value !== expected) throw new Error(`dashboard: ${name} must hold one operation named ${expected}`);
    operations.push({ name: expected, body, document, hash: createHash('sha256').update(body, 'utf8').digest('hex') });
  }
  return operations;
}

/** Every operation valid against the graph's API schema (the supergraph as clients see it). */
async function validateOperations(operations) {
  const [{ Supergraph }, { validate }] = await Promise.all([import('@apollo/federation-internals'), import('graphql')]);
  const schema = Supergraph.build(await readFile(supergraph, 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
  const problems = operations.flatMap((op) => validate(schema, op.document).map((e) => `  ${op.name}: ${e.message}`));
  if (problems.length) throw new Error(`dashboard: operations do not match schema/supergraph.graphql:\n${problems.join('\n')}`);
}

/** The page imports `virtual:trusted-documents` (operation name → document id); the bundle gets the manifest. */
function trustedDocuments(operations) {
  const ids = Object.fromEntries(operations.map((op) => [op.name, `sha256:${op.hash}`]));
  const manifest = Object.fromEntries(operations.map((op) => [op.hash, op.body]));
  return {
    name: 'jiefen-trusted-documents',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load: (id) => (id === `\0${VIRTUAL}` ? `export const documentIds = ${JSON.stringify(ids)};` : null),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: TRUSTED_DOCUMENTS_FILE, source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

/**
 * Builds the page when its inputs changed (or `force`). Returns whether it built and how long it
 * took; throws when an operation is invalid or Vite fails.
 */
export async function buildDashboard({ force = false, quiet = false } = {}) {
  const started = performance.now();
  const hash = await inputsHash();
  const stamp = join(dist, STAMP);
  const current =
    existsSync(join(dist, 'index.html')) && existsSync(join(dist, TRUSTED_DOCUMENTS_FILE)) && existsSync(stamp) ? await readFile(stamp, 'utf8') : null;
  if (!force && current === hash) return { built: false, ms: Math.round(performance.now() - started) };
  const operations = await readOperations();
  await validateOperations(operations);
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: web,
    base: '/dashboard/',
    logLevel: quiet ? 'warn' : 'info',
    build: {
      outDir: dist,
      emptyOutDir: true,
      target: 'es2022',
      // Fonts stay files: the page's policy allows fonts from the gateway only, not data: URLs.
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1500,
    },
    plugins: [trustedDocuments(operations)],
  });
  await writeFile(stamp, hash);
  return { built: true, ms: Math.round(performance.now() - started) };
}

// `node packages/dashboard/build.mjs [--force]`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { built, ms } = await buildDashboard({ force: process.argv.includes('--force') });
  console.log(`dashboard: ${built ? 'built' : 'up to date'} in ${ms} ms`);
}

// Compiles every workspace's TypeScript to `dist/` with SWC (decorator metadata included, which
// type-graphql and MikroORM need and tsx/esbuild do not emit). Type checking is `npm run check:types`.
// Unchanged files are skipped, so a warm build takes well under a second. The dashboard page
// (packages/dashboard) is built by Vite, only when its sources or the schema changed.
import { transformFile } from '@swc/core';
import { buildDashboard } from '../packages/dashboard/build.mjs';
import { readdir, stat, mkdir, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['src', 'migrations', 'seeds'];
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    // JSON modules need their `with { type: 'json' }` attribute at run time.
    experimental: { keepImportAttributes: true },
  },
  module: { type: 'es6' },
  sourceMaps: true,
};

async function exists(path) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

async function workspaces() {
  const dirs = ['gateway', 'schema', 'scripts', 'testing'];
  for (const group of ['packages', 'subgraphs']) {
    for (const entry of await readdir(join(root, group), { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(join(group, entry.name));
    }
  }
  return dirs.map((d) => join(root, d));
}

async function newer(source, target) {
  const [s, t] = await Promise.all([stat(source), stat(target).catch(() => null)]);
  return !t || s.mtimeMs > t.mtimeMs;
}

async function buildFile(workspace, file) {
  const rel = relative(workspace, file);
  const isTest = /\.(test|e2e)\.ts$/.test(rel);
  if (isTest || rel.endsWith('.d.ts')) return 0;
  if (rel.endsWith('.ts')) {
    const out = join(workspace, 'dist', rel.replace(/\.ts$/, '.js'));
    if (!(await newer(file, out))) return 0;
    const { code, map } = await transformFile(file, { ...swcOptions, filename: file, sourceFileName: relative(dirname(out), file) });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
    return 1;
  }
  if (/\.(json|graphql|html|css)$/.test(rel)) {
    const out = join(workspace, 'dist', rel);
    if (!(await newer(file, out))) return 0;
    await mkdir(dirname(out), { recursive: true });
    await copyFile(file, out);
    return 1;
  }
  return 0;
}

const started = performance.now();
let compiled = 0;
const jobs = [];
for (const workspace of await workspaces()) {
  for (const dir of SOURCE_DIRS) {
    const path = join(workspace, dir);
    if (!(await exists(path))) continue;
    for await (const file of walk(path)) jobs.push(buildFile(workspace, file));
  }
}
for (const n of await Promise.all(jobs)) compiled += n;
const quiet = process.env.JIEFEN_QUIET_BUILD === '1';
const dashboard = await buildDashboard({ quiet: true });
if (!quiet) {
  console.log(`build: ${compiled} file(s) compiled${dashboard.built ? ', dashboard page built' : ''} in ${Math.round(performance.now() - started)} ms`);
}

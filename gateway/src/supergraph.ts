import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Finds the committed `schema/supergraph.graphql` above this module (works from `src/` and `dist/src/`). */
export function defaultSupergraphPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const candidate = join(dir, 'schema', 'supergraph.graphql');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('schema/supergraph.graphql not found: run `npm run schema`, or set SUPERGRAPH_PATH');
}

export function loadSupergraph(path = process.env.SUPERGRAPH_PATH ?? defaultSupergraphPath()): string {
  return readFileSync(path, 'utf8');
}

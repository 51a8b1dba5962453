// The leaders' dashboard page (packages/dashboard, built by Vite into its dist/) served by the
// gateway at /dashboard — in production too: it is a client of the graph like any other, signed in
// with the identity provider's token. Also the page's trusted documents: the operations it runs,
// by id (dist/trusted-documents.json, written by the same build).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { RouteHandler } from '@jiefen/subgraph-kit';
import { contentTypeOf, send, served, type Served } from './static-files.js';

export const DASHBOARD_PATH = '/dashboard';
/** The trusted-document manifest's name in the built page: `{ "<sha256 hex>": "<document>" }`. */
export const TRUSTED_DOCUMENTS_FILE = 'trusted-documents.json';

export interface DashboardOptions {
  /** The built page (default `JIEFEN_DASHBOARD_DIR`, else the `dist/` of the @jiefen/dashboard package). */
  dir?: string;
  /**
   * Production sign-in: the identity provider's login address. The page sends a user without a
   * token there, with `redirect_uri` set to the page; the provider sends the user back with the
   * bearer token in the address's fragment (`#access_token=…`). README: "The dashboard".
   */
  identityProviderLoginUrl?: string;
}

/** What the page reads at start (`/dashboard/config.json`). */
export interface DashboardConfig {
  graphqlPath: string;
  /** The development persona picker's endpoints (`/dev`), or null where tokens come from the identity provider. */
  devTokens: string | null;
  identityProvider: { loginUrl: string } | null;
}

export function defaultDashboardDir(env: Record<string, string | undefined> = process.env): string {
  if (env.JIEFEN_DASHBOARD_DIR) return env.JIEFEN_DASHBOARD_DIR;
  return join(dirname(createRequire(import.meta.url).resolve('@jiefen/dashboard/package.json')), 'dist');
}

/**
 * The page's trusted documents by sha256 (hex); empty when the page is not built. Each entry is
 * checked against its id, so a hand-edited manifest cannot make an id run another document.
 */
export function loadTrustedDocuments(dir: string): Map<string, string> {
  const file = join(dir, TRUSTED_DOCUMENTS_FILE);
  if (!existsSync(file)) return new Map();
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    const actual = createHash('sha256').update(document, 'utf8').digest('hex');
    if (actual !== hash) throw new Error(`${file}: the document under ${hash} hashes to ${actual}`);
    documents.set(hash, document);
  }
  return documents;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Same-origin only, as the explorer: the page's scripts, styles, fonts and data all come from the gateway. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // ECharts positions its tooltip with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };
/** Vite names assets by content hash: a client may keep them for good. */
const IMMUTABLE = { 'cache-control': 'public, max-age=31536000, immutable' };

/**
 * `GET /dashboard` (the page), `/dashboard/config.json` and every built file under `/dashboard/…`
 * (registered one by one at start: no path from a request ever reaches the file system). When the
 * page is not built, `/dashboard` says how to build it (503).
 */
export function createDashboardRoutes(options: DashboardOptions & { devTokens: string | null }): Record<string, RouteHandler> {
  const dir = options.dir ?? defaultDashboardDir();
  const routes: Record<string, RouteHandler> = {};
  const add = (path: string, handler: RouteHandler) => {
    routes[`GET ${path}`] = handler;
    routes[`HEAD ${path}`] = handler;
  };
  const config: DashboardConfig = {
    graphqlPath: '/graphql',
    devTokens: options.devTokens,
    identityProvider: options.identityProviderLoginUrl ? { loginUrl: options.identityProviderLoginUrl } : null,
  };
  const configBody = served(contentTypeOf('config.json'), Buffer.from(JSON.stringify(config)));
  add(`${DASHBOARD_PATH}/config.json`, (req, res) => send(req, res, configBody));

  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    const missing = served('text/plain; charset=utf-8', Buffer.from('领导驾驶舱页面尚未构建:请在项目目录运行 npm run build(npm start 会自动构建)。\n'));
    add(DASHBOARD_PATH, (req, res) => send(req, res, missing, {}, 503));
    return routes;
  }
  const file = (path: string, headers: Record<string, string>): RouteHandler => {
    let body: Served | undefined;
    return (req, res) => {
      body ??= served(contentTypeOf(path), readFileSync(path));
      send(req, res, body, headers);
    };
  };
  add(DASHBOARD_PATH, file(index, PAGE_HEADERS));
  add(`${DASHBOARD_PATH}/`, (_req, res) => {
    res.writeHead(301, { location: DASHBOARD_PATH }).end();
  });
  for (const path of filesUnder(dir)) {
    const rel = relative(dir, path).split(sep).join('/');
    if (rel === 'index.html' || rel === TRUSTED_DOCUMENTS_FILE || rel.startsWith('.')) continue;
    add(`${DASHBOARD_PATH}/${rel}`, file(path, rel.startsWith('assets/') ? IMMUTABLE : {}));
  }
  return routes;
}

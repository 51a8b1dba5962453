// The dashboard's server side: the built page and its files at /dashboard (production too), its
// trusted documents run by id, and the development token endpoint — present only where the gateway
// trusts its own development key, never in production or with an identity provider's keys.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, generateFederationKeys, issueToken, type FederationKeys } from '@jiefen/auth';
import { gatewayAuthFromEnv, type GatewayAuth } from '../src/auth.js';
import { defaultDashboardDir, loadTrustedDocuments } from '../src/dashboard.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';

// Nothing listens here: these tests never reach a subgraph (the answers they check come first).
const NO_SUBGRAPHS = Object.fromEntries(
  ['governance', 'justice', 'court', 'police', 'procuratorate', 'petition'].map((s) => [s, 'http://127.0.0.1:9/graphql']),
);
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST']);

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

function auth(keys: FederationKeys, dev: boolean): GatewayAuth {
  return {
    verifyToken: createTokenVerifier({ jwks: keys.tokenJwks }),
    internalPrivateKey: keys.internalPrivateKey,
    ...(dev ? { issueDevToken: (caller) => issueToken(keys.tokenPrivateKey, caller) } : {}),
  };
}

const documents = loadTrustedDocuments(defaultDashboardDir());

describe('the dashboard on a development gateway', () => {
  let keys: FederationKeys;
  let gateway: RunningGateway;
  beforeAll(async () => {
    keys = await generateFederationKeys();
    gateway = await startGateway({ subgraphUrls: NO_SUBGRAPHS, auth: auth(keys, true), port: 0, production: false });
  });
  afterAll(() => gateway?.stop());

  it('serves the built page and every file it references from the gateway itself', async () => {
    const res = await fetch(`${gateway.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).not.toMatch(/https?:\/\//);
    const referenced = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!).filter((p) => !p.startsWith('data:'));
    expect(referenced.length).toBeGreaterThanOrEqual(2);
    for (const path of referenced) {
      expect(path).toMatch(/^\/dashboard\/assets\//);
      const asset = await fetch(`${gateway.url}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
    }
    const css = await (await fetch(`${gateway.url}${referenced.find((p) => p.endsWith('.css'))}`)).text();
    const fonts = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(50); // Noto Sans SC comes in ~100 unicode-range subsets per weight
    expect(fonts.every((f) => f.startsWith('/dashboard/assets/'))).toBe(true);
    const font = await fetch(`${gateway.url}${fonts[0]}`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('tells the page that development sign-in is available', async () => {
    const config = await (await fetch(`${gateway.url}/dashboard/config.json`)).json();
    expect(config).toEqual({ graphqlPath: '/graphql', devTokens: '/dev', identityProvider: null });
  });

  it('issues a persona token the gateway accepts, to JSON requests only', async () => {
    const { personas } = (await (await fetch(`${gateway.url}/dev/personas`)).json()) as { personas: { key: string; name: string }[] };
    expect(personas.find((p) => p.key === 'leader')?.name).toBe('徐国华');
    const { status, body } = await post(`${gateway.url}/dev/token`, { persona: 'leader' });
    expect(status).toBe(200);
    const caller = await createTokenVerifier({ jwks: keys.tokenJwks })((body as { token: string }).token);
    expect(caller).toMatchObject({ subject: 'leader-001', roles: ['LEADER'], jurisdiction: '321281' });

    expect((await post(`${gateway.url}/dev/token`, { persona: 'nobody' })).status).toBe(400);
    expect((await post(`${gateway.url}/dev/token`, { persona: 'toString' })).status).toBe(400);
    const form = await fetch(`${gateway.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'persona=leader',
    });
    expect(form.status).toBe(415);
  });

  it('runs each of the page’s trusted documents by id, valid against the graph', async () => {
    expect(documents.size).toBeGreaterThanOrEqual(4);
    expect(gateway.trustedDocuments).toBe(documents.size);
    for (const [hash, document] of documents) {
      const name = /(?:query|mutation)\s+(\w+)/.exec(document)![1];
      // No variables: the document is found, parsed and validated; then the missing variables are refused.
      const { body } = await post(gateway.graphqlUrl, { documentId: `sha256:${hash}`, variables: {} });
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      expect(codes, name).toContain('BAD_USER_INPUT');
      expect(
        codes.filter((c) => REQUEST_ERRORS.has(String(c))),
        name,
      ).toEqual([]);
    }
  });

  it('refuses an unknown id and an id sent with a query; other clients still send documents', async () => {
    const unknown = await post(gateway.graphqlUrl, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const [hash] = [...documents.keys()];
    const both = await post(gateway.graphqlUrl, { documentId: hash, query: '{ __typename }' });
    expect(both.status).toBe(400);
    const malformed = await post(gateway.graphqlUrl, { documentId: 'md5:abc' });
    expect(malformed.status).toBe(400);
    const plain = await post(gateway.graphqlUrl, { query: '{ __typename }' });
    expect(plain.body).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${gateway.graphqlUrl}?documentId=sha256:${'0'.repeat(64)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await get.json()) as Body).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('the dashboard on a production gateway', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    // Even handed a development issuer, a production gateway offers no token endpoint.
    gateway = await startGateway({
      subgraphUrls: NO_SUBGRAPHS,
      auth: auth(await generateFederationKeys(), true),
      port: 0,
      production: true,
      dashboard: { identityProviderLoginUrl: 'https://idp.example.gov.cn/authorize?client_id=jiefen' },
    });
  });
  afterAll(() => gateway?.stop());

  it('serves the page and sends sign-in to the identity provider; the token endpoint does not exist', async () => {
    expect((await fetch(`${gateway.url}/dashboard`)).status).toBe(200);
    const config = await (await fetch(`${gateway.url}/dashboard/config.json`)).json();
    expect(config).toEqual({
      graphqlPath: '/graphql',
      devTokens: null,
      identityProvider: { loginUrl: 'https://idp.example.gov.cn/authorize?client_id=jiefen' },
    });
    expect((await fetch(`${gateway.url}/dev/personas`)).status).toBe(404);
    expect((await post(`${gateway.url}/dev/token`, { persona: 'leader' })).status).toBe(404);
    expect((await fetch(`${gateway.url}/explorer`)).status).toBe(404);
  });
});

describe('the development issuer from the environment', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jiefen-dashboard-keys-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exists with the local development keys only: not with an identity provider’s keys, not in production', async () => {
    const dev = await gatewayAuthFromEnv({ JIEFEN_KEYS_DIR: dir });
    expect(dev.issueDevToken).toBeTypeOf('function');
    const idp = await gatewayAuthFromEnv({ JIEFEN_KEYS_DIR: dir, JIEFEN_JWKS_URL: 'http://127.0.0.1:9/jwks.json' });
    expect(idp.issueDevToken).toBeUndefined();
    const stored = JSON.parse(await readFile(join(dir, 'keys.json'), 'utf8')) as { internal: { privateJwk: unknown } };
    const production = await gatewayAuthFromEnv({
      NODE_ENV: 'production',
      JIEFEN_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      JIEFEN_INTERNAL_PRIVATE_KEY: JSON.stringify(stored.internal.privateJwk),
    });
    expect(production.issueDevToken).toBeUndefined();
  });
});

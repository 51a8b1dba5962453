import { createTokenVerifier, generateFederationKeys } from '@jiefen/auth';
import { createServer, get, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, type RouteHandler } from '@jiefen/subgraph-kit';
import { createExplorerRoutes } from '../src/explorer.js';
import { startGateway } from '../src/gateway.js';

/** Only the explorer's routes, behind a plain Node server (the same `METHOD pathname` dispatch as the http app). */
async function serve(routes: Record<string, RouteHandler>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const route = routes[`${req.method} ${new URL(req.url ?? '/', 'http://localhost').pathname}`];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    void Promise.resolve(route(req, res)).catch(() => res.writeHead(500).end());
  });
  return { url: await listen(server, 0), server };
}

/** Same-origin paths the page loads (scripts, styles, icons). */
function referencedPaths(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
}

describe('offline explorer', () => {
  let url: string;
  let server: Server;

  beforeAll(async () => {
    ({ url, server } = await serve(createExplorerRoutes()));
  });
  afterAll(() => close(server));

  it('serves a Chinese page that loads nothing from another host', async () => {
    const res = await fetch(`${url}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('<title>解纷 Jiefen 接口调试</title>');
    expect(html).toContain('lang="zh-CN"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\/\/[a-z0-9-]+\.[a-z]/i); // no protocol-relative URL either
    for (const path of referencedPaths(html)) expect(path).toMatch(/^(\/explorer\/assets\/|data:)/);

    const config = JSON.parse(/<script type="application\/json" id="jiefen-explorer-config">(.*?)<\/script>/s.exec(html)![1]!);
    expect(config.endpoint).toBe('/graphql');
    expect(config.defaultQuery).toMatch(/disputes\(first: \$first/);
    expect(config.defaultQuery).toMatch(/courtCases \{/);
    expect(JSON.parse(config.defaultVariables)).toEqual({ first: 5 });
  });

  it('serves every script and style the page references, with the right content type', async () => {
    const html = await (await fetch(`${url}/explorer`)).text();
    const assets = referencedPaths(html).filter((p) => p.startsWith('/'));
    expect(assets).toEqual(
      expect.arrayContaining([
        '/explorer/assets/graphiql.min.css',
        '/explorer/assets/react.production.min.js',
        '/explorer/assets/react-dom.production.min.js',
        '/explorer/assets/graphiql.min.js',
        '/explorer/assets/explorer.js',
      ]),
    );
    for (const path of assets) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await res.text()).length, path).toBeGreaterThan(100);
    }
  });

  it('serves the GraphiQL 3 UMD bundle (a browser global with createFetcher)', async () => {
    const res = await fetch(`${url}/explorer/assets/graphiql.min.js`);
    const js = await res.text();
    expect(js.length).toBeGreaterThan(500_000);
    expect(js).toContain('.GraphiQL=');
    expect(js).toContain('createFetcher');
  });

  it('compresses and revalidates the large bundles', async () => {
    const raw = await fetch(`${url}/explorer/assets/graphiql.min.js`, { headers: { 'accept-encoding': 'identity' } });
    const rawBody = Buffer.from(await raw.arrayBuffer());
    const etag = raw.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);

    const gz = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      // Node's fetch decompresses transparently: read the bytes with a raw request instead.
      get(`${url}/explorer/assets/graphiql.min.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(gz.encoding).toBe('gzip');
    expect(gz.body.length).toBeLessThan(rawBody.length / 2);
    expect(gunzipSync(gz.body).equals(rawBody)).toBe(true);

    const again = await fetch(`${url}/explorer/assets/graphiql.min.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('redirects / to the page and answers HEAD', async () => {
    const root = await fetch(`${url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/explorer');
    const head = await fetch(`${url}/explorer`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('takes another endpoint, path and first query', async () => {
    const routes = createExplorerRoutes({ path: '/ide/', endpoint: '/api/graphql', defaultQuery: '{ ping }', redirectRoot: false });
    expect(Object.keys(routes)).toContain('GET /ide');
    expect(Object.keys(routes)).toContain('GET /ide/assets/graphiql.min.js');
    expect(Object.keys(routes)).not.toContain('GET /');
    const other = await serve(routes);
    try {
      const html = await (await fetch(`${other.url}/ide`)).text();
      expect(html).toContain('"endpoint":"/api/graphql"');
      expect(html).toContain('"defaultQuery":"{ ping }"');
      expect(html).toContain('src="/ide/assets/graphiql.min.js"');
    } finally {
      await close(other.server);
    }
  });
});

/** A one-subgraph supergraph: enough for the gateway to start (no subgraph is called). */
const TINY_SUPERGRAPH = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)
{
  query: Query
}

directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION
directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__DirectiveArguments
scalar join__FieldSet
scalar link__Import

enum join__Graph {
  TINY @join__graph(name: "tiny", url: "http://127.0.0.1:9/graphql")
}

enum link__Purpose {
  SECURITY
  EXECUTION
}

type Query @join__type(graph: TINY) {
  ping: String
}
`;

describe('gateway and the explorer', () => {
  const start = async (production: boolean, extra: Omit<Parameters<typeof startGateway>[0], 'auth'> = { subgraphUrls: {} }) => {
    const keys = await generateFederationKeys();
    const auth = { verifyToken: createTokenVerifier({ jwks: keys.tokenJwks }), internalPrivateKey: keys.internalPrivateKey };
    return startGateway({ ...extra, auth, supergraphSdl: TINY_SUPERGRAPH, port: 0, production });
  };

  it('serves the explorer by default outside production, next to extra routes', async () => {
    const gateway = await start(false, { subgraphUrls: {}, routes: { 'GET /extra': (_req, res) => void res.end('extra') } });
    try {
      expect(gateway.explorerUrl).toBe(`${gateway.url}/explorer`);
      const page = await fetch(gateway.explorerUrl!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('解纷 Jiefen 接口调试');
      expect(await (await fetch(`${gateway.url}/extra`)).text()).toBe('extra');
      expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });

  it('can be turned off', async () => {
    const gateway = await start(false, { subgraphUrls: {}, explorer: false });
    try {
      expect(gateway.explorerUrl).toBeNull();
      expect((await fetch(`${gateway.url}/explorer`)).status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });

  it('has no explorer and no introspection in production', async () => {
    const gateway = await start(true, { subgraphUrls: {}, explorer: true });
    try {
      expect(gateway.explorerUrl).toBeNull();
      expect((await fetch(`${gateway.url}/explorer`)).status).toBe(404);
      expect((await fetch(`${gateway.url}/explorer/assets/graphiql.min.js`)).status).toBe(404);
      expect((await fetch(`${gateway.url}/`, { redirect: 'manual' })).status).toBe(404);
      const res = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      const body = (await res.json()) as { errors?: { message: string }[] };
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await gateway.stop();
    }
  });
});

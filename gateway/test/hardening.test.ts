import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits, type AuditResult } from 'graphql-http';
import { createTokenVerifier } from '@jiefen/auth';
import { governanceSubgraph } from '@jiefen/governance';
import { startStack, type Stack } from '@jiefen/testing';
import { GATEWAY_BODY_LIMIT_BYTES, QUERY_LIMITS } from '../src/armor.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';

const JSON_ONLY = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json, application/json';

interface Answer {
  status: number;
  contentType: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs a raw body (any JSON value) to a GraphQL endpoint, accepting `accept`. */
async function post(url: string, body: unknown, accept = GRAPHQL_RESPONSE, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Abusive operations the acceptance criteria name, and the limit expected to refuse each. */
const ABUSE: { name: string; body: unknown; limit?: string }[] = [
  {
    name: '500 aliases',
    body: {
      query: `{ ${range(500)
        .map((i) => `a${i}: __typename`)
        .join(' ')} }`,
    },
    limit: 'aliases',
  },
  // `{`, 19,998 fields, `}`: 20,000 tokens in ~40 KB (under the body limit, so the parser refuses it).
  { name: '20,000 tokens', body: { query: `{ ${'a '.repeat(19_998)}}` }, limit: 'tokens' },
  // 1,000 `@skip(if: false)` are 7,000 tokens: the token limit refuses them before validation.
  { name: '1,000 directives', body: { query: `{ __typename ${'@skip(if: false) '.repeat(1000)}}` }, limit: 'tokens' },
  { name: '25 directives', body: { query: `{ __typename ${'@include(if: true) '.repeat(25)}}` }, limit: 'directives' },
  { name: 'depth 30', body: { query: `{ region(code: "32") { ${'parent { '.repeat(28)}name${' }'.repeat(28)} } }` }, limit: 'depth' },
  {
    // Each page costs ≈ 15,000 (the literal `first: 100` multiplies): six of them exceed the limit.
    name: 'cost (six pages of 100 disputes)',
    body: {
      query: `{ ${range(6)
        .map(
          (i) =>
            `p${i}: disputes(first: 100) { totalCount edges { cursor node { id number category channel summary regionCode status riskLevel registeredAt region { code name parent { code name parent { code name } } } parties { id role name phone } } } }`,
        )
        .join(' ')} }`,
    },
    limit: 'cost',
  },
  { name: 'a batch of 50 operations', body: range(50).map(() => ({ query: '{ __typename }' })) },
];

const DISPUTE_VIEW = `query DisputeView($first: Int!) {
  disputes(first: $first) { edges { node { id number region { name parent { name parent { name } } } } } }
}`;

describe('gateway hardening', () => {
  let stack: Stack;
  let url: string;
  let production: RunningGateway;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], seed: true });
    url = stack.gateway!.graphqlUrl;
    production = await startGateway({
      subgraphUrls: { governance: stack.subgraphs.governance!.url },
      auth: { verifyToken: createTokenVerifier({ jwks: stack.keys.tokenJwks }), internalPrivateKey: stack.keys.internalPrivateKey },
      port: 0,
      production: true,
    });
  });
  afterAll(async () => {
    await production?.stop();
    await stack?.stop();
  });

  it('passes the GraphQL-over-HTTP audit with no error and no warning', async () => {
    const results: AuditResult[] = [];
    for (const audit of serverAudits({ url, fetchFn: fetch })) results.push(await audit.fn());
    const count = (status: AuditResult['status']) => results.filter((r) => r.status === status).length;
    const score = { ok: count('ok'), warn: count('warn'), error: count('error'), notice: count('notice') };
    console.log(`graphql-http serverAudits (${results.length}): ${JSON.stringify(score)}`);
    for (const r of results) if (r.status !== 'ok') console.log(`  ${r.status} ${r.id} ${r.name}: ${r.reason}`);
    const failures = results.filter((r) => r.status === 'error' || r.status === 'warn');
    expect(failures.map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    expect(score.ok).toBeGreaterThan(50);
  });

  for (const accept of [GRAPHQL_RESPONSE, JSON_ONLY]) {
    describe(`abuse, accepting ${accept}`, () => {
      for (const abuse of ABUSE) {
        it(`refuses ${abuse.name} with a 4xx or a GraphQL error, never a 5xx`, async () => {
          const { status, body } = await post(url, abuse.body, accept);
          expect(status).toBeLessThan(500);
          expect(body.data ?? null).toBeNull();
          expect(body.errors?.length).toBeGreaterThan(0);
          expect(status === 200 || (status >= 400 && status < 500)).toBe(true);
          if (abuse.limit) {
            // Other rules may refuse the same document too (graphql-js's own first, then cost…).
            const error = body.errors!.find((e) => e.extensions?.limit === abuse.limit);
            expect(error, JSON.stringify(body.errors)).toBeDefined();
            expect(error!.extensions?.max).toBe(QUERY_LIMITS[abuse.limit as keyof typeof QUERY_LIMITS]);
            expect(error!.message).toMatch(/[\u4e00-\u9fa5]/);
            expect(error!.message).not.toMatch(/Syntax Error|exceeded/);
            // GraphQL request errors: 400 in application/graphql-response+json, 200 in application/json.
            expect(status).toBe(accept === JSON_ONLY ? 200 : 400);
          } else {
            expect(status).toBe(400);
          }
        });
      }
    });
  }

  it('codes each refused limit as a request error', async () => {
    const tokens = await post(url, ABUSE.find((a) => a.limit === 'tokens')!.body);
    expect(tokens.body.errors![0]!.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const depth = await post(url, ABUSE.find((a) => a.limit === 'depth')!.body);
    expect(depth.body.errors!.map((e) => e.extensions?.code)).toEqual(depth.body.errors!.map(() => 'GRAPHQL_VALIDATION_FAILED'));
    expect(depth.body.errors!.map((e) => e.extensions?.limit)).toContain('depth');
    const batch = await post(url, ABUSE.at(-1)!.body);
    expect(batch.body.errors![0]!.extensions?.code).toBe('BAD_REQUEST');
  });

  it('still serves the dispute view to a signed-in coordinator (depth 7; depth 9 with 100 a page)', async () => {
    const { status, body } = await stack.query<{ disputes: { edges: { node: { id: string; region: { parent: unknown } | null } }[] } }>(
      DISPUTE_VIEW,
      { first: 5 },
      'hub-coordinator',
    );
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data!.disputes.edges).toHaveLength(5);
    expect(body.data!.disputes.edges.every((e) => e.node.region !== null)).toBe(true);
    // The same view with literal page size 100 and the whole region chain stays within depth and cost.
    const literal = DISPUTE_VIEW.replace('($first: Int!)', '')
      .replace('$first', '100')
      .replace('parent { name }', 'parent { name parent { name parent { name } } }');
    const large = await stack.query(literal, {}, 'hub-coordinator');
    expect(large.body.errors).toBeUndefined();
    expect(large.status).toBe(200);
  });

  it('answers request errors 200 in application/json and 400 in application/graphql-response+json', async () => {
    const invalid = { query: '{ disputes(first: 1) { nope } }' };
    const json = await post(url, invalid, JSON_ONLY);
    expect(json.status).toBe(200);
    expect(json.contentType).toMatch(/^application\/json/);
    expect(json.body.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const graphql = await post(url, invalid, GRAPHQL_RESPONSE);
    expect(graphql.status).toBe(400);
    expect(graphql.contentType).toMatch(/^application\/graphql-response\+json/);
    // Malformed requests and our own HTTP refusals keep their status whatever the client accepts.
    expect((await post(url, '{ not json', JSON_ONLY)).status).toBe(400);
    expect((await post(url, { variables: {} }, JSON_ONLY)).status).toBe(400);
    expect((await post(url, { query: '{ __typename }' }, JSON_ONLY, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await post(url.replace('/graphql', '/nowhere'), { query: '{ __typename }' }, JSON_ONLY)).status).toBe(404);
  });

  it('refuses a body over the limit with 413', async () => {
    const padding = 'x'.repeat(GATEWAY_BODY_LIMIT_BYTES);
    const { status, body } = await post(url, { query: '{ __typename }', variables: { padding } });
    expect(status).toBe(413);
    expect(body.errors![0]!.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors![0]!.message).toMatch(/请求体过大/);
  });

  it('keeps CSRF prevention: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: JSON_ONLY } });
    expect(response.status).toBe(400);
    const withHeader = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: JSON_ONLY, 'apollo-require-preflight': 'true' },
    });
    expect(withHeader.status).toBe(200);
  });

  describe('in production', () => {
    it('refuses introspection', async () => {
      const { body } = await post(production.graphqlUrl, { query: '{ __schema { queryType { name } } }' });
      expect(body.data ?? null).toBeNull();
      expect(body.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors![0]!.message).toMatch(/introspection/i);
      // Development keeps it (the explorer needs it).
      const dev = await post(url, { query: '{ __schema { queryType { name } } }' });
      expect(dev.body.errors).toBeUndefined();
    });

    it('hides field suggestions', async () => {
      const typo = { query: '{ disputs(first: 1) { edges { node { id } } } }' };
      const prod = await post(production.graphqlUrl, typo);
      expect(prod.body.errors!.length).toBeGreaterThan(0);
      for (const error of prod.body.errors!) expect(error.message).not.toMatch(/Did you mean/);
      // Development shows them (so the check above is not vacuous).
      const dev = await post(url, typo);
      expect(dev.body.errors!.some((e) => /Did you mean/.test(e.message))).toBe(true);
    });

    it('applies the same limits and still answers a valid query', async () => {
      const depth = await post(production.graphqlUrl, ABUSE.find((a) => a.limit === 'depth')!.body);
      expect(depth.status).toBe(400);
      expect(depth.body.errors!.map((e) => e.extensions?.limit)).toContain('depth');
      const token = await stack.token('hub-coordinator');
      const ok = await post(production.graphqlUrl, { query: DISPUTE_VIEW, variables: { first: 2 } }, GRAPHQL_RESPONSE, {
        authorization: `Bearer ${token}`,
      });
      expect(ok.body.errors).toBeUndefined();
      expect(ok.status).toBe(200);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_HEADER, signInternalContext } from '@jiefen/auth';
import { governanceSubgraph } from '@jiefen/governance';
import { startStack, type Stack } from '@jiefen/testing';

const JSON_ONLY = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json, application/json';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * Request-level mistakes answered as client errors with stable codes and Chinese messages — by the
 * gateway, and by a subgraph on its own — never a 500 (anonymous callers included).
 */
describe('request-level mistakes', () => {
  let stack: Stack;
  let signed: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph] });
    signed = { authorization: `Bearer ${await stack.token('hub-coordinator')}` };
  });
  afterAll(() => stack?.stop());

  async function post(body: unknown, accept = GRAPHQL_RESPONSE, headers: Record<string, string> = {}, url = stack.gateway!.graphqlUrl): Promise<Answer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const TWO = 'query A { __typename } query B { region(code: "321281") { code } }';
  const MISTAKES: { name: string; body: unknown; code: string; message: RegExp; details?: Record<string, unknown> }[] = [
    {
      name: 'two operations without operationName',
      body: { query: TWO },
      code: 'OPERATION_RESOLUTION_FAILURE',
      message: /operationName/,
      details: { operations: 2 },
    },
    {
      name: 'an unknown operationName',
      body: { query: TWO, operationName: 'C' },
      code: 'OPERATION_RESOLUTION_FAILURE',
      message: /没有名为“C”的操作/,
      details: { operationName: 'C' },
    },
    { name: 'an empty operationName', body: { query: 'query A { __typename }', operationName: '' }, code: 'OPERATION_RESOLUTION_FAILURE', message: /没有名为/ },
    { name: 'a subscription', body: { query: 'subscription { __typename }' }, code: 'BAD_REQUEST', message: /不支持 subscription/ },
    {
      name: 'a NUL in a variable',
      body: { query: 'query($c: String!) { region(code: $c) { name } }', variables: { c: '32\u0000' } },
      code: 'VALIDATION_FAILED',
      message: /空字符/,
      details: { field: 'c', kind: 'NUL' },
    },
  ];

  for (const who of ['anonymous', 'signed in']) {
    for (const mistake of MISTAKES) {
      it(`answers ${mistake.name} with ${mistake.code} (${who}): 400, or 200 in application/json`, async () => {
        const headers = who === 'anonymous' ? {} : signed;
        for (const accept of [GRAPHQL_RESPONSE, JSON_ONLY]) {
          const { status, body } = await post(mistake.body, accept, headers);
          const expected = accept === JSON_ONLY && mistake.code !== 'BAD_REQUEST' ? 200 : 400;
          expect(status, JSON.stringify(body)).toBe(expected);
          expect(body.data ?? null).toBeNull();
          expect(body.errors).toHaveLength(1);
          expect(body.errors![0]!.extensions).toMatchObject({ code: mistake.code, ...mistake.details });
          expect(body.errors![0]!.message).toMatch(mistake.message);
          expect(body.errors![0]!.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    }
  }

  it('answers the same mistakes at a subgraph called directly (behind any gateway)', async () => {
    const internal = await signInternalContext(stack.keys.internalPrivateKey, { caller: null, requestId: 'request-errors' });
    for (const mistake of MISTAKES) {
      const { status, body } = await post(mistake.body, GRAPHQL_RESPONSE, { [INTERNAL_HEADER]: internal }, stack.subgraphs.governance!.url);
      expect(status, mistake.name).toBe(400);
      expect(body.errors?.[0]?.extensions, mistake.name).toMatchObject({ code: mistake.code, ...mistake.details });
    }
  });

  it('keeps other malformed requests and bad variables as client errors', async () => {
    const cases: [unknown, number, string][] = [
      ['{ nope', 400, 'BAD_REQUEST'],
      [{ query: '{ __typename }', variables: [1] }, 400, 'BAD_REQUEST'],
      [{ query: '{ __typename }', operationName: 5 }, 400, 'BAD_REQUEST'],
      [{ query: 5 }, 400, 'BAD_REQUEST'],
      [{ query: 'query($f: Int) { disputes(first: $f) { totalCount } }', variables: { f: 1e12 } }, 400, 'BAD_USER_INPUT'],
      [{ query: 'query($f: Int) { disputes(first: $f) { totalCount } }', variables: { f: 'x' } }, 400, 'BAD_USER_INPUT'],
      ['{"query":"query($f: Int) { disputes(first: $f) { totalCount } }","variables":{"f":1e400}}', 400, 'BAD_USER_INPUT'],
      [{ query: '{ disputes(first: 99999999999) { totalCount } }' }, 400, 'GRAPHQL_VALIDATION_FAILED'],
      [{ query: '{ __typename }\u0000' }, 400, 'GRAPHQL_PARSE_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await post(body, GRAPHQL_RESPONSE, signed);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.errors?.[0]?.extensions?.code, JSON.stringify(body)).toBe(code);
    }
    const wrongType = await fetch(stack.gateway!.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', accept: GRAPHQL_RESPONSE },
      body: '<q/>',
    });
    expect(wrongType.status).toBe(400);
  });

  it('still runs the named operation of a document with several', async () => {
    const { status, body } = await post({ query: TWO, operationName: 'A' }, GRAPHQL_RESPONSE, signed);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
  });
});

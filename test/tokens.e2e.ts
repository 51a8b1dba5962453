// The gateway's front door: which tokens it accepts, and what it answers to the rest.
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOfCaller, DEFAULT_AUDIENCE, DEFAULT_ISSUER, issueToken } from '@jiefen/auth';
import { governanceSubgraph } from '@jiefen/governance';
import { callerOf, postGraphQL, startStack, type Stack } from '@jiefen/testing';

const QUERY = '{ disputes(first: 1) { totalCount } }';

describe('tokens at the gateway', () => {
  let stack: Stack;
  const send = (token: string | null, raw?: string) =>
    postGraphQL<{ disputes: { totalCount: number } }>(
      stack.gateway!.graphqlUrl,
      QUERY,
      {},
      raw !== undefined ? { authorization: raw } : token ? { authorization: `Bearer ${token}` } : {},
    );

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], seed: true });
  });
  afterAll(() => stack?.stop());

  it('accepts a valid token', async () => {
    const { status, body } = await send(await stack.token('hub-coordinator'));
    expect(status).toBe(200);
    expect(body.data!.disputes.totalCount).toBe(40);
  });

  const refusals: [string, () => Promise<string>][] = [
    ['an expired token', async () => issueToken(stack.keys.tokenPrivateKey, callerOf('hub-coordinator'), { expiresIn: -60 })],
    [
      'a token signed with another key',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        return issueToken(privateKey, callerOf('hub-coordinator'));
      },
    ],
    ['a token for another audience', async () => issueToken(stack.keys.tokenPrivateKey, callerOf('hub-coordinator'), { audience: 'someone-else' })],
    ['a token from another issuer', async () => issueToken(stack.keys.tokenPrivateKey, callerOf('hub-coordinator'), { issuer: 'https://evil.example' })],
    [
      'an unsigned token (alg none)',
      async () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        const payload = Buffer.from(
          JSON.stringify({
            ...claimsOfCaller(callerOf('hub-coordinator')),
            iss: DEFAULT_ISSUER,
            aud: DEFAULT_AUDIENCE,
            exp: Math.floor(Date.now() / 1000) + 600,
          }),
        ).toString('base64url');
        return `${header}.${payload}.`;
      },
    ],
    [
      'a forged payload under a real signature',
      async () => {
        const [h, , s] = (await stack.token('police-officer')).split('.');
        const payload = Buffer.from(
          JSON.stringify({
            ...claimsOfCaller(callerOf('police-officer', { jurisdiction: '32' })),
            iss: DEFAULT_ISSUER,
            aud: DEFAULT_AUDIENCE,
            exp: Math.floor(Date.now() / 1000) + 600,
          }),
        ).toString('base64url');
        return `${h}.${payload}.${s}`;
      },
    ],
    [
      'a token with an unknown agency',
      async () =>
        new SignJWT({ ...claimsOfCaller(callerOf('hub-coordinator')), agency: 'ARMY' })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer(DEFAULT_ISSUER)
          .setAudience(DEFAULT_AUDIENCE)
          .setExpirationTime('1h')
          .setSubject('x')
          .sign(stack.keys.tokenPrivateKey),
    ],
    ['garbage', async () => 'not-a-token'],
  ];

  it.each(refusals)('refuses %s with 401 and no data', async (_label, make) => {
    const { status, body } = await send(await make());
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(body.errors![0]!.message).toMatch(/身份认证失败/);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const { status } = await send(null, 'Basic dXNlcjpwYXNz');
    expect(status).toBe(401);
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jwtVerify, SignJWT } from 'jose';
import { generateFederationKeys } from './keys.js';
import { PERSONAS } from './personas.js';
import { claimsOfCaller } from './caller.js';
import { signEd25519 } from './ed25519.js';
import { AuthError, createInternalVerifier, createTokenVerifier, issueToken, signInternalContext } from './tokens.js';

const keys = await generateFederationKeys();
const other = await generateFederationKeys();
const { description: _d, organizationName: _o, ...leader } = PERSONAS.leader!;

afterEach(() => {
  vi.useRealTimers();
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).reason;
}

describe('the internal header (gateway → subgraphs)', () => {
  const verify = createInternalVerifier(keys.internalPublicKey);
  /** A header as jose signs it, with the gateway's claims unless overridden. */
  const joseSigned = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'EdDSA' }, key = keys.internalPrivateKey) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ caller: claimsOfCaller(leader), rid: 'r-1', iss: 'jiefen-gateway', aud: 'jiefen-subgraphs', iat: now, exp: now + 60, ...claims })
      .setProtectedHeader(header as { alg: string })
      .sign(key);
  };

  it('is a JWS jose accepts, and ours accepts what jose signs', async () => {
    const header = await signInternalContext(keys.internalPrivateKey, { caller: leader, requestId: 'r-42' });
    const { payload } = await jwtVerify(header, keys.internalPublicKey, { issuer: 'jiefen-gateway', audience: 'jiefen-subgraphs', algorithms: ['EdDSA'] });
    expect(payload.rid).toBe('r-42');
    expect(await verify(header)).toEqual({ caller: leader, requestId: 'r-42' });
    expect(await verify(await joseSigned({ aud: ['other', 'jiefen-subgraphs'] }))).toEqual({ caller: leader, requestId: 'r-1' });
    expect(await verify(await signInternalContext(keys.internalPrivateKey, { caller: null, requestId: 'anon' }))).toEqual({ caller: null, requestId: 'anon' });
  });

  /** A JWS with any protected header, signed with the gateway's key (jose refuses to sign some). */
  const selfSigned = (header: Record<string, unknown>, payload: string) => {
    const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${payload}`;
    return `${input}.${signEd25519(input, keys.internalPrivateKey)}`;
  };

  it('refuses another key, a changed payload, other claims, an expired header and other algorithms', async () => {
    const good = await signInternalContext(keys.internalPrivateKey, { caller: leader, requestId: 'r' });
    const [h, p, s] = good.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), caller: { ...claimsOfCaller(leader), jurisdiction: '32' } }),
    ).toString('base64url');
    const cases: [string, Promise<string>][] = [
      ['signature', signInternalContext(other.internalPrivateKey, { caller: leader, requestId: 'r' })],
      ['signature', Promise.resolve(`${h}.${forged}.${s}`)],
      ['claim:iss', joseSigned({ iss: 'someone' })],
      ['claim:aud', joseSigned({ aud: 'jiefen' })],
      ['claim:exp', joseSigned({ exp: undefined })],
      ['expired', joseSigned({ exp: Math.floor(Date.now() / 1000) - 1 })],
      ['claim:nbf', joseSigned({ nbf: Math.floor(Date.now() / 1000) + 60 })],
      ['claims:jurisdiction', joseSigned({ caller: { ...claimsOfCaller(leader), jurisdiction: '3' } })],
      ['alg', Promise.resolve(selfSigned({ alg: 'EdDSA', crit: ['x'], x: 1 }, p))],
      ['alg', Promise.resolve(selfSigned({ alg: 'EdDSA', b64: false }, p))],
      ['alg', Promise.resolve(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`)],
      ['malformed', Promise.resolve('not-a-jws')],
      ['malformed', Promise.resolve(selfSigned({ alg: 'EdDSA' }, 'bm90IGpzb24'))],
    ];
    for (const [reason, header] of cases) expect(await refusal(verify(await header)), reason).toBe(reason);
  });
});

describe('user tokens', () => {
  const verifier = () => createTokenVerifier({ jwks: keys.tokenJwks });

  it('accepts a valid token again from memory, and never past its expiry', async () => {
    const verify = verifier();
    vi.useFakeTimers({ now: new Date('2026-12-02T08:00:00Z'), toFake: ['Date'] });
    const token = await issueToken(keys.tokenPrivateKey, leader, { expiresIn: 120 });
    expect(await verify(token)).toEqual(leader);
    expect(await verify(token)).toEqual(leader);
    vi.setSystemTime(new Date('2026-12-02T08:02:00Z'));
    expect(await refusal(verify(token))).toBe('expired');
  });

  it('remembers a token for cacheSeconds at most, then verifies it afresh', async () => {
    // The identity provider's JWKS, served here: withdrawing the key shows which answers came from memory.
    let served = keys.tokenJwks;
    const idp = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served)));
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    try {
      const verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${(idp.address() as AddressInfo).port}/jwks`, cacheSeconds: 900 });
      vi.useFakeTimers({ now: new Date('2026-12-02T08:00:00Z'), toFake: ['Date'] });
      const token = await issueToken(keys.tokenPrivateKey, leader, { expiresIn: 3600 });
      expect(await verify(token)).toEqual(leader);
      served = other.tokenJwks;
      // Past jose's own 10-minute key cache, within ours: still accepted, from memory.
      vi.setSystemTime(new Date('2026-12-02T08:11:00Z'));
      expect(await verify(token)).toEqual(leader);
      // Past ours: verified afresh against the identity provider's keys, which no longer hold the signer.
      vi.setSystemTime(new Date('2026-12-02T08:15:01Z'));
      expect(await refusal(verify(token))).toBe('signature');
    } finally {
      idp.close();
    }
  });

  it('does not take a token signed by another key, or a changed token, for a remembered one', async () => {
    const verify = verifier();
    const token = await issueToken(keys.tokenPrivateKey, leader);
    expect(await verify(token)).toEqual(leader);
    expect(await refusal(verify(await issueToken(other.tokenPrivateKey, leader)))).toBe('signature');
    expect(await refusal(verify(`${token.slice(0, -2)}AA`))).toBe('signature');
  });
});

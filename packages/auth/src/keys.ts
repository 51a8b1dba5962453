import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { INTERNAL_ALG, TOKEN_ALG, type Key } from './tokens.js';

/** The key material of a development (or test) federation. */
export interface FederationKeys {
  /** Signs development user tokens (`npm run token`). */
  tokenPrivateKey: Key;
  /** Public half, as the JWK set the gateway verifies tokens with. */
  tokenJwks: JSONWebKeySet;
  /** The gateway signs the internal header with this… */
  internalPrivateKey: Key;
  /** …and every subgraph verifies it with this. */
  internalPublicKey: Key;
  internalPublicJwk: JWK;
  /** The federation secret behind person keys (HMAC of ID numbers). */
  personKeySecret: string;
}

interface StoredKeys {
  token: { privateJwk: JWK; publicJwk: JWK };
  internal: { privateJwk: JWK; publicJwk: JWK };
  personKeySecret: string;
}

async function pair(alg: string, kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg },
  };
}

async function materialize(stored: StoredKeys): Promise<FederationKeys> {
  return {
    tokenPrivateKey: (await importJWK(stored.token.privateJwk, TOKEN_ALG)) as Key,
    tokenJwks: { keys: [stored.token.publicJwk] },
    internalPrivateKey: (await importJWK(stored.internal.privateJwk, INTERNAL_ALG)) as Key,
    internalPublicKey: (await importJWK(stored.internal.publicJwk, INTERNAL_ALG)) as Key,
    internalPublicJwk: stored.internal.publicJwk,
    personKeySecret: stored.personKeySecret,
  };
}

/** Fresh keys held in memory (tests). */
export async function generateFederationKeys(): Promise<FederationKeys> {
  return materialize({
    token: await pair(TOKEN_ALG, 'dev-token-1'),
    internal: await pair(INTERNAL_ALG, 'gateway-internal-1'),
    personKeySecret: randomBytes(32).toString('base64url'),
  });
}

/**
 * Development keys kept in `<dir>/keys.json` (under `.data/`, never committed): created on first
 * use, so tokens printed by `npm run token` stay valid across restarts.
 */
export async function loadOrCreateDevKeys(dir: string): Promise<FederationKeys> {
  const file = join(dir, 'keys.json');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing) return materialize(JSON.parse(existing) as StoredKeys);
  const stored: StoredKeys = {
    token: await pair(TOKEN_ALG, 'dev-token-1'),
    internal: await pair(INTERNAL_ALG, 'gateway-internal-1'),
    personKeySecret: randomBytes(32).toString('base64url'),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return materialize(stored);
}

/** Reads development keys created by {@link loadOrCreateDevKeys}; fails when there are none. */
export async function readDevKeys(dir: string): Promise<FederationKeys> {
  const file = join(dir, 'keys.json');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (!existing) throw new Error(`no federation keys in ${file}: start the gateway (or npm start) first, or set the key variables`);
  return materialize(JSON.parse(existing) as StoredKeys);
}

/** Imports a key given as JWK JSON (environment variables of production deployments). */
export async function importKeyFromEnv(value: string, alg: string): Promise<Key> {
  return (await importJWK(JSON.parse(value) as JWK, alg)) as Key;
}

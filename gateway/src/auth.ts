import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import {
  AuthError,
  createTokenVerifier,
  importKeyFromEnv,
  INTERNAL_ALG,
  issueToken,
  loadOrCreateDevKeys,
  signInternalContext,
  type Caller,
  type Key,
} from '@jiefen/auth';
import { HttpError } from '@jiefen/subgraph-kit';

/** How the gateway checks who calls and vouches for them to the subgraphs. */
export interface GatewayAuth {
  verifyToken(token: string): Promise<Caller>;
  /** Signs the internal header every subgraph requires. */
  internalPrivateKey: Key;
  /**
   * Issues a token `verifyToken` accepts, for the development personas (the dashboard's persona
   * picker). Present only where the gateway trusts a local development key — never with an identity
   * provider's keys — and ignored in production.
   */
  issueDevToken?: (caller: Caller) => Promise<string>;
}

/**
 * From the environment. Production (`NODE_ENV=production`): tokens verified against the identity
 * provider's `JIEFEN_JWKS_URL`, the internal header signed with `JIEFEN_INTERNAL_PRIVATE_KEY` (a JWK).
 * Development: key pairs generated once under `JIEFEN_KEYS_DIR` (default `.data/keys`), so
 * `npm run token` can issue tokens for the personas.
 */
export async function gatewayAuthFromEnv(env = process.env, defaultKeysDir = join(process.cwd(), '.data', 'keys')): Promise<GatewayAuth> {
  const issuer = env.JIEFEN_TOKEN_ISSUER;
  const audience = env.JIEFEN_TOKEN_AUDIENCE;
  if (env.NODE_ENV === 'production') {
    if (!env.JIEFEN_JWKS_URL || !env.JIEFEN_INTERNAL_PRIVATE_KEY) {
      throw new Error('production needs JIEFEN_JWKS_URL (identity provider) and JIEFEN_INTERNAL_PRIVATE_KEY (JWK)');
    }
    return {
      verifyToken: createTokenVerifier({ jwksUrl: env.JIEFEN_JWKS_URL, issuer, audience }),
      internalPrivateKey: await importKeyFromEnv(env.JIEFEN_INTERNAL_PRIVATE_KEY, INTERNAL_ALG),
    };
  }
  const keys = await loadOrCreateDevKeys(env.JIEFEN_KEYS_DIR ?? defaultKeysDir);
  return {
    verifyToken: createTokenVerifier(env.JIEFEN_JWKS_URL ? { jwksUrl: env.JIEFEN_JWKS_URL, issuer, audience } : { jwks: keys.tokenJwks, issuer, audience }),
    internalPrivateKey: env.JIEFEN_INTERNAL_PRIVATE_KEY ? await importKeyFromEnv(env.JIEFEN_INTERNAL_PRIVATE_KEY, INTERNAL_ALG) : keys.internalPrivateKey,
    // The same key, issuer and audience as `npm run token` (scripts/src/token.ts).
    ...(env.JIEFEN_JWKS_URL ? {} : { issueDevToken: (caller: Caller) => issueToken(keys.tokenPrivateKey, caller, { issuer, audience, kid: 'dev-token-1' }) }),
  };
}

/**
 * The caller of an HTTP request: null without an `Authorization` header (anonymous: public
 * listings only); a refusal (401, no data) for a header that is not a valid bearer token.
 */
export function createAuthenticator(auth: GatewayAuth): (req: IncomingMessage) => Promise<Caller | null> {
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new HttpError(401, '身份认证失败:Authorization 须为 Bearer 令牌', 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer' });
    try {
      return await auth.verifyToken(match[1]!);
    } catch (error) {
      const message = error instanceof AuthError ? `身份认证失败:${error.message}` : '身份认证失败';
      throw new HttpError(401, message, 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  };
}

/** Signs the request's internal header once, however many subgraph fetches the plan makes. */
export function internalHeaderFor(auth: GatewayAuth, caller: Caller | null, requestId: string): () => Promise<string> {
  let signed: Promise<string> | undefined;
  return () => (signed ??= signInternalContext(auth.internalPrivateKey, { caller, requestId }));
}

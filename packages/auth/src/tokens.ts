import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose';
import { callerFromClaims, ClaimsError, claimsOfCaller, type Caller } from './caller.js';
import { signEd25519, verifyEd25519 } from './ed25519.js';

export type Key = CryptoKey | KeyObject;

/** An authentication failure, with a Chinese message for the client. */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export const TOKEN_ALG = 'ES256';
export const INTERNAL_ALG = 'EdDSA';
export const DEFAULT_ISSUER = 'https://auth.jiefen.local';
export const DEFAULT_AUDIENCE = 'jiefen';

export interface IssueOptions {
  issuer?: string;
  audience?: string;
  /** Seconds (default 8 hours, one working day). */
  expiresIn?: number;
  kid?: string;
}

/** Signs a user token (development key pairs and tests; production tokens come from the IdP). */
export async function issueToken(privateKey: Key, caller: Caller, options: IssueOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claimsOfCaller(caller))
    .setProtectedHeader({ alg: TOKEN_ALG, typ: 'JWT', ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setSubject(caller.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 8 * 3600))
    .sign(privateKey);
}

export interface VerifierOptions {
  issuer?: string;
  audience?: string;
  /** Production: the identity provider's JWKS endpoint. */
  jwksUrl?: string;
  /** Development and tests: the public keys as a JWK set. */
  jwks?: JSONWebKeySet;
}

/** Why a token is refused, in Chinese for the client: one wording whichever verifier refused it. */
const REFUSED = {
  expired: '令牌已过期,请重新登录',
  claim: '令牌的签发者、受众或有效期不符',
  signature: '令牌签名无效',
  key: '令牌签名无效(未知密钥)',
  alg: '令牌签名算法不被接受',
  malformed: '令牌无效',
} as const;

/** A refusal: `kind` picks the message, `detail` narrows the reason (`claim:iss`). */
const refused = (kind: keyof typeof REFUSED, detail?: string) => new AuthError(REFUSED[kind], detail ? `${kind}:${detail}` : kind);

function explain(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof ClaimsError) return new AuthError(error.message, `claims:${error.field}`);
  if (error instanceof errors.JWTExpired) return refused('expired');
  if (error instanceof errors.JWTClaimValidationFailed) return refused('claim', error.claim);
  if (error instanceof errors.JWSSignatureVerificationFailed) return refused('signature');
  if (error instanceof errors.JWKSNoMatchingKey) return refused('key');
  if (error instanceof errors.JOSEAlgNotAllowed) return refused('alg');
  return refused('malformed');
}

/**
 * Verifies user tokens: signature, issuer, audience, expiry and the shape of the claims.
 *
 * A token verified once is remembered (by its exact text) until it expires, for at most
 * `cacheSeconds` (default 300) and for up to `cacheSize` tokens: a client sends the same token with
 * every request of its working day, and an ES256 verification per request was the gateway's largest
 * single cost after the subgraph fetches. A token is immutable, so what was verified stays verified;
 * the bound on the remembered time is how long a key withdrawn from the identity provider's JWKS can
 * still be honoured for a token it signed earlier.
 */
export function createTokenVerifier(options: VerifierOptions & { cacheSeconds?: number; cacheSize?: number }): (token: string) => Promise<Caller> {
  let keys: JWTVerifyGetKey;
  if (options.jwksUrl) keys = createRemoteJWKSet(new URL(options.jwksUrl));
  else if (options.jwks) keys = createLocalJWKSet(options.jwks);
  else throw new Error('token verifier needs jwksUrl or jwks');
  const cacheMs = (options.cacheSeconds ?? 300) * 1000;
  const cacheSize = options.cacheSize ?? 10_000;
  const verified = new Map<string, { caller: Caller; exp: number; until: number }>();
  return async (token) => {
    const now = Date.now();
    const known = verified.get(token);
    // Valid while exp > now in whole seconds, as jose decides (no clock tolerance).
    if (known && known.exp > Math.floor(now / 1000) && known.until > now) return known.caller;
    if (known) verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer ?? DEFAULT_ISSUER,
        audience: options.audience ?? DEFAULT_AUDIENCE,
        algorithms: [TOKEN_ALG, 'RS256', 'EdDSA'],
        requiredClaims: ['exp', 'sub'],
      });
      const caller = callerFromClaims(payload);
      if (cacheMs > 0 && cacheSize > 0) {
        // Oldest first out (a Map keeps insertion order).
        if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
        verified.set(token, { caller, exp: payload.exp!, until: now + cacheMs });
      }
      return caller;
    } catch (error) {
      throw explain(error);
    }
  };
}

const INTERNAL_ISSUER = 'jiefen-gateway';
const INTERNAL_AUDIENCE = 'jiefen-subgraphs';

/** The request context the gateway hands to subgraphs: who calls (null: anonymous) and the request id. */
export interface InternalContext {
  caller: Caller | null;
  requestId: string;
}

const base64url = (json: unknown) => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
const INTERNAL_PROTECTED_HEADER = base64url({ alg: INTERNAL_ALG });

/**
 * Signs the internal header (short-lived; subgraphs hold only the public key): a compact JWS
 * (EdDSA, Ed25519), computed synchronously (`./ed25519.ts`) — one per gateway request.
 */
export async function signInternalContext(privateKey: Key, context: InternalContext, ttlSeconds = 60): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload = base64url({
    caller: context.caller ? claimsOfCaller(context.caller) : null,
    rid: context.requestId,
    iss: INTERNAL_ISSUER,
    aud: INTERNAL_AUDIENCE,
    iat: now,
    exp: now + ttlSeconds,
  });
  const signingInput = `${INTERNAL_PROTECTED_HEADER}.${payload}`;
  return `${signingInput}.${signEd25519(signingInput, privateKey)}`;
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Verifies the internal header in a subgraph, as jose's `jwtVerify` would (a plain EdDSA JWS; the
 * gateway's issuer and the subgraphs' audience; `exp` required and in the future, `nbf` if present
 * passed), synchronously and with no WebCrypto job: every subgraph request verifies one.
 */
export function createInternalVerifier(publicKey: Key): (header: string) => Promise<InternalContext> {
  return async (header) => {
    const parts = header.split('.');
    if (parts.length !== 3) throw refused('malformed');
    const [protectedPart, payloadPart, signature] = parts as [string, string, string];
    const protectedHeader = decodeJson(protectedPart);
    if (!protectedHeader) throw refused('malformed');
    // Only a plain EdDSA JWS: no other algorithm, no critical extension, no unencoded payload.
    if (protectedHeader.alg !== INTERNAL_ALG || protectedHeader.crit !== undefined || protectedHeader.b64 !== undefined) throw refused('alg');
    if (!verifyEd25519(`${protectedPart}.${payloadPart}`, signature, publicKey)) throw refused('signature');
    const payload = decodeJson(payloadPart);
    if (!payload) throw refused('malformed');
    const now = Math.floor(Date.now() / 1000);
    const audience = payload.aud;
    if (payload.iss !== INTERNAL_ISSUER) throw refused('claim', 'iss');
    if (!(audience === INTERNAL_AUDIENCE || (Array.isArray(audience) && audience.includes(INTERNAL_AUDIENCE)))) throw refused('claim', 'aud');
    if (typeof payload.exp !== 'number') throw refused('claim', 'exp');
    if (payload.exp <= now) throw refused('expired');
    if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now)) throw refused('claim', 'nbf');
    if (payload.iat !== undefined && typeof payload.iat !== 'number') throw refused('claim', 'iat');
    try {
      const caller = payload.caller === null || payload.caller === undefined ? null : callerFromClaims(payload.caller as Record<string, unknown>);
      return { caller, requestId: typeof payload.rid === 'string' ? payload.rid : '' };
    } catch (error) {
      throw explain(error);
    }
  };
}

export const INTERNAL_HEADER = 'x-jiefen-context';

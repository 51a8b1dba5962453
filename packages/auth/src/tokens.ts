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

function explain(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof ClaimsError) return new AuthError(error.message, `claims:${error.field}`);
  if (error instanceof errors.JWTExpired) return new AuthError('令牌已过期,请重新登录', 'expired');
  if (error instanceof errors.JWTClaimValidationFailed) return new AuthError('令牌的签发者、受众或有效期不符', `claim:${error.claim}`);
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthError('令牌签名无效', 'signature');
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthError('令牌签名无效(未知密钥)', 'key');
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthError('令牌签名算法不被接受', 'alg');
  return new AuthError('令牌无效', 'malformed');
}

/** Verifies user tokens: signature, issuer, audience, expiry and the shape of the claims. */
export function createTokenVerifier(options: VerifierOptions): (token: string) => Promise<Caller> {
  let keys: JWTVerifyGetKey;
  if (options.jwksUrl) keys = createRemoteJWKSet(new URL(options.jwksUrl));
  else if (options.jwks) keys = createLocalJWKSet(options.jwks);
  else throw new Error('token verifier needs jwksUrl or jwks');
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer ?? DEFAULT_ISSUER,
        audience: options.audience ?? DEFAULT_AUDIENCE,
        algorithms: [TOKEN_ALG, 'RS256', 'EdDSA'],
        requiredClaims: ['exp', 'sub'],
      });
      return callerFromClaims(payload);
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

/** Signs the internal header (short-lived; subgraphs hold only the public key). */
export async function signInternalContext(privateKey: Key, context: InternalContext, ttlSeconds = 60): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ caller: context.caller ? claimsOfCaller(context.caller) : null, rid: context.requestId })
    .setProtectedHeader({ alg: INTERNAL_ALG })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(privateKey);
}

/** Verifies the internal header in a subgraph. */
export function createInternalVerifier(publicKey: Key): (header: string) => Promise<InternalContext> {
  return async (header) => {
    try {
      const { payload } = await jwtVerify(header, publicKey, {
        issuer: INTERNAL_ISSUER,
        audience: INTERNAL_AUDIENCE,
        algorithms: [INTERNAL_ALG],
        requiredClaims: ['exp'],
      });
      const caller = payload.caller === null || payload.caller === undefined ? null : callerFromClaims(payload.caller as Record<string, unknown>);
      return { caller, requestId: typeof payload.rid === 'string' ? payload.rid : '' };
    } catch (error) {
      throw explain(error);
    }
  };
}

export const INTERNAL_HEADER = 'x-jiefen-context';

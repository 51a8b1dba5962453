import { decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { signEd25519, verifyEd25519, type Agency, type Key } from '@jiefen/auth';
import { isAgency } from './envelope.js';

/** The HTTP header carrying the detached JWS over the request body. */
export const SIGNATURE_HEADER = 'jiefen-signature';
export const DOCKING_ALG = 'EdDSA';
/** The JWS `typ` of a docking event delivery. */
export const EVENT_TYP = 'jiefen-docking-event+jws';
/**
 * The JWS `typ` of a batch of docking events (`{ "events": [...] }`, the worker's deliveries): a
 * captured single-event signature cannot pass for a batch, nor the other way round.
 */
export const BATCH_TYP = 'jiefen-docking-batch+jws';
/** The JWS `typ` of a reference lookup (one agency asking another whether a record exists): a signature for one purpose is refused for the other. */
export const REFERENCE_TYP = 'jiefen-reference-lookup+jws';

/** Public keys of the agencies this one accepts events from (the hub's copies included). */
export type DockingKeyRing = Partial<Record<Agency, Key>>;

export type SignatureProblem = 'UNSIGNED' | 'MALFORMED_SIGNATURE' | 'UNKNOWN_SIGNER' | 'BAD_SIGNATURE' | 'WRONG_RECIPIENT' | 'STALE_SIGNATURE';

export class SignatureError extends Error {
  constructor(
    readonly problem: SignatureProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Signs one delivery attempt: a JWS (EdDSA, Ed25519) over the exact body bytes, sent detached
 * (`header..signature`). The protected header names the signer (`iss`), the recipient (`aud`) and
 * the signing time (`iat`, seconds): each attempt is signed afresh, so an event queued for days is
 * still fresh when it finally goes out, while a captured request grows stale.
 */
export async function signDelivery(body: string, options: { from: Agency; recipient: Agency; privateKey: Key; now?: Date; typ?: string }): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const header = Buffer.from(
    JSON.stringify({ alg: DOCKING_ALG, typ: options.typ ?? EVENT_TYP, kid: options.from, iss: options.from, aud: options.recipient, iat }),
    'utf8',
  ).toString('base64url');
  // RFC 7515 signing input `header.payload`: the same JWS jose produces, computed synchronously.
  return `${header}..${signEd25519(`${header}.${Buffer.from(body, 'utf8').toString('base64url')}`, options.privateKey)}`;
}

export interface VerifyOptions {
  keyRing: DockingKeyRing;
  /** This agency: the signature must be addressed to it. */
  recipient: Agency;
  /** Largest accepted distance between the signing time and now, in seconds. */
  windowSeconds: number;
  now?: Date;
  /** What the signature must be for (default: an event delivery, {@link EVENT_TYP}); several: any of them. */
  typ?: string | readonly string[];
}

/** Verifies a detached signature over `body`; returns the signing agency or throws {@link SignatureError}. */
export async function verifyDelivery(body: string, signature: string | undefined, options: VerifyOptions): Promise<Agency> {
  return (await verifySigned(body, signature, options)).signer;
}

/** The `typ` a detached signature claims (unverified: to choose how to read the body before verifying it), or null. */
export function claimedTyp(signature: string | undefined): string | null {
  if (!signature) return null;
  try {
    const typ = decodeProtectedHeader(signature).typ;
    return typeof typ === 'string' ? typ : null;
  } catch {
    return null;
  }
}

/** {@link verifyDelivery}, also telling which of the accepted `typ`s the signature is for. */
export async function verifySigned(body: string, signature: string | undefined, options: VerifyOptions): Promise<{ signer: Agency; typ: string }> {
  if (!signature) throw new SignatureError('UNSIGNED', '事件未签名');
  const parts = signature.split('.');
  if (parts.length !== 3 || parts[1] !== '') throw new SignatureError('MALFORMED_SIGNATURE', '签名格式不正确');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(signature);
  } catch {
    throw new SignatureError('MALFORMED_SIGNATURE', '签名格式不正确');
  }
  const signer = header.iss;
  if (!isAgency(signer)) throw new SignatureError('UNKNOWN_SIGNER', '签名方不是已知部门');
  const key = options.keyRing[signer];
  if (!key) throw new SignatureError('UNKNOWN_SIGNER', `没有${signer}的公钥`);
  // Only a plain EdDSA JWS is accepted: no critical extensions and no unencoded payload (b64: false).
  if (header.alg !== DOCKING_ALG || header.crit !== undefined || header.b64 !== undefined) throw new SignatureError('BAD_SIGNATURE', '签名验证失败');
  if (!verifyEd25519(`${parts[0]}.${Buffer.from(body, 'utf8').toString('base64url')}`, parts[2]!, key))
    throw new SignatureError('BAD_SIGNATURE', '签名验证失败');
  const accepted = options.typ ?? EVENT_TYP;
  const typ = header.typ;
  if (typeof typ !== 'string' || !(typeof accepted === 'string' ? [accepted] : accepted).includes(typ))
    throw new SignatureError('BAD_SIGNATURE', '签名用途不符');
  if (header.aud !== options.recipient) throw new SignatureError('WRONG_RECIPIENT', '事件不是发给本部门的');
  const iat = header.iat;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (typeof iat !== 'number' || Math.abs(now - iat) > options.windowSeconds) {
    throw new SignatureError('STALE_SIGNATURE', '签名时间超出允许范围(疑似重放)');
  }
  return { signer, typ };
}

/** A fresh Ed25519 key pair for an agency's docking signatures, with its JWKs (for configuration). */
export async function generateDockingKeyPair(): Promise<{ privateKey: Key; publicKey: Key; privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(DOCKING_ALG, { crv: 'Ed25519', extractable: true });
  return { privateKey, publicKey, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

/** Imports a docking key from its JWK (JSON text or object). */
export async function importDockingKey(jwk: string | JWK): Promise<Key> {
  return (await importJWK(typeof jwk === 'string' ? (JSON.parse(jwk) as JWK) : jwk, DOCKING_ALG)) as Key;
}

import { KeyObject, sign, verify, type webcrypto } from 'node:crypto';
import type { Key } from './tokens.js';

/**
 * Ed25519 signatures computed synchronously by OpenSSL (`node:crypto`), for the JWSs the
 * federation signs on every request and every docking delivery. jose's WebCrypto path makes each
 * signature and each verification a thread-pool job with its promise and transfer machinery (5–6 %
 * of a process's CPU per request); the bytes are the same (RFC 8037: Ed25519 signs the JWS signing
 * input whole, no digest).
 */

/** Node key objects of the configured keys (a WebCrypto key is converted once). */
const keyObjects = new WeakMap<object, KeyObject>();

export function keyObjectOf(key: Key): KeyObject {
  if (key instanceof KeyObject) return key;
  let object = keyObjects.get(key);
  if (!object) {
    object = KeyObject.from(key as webcrypto.CryptoKey);
    keyObjects.set(key, object);
  }
  return object;
}

/** The signature (base64url) of a JWS signing input `header.payload`. */
export function signEd25519(signingInput: string, privateKey: Key): string {
  return sign(null, Buffer.from(signingInput, 'ascii'), keyObjectOf(privateKey)).toString('base64url');
}

/** Whether `signature` (base64url) is the key's Ed25519 signature of `signingInput`; false for anything malformed. */
export function verifyEd25519(signingInput: string, signature: string, publicKey: Key): boolean {
  try {
    return verify(null, Buffer.from(signingInput, 'ascii'), keyObjectOf(publicKey), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

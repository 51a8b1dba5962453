import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { AGENCIES, AGENCY_DIRECTORY, type Agency, type Key } from '@jiefen/auth';
import { DEFAULT_BACKOFF, DEFAULT_DELIVERY_BATCH_SIZE, DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUESTS_IN_FLIGHT, type BackoffPolicy } from './delivery.js';
import { isAgency } from './envelope.js';
import { DEFAULT_INBOX_CONCURRENCY, DEFAULT_REPLAY_WINDOW_SECONDS, MAX_BATCH_EVENTS } from './inbox.js';
import { DEFAULT_REFERENCE_TIMEOUT_MS, DISPUTE_REFERENCES_PATH } from './references.js';
import { generateDockingKeyPair, importDockingKey, type DockingKeyRing } from './signing.js';

type Env = Record<string, string | undefined>;

export interface DockingSettings {
  endpoints: Record<Agency, string>;
  maxAttempts: number;
  backoff: BackoffPolicy;
  replayWindowSeconds: number;
  /** The hub's dispute lookup; when absent, `/references/disputes` beside the hub's event endpoint. */
  hubReferencesUrl?: string;
  /** Longest wait for the hub's answer to a lookup (default 5000 ms). */
  referenceTimeoutMs?: number;
  /**
   * Events this agency's inbox applies at once, whatever the requests they came in (default
   * {@link DEFAULT_INBOX_CONCURRENCY}); each holds one of the ORM's pooled connections meanwhile.
   */
  concurrency?: number;
  /** Events one delivery request carries at most (default {@link DEFAULT_DELIVERY_BATCH_SIZE}). */
  batchSize?: number;
  /** Delivery requests in flight to one recipient (default {@link DEFAULT_REQUESTS_IN_FLIGHT}). */
  requestsInFlight?: number;
}

/**
 * Where the hub answers dispute lookups: `hubReferencesUrl`, else the same origin as the hub's event
 * endpoint (so `GOVERNANCE_EVENTS_URL` alone configures both). Undefined when neither is known yet.
 */
export function hubReferencesUrlOf(settings: DockingSettings): string | undefined {
  if (settings.hubReferencesUrl) return settings.hubReferencesUrl;
  const events = settings.endpoints.GOVERNANCE as string | undefined;
  return events ? new URL(DISPUTE_REFERENCES_PATH, events).toString() : undefined;
}

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/**
 * Delivery settings from the environment:
 * - `<AGENCY>_EVENTS_URL` (e.g. `JUSTICE_EVENTS_URL=http://justice:4102/events`), else
 *   `http://127.0.0.1:<port>/events` on the agency directory's ports;
 * - `GOVERNANCE_REFERENCES_URL` (the hub's dispute lookup; default `/references/disputes` beside the
 *   hub's event endpoint), `JIEFEN_REFERENCE_TIMEOUT_MS` (5000);
 * - `JIEFEN_DOCKING_MAX_ATTEMPTS` (default 20), `JIEFEN_DOCKING_BACKOFF_MS` (first wait, 1000),
 *   `JIEFEN_DOCKING_BACKOFF_MAX_MS` (300000), `JIEFEN_DOCKING_REPLAY_WINDOW_SECONDS` (300);
 * - `JIEFEN_DOCKING_CONCURRENCY`: events the inbox applies at once (default 6; each takes one of
 *   the ORM's pooled connections while it applies);
 * - `JIEFEN_DOCKING_BATCH_SIZE`: events one delivery request carries at most (default 100, at most 500);
 * - `JIEFEN_DOCKING_REQUESTS_IN_FLIGHT`: delivery requests in flight to one recipient (default 4).
 */
export function dockingSettingsFromEnv(env: Env = process.env): DockingSettings {
  const endpoints = Object.fromEntries(AGENCIES.map((a) => [a, env[`${a}_EVENTS_URL`] ?? `http://127.0.0.1:${AGENCY_DIRECTORY[a].port}/events`])) as Record<
    Agency,
    string
  >;
  return {
    endpoints,
    maxAttempts: positive(env, 'JIEFEN_DOCKING_MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS),
    backoff: {
      ...DEFAULT_BACKOFF,
      initialMs: positive(env, 'JIEFEN_DOCKING_BACKOFF_MS', DEFAULT_BACKOFF.initialMs),
      maxMs: positive(env, 'JIEFEN_DOCKING_BACKOFF_MAX_MS', DEFAULT_BACKOFF.maxMs),
    },
    replayWindowSeconds: positive(env, 'JIEFEN_DOCKING_REPLAY_WINDOW_SECONDS', DEFAULT_REPLAY_WINDOW_SECONDS),
    ...(env.GOVERNANCE_REFERENCES_URL ? { hubReferencesUrl: env.GOVERNANCE_REFERENCES_URL } : {}),
    referenceTimeoutMs: positive(env, 'JIEFEN_REFERENCE_TIMEOUT_MS', DEFAULT_REFERENCE_TIMEOUT_MS),
    concurrency: Math.floor(positive(env, 'JIEFEN_DOCKING_CONCURRENCY', DEFAULT_INBOX_CONCURRENCY)),
    batchSize: Math.min(MAX_BATCH_EVENTS, Math.floor(positive(env, 'JIEFEN_DOCKING_BATCH_SIZE', DEFAULT_DELIVERY_BATCH_SIZE))),
    requestsInFlight: Math.floor(positive(env, 'JIEFEN_DOCKING_REQUESTS_IN_FLIGHT', DEFAULT_REQUESTS_IN_FLIGHT)),
  };
}

/** The signing keys of a federation: each agency's private key (only its own in production) and the public ring. */
export interface DockingKeys {
  privateKeys: Partial<Record<Agency, Key>>;
  keyRing: DockingKeyRing;
}

/**
 * Keys from the environment: `<AGENCY>_DOCKING_PRIVATE_KEY` (this agency's Ed25519 JWK) and
 * `JIEFEN_DOCKING_PUBLIC_KEYS` (a JSON object of public JWKs by agency).
 */
export async function dockingKeysFromEnv(env: Env = process.env): Promise<DockingKeys> {
  const privateKeys: Partial<Record<Agency, Key>> = {};
  for (const agency of AGENCIES) {
    const jwk = env[`${agency}_DOCKING_PRIVATE_KEY`];
    if (jwk) privateKeys[agency] = await importDockingKey(jwk);
  }
  const keyRing: DockingKeyRing = {};
  const ring = env.JIEFEN_DOCKING_PUBLIC_KEYS;
  if (ring) {
    for (const [agency, jwk] of Object.entries(JSON.parse(ring) as Record<string, JWK>)) {
      if (!isAgency(agency)) throw new Error(`JIEFEN_DOCKING_PUBLIC_KEYS: unknown agency ${agency}`);
      keyRing[agency] = await importDockingKey(jwk);
    }
  }
  return { privateKeys, keyRing };
}

/** Development keys for all six agencies in `<dir>/docking-keys.json` (under `.data/`, never committed), created on first use. */
export async function loadOrCreateDevDockingKeys(dir: string): Promise<DockingKeys> {
  const file = join(dir, 'docking-keys.json');
  let stored = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<Agency, { privateJwk: JWK; publicJwk: JWK }>,
    () => null,
  );
  if (!stored) {
    const created: Partial<Record<Agency, { privateJwk: JWK; publicJwk: JWK }>> = {};
    for (const agency of AGENCIES) {
      const { privateJwk, publicJwk } = await generateDockingKeyPair();
      created[agency] = { privateJwk, publicJwk };
    }
    stored = created as Record<Agency, { privateJwk: JWK; publicJwk: JWK }>;
    await mkdir(dir, { recursive: true });
    await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const keys: DockingKeys = { privateKeys: {}, keyRing: {} };
  for (const agency of AGENCIES) {
    keys.privateKeys[agency] = await importDockingKey(stored[agency].privateJwk);
    keys.keyRing[agency] = await importDockingKey(stored[agency].publicJwk);
  }
  return keys;
}

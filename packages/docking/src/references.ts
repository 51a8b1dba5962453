import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Agency, Key } from '@jiefen/auth';
import { isUuid, referenceOwnerUnavailable, type DisputeReference, type References } from '@jiefen/subgraph-kit';
import { HUB } from './envelope.js';
import { jsonLogger, type DockingLogger } from './log.js';
import { REFERENCE_TYP, SIGNATURE_HEADER, SignatureError, signDelivery, verifyDelivery, type DockingKeyRing } from './signing.js';

/** Where the hub answers dispute lookups (beside its `/events`). */
export const DISPUTE_REFERENCES_PATH = '/references/disputes';
/** Most ids one lookup may ask about. */
export const MAX_REFERENCE_IDS = 100;
/** Default wait for the hub's answer before the reference is reported unverifiable. */
export const DEFAULT_REFERENCE_TIMEOUT_MS = 5000;

/** The body of a lookup and of its answer (only the ids that exist come back). */
export interface DisputeLookupRequest {
  disputes: string[];
}
export interface DisputeLookupAnswer {
  disputes: DisputeReference[];
}

export interface ReferenceHandlerOptions {
  /** This agency (the owner of the records): the signature must be addressed to it. */
  agency: Agency;
  keyRing: DockingKeyRing;
  replayWindowSeconds: number;
  /** The owner's answer: the disputes among `ids` that exist. */
  disputes: (ids: readonly string[]) => Promise<DisputeReference[]>;
  log?: DockingLogger;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * `POST /references/disputes` of the owning agency: answers, for a list of ids, which disputes exist
 * and their region. Only federation members may ask: the request is signed like a docking event
 * (Ed25519, addressed to the owner, fresh) but with its own `typ`, so neither signature serves the
 * other. Read-only, so a replay inside the window learns nothing new.
 */
export function createReferenceHandler(options: ReferenceHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const log = options.log ?? jsonLogger;
  return async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > 64 * 1024) return send(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' } });
        chunks.push(chunk as Buffer);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers[SIGNATURE_HEADER];
      const asker = await verifyDelivery(body, typeof header === 'string' ? header : undefined, {
        keyRing: options.keyRing,
        recipient: options.agency,
        windowSeconds: options.replayWindowSeconds,
        typ: REFERENCE_TYP,
      });
      let ids: unknown;
      try {
        ids = (JSON.parse(body) as Partial<DisputeLookupRequest>).disputes;
      } catch {
        ids = undefined;
      }
      if (!Array.isArray(ids) || ids.length > MAX_REFERENCE_IDS || !ids.every((id) => typeof id === 'string' && isUuid(id))) {
        return send(res, 400, { error: { code: 'BAD_REQUEST', message: `disputes 须为至多 ${MAX_REFERENCE_IDS} 个纠纷编号(UUID)` } });
      }
      const found = await options.disputes((ids as string[]).map((id) => id.toLowerCase()));
      log({ level: 'info', message: 'reference lookup answered', agency: options.agency, asker, asked: ids.length, found: found.length });
      send(res, 200, { disputes: found.map(({ id, regionCode }) => ({ id, regionCode })) } satisfies DisputeLookupAnswer);
    } catch (error) {
      if (error instanceof SignatureError) {
        log({ level: 'warn', message: 'reference lookup refused', agency: options.agency, code: error.problem });
        return send(res, 401, { error: { code: error.problem, message: error.message } });
      }
      log({ level: 'error', message: 'reference lookup failed', agency: options.agency, error: String(error) });
      send(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' } });
    }
  };
}

export interface HubReferencesOptions {
  /** The asking agency: it signs with its docking key. */
  agency: Agency;
  privateKey: Key;
  /** The hub's lookup URL, read at each call (test stacks learn it once the hub has started); undefined: no hub configured. */
  url: () => string | undefined;
  timeoutMs?: number;
  log?: DockingLogger;
}

/**
 * `ctx.references` of an agency: asks the hub over signed HTTP. Any failure to get an answer (no hub
 * configured, network error, timeout, refusal, bad answer) is `SUBGRAPH_UNAVAILABLE` naming the hub
 * and logged: a reference is never taken on trust.
 */
export function createHubReferences(options: HubReferencesOptions): References {
  const log = options.log ?? jsonLogger;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REFERENCE_TIMEOUT_MS;
  return {
    async disputes(ids) {
      const result = new Map<string, DisputeReference>();
      if (ids.length === 0) return result;
      const url = options.url();
      const fail = (reason: string): never => {
        log({ level: 'error', message: 'reference lookup failed', agency: options.agency, owner: HUB, reason });
        throw referenceOwnerUnavailable(HUB);
      };
      if (!url) return fail('no hub URL configured');
      const body = JSON.stringify({ disputes: [...ids] } satisfies DisputeLookupRequest);
      let answer: unknown;
      try {
        const signature = await signDelivery(body, { from: options.agency, recipient: HUB, privateKey: options.privateKey, typ: REFERENCE_TYP });
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status !== 200) return fail(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
        answer = await response.json();
      } catch (error) {
        return fail(String(error));
      }
      const disputes = (answer as Partial<DisputeLookupAnswer> | null)?.disputes;
      if (!Array.isArray(disputes)) return fail('malformed answer');
      for (const d of disputes) {
        if (typeof d?.id === 'string' && typeof d.regionCode === 'string') result.set(d.id.toLowerCase(), { id: d.id.toLowerCase(), regionCode: d.regionCode });
      }
      return result;
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import { isDatabaseUnavailable } from '@jiefen/subgraph-kit';
import { contentHash, envelopeProblem, HUB, type DockingEvent } from './envelope.js';
import { jsonLogger, type DockingLogger } from './log.js';
import { SIGNATURE_HEADER, SignatureError, verifyDelivery, type DockingKeyRing } from './signing.js';

/** Default largest distance between a delivery's signing time and the receiver's clock (5 min). */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

export interface EventHandlerOptions<E = DockingEvent> {
  orm: MikroORM;
  /** This agency: only events addressed to it (or, for the hub, copied to it) are accepted. */
  agency: Agency;
  /** Public keys of the senders. */
  keyRing: DockingKeyRing;
  /** The business effect, in the same transaction as the inbox row; throwing rolls both back (500, retried). */
  apply: (em: EntityManager, event: E) => Promise<void>;
  /**
   * Checks the payload against the contract before anything is written (agencies use
   * `decodeDockingEvent`); a problem is a permanent refusal (422 `BAD_PAYLOAD`). Without it the
   * envelope's payload is handed over as it came.
   */
  decode?: (event: DockingEvent) => { event: E; problem?: undefined } | { event?: undefined; problem: string };
  /** Signatures older (or newer) than this are refused as replays (default {@link DEFAULT_REPLAY_WINDOW_SECONDS}). */
  replayWindowSeconds?: number;
  /** Largest body accepted, in bytes (default 256 KiB). */
  bodyLimitBytes?: number;
  log?: DockingLogger;
}

/**
 * What the receiver answers. 200 `applied` / `already-applied`; 409 `OUT_OF_ORDER` (retryable:
 * an earlier event of the stream is missing); 401 signature problems and 422 replays with other
 * content (permanent refusals); 400 malformed events.
 */
export type InboxAnswer = InboxAcceptance | InboxRefusal;
export interface InboxAcceptance {
  status: 200;
  body: { status: 'applied' | 'already-applied'; eventId: string };
}
export type InboxRefusal = { status: 400 | 401 | 409 | 413 | 422 | 500 | 503; body: { error: { code: string; message: string; expected?: number } } };

class Refusal extends Error {
  constructor(
    readonly status: 400 | 401 | 409 | 413 | 422,
    readonly code: string,
    message: string,
    readonly expected?: number,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Refusal(413, 'PAYLOAD_TOO_LARGE', `请求体过大(上限 ${limit} 字节)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Row = Record<string, unknown>;

/**
 * The receiving side of the protocol as a plain Node handler, for the `POST /events` route of
 * `createHttpApp`. It verifies the signature, then in ONE transaction locks the stream's cursor,
 * records the event id in the inbox, checks the sequence is the next one and calls `apply`.
 */
export function createEventHandler<E = DockingEvent>(options: EventHandlerOptions<E>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const log = options.log ?? jsonLogger;
  const windowSeconds = options.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  const limit = options.bodyLimitBytes ?? 256 * 1024;

  async function receive(req: IncomingMessage): Promise<InboxAcceptance> {
    const body = await readBody(req, limit);
    const header = req.headers[SIGNATURE_HEADER];
    const signer = await verifyDelivery(body, typeof header === 'string' ? header : undefined, {
      keyRing: options.keyRing,
      recipient: options.agency,
      windowSeconds,
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new Refusal(400, 'BAD_EVENT', '事件不是合法的 JSON');
    }
    const problem = envelopeProblem(parsed);
    if (problem) throw new Refusal(400, 'BAD_EVENT', `事件格式不正确:${problem}`);
    const event = parsed as DockingEvent;
    if (event.from !== signer) throw new SignatureError('BAD_SIGNATURE', '事件的发送方与签名方不一致');
    if (event.to !== options.agency && options.agency !== HUB) throw new Refusal(422, 'WRONG_RECIPIENT', '事件不是发给本部门的');
    const hash = contentHash(event);
    const decoded = options.decode ? options.decode(event) : { event: event as E };
    if (decoded.problem !== undefined) throw new Refusal(422, 'BAD_PAYLOAD', `事件内容不符合对接约定:${decoded.problem}`);

    return options.orm.em.fork().transactional(async (em) => {
      const sql = <T extends Row>(query: string, params: unknown[]) => em.getConnection().execute<T[]>(query, params, 'all', em.getTransactionContext());
      // One statement creates the stream's cursor or locks the existing one (the no-op update takes
      // the row lock) and reads it: the lock serializes deliveries of one stream, and what is read
      // after it is committed state.
      const [cursor] = await sql<{ last_sequence: number }>(
        `insert into docking_inbox_cursor (from_agency, to_agency, docking_id, last_sequence) values (?, ?, ?, 0)
         on conflict (from_agency, to_agency, docking_id) do update set last_sequence = docking_inbox_cursor.last_sequence
         returning last_sequence`,
        [event.from, event.to, event.dockingId],
      );
      const [known] = await sql<{ content_hash: string }>(`select content_hash from docking_inbox where event_id = ?`, [event.id]);
      if (known) {
        if (known.content_hash === hash) return { status: 200, body: { status: 'already-applied', eventId: event.id } } as const;
        throw new Refusal(422, 'EVENT_ID_REUSED', '同一事件编号的内容与已应用的不同(疑似重放篡改),已拒绝');
      }
      const expected = cursor.last_sequence + 1;
      if (event.sequence < expected) throw new Refusal(422, 'SEQUENCE_REUSED', `该对接的第 ${event.sequence} 号事件已由另一事件占用,已拒绝`);
      if (event.sequence > expected) throw new Refusal(409, 'OUT_OF_ORDER', `请先发送第 ${expected} 号事件`, expected);
      await sql(
        `insert into docking_inbox (event_id, type, from_agency, to_agency, docking_id, sequence, content_hash, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?::timestamptz)`,
        [event.id, event.type, event.from, event.to, event.dockingId, event.sequence, hash, new Date(event.occurredAt).toISOString()],
      );
      await sql(`update docking_inbox_cursor set last_sequence = ? where from_agency = ? and to_agency = ? and docking_id = ?`, [
        event.sequence,
        event.from,
        event.to,
        event.dockingId,
      ]);
      await options.apply(em, decoded.event);
      return { status: 200, body: { status: 'applied', eventId: event.id } } as const;
    });
  }

  return async (req, res) => {
    let answer: InboxAnswer;
    try {
      const received = await receive(req);
      if (received.body.status === 'applied') {
        log({ level: 'info', message: 'docking event applied', agency: options.agency, eventId: received.body.eventId });
      }
      answer = received;
    } catch (error) {
      if (error instanceof SignatureError) {
        answer = { status: 401, body: { error: { code: error.problem, message: error.message } } };
      } else if (error instanceof Refusal) {
        answer = {
          status: error.status,
          body: { error: { code: error.code, message: error.message, ...(error.expected ? { expected: error.expected } : {}) } },
        };
      } else if (isDatabaseUnavailable(error)) {
        // Nothing was applied (the transaction did not commit, or the sender's retry will find it
        // applied): 503 tells the sender to retry, and to wait for this agency's /ready first.
        log({ level: 'warn', message: 'docking event not applied: database unavailable', agency: options.agency, error: String(error) });
        answer = { status: 503, body: { error: { code: 'DATABASE_UNAVAILABLE', message: '本部门数据库暂时不可用,请稍后重发' } } };
      } else {
        log({ level: 'error', message: 'docking event handler failed', agency: options.agency, error: String(error) });
        answer = { status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' } } };
      }
      if (answer.status !== 409 && answer.status < 500) {
        log({ level: 'warn', message: 'docking event refused', agency: options.agency, status: answer.status, code: answer.body.error.code });
      }
    }
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import { DomainError, isDatabaseUnavailable, retryConflicts } from '@jiefen/subgraph-kit';
import { contentHash, envelopeProblem, HUB, type DockingEvent } from './envelope.js';
import { jsonLogger, type DockingLogger } from './log.js';
import { BATCH_TYP, claimedTyp, EVENT_TYP, SIGNATURE_HEADER, SignatureError, verifySigned, type DockingKeyRing } from './signing.js';

/** Default largest distance between a delivery's signing time and the receiver's clock (5 min). */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;
/** Events the inbox applies at once by default, whatever the requests they came in (each in a transaction of its own). */
export const DEFAULT_INBOX_CONCURRENCY = 6;
/** Most events one batch may carry. */
export const MAX_BATCH_EVENTS = 500;

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
  /** Largest body of one event, in bytes (default 256 KiB). */
  bodyLimitBytes?: number;
  /** Largest body of a batch, in bytes (default 8 MiB). */
  batchBodyLimitBytes?: number;
  /**
   * Events applied at once, across all requests (default {@link DEFAULT_INBOX_CONCURRENCY}); each
   * holds one of the ORM's pooled connections while it applies, so keep it below the pool's size
   * (the rest serve GraphQL meanwhile).
   */
  concurrency?: number;
  log?: DockingLogger;
}

/**
 * What the receiver answers for one event. 200 `applied` / `already-applied`; 409 `OUT_OF_ORDER`
 * (retryable: an earlier event of the stream is missing); 401 signature problems and 422 replays
 * with other content (permanent refusals); 400 malformed events; 500 / 503 (retryable).
 */
export type InboxAnswer = InboxAcceptance | InboxRefusal;
export interface InboxAcceptance {
  status: 200;
  body: { status: 'applied' | 'already-applied'; eventId: string };
}
export type InboxRefusal = { status: 400 | 401 | 409 | 413 | 422 | 500 | 503; body: { error: { code: string; message: string; expected?: number } } };

/**
 * The answer to a batch (HTTP 200 once its signature and shape are good): one result per event, in
 * the order sent. `status: null` — not attempted, because an earlier event of its stream in the
 * same batch was not applied (order); the sender keeps it for later, no attempt counted.
 */
export interface BatchAnswer {
  results: BatchResult[];
}
export type BatchResult = (InboxAnswer & { eventId: string | null }) | { eventId: string | null; status: null };

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

/** An event checked before anything is written: its envelope, signer, recipient and payload. */
interface Checked<E> {
  event: DockingEvent;
  decoded: E;
  hash: string;
}

/** Runs at most `n` of the functions given at once; the others wait their turn, first come first served. */
function limiter(n: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active < n) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot goes to the next in line, or is freed.
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/** The stream an event belongs to (events of one stream apply in order, one at a time). */
function streamKeyOf(value: unknown, index: number): string {
  const e = (value ?? {}) as Record<string, unknown>;
  return typeof e.from === 'string' && typeof e.to === 'string' && typeof e.dockingId === 'string' ? `${e.from} ${e.to} ${e.dockingId}` : `#${index}`;
}

/**
 * The receiving side of the protocol as a plain Node handler, for the `POST /events` route of
 * `createHttpApp`. It verifies the signature, then for each event, in ONE transaction of its own,
 * moves the stream's cursor from the previous sequence (its row lock orders the stream), records
 * the event id in the inbox — one statement — and calls `apply`. The body is one event (signature `typ` {@link EVENT_TYP}) or a batch
 * `{ "events": [...] }` ({@link BATCH_TYP}, what the delivery worker sends): the batch's streams are
 * applied at once, each stream's events in order, stopping at the first that is not applied; the
 * answer has one result per event ({@link BatchAnswer}). At most `concurrency` events apply at once,
 * whatever the requests they came in.
 */
export function createEventHandler<E = DockingEvent>(options: EventHandlerOptions<E>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const log = options.log ?? jsonLogger;
  const windowSeconds = options.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  const limit = options.bodyLimitBytes ?? 256 * 1024;
  const batchLimit = options.batchBodyLimitBytes ?? 8 * 1024 * 1024;
  const slot = limiter(Math.max(1, options.concurrency ?? DEFAULT_INBOX_CONCURRENCY));

  /** The checks that need no database; a problem is a permanent refusal of this event. */
  function check(value: unknown, signer: Agency): Checked<E> {
    const problem = envelopeProblem(value);
    if (problem) throw new Refusal(400, 'BAD_EVENT', `事件格式不正确:${problem}`);
    const event = value as DockingEvent;
    if (event.from !== signer) throw new SignatureError('BAD_SIGNATURE', '事件的发送方与签名方不一致');
    if (event.to !== options.agency && options.agency !== HUB) throw new Refusal(422, 'WRONG_RECIPIENT', '事件不是发给本部门的');
    const hash = contentHash(event);
    const decoded = options.decode ? options.decode(event) : { event: event as E };
    if (decoded.problem !== undefined) throw new Refusal(422, 'BAD_PAYLOAD', `事件内容不符合对接约定:${decoded.problem}`);
    return { event, decoded: decoded.event, hash };
  }

  /**
   * Applies one checked event in a transaction of its own (or finds it applied). A transaction
   * PostgreSQL aborted over a conflict (a deadlock with another event's or a mutation's locks) is
   * run again, from a fresh entity manager, as the kit's mutations are (`retryConflicts`): nothing of
   * it committed, so the event is applied once.
   */
  function applyOne(checked: Checked<E>): Promise<InboxAcceptance> {
    return retryConflicts(options.orm.em.fork(), (root) => applyIn(root, checked), {
      onConflict: (error, attempt, retrying) =>
        log({
          level: 'warn',
          message: 'docking event transaction aborted over a conflict',
          agency: options.agency,
          eventId: checked.event.id,
          attempt,
          retrying,
          error: String(error),
        }),
    });
  }

  function applyIn(root: EntityManager, { event, decoded, hash }: Checked<E>): Promise<InboxAcceptance> {
    return root.transactional(async (em) => {
      const sql = <T extends Row>(query: string, params: unknown[]) => em.getConnection().execute<T[]>(query, params, 'all', em.getTransactionContext());
      const stream = [event.from, event.to, event.dockingId];
      // The common case in ONE statement: the event is its stream's next one. The stream's cursor
      // moves from sequence − 1 (its row lock serializes the stream's deliveries: one that waited
      // for it reads the row again and finds it moved) or, for a stream's first event, is created
      // at 1 (a concurrent creator waits on the key, then finds it taken); the event is recorded
      // only when the cursor moved.
      const [next] = await sql<{ advanced: boolean; recorded: boolean }>(
        `with moved as (
           update docking_inbox_cursor set last_sequence = ?
            where from_agency = ? and to_agency = ? and docking_id = ? and last_sequence = ? returning 1),
         created as (
           insert into docking_inbox_cursor (from_agency, to_agency, docking_id, last_sequence)
           select ?, ?, ?, 1 where ?::int = 1 and not exists (select 1 from moved)
           on conflict do nothing returning 1),
         recorded as (
           insert into docking_inbox (event_id, type, from_agency, to_agency, docking_id, sequence, content_hash, occurred_at)
           select ?, ?, ?, ?, ?, ?, ?, ?::timestamptz where exists (select 1 from moved) or exists (select 1 from created)
           on conflict do nothing returning 1)
         select exists (select 1 from moved) or exists (select 1 from created) as advanced, exists (select 1 from recorded) as recorded`,
        [
          event.sequence,
          ...stream,
          event.sequence - 1,
          ...stream,
          event.sequence,
          event.id,
          event.type,
          ...stream,
          event.sequence,
          hash,
          new Date(event.occurredAt).toISOString(),
        ],
      );
      if (next.recorded) {
        await options.apply(em, decoded);
        return { status: 200, body: { status: 'applied', eventId: event.id } } as const;
      }
      // Otherwise (rare): a redelivery, a replay, an event ahead of its predecessor, or the id taken
      // on another stream. Read in a statement of its own (a snapshot taken after any wait above).
      const [state] = await sql<{ last_sequence: number | null; known: string | null }>(
        `select (select last_sequence from docking_inbox_cursor where from_agency = ? and to_agency = ? and docking_id = ?) as last_sequence,
                (select content_hash from docking_inbox where event_id = ?) as known`,
        [...stream, event.id],
      );
      const known = state.known;
      // The cursor moved but the id is taken (on another stream): refused, which rolls the move back.
      if (next.advanced) {
        if (known !== null && known !== hash) throw new Refusal(422, 'EVENT_ID_REUSED', '同一事件编号的内容与已应用的不同(疑似重放篡改),已拒绝');
        throw new Refusal(409, 'EVENT_ID_CONFLICT', '同一事件编号正由另一请求写入,请稍后重发');
      }
      if (known === hash) return { status: 200, body: { status: 'already-applied', eventId: event.id } } as const;
      if (known !== null) throw new Refusal(422, 'EVENT_ID_REUSED', '同一事件编号的内容与已应用的不同(疑似重放篡改),已拒绝');
      const expected = (state.last_sequence ?? 0) + 1;
      if (event.sequence > expected) throw new Refusal(409, 'OUT_OF_ORDER', `请先发送第 ${expected} 号事件`, expected);
      throw new Refusal(422, 'SEQUENCE_REUSED', `该对接的第 ${event.sequence} 号事件已由另一事件占用,已拒绝`);
    });
  }

  /** What a failure means for the sender, logged as the receiver sees it. */
  function answerOf(error: unknown): InboxRefusal {
    let answer: InboxRefusal;
    if (error instanceof SignatureError) {
      answer = { status: 401, body: { error: { code: error.problem, message: error.message } } };
    } else if (error instanceof Refusal) {
      answer = {
        status: error.status,
        body: { error: { code: error.code, message: error.message, ...(error.expected ? { expected: error.expected } : {}) } },
      };
    } else if (DomainError.is(error) && error.code === 'CONFLICT') {
      // Every attempt was aborted over a conflict and rolled back: the sender tries again later.
      answer = { status: 503, body: { error: { code: 'CONFLICT', message: '数据正被其他操作同时修改,本事件未应用,请稍后重发' } } };
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
    return answer;
  }

  /** One event, checked and applied (when a slot is free); never throws. */
  async function receiveOne(value: unknown, signer: Agency): Promise<InboxAnswer> {
    try {
      const checked = check(value, signer);
      const received = await slot(() => applyOne(checked));
      if (received.body.status === 'applied') {
        log({ level: 'info', message: 'docking event applied', agency: options.agency, eventId: received.body.eventId });
      }
      return received;
    } catch (error) {
      return answerOf(error);
    }
  }

  /** A batch: its streams at once (events taking the inbox's slots in turn), each stream's events in order up to the first not applied. */
  async function receiveBatch(values: unknown[], signer: Agency): Promise<BatchAnswer> {
    const results: BatchResult[] = values.map((value) => ({
      eventId: typeof (value as DockingEvent)?.id === 'string' ? (value as DockingEvent).id : null,
      status: null,
    }));
    const streams = new Map<string, number[]>();
    values.forEach((value, index) => {
      const key = streamKeyOf(value, index);
      streams.set(key, [...(streams.get(key) ?? []), index]);
    });
    await Promise.all(
      [...streams.values()].map(async (stream) => {
        for (const index of stream) {
          const answer = await receiveOne(values[index], signer);
          results[index] = { ...answer, eventId: results[index]!.eventId };
          if (answer.status !== 200) break; // the rest of the stream stays `null`: held back
        }
      }),
    );
    return { results };
  }

  async function receive(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const header = req.headers[SIGNATURE_HEADER];
    const signature = typeof header === 'string' ? header : undefined;
    // The claimed purpose only picks the body limit; the signature check below decides.
    const batch = claimedTyp(signature) === BATCH_TYP;
    const body = await readBody(req, batch ? batchLimit : limit);
    const { signer, typ } = await verifySigned(body, signature, {
      keyRing: options.keyRing,
      recipient: options.agency,
      windowSeconds,
      typ: [EVENT_TYP, BATCH_TYP],
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new Refusal(400, 'BAD_EVENT', '事件不是合法的 JSON');
    }
    if (typ !== BATCH_TYP) return receiveOne(parsed, signer);
    const events = (parsed as { events?: unknown } | null)?.events;
    if (!Array.isArray(events) || Object.keys(parsed as object).length !== 1) throw new Refusal(400, 'BAD_BATCH', '批量事件须为 { "events": [...] }');
    if (events.length === 0 || events.length > MAX_BATCH_EVENTS) throw new Refusal(400, 'BAD_BATCH', `一批须有 1–${MAX_BATCH_EVENTS} 个事件`);
    return { status: 200, body: await receiveBatch(events, signer) };
  }

  return async (req, res) => {
    let answer: { status: number; body: unknown };
    try {
      answer = await receive(req);
    } catch (error) {
      answer = answerOf(error);
    }
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  };
}

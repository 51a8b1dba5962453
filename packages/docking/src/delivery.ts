import type { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import type { Agency, Key } from '@jiefen/auth';
import { canonicalJson, isAgency, type DockingEvent } from './envelope.js';
import type { BatchAnswer, BatchResult } from './inbox.js';
import { jsonLogger, type DockingLogger } from './log.js';
import { OUTBOX_CHANNEL } from './outbox.js';
import { BATCH_TYP, SIGNATURE_HEADER, signDelivery } from './signing.js';
import type { DeliveryState } from './entities/index.js';

/** Retry policy: exponential backoff, `initialMs · factor^(attempt−1)`, capped, with jitter. */
export interface BackoffPolicy {
  /** Wait after the first failed attempt (default 1 s). */
  initialMs: number;
  /** Growth per attempt (default 2). */
  factor: number;
  /** Longest wait (default 5 min). */
  maxMs: number;
  /** Fraction of the wait taken off at random, so that senders do not retry in lockstep (default 0.2). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, factor: 2, maxMs: 5 * 60_000, jitter: 0.2 };
/** With the default backoff, 20 attempts span about an hour and a quarter before an event is dead. */
export const DEFAULT_MAX_ATTEMPTS = 20;
/**
 * Events one request carries at most. A burst of hand-overs is many streams of one event each
 * (every hand-over opens two: the counterpart and the hub); sent one request per event, each costs
 * the sender a handful of statements and a signature and the receiver a request and a signature
 * check. Batched, the cost is per request: the more a burst queues, the larger the next batch
 * (BENCHMARKS.md, "The hand-over path").
 */
export const DEFAULT_DELIVERY_BATCH_SIZE = 100;
/**
 * Requests in flight to one recipient. One at a time, a batch waits for the previous answer and
 * the receiver idles between them; a few keep it busy, each with other streams (measured:
 * BENCHMARKS.md).
 */
export const DEFAULT_REQUESTS_IN_FLIGHT = 4;
/** Bytes of events one request carries at most (a receiver accepts 8 MiB). */
export const MAX_DELIVERY_BATCH_BYTES = 1024 * 1024;

/**
 * Connections of the worker's pool: one per recipient being delivered to (held across its
 * requests, for the recipient's session advisory lock), some to write the answers of the requests
 * in flight, and a couple for the timer's look for due events and the probe. The LISTEN
 * connection is apart.
 */
export function poolSizeFor(recipients: number, requestsInFlight: number): number {
  return recipients + requestsInFlight + 2;
}

/** The wait before the attempt after `attempts` failed ones. */
export function backoffDelay(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempts - 1));
  return Math.round(base * (1 - policy.jitter * random()));
}

export interface DeliveryOptions {
  /** The sender's ORM: the worker connects to the same database (the outbox lives there). */
  orm: MikroORM;
  /** The sending agency (this subgraph). */
  agency: Agency;
  /** The agency's Ed25519 private key. */
  privateKey: Key;
  /** Event endpoint of each recipient, e.g. `{ GOVERNANCE: 'http://127.0.0.1:4101/events' }` (read at each request). */
  endpoints: Partial<Record<Agency, string>>;
  /** Attempts before an event is dead (default {@link DEFAULT_MAX_ATTEMPTS}). */
  maxAttempts?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Timeout of one request (default 30 s: a batch of many events). */
  requestTimeoutMs?: number;
  /** Events one request carries at most (default {@link DEFAULT_DELIVERY_BATCH_SIZE}). */
  batchSize?: number;
  /** Requests in flight to one recipient at once, each with other streams (default {@link DEFAULT_REQUESTS_IN_FLIGHT}). */
  requestsInFlight?: number;
  /**
   * How often the outbox is looked at for due events without a wake-up (default 2 s): covers a
   * notification lost while the LISTEN connection was down, and another instance that died.
   */
  pollIntervalMs?: number;
  /** @deprecated The worker has no sweep of its own any more; taken as `pollIntervalMs` when that is not given. */
  sweepIntervalMs?: number;
  /** @deprecated Not used: see `requestsInFlight` (and the receiver's `concurrency`). */
  concurrency?: number;
  /** @deprecated Not used (another instance delivering to a recipient is left to it; the timer looks again). */
  busyRetryMs?: number;
  /**
   * How often a recipient found down (no connection, or 5xx) is asked `GET /ready` (default 2 s).
   * When it answers again, its waiting streams are released at once instead of after their backoff.
   */
  probeIntervalMs?: number;
  /** First wait before reconnecting after the database went away (default 1 s, doubling up to 30 s). */
  restartDelayMs?: number;
  log?: DockingLogger;
}

export interface DeliveryWorker {
  /** Stops taking work, lets the requests in flight finish, closes its connections. */
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  event_id: string;
  recipient: Agency;
  type: string;
  docking_id: string;
  sequence: number;
  from_agency: Agency;
  to_agency: Agency;
  occurred_at: Date;
  payload: DockingEvent['payload'];
  state: DeliveryState;
  attempts: number;
}

type Outcome = { ok: true; status: number } | { ok: false; retry: boolean; error: string };

/** Status codes worth retrying: the receiver is busy, down, or wants an earlier event first. */
function retryable(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/** Settings of the ORM's connections the worker's connections take over: the timeouts toward PostgreSQL. */
const SHARED_PG_SETTINGS = [
  'connectionTimeoutMillis',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
  'query_timeout',
  'keepAlive',
] as const;

/** Connection settings of the ORM's database, with the ORM's timeouts (a frozen database fails a statement, it does not hang a delivery). */
function connectionOf(orm: MikroORM): pg.ClientConfig {
  const c = orm.config;
  const connection = (c.get('driverOptions') as { connection?: Record<string, unknown> } | undefined)?.connection ?? {};
  const shared = Object.fromEntries(SHARED_PG_SETTINGS.filter((key) => connection[key] !== undefined).map((key) => [key, connection[key]]));
  return {
    ...shared,
    host: c.get('host'),
    port: c.get('port'),
    user: c.get('user'),
    password: c.get('password') as string | undefined,
    database: c.get('dbName'),
  };
}

/**
 * A pool on the ORM's database. Invariant: every client of this pool has an `error` listener from
 * the moment it exists — a connection lost while idle (pool `error`) or while checked out (client
 * `error`, e.g. "Connection terminated unexpectedly" during a restart) is logged, never thrown
 * as an unhandled 'error' event that would end the process.
 */
function poolOf(orm: MikroORM, max: number, log: DockingLogger): pg.Pool {
  const pool = new pg.Pool({ ...connectionOf(orm), max });
  const onError = (error: Error) => log({ level: 'error', message: 'docking database connection error', error: String(error) });
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** Whether a failed attempt says the recipient itself is down (worth probing until it is back). */
function recipientDown(outcome: Outcome): boolean {
  return !outcome.ok && (outcome.error.startsWith('network:') || /^HTTP 5\d\d/.test(outcome.error));
}

/** The outcome of one event in a batch's answer; null: not attempted (held back behind an earlier event of its stream). */
function outcomeOf(result: BatchResult | undefined): Outcome | null {
  if (!result || result.status === null) return null;
  if (result.status === 200) return { ok: true, status: 200 };
  return { ok: false, retry: retryable(result.status), error: `HTTP ${result.status}: ${JSON.stringify(result.body).slice(0, 500)}` };
}

/** The stream of an outbox row (its events are delivered in sequence order, one at a time). */
const streamOf = (row: OutboxRow) => `${row.docking_id} ${row.to_agency}`;

/**
 * A recipient's events that may go now, oldest first: undelivered, not of a stream a request in
 * flight carries ($3, $4: docking ids and counterparts), and not behind an event of their stream
 * that is dead or waiting out a backoff (a stream never overtakes its head). Within a
 * stream, outbox ids grow with the sequence (publish), so id order is the stream's order and any
 * prefix of the result holds each stream's events from its head on.
 */
const DUE_EVENTS = `
  select o.id::text as id, o.event_id, o.recipient, o.type, o.docking_id, o.sequence, o.from_agency, o.to_agency,
         o.occurred_at, o.payload, o.state, o.attempts
    from docking_outbox o
   where o.recipient = $1 and o.state in ('PENDING', 'FAILING')
     and (o.docking_id, o.to_agency) not in (select * from unnest($3::text[], $4::text[]))
     and not exists (
       select 1 from docking_outbox b
        where b.recipient = o.recipient and b.docking_id = o.docking_id and b.to_agency = o.to_agency and b.sequence <= o.sequence
          and (b.state = 'DEAD' or (b.state = 'FAILING' and b.next_attempt_at > now())))
   order by o.id
   limit $2`;

/** Recipients with events that may go now (the timer's look, in case a wake-up was missed). */
const RECIPIENTS_DUE = `
  select distinct o.recipient from docking_outbox o
   where o.state in ('PENDING', 'FAILING')
     and not exists (
       select 1 from docking_outbox b
        where b.recipient = o.recipient and b.docking_id = o.docking_id and b.to_agency = o.to_agency and b.sequence <= o.sequence
          and (b.state = 'DEAD' or (b.state = 'FAILING' and b.next_attempt_at > now())))`;

/** Sleeps `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Starts the delivery worker of an agency: the relay of its transactional outbox. Each recipient's
 * due events go out in batches — one signed request (`{ "events": [...] }`) carries up to
 * `batchSize` events of many streams, in id order — up to `requestsInFlight` requests at once per
 * recipient, a stream in one of them at a time. Woken at
 * once by the outbox's notification at commit (LISTEN), else by a timer, a backoff ending or the
 * probe. Invariants:
 * - order: a stream's events go in sequence order, and an event not applied (refused, failed, or
 *   held back by the receiver behind it) stops its stream until it is delivered — the receiver
 *   also applies only the next sequence number;
 * - one deliverer per recipient: the worker holds a session advisory lock on (agency's outbox,
 *   recipient) while it delivers, so several instances never send one stream twice at once (the
 *   lock goes with the session if an instance dies);
 * - nothing lost: an event is `DELIVERED` only once the receiver answered that it is applied (or
 *   already was); any failure leaves it undelivered, and a retry finds it applied (idempotent inbox).
 */
export async function startDeliveryWorker(options: DeliveryOptions): Promise<DeliveryWorker> {
  const log = options.log ?? jsonLogger;
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_DELIVERY_BATCH_SIZE);
  const requestsInFlight = Math.max(1, options.requestsInFlight ?? DEFAULT_REQUESTS_IN_FLIGHT);
  const pollIntervalMs = options.pollIntervalMs ?? options.sweepIntervalMs ?? 2000;
  const restartDelayMs = options.restartDelayMs ?? 1000;
  // Five recipients at most: the other agencies.
  const pool = poolOf(options.orm, poolSizeFor(5, requestsInFlight), log);
  const lifetime = new AbortController();

  // ── One batch ──────────────────────────────────────────────────────────────────────────────
  function eventOf(row: OutboxRow): DockingEvent {
    return {
      id: row.event_id,
      type: row.type,
      dockingId: row.docking_id,
      sequence: row.sequence,
      from: row.from_agency,
      to: row.to_agency,
      occurredAt: row.occurred_at.toISOString(),
      payload: row.payload,
    };
  }

  /** Sends one batch; the outcome of each event (null: not attempted), or one outcome for all when the request itself failed. */
  async function post(recipient: Agency, rows: OutboxRow[]): Promise<(Outcome | null)[] | Outcome> {
    const url = options.endpoints[recipient];
    if (!url) return { ok: false, retry: true, error: `no event endpoint configured for ${recipient}` };
    const body = `{"events":[${rows.map((row) => canonicalJson(eventOf(row))).join(',')}]}`;
    const signature = await signDelivery(body, { from: options.agency, recipient, privateKey: options.privateKey, typ: BATCH_TYP });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) return { ok: false, retry: retryable(response.status), error: `HTTP ${response.status}: ${text.slice(0, 500)}` };
      let results: unknown;
      try {
        results = (JSON.parse(text) as Partial<BatchAnswer> | null)?.results;
      } catch {
        results = null;
      }
      if (!Array.isArray(results) || results.length !== rows.length)
        return { ok: false, retry: true, error: `HTTP ${response.status}: not an answer to this batch` };
      return (results as BatchResult[]).map(outcomeOf);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, retry: true, error: `network: ${cause?.code ?? cause?.message ?? String(error)}` };
    }
  }

  /**
   * Records a batch's outcomes — the delivered events in one statement, the failed ones in another
   * — and logs every change. An event after a failure in its stream is left as it was (the
   * receiver held it back, or would have: it was not attempted).
   */
  async function record(client: pg.Pool | pg.PoolClient, recipient: Agency, rows: OutboxRow[], outcomes: (Outcome | null)[] | Outcome): Promise<void> {
    const delivered: OutboxRow[] = [];
    const failed: { row: OutboxRow; outcome: Extract<Outcome, { ok: false }>; dead: boolean; nextAttemptAt: Date | null }[] = [];
    const stopped = new Set<string>();
    rows.forEach((row, i) => {
      const stream = streamOf(row);
      if (stopped.has(stream)) return;
      // A failed request: each stream's first event in the batch takes the failure.
      const outcome = Array.isArray(outcomes) ? outcomes[i] : outcomes;
      if (outcome === null || outcome === undefined) {
        stopped.add(stream);
        return;
      }
      if (outcome.ok) {
        delivered.push(row);
        return;
      }
      stopped.add(stream);
      const dead = !outcome.retry || row.attempts + 1 >= maxAttempts;
      failed.push({ row, outcome, dead, nextAttemptAt: dead ? null : new Date(Date.now() + backoffDelay(row.attempts + 1, policy)) });
    });
    if (delivered.length) {
      await client.query(
        `update docking_outbox set state = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), last_error = null, next_attempt_at = null, updated_at = now()
          where id = any($1::bigint[])`,
        [delivered.map((row) => row.id)],
      );
    }
    if (failed.length) {
      await client.query(
        `update docking_outbox o set state = f.state, attempts = o.attempts + 1, last_error = f.error, next_attempt_at = f.next_attempt_at, updated_at = now()
           from unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[]) as f(id, state, error, next_attempt_at)
          where o.id = f.id`,
        [failed.map((f) => f.row.id), failed.map((f) => (f.dead ? 'DEAD' : 'FAILING')), failed.map((f) => f.outcome.error), failed.map((f) => f.nextAttemptAt)],
      );
    }
    const logged = (row: OutboxRow) => ({
      agency: options.agency,
      eventId: row.event_id,
      type: row.type,
      recipient,
      dockingId: row.docking_id,
      to: row.to_agency,
      sequence: row.sequence,
    });
    for (const row of delivered) {
      log({
        level: 'info',
        message: 'docking event delivered',
        ...logged(row),
        state: 'DELIVERED',
        previous: row.state,
        attempts: row.attempts + 1,
        status: 200,
      });
    }
    for (const { row, outcome, dead, nextAttemptAt } of failed) {
      log({
        level: dead ? 'error' : 'warn',
        message: dead ? 'docking event dead' : 'docking event delivery failed',
        ...logged(row),
        state: dead ? 'DEAD' : 'FAILING',
        previous: row.state,
        attempts: row.attempts + 1,
        error: outcome.error,
        nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
      });
      if (recipientDown(outcome) && !down.has(recipient)) down.set(recipient, new Date());
      if (nextAttemptAt) wakeAt(recipient, nextAttemptAt);
    }
  }

  // ── Delivering to one recipient ────────────────────────────────────────────────────────────
  // One delivery per recipient at a time in this process; a wake-up meanwhile asks for another look
  // once the current one is done (`again`), so an event committed after the last look still goes.
  const delivering = new Map<Agency, Promise<void>>();
  const again = new Set<Agency>();

  function wake(recipient: Agency): void {
    if (lifetime.signal.aborted) return;
    if (delivering.has(recipient)) {
      again.add(recipient);
      return;
    }
    const run = deliverTo(recipient)
      .catch((error: unknown) => {
        // The database went away mid-delivery (nothing is lost: undelivered rows stay so). Look again later.
        log({ level: 'warn', message: 'docking delivery interrupted', agency: options.agency, recipient, error: String(error) });
        wakeAt(recipient, new Date(Date.now() + restartDelayMs));
      })
      .finally(() => {
        delivering.delete(recipient);
        if (again.delete(recipient)) wake(recipient);
      });
    delivering.set(recipient, run);
  }

  async function deliverTo(recipient: Agency): Promise<void> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const {
        rows: [lock],
      } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(hashtext('jiefen.docking.outbox'), hashtext($1)) as locked`, [recipient]);
      // Another instance delivers to this recipient: it is listening too; the timer looks again.
      if (!lock!.locked) return;
      // Requests in flight, and the streams they carry: a stream is in one request at a time (its
      // events after one not applied must wait for that answer), so each look leaves them out.
      const requests = new Set<Promise<void>>();
      const carried = new Map<string, { dockingId: string; to: Agency }>();
      try {
        for (;;) {
          while (!lifetime.signal.aborted && requests.size < requestsInFlight) {
            again.delete(recipient);
            const busy = [...carried.values()];
            const { rows } = await client.query<OutboxRow>(DUE_EVENTS, [recipient, batchSize, busy.map((s) => s.dockingId), busy.map((s) => s.to)]);
            if (rows.length === 0) break;
            let bytes = 0;
            const batch = rows.filter((row) => (bytes += JSON.stringify(row.payload).length + 300) <= MAX_DELIVERY_BATCH_BYTES || row === rows[0]);
            const streams = [...new Set(batch.map(streamOf))];
            batch.forEach((row) => carried.set(streamOf(row), { dockingId: row.docking_id, to: row.to_agency }));
            const request: Promise<void> = post(recipient, batch)
              .then((outcomes) => record(pool, recipient, batch, outcomes))
              .finally(() => {
                // Once its outcomes are written: a later look sees the stream as it now is.
                for (const stream of streams) carried.delete(stream);
                requests.delete(request);
              });
            requests.add(request);
            // Not full: nothing more is due right now, unless woken meanwhile.
            if (batch.length < batchSize && !again.has(recipient)) break;
          }
          if (requests.size === 0 && (lifetime.signal.aborted || !again.has(recipient))) return;
          // A request answered (or failed: thrown from here, after the others ended): look again.
          if (requests.size > 0) await Promise.race(requests);
        }
      } finally {
        await Promise.allSettled(requests);
        await client.query(`select pg_advisory_unlock(hashtext('jiefen.docking.outbox'), hashtext($1))`, [recipient]);
      }
    } catch (error) {
      // A session that cannot say "unlock" must not go back to the pool still holding the
      // recipient's lock (no one could deliver to it until it closed): it is destroyed, and
      // PostgreSQL frees the lock with the session.
      broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Looks for due events of every recipient (events whose wake-up was missed, backoffs that ended). */
  async function lookForDue(): Promise<void> {
    const { rows } = await pool.query<{ recipient: string }>(RECIPIENTS_DUE);
    for (const { recipient } of rows) if (isAgency(recipient)) wake(recipient);
  }

  // ── Timers: backoffs ending, and the periodic look ────────────────────────────────────────
  const timers = new Map<Agency, { at: number; timer: NodeJS.Timeout }>();
  function wakeAt(recipient: Agency, at: Date): void {
    if (lifetime.signal.aborted) return;
    const current = timers.get(recipient);
    if (current && current.at <= at.getTime()) return;
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(
      () => {
        timers.delete(recipient);
        wake(recipient);
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timer.unref();
    timers.set(recipient, { at: at.getTime(), timer });
  }

  let pollTimer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  function pollSoon(delayMs: number): void {
    if (lifetime.signal.aborted) return;
    pollTimer = setTimeout(() => {
      pollTimer = null;
      polling = lookForDue()
        .catch((error: unknown) => log({ level: 'warn', message: 'docking delivery look-up failed', agency: options.agency, error: String(error) }))
        .finally(() => {
          polling = null;
          pollSoon(pollIntervalMs);
        });
    }, delayMs);
    pollTimer.unref();
  }

  // ── Wake-ups: LISTEN on the outbox's channel, reconnected after the database went away ───────
  // Invariant: the listening client has an `error` listener from the moment it exists; a lost
  // connection is logged and replaced once the database answers (the timer covers the gap).
  let listener: pg.Client | null = null;
  let reconnecting: Promise<void> | null = null;
  async function listen(): Promise<void> {
    const client = new pg.Client(connectionOf(options.orm));
    client.on('error', (error) => {
      log({ level: 'error', message: 'docking job runner stopped', agency: options.agency, error: String(error) });
    });
    client.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL && isAgency(message.payload)) wake(message.payload);
    });
    client.on('end', () => {
      if (listener !== client || lifetime.signal.aborted) return;
      listener = null;
      reconnecting ??= reconnect().finally(() => {
        reconnecting = null;
      });
    });
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    listener = client;
  }
  async function reconnect(): Promise<void> {
    for (let delay = restartDelayMs; !lifetime.signal.aborted; delay = Math.min(delay * 2, 30_000)) {
      await pause(delay, lifetime.signal);
      if (lifetime.signal.aborted) return;
      try {
        await listen();
        log({ level: 'info', message: 'docking job runner restarted', agency: options.agency });
        // Events committed while nobody listened.
        await lookForDue();
        return;
      } catch (error) {
        log({
          level: 'warn',
          message: 'docking job runner restart failed, retrying',
          agency: options.agency,
          error: String(error),
          retryInMs: Math.min(delay * 2, 30_000),
        });
      }
    }
  }

  // ── Probing recipients that are down ───────────────────────────────────────────────────────────
  // A recipient that was down long enough sits in a long backoff (up to `backoff.maxMs`). Instead of
  // waiting it out, the worker asks the recipient's `/ready` every `probeIntervalMs`; the first
  // answer 2xx releases its waiting streams: FAILING events become due now and go at once.
  const down = new Map<Agency, Date>();
  const probeIntervalMs = options.probeIntervalMs ?? 2000;
  async function probe(): Promise<void> {
    for (const recipient of [...down.keys()]) {
      const url = options.endpoints[recipient];
      if (!url) continue;
      const answered = await fetch(new URL('ready', url), {
        signal: AbortSignal.any([lifetime.signal, AbortSignal.timeout(Math.max(probeIntervalMs, 1000))]),
      }).then(
        async (response) => {
          await response.body?.cancel();
          return response.ok;
        },
        () => false,
      );
      if (!answered || lifetime.signal.aborted) continue;
      down.delete(recipient);
      const { rowCount } = await pool.query(
        `update docking_outbox set next_attempt_at = now(), updated_at = now() where recipient = $1 and state = 'FAILING' and next_attempt_at > now()`,
        [recipient],
      );
      wake(recipient);
      log({ level: 'info', message: 'docking recipient is back, waiting streams released', agency: options.agency, recipient, events: rowCount ?? 0 });
    }
  }
  let probeTimer: NodeJS.Timeout | null = null;
  function probeSoon(): void {
    if (lifetime.signal.aborted) return;
    probeTimer = setTimeout(() => {
      probeTimer = null;
      probe()
        .catch((error: unknown) => log({ level: 'warn', message: 'docking recipient probe failed', agency: options.agency, error: String(error) }))
        .finally(probeSoon);
    }, probeIntervalMs);
    probeTimer.unref();
  }

  try {
    await listen();
    // What is waiting since before this start (a crash, a restart).
    await lookForDue();
  } catch (error) {
    lifetime.abort();
    // Assigned by listen() (a closure): the compiler's narrowing of `let` does not see it.
    await (listener as pg.Client | null)?.end().catch(() => undefined);
    await pool.end();
    throw error;
  }
  pollSoon(pollIntervalMs);
  probeSoon();

  return {
    async stop() {
      lifetime.abort();
      if (pollTimer) clearTimeout(pollTimer);
      if (probeTimer) clearTimeout(probeTimer);
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      const current = listener;
      listener = null;
      await current?.end().catch(() => undefined);
      await reconnecting;
      await polling;
      await Promise.allSettled([...delivering.values()]);
      await pool.end();
    },
  };
}

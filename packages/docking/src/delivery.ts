import { EventEmitter } from 'node:events';
import { Logger, run, runMigrations, type JobHelpers, type Runner, type WorkerEvents } from 'graphile-worker';
import type { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import type { Agency, Key } from '@jiefen/auth';
import { canonicalJson, type DockingEvent } from './envelope.js';
import { jsonLogger, type DockingLogger } from './log.js';
import { DELIVER_TASK, jobKeyOf, QUEUE_SCHEMA, type DeliverJob } from './outbox.js';
import { SIGNATURE_HEADER, signDelivery } from './signing.js';
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
 * Streams one worker delivers at once. A stream is one docking × recipient, delivered serially;
 * a burst of hand-overs is many streams (every hand-over opens two: the counterpart and the hub),
 * and each waits mostly on round trips (the queue, the receiver's transaction), so many more
 * streams in flight than cores pays: measured on a 2-core machine, a burst of 300 hand-overs
 * waited p50 8 s for delivery with 8 and 0.7 s with 32 (BENCHMARKS.md). A stream holds one pooled
 * connection while it delivers; the pool has {@link poolSizeFor} connections (mind the server's
 * max_connections: six agencies share it).
 */
export const DEFAULT_DELIVERY_CONCURRENCY = 32;

/**
 * Connections of the worker's pool: one per stream in flight (held across its POSTs, for the
 * stream's session advisory lock), the job queue's LISTEN connection, and a few for the queue's
 * own statements (taking and completing jobs), the sweep and the probe.
 */
export function poolSizeFor(concurrency: number): number {
  return concurrency + 4;
}

/** The wait before the attempt after `attempts` failed ones. */
export function backoffDelay(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempts - 1));
  return Math.round(base * (1 - policy.jitter * random()));
}

export interface DeliveryOptions {
  /** The sender's ORM: the worker connects to the same database (its job queue lives there). */
  orm: MikroORM;
  /** The sending agency (this subgraph). */
  agency: Agency;
  /** The agency's Ed25519 private key. */
  privateKey: Key;
  /** Event endpoint of each recipient, e.g. `{ GOVERNANCE: 'http://127.0.0.1:4101/events' }`. */
  endpoints: Partial<Record<Agency, string>>;
  /** Attempts before an event is dead (default {@link DEFAULT_MAX_ATTEMPTS}). */
  maxAttempts?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Timeout of one HTTP attempt (default 10 s). */
  requestTimeoutMs?: number;
  /** Streams delivered at once by this instance (default {@link DEFAULT_DELIVERY_CONCURRENCY}). */
  concurrency?: number;
  /** Fallback polling of the job queue; new jobs arrive by LISTEN/NOTIFY (default 2 s). */
  pollIntervalMs?: number;
  /** Wait before retrying a stream another instance is delivering (default 200 ms). */
  busyRetryMs?: number;
  /** How often undelivered streams are re-queued in case a wake-up was lost (default 5 s). */
  sweepIntervalMs?: number;
  /** Events sent per job before the stream is handed back to the queue (default 100). */
  batchSize?: number;
  /**
   * How often a recipient found down (no connection, or 5xx) is asked `GET /ready` (default 2 s).
   * When it answers again, its waiting streams are released at once instead of after their backoff.
   */
  probeIntervalMs?: number;
  /** First wait before restarting a job runner that died with the database (default 1 s, doubling up to 30 s). */
  restartDelayMs?: number;
  log?: DockingLogger;
}

export interface DeliveryWorker {
  /** Stops taking jobs, lets running deliveries finish, closes the connection pool. */
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
  next_attempt_at: Date | null;
}

type Outcome = { ok: true; status: number } | { ok: false; retry: boolean; error: string };

/** Status codes worth retrying: the receiver is busy, down, or wants an earlier event first. */
function retryable(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/** Settings of the ORM's connections the worker's pool takes over: the timeouts toward PostgreSQL. */
const SHARED_PG_SETTINGS = [
  'connectionTimeoutMillis',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
  'query_timeout',
  'keepAlive',
] as const;

/**
 * A pool on the ORM's database, with the ORM's timeouts (a frozen database fails a statement, it
 * does not hang a delivery). Invariant: every client of this pool has an `error` listener from the
 * moment it exists — a connection lost while idle (pool `error`) or while checked out (client
 * `error`, e.g. "Connection terminated unexpectedly" during a restart) is logged, never thrown
 * as an unhandled 'error' event that would end the process.
 */
function poolOf(orm: MikroORM, max: number, log: DockingLogger): pg.Pool {
  const c = orm.config;
  const connection = (c.get('driverOptions') as { connection?: Record<string, unknown> } | undefined)?.connection ?? {};
  const shared = Object.fromEntries(SHARED_PG_SETTINGS.filter((key) => connection[key] !== undefined).map((key) => [key, connection[key]]));
  const pool = new pg.Pool({
    ...shared,
    host: c.get('host'),
    port: c.get('port'),
    user: c.get('user'),
    password: c.get('password') as string | undefined,
    database: c.get('dbName'),
    max,
  });
  const onError = (error: Error) => log({ level: 'error', message: 'docking database connection error', error: String(error) });
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** Whether a failed attempt says the recipient itself is down (worth probing until it is back). */
function recipientDown(outcome: Outcome): boolean {
  return !outcome.ok && (outcome.error.startsWith('network:') || /^HTTP 5\d\d/.test(outcome.error));
}

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

function quietLogger(log: DockingLogger): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log({ level: level === 'error' ? 'error' : 'warn', message: `job queue: ${message}` });
  });
}

/** Installs (or upgrades) the job queue's schema in the sender's database; `publish` needs it. */
export async function installDeliveryQueue(orm: MikroORM, log: DockingLogger = jsonLogger): Promise<void> {
  const pgPool = poolOf(orm, 1, log);
  try {
    await runMigrations({ pgPool, schema: QUEUE_SCHEMA, logger: quietLogger(log) });
  } finally {
    await pgPool.end();
  }
}

/**
 * Starts the delivery worker of an agency. Each job delivers one stream (a docking's pending events
 * for one recipient) serially, in sequence order, stopping at the first failure — so a receiver
 * never sees event n+1 before event n from this sender. A PostgreSQL advisory lock held on a
 * session makes instances skip streams another instance is delivering (and is released if that
 * instance dies); the job queue itself hands jobs out with `FOR UPDATE SKIP LOCKED`.
 */
export async function startDeliveryWorker(options: DeliveryOptions): Promise<DeliveryWorker> {
  const log = options.log ?? jsonLogger;
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const busyRetryMs = options.busyRetryMs ?? 200;
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? DEFAULT_DELIVERY_CONCURRENCY;
  const pgPool = poolOf(options.orm, poolSizeFor(concurrency), log);

  async function post(event: DockingEvent, recipient: Agency, signal: AbortSignal): Promise<Outcome> {
    const url = options.endpoints[recipient];
    if (!url) return { ok: false, retry: true, error: `no event endpoint configured for ${recipient}` };
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: options.agency, recipient, privateKey: options.privateKey });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      const text = await response.text();
      if (response.ok) return { ok: true, status: response.status };
      return { ok: false, retry: retryable(response.status), error: `HTTP ${response.status}: ${text.slice(0, 500)}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, retry: true, error: `network: ${cause?.code ?? cause?.message ?? String(error)}` };
    }
  }

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

  async function reschedule(helpers: JobHelpers, job: DeliverJob, runAt: Date): Promise<void> {
    // The running job is locked, so this adds a fresh job under the stream's key ("replace": a
    // job a publisher added meanwhile takes this time, keeping the backoff).
    await helpers.addJob(DELIVER_TASK, job, { jobKey: jobKeyOf(job), jobKeyMode: 'replace', runAt });
  }

  async function deliverStream(job: DeliverJob, helpers: JobHelpers): Promise<void> {
    await helpers.withPgClient(async (client) => {
      const key = jobKeyOf(job);
      const {
        rows: [lock],
      } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(hashtext('jiefen.docking'), hashtext($1)) as locked`, [key]);
      if (!lock.locked) return reschedule(helpers, job, new Date(Date.now() + busyRetryMs));
      try {
        const { rows } = await client.query<OutboxRow>(
          `select * from docking_outbox where recipient = $1 and docking_id = $2 and state <> 'DELIVERED'
           order by to_agency, sequence limit $3`,
          [job.recipient, job.dockingId, batchSize + 1],
        );
        for (const [index, row] of rows.entries()) {
          if (index === batchSize) return reschedule(helpers, job, new Date());
          const logged = {
            agency: options.agency,
            eventId: row.event_id,
            type: row.type,
            recipient: row.recipient,
            dockingId: row.docking_id,
            to: row.to_agency,
            sequence: row.sequence,
          };
          if (row.state === 'DEAD') {
            // Later events of the stream wait: applying them would break the order.
            log({ level: 'warn', message: 'docking stream blocked by a dead event', ...logged });
            return;
          }
          if (row.next_attempt_at && row.next_attempt_at.getTime() > Date.now()) return reschedule(helpers, job, row.next_attempt_at);
          const outcome = await post(eventOf(row), row.recipient, helpers.abortSignal);
          if (recipientDown(outcome) && !down.has(row.recipient)) down.set(row.recipient, new Date());
          const attempts = row.attempts + 1;
          if (outcome.ok) {
            await client.query(
              `update docking_outbox set state = 'DELIVERED', attempts = $2, delivered_at = now(), last_error = null, next_attempt_at = null, updated_at = now() where id = $1`,
              [row.id, attempts],
            );
            log({ level: 'info', message: 'docking event delivered', ...logged, state: 'DELIVERED', previous: row.state, attempts, status: outcome.status });
            continue;
          }
          const dead = !outcome.retry || attempts >= maxAttempts;
          const nextAttemptAt = dead ? null : new Date(Date.now() + backoffDelay(attempts, policy));
          await client.query(`update docking_outbox set state = $2, attempts = $3, last_error = $4, next_attempt_at = $5, updated_at = now() where id = $1`, [
            row.id,
            dead ? 'DEAD' : 'FAILING',
            attempts,
            outcome.error,
            nextAttemptAt,
          ]);
          log({
            level: dead ? 'error' : 'warn',
            message: dead ? 'docking event dead' : 'docking event delivery failed',
            ...logged,
            state: dead ? 'DEAD' : 'FAILING',
            previous: row.state,
            attempts,
            error: outcome.error,
            nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
          });
          if (nextAttemptAt) await reschedule(helpers, job, nextAttemptAt);
          return;
        }
      } finally {
        try {
          await client.query(`select pg_advisory_unlock(hashtext('jiefen.docking'), hashtext($1))`, [key]);
        } catch (error) {
          // A session that cannot say "unlock" must not go back to the pool still holding the
          // stream's lock (no one could deliver the stream until it closed): close it; the pool
          // drops a closed client, and PostgreSQL frees the lock with the session.
          await (client as pg.Client).end().catch(() => undefined);
          throw error;
        }
      }
    });
  }

  // ── The job runner, supervised ────────────────────────────────────────────────────────────────
  // graphile-worker ends its runner when it cannot record a job's result (the database went away
  // mid-job: "Connection terminated unexpectedly", ECONNREFUSED). Invariant: the runner's promise
  // always has a handler here (an unobserved rejection ends the process), and a runner that ended
  // without `stop()` is started again once the database answers — jobs its workers held locked are
  // unlocked first, so their streams are not stuck for graphile-worker's 4-hour lock expiry.
  const lifetime = new AbortController();
  let runner: Runner | null = null;
  let recovery: Promise<void> | null = null;

  async function startRunner(): Promise<void> {
    const workerIds: string[] = [];
    const events = new EventEmitter() as WorkerEvents;
    events.on('worker:create', ({ worker }) => workerIds.push(worker.workerId));
    const started = await run({
      pgPool,
      schema: QUEUE_SCHEMA,
      concurrency,
      pollInterval: options.pollIntervalMs ?? 2000,
      noHandleSignals: true,
      logger: quietLogger(log),
      events,
      // Without batching, graphile-worker 0.17 records a job's result without awaiting it: a lost
      // connection at that moment is an unhandled rejection, which ends the process. Batched (even
      // with no delay), the failure goes to its error handler and ends only the runner — which
      // is then replaced below.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      taskList: { [DELIVER_TASK]: (payload, helpers) => deliverStream(payload as DeliverJob, helpers) },
    });
    runner = started;
    // The runner is given up as soon as it reports a fatal error or starts shutting down on its own:
    // its graceful shutdown may itself wait on the database, so its promise can settle much later
    // (or, with the server gone mid-shutdown, never). A replacement starts once the database
    // answers; the old one is killed in the background. Two runners overlapping for a moment is
    // safe: job locks and the per-stream advisory lock keep a stream with one deliverer.
    const abandon = (reason: string) => {
      if (lifetime.signal.aborted || runner !== started) return;
      runner = null;
      log({ level: 'error', message: 'docking job runner stopped', agency: options.agency, error: reason });
      started.kill().catch(() => undefined);
      recovery ??= recover(workerIds).finally(() => {
        recovery = null;
      });
    };
    events.on('pool:fatalError', ({ error, action }) => abandon(`${action}: ${String(error)}`));
    events.on('worker:fatalError', ({ error }) => abandon(String(error)));
    events.on('pool:gracefulShutdown', ({ message }) => abandon(message));
    started.promise.then(
      () => abandon('ended'),
      (error: unknown) => abandon(String(error)),
    );
  }

  async function recover(deadWorkerIds: string[]): Promise<void> {
    for (let delay = options.restartDelayMs ?? 1000; !lifetime.signal.aborted; delay = Math.min(delay * 2, 30_000)) {
      await pause(delay, lifetime.signal);
      if (lifetime.signal.aborted) return;
      try {
        await pgPool.query(`select ${QUEUE_SCHEMA}.force_unlock_workers($1::text[])`, [deadWorkerIds]);
        await startRunner();
        log({ level: 'info', message: 'docking job runner restarted', agency: options.agency });
        kickSweep();
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

  // ── Re-queuing streams ─────────────────────────────────────────────────────────────────────────
  // The streams that may need a job: undelivered events (PENDING / FAILING), no DEAD event holding
  // the stream back (an operator's redelivery queues it), and not being delivered at this moment
  // (its session advisory lock is free). The sweep also skips a stream whose job is already waiting.
  //
  // Invariant against the publish/sweep deadlock: the sweep never holds the lock of one stream's
  // job while waiting for another's. It used to call add_job for all streams in ONE statement
  // (`select add_job(…) from docking_outbox group by recipient, docking_id`), locking job rows in
  // the aggregate's order and keeping each lock to the end of the statement, while a publisher's
  // add_jobs locks the job rows of its docking (counterpart, hub) and keeps them to its commit:
  // publisher holds A, wants B; sweep holds B, wants A — "deadlock detected", and PostgreSQL
  // rolled back the user's business transaction. Now each stream is queued in a statement of its
  // own (autocommit), so the sweep waits for a publisher at most, and a publisher never waits for
  // the sweep while the sweep waits for it.
  async function queueStreams(options_: { recipient?: Agency; replace: boolean }): Promise<number> {
    const { rows } = await pgPool.query<{ recipient: Agency; docking_id: string; run_at: Date }>(
      `with streams as (
         select recipient, docking_id, greatest(now(), min(coalesce(next_attempt_at, now()))) as run_at,
                'docking:' || recipient || ':' || docking_id as key
           from docking_outbox
          where state in ('PENDING', 'FAILING') and ($1::text is null or recipient = $1)
          group by recipient, docking_id),
       delivering as materialized (
         select classid, objid from pg_locks
          where locktype = 'advisory' and objsubid = 2 and granted
            and database = (select oid from pg_database where datname = current_database())
            and classid = hashtext('jiefen.docking')::oid)
       select s.recipient, s.docking_id, s.run_at from streams s
        where not exists (select 1 from docking_outbox d where d.recipient = s.recipient and d.docking_id = s.docking_id and d.state = 'DEAD')
          and not exists (select 1 from delivering l where l.objid = hashtext(s.key)::oid)
          and ($2 or not exists (select 1 from ${QUEUE_SCHEMA}.jobs j where j.key = s.key and j.locked_at is null))
        order by s.recipient, s.docking_id`,
      [options_.recipient ?? null, options_.replace],
    );
    for (const row of rows) {
      const job: DeliverJob = { recipient: row.recipient, dockingId: row.docking_id };
      await pgPool.query(`select 1 from ${QUEUE_SCHEMA}.add_job($1, $2::json, run_at := $3, job_key := $4, job_key_mode := $5)`, [
        DELIVER_TASK,
        JSON.stringify(job),
        row.run_at,
        jobKeyOf(job),
        options_.replace ? 'replace' : 'preserve_run_at',
      ]);
    }
    return rows.length;
  }

  // Streams with undelivered events get a job again: at start (left by a crash or a restart), after
  // the runner is restarted, and every `sweepIntervalMs`, so an event whose wake-up was lost still
  // goes out. One sweep at a time: the next is scheduled when the last has finished.
  const sweepIntervalMs = options.sweepIntervalMs ?? 5000;
  let sweepTimer: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;
  function sweepSoon(delayMs: number): void {
    if (lifetime.signal.aborted) return;
    if (sweepTimer) clearTimeout(sweepTimer);
    sweepTimer = setTimeout(() => {
      sweepTimer = null;
      sweeping = queueStreams({ replace: false })
        .then(
          () => undefined,
          (error: unknown) => log({ level: 'warn', message: 'docking delivery sweep failed', agency: options.agency, error: String(error) }),
        )
        .finally(() => {
          sweeping = null;
          sweepSoon(sweepIntervalMs);
        });
    }, delayMs);
    sweepTimer.unref();
  }
  function kickSweep(): void {
    if (!sweeping) sweepSoon(0);
  }

  // ── Probing recipients that are down ───────────────────────────────────────────────────────────
  // A recipient that was down long enough sits in a long backoff (up to `backoff.maxMs`). Instead of
  // waiting it out, the worker asks the recipient's `/ready` every `probeIntervalMs`; the first
  // answer 2xx releases its waiting streams: FAILING events become due now and their jobs run now.
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
      const { rowCount } = await pgPool.query(
        `update docking_outbox set next_attempt_at = now(), updated_at = now() where recipient = $1 and state = 'FAILING' and next_attempt_at > now()`,
        [recipient],
      );
      const streams = await queueStreams({ recipient, replace: true });
      log({ level: 'info', message: 'docking recipient is back, waiting streams released', agency: options.agency, recipient, events: rowCount ?? 0, streams });
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

  await startRunner();
  try {
    await queueStreams({ replace: false });
  } catch (error) {
    await (runner as Runner | null)?.stop();
    await pgPool.end();
    throw error;
  }
  sweepSoon(sweepIntervalMs);
  probeSoon();

  return {
    async stop() {
      lifetime.abort();
      if (sweepTimer) clearTimeout(sweepTimer);
      if (probeTimer) clearTimeout(probeTimer);
      await recovery;
      await sweeping;
      // Assigned by startRunner (a closure): the compiler's narrowing of `let` does not see it.
      const current = runner as Runner | null;
      runner = null;
      await current
        ?.stop()
        .catch((error: unknown) => log({ level: 'warn', message: 'docking job runner did not stop cleanly', agency: options.agency, error: String(error) }));
      await pgPool.end();
    },
  };
}

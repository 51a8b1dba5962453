import { Logger, run, runMigrations, type JobHelpers, type Runner } from 'graphile-worker';
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
  /** Streams delivered at once by this instance (default 8). */
  concurrency?: number;
  /** Fallback polling of the job queue; new jobs arrive by LISTEN/NOTIFY (default 2 s). */
  pollIntervalMs?: number;
  /** Wait before retrying a stream another instance is delivering (default 200 ms). */
  busyRetryMs?: number;
  /** How often undelivered streams are re-queued in case a wake-up was lost (default 5 s). */
  sweepIntervalMs?: number;
  /** Events sent per job before the stream is handed back to the queue (default 100). */
  batchSize?: number;
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

/** A pool on the ORM's database, whose connection errors are logged instead of crashing the process. */
function poolOf(orm: MikroORM, max: number, log: DockingLogger): pg.Pool {
  const c = orm.config;
  const pool = new pg.Pool({ host: c.get('host'), port: c.get('port'), user: c.get('user'), password: c.get('password') as string | undefined, database: c.get('dbName'), max });
  const onError = (error: Error) => log({ level: 'error', message: 'docking database connection error', error: String(error) });
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
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
  const concurrency = options.concurrency ?? 8;
  const pgPool = poolOf(options.orm, concurrency * 2 + 2, log);

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
      const { rows: [lock] } = await client.query<{ locked: boolean }>(
        `select pg_try_advisory_lock(hashtext('jiefen.docking'), hashtext($1)) as locked`,
        [key],
      );
      if (!lock.locked) return reschedule(helpers, job, new Date(Date.now() + busyRetryMs));
      try {
        const { rows } = await client.query<OutboxRow>(
          `select * from docking_outbox where recipient = $1 and docking_id = $2 and state <> 'DELIVERED'
           order by to_agency, sequence limit $3`,
          [job.recipient, job.dockingId, batchSize + 1],
        );
        for (const [index, row] of rows.entries()) {
          if (index === batchSize) return reschedule(helpers, job, new Date());
          const logged = { agency: options.agency, eventId: row.event_id, type: row.type, recipient: row.recipient, dockingId: row.docking_id, to: row.to_agency, sequence: row.sequence };
          if (row.state === 'DEAD') {
            // Later events of the stream wait: applying them would break the order.
            log({ level: 'warn', message: 'docking stream blocked by a dead event', ...logged });
            return;
          }
          if (row.next_attempt_at && row.next_attempt_at.getTime() > Date.now()) return reschedule(helpers, job, row.next_attempt_at);
          const outcome = await post(eventOf(row), row.recipient, helpers.abortSignal);
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
          await client.query(
            `update docking_outbox set state = $2, attempts = $3, last_error = $4, next_attempt_at = $5, updated_at = now() where id = $1`,
            [row.id, dead ? 'DEAD' : 'FAILING', attempts, outcome.error, nextAttemptAt],
          );
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
        await client.query(`select pg_advisory_unlock(hashtext('jiefen.docking'), hashtext($1))`, [key]);
      }
    });
  }

  const runner: Runner = await run({
    pgPool,
    schema: QUEUE_SCHEMA,
    concurrency,
    pollInterval: options.pollIntervalMs ?? 2000,
    noHandleSignals: true,
    logger: quietLogger(log),
    taskList: { [DELIVER_TASK]: (payload, helpers) => deliverStream(payload as DeliverJob, helpers) },
  });

  // Streams with undelivered events get a job again: at start (left by a crash or a restart) and
  // then every `sweepIntervalMs`, so an event whose wake-up was lost (a job key replaced while the
  // stream's job was finishing) still goes out. A job already waiting keeps its time.
  const sweep = () =>
    pgPool.query(
      `select ${QUEUE_SCHEMA}.add_job($1, json_build_object('recipient', recipient, 'dockingId', docking_id),
         run_at := greatest(now(), min(coalesce(next_attempt_at, now()))),
         job_key := 'docking:' || recipient || ':' || docking_id, job_key_mode := 'preserve_run_at')
       from docking_outbox where state in ('PENDING', 'FAILING') group by recipient, docking_id`,
      [DELIVER_TASK],
    );
  await sweep();
  const sweeper = setInterval(() => {
    sweep().catch((error: unknown) => log({ level: 'warn', message: 'docking delivery sweep failed', agency: options.agency, error: String(error) }));
  }, options.sweepIntervalMs ?? 5000);
  sweeper.unref();

  return {
    async stop() {
      clearInterval(sweeper);
      await runner.stop();
      await pgPool.end();
    },
  };
}

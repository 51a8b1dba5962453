import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import type { DockingPayloads, KnownDockingEventType } from './contract.js';
import { recipientsOf, type DockingEvent, type DockingEventType, type Json } from './envelope.js';

/** Name of the graphile-worker task that delivers one stream. */
export const DELIVER_TASK = 'jiefen_docking_deliver';
/** PostgreSQL schema of the job queue, in the sender's own database. */
export const QUEUE_SCHEMA = 'graphile_worker';

/** What a service publishes: the id, sequence and time are assigned by {@link publish}. */
export interface PublishInput<T extends KnownDockingEventType = KnownDockingEventType> {
  type: T;
  dockingId: string;
  from: Agency;
  to: Agency;
  /** Checked by the compiler against the contract here, and by the receiver's decoder on arrival. */
  payload: DockingPayloads[T];
  occurredAt?: Date;
}

/** The protocol's view of an event to publish: any type, any JSON payload (agencies use {@link publish}). */
export interface EventToPublish {
  type: DockingEventType;
  dockingId: string;
  from: Agency;
  to: Agency;
  payload: { [key: string]: Json };
  occurredAt?: Date;
}

/** The job of one (recipient, docking): it delivers that docking's pending events to the recipient, in order. */
export interface DeliverJob {
  recipient: Agency;
  dockingId: string;
}

export function jobKeyOf(job: DeliverJob): string {
  return `docking:${job.recipient}:${job.dockingId}`;
}

type Row = Record<string, unknown>;

async function sql<T extends Row>(em: EntityManager, query: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(query, params, 'all', em.getTransactionContext());
}

/**
 * Publishes an event of the docking contract: the payload is typed by its event type, so a sender
 * cannot publish what receivers would refuse. See {@link publishEvent} for what it writes.
 */
export async function publish<T extends KnownDockingEventType>(em: EntityManager, input: PublishInput<T>): Promise<DockingEvent> {
  // Contract payloads are plain JSON data (strings, numbers, booleans, null, arrays, objects).
  return publishEvent(em, { ...input, payload: input.payload as { [key: string]: Json } });
}

/**
 * Publishes a docking event inside the caller's open transaction: assigns the next sequence of the
 * stream (docking × counterpart), writes one outbox row per recipient (the counterpart, and a copy
 * for the hub) and schedules their delivery. The business change and its event commit together;
 * a rollback emits nothing. Call it from a service, inside `em.transactional(...)`.
 */
export async function publishEvent(em: EntityManager, input: EventToPublish): Promise<DockingEvent> {
  if (!em.isInTransaction()) throw new Error('publish() must run inside the business transaction (em.transactional)');
  if (input.from === input.to) throw new Error('a docking event needs two different agencies');
  const [{ last_sequence: sequence }] = await sql<{ last_sequence: number }>(
    em,
    `insert into docking_outbox_sequence (from_agency, to_agency, docking_id, last_sequence) values (?, ?, ?, 1)
     on conflict (from_agency, to_agency, docking_id) do update set last_sequence = docking_outbox_sequence.last_sequence + 1
     returning last_sequence`,
    [input.from, input.to, input.dockingId],
  );
  const occurredAt = input.occurredAt ?? new Date();
  const event: DockingEvent = {
    id: randomUUID(),
    type: input.type,
    dockingId: input.dockingId,
    sequence,
    from: input.from,
    to: input.to,
    occurredAt: occurredAt.toISOString(),
    payload: input.payload,
  };
  const recipients = recipientsOf(input.from, input.to);
  await sql(
    em,
    `insert into docking_outbox (event_id, recipient, type, docking_id, sequence, from_agency, to_agency, occurred_at, payload)
     values ${recipients.map(() => '(?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::jsonb)').join(', ')}`,
    recipients.flatMap((recipient) => [
      event.id,
      recipient,
      event.type,
      event.dockingId,
      sequence,
      event.from,
      event.to,
      event.occurredAt,
      JSON.stringify(event.payload),
    ]),
  );
  // Scheduled in the same transaction: the jobs become visible (and their NOTIFY fires) at commit.
  // A job already waiting for a stream (in a backoff) keeps its time: the stream's head goes first.
  // The job rows stay locked until the business transaction ends; every writer of several stream
  // jobs at once takes them in job-key order, and the delivery sweep takes one at a time
  // (delivery.ts), so no two of them can wait for each other in a cycle.
  const jobs: DeliverJob[] = recipients.map((recipient) => ({ recipient, dockingId: event.dockingId })).sort((a, b) => (jobKeyOf(a) < jobKeyOf(b) ? -1 : 1));
  await sql(
    em,
    `select 1 from ${QUEUE_SCHEMA}.add_jobs(array[${jobs.map(() => `row(?, ?::json, null, null, null, ?, null, null)::${QUEUE_SCHEMA}.job_spec`).join(', ')}], true)`,
    jobs.flatMap((job) => [DELIVER_TASK, JSON.stringify(job), jobKeyOf(job)]),
  );
  return event;
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import type { DockingPayloads, KnownDockingEventType } from './contract.js';
import { recipientsOf, type DockingEvent, type DockingEventType, type Json } from './envelope.js';

/**
 * The channel a sender's outbox notifies at commit, one notification per recipient (the payload
 * names it): the delivery worker LISTENs on it and starts that recipient's delivery at once. A
 * wake-up only: the outbox rows are the truth, and the worker also looks for due rows on a timer.
 */
export const OUTBOX_CHANNEL = 'jiefen_docking_outbox';

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
 * for the hub) and notifies the delivery worker — in ONE statement. The business change and its
 * event commit together; a rollback emits nothing (PostgreSQL sends the notifications only at
 * commit, and gives the sequence number back with the row lock). Call it from a service, inside
 * `em.transactional(...)`.
 */
export async function publishEvent(em: EntityManager, input: EventToPublish): Promise<DockingEvent> {
  if (!em.isInTransaction()) throw new Error('publish() must run inside the business transaction (em.transactional)');
  if (input.from === input.to) throw new Error('a docking event needs two different agencies');
  const id = randomUUID();
  const occurredAt = (input.occurredAt ?? new Date()).toISOString();
  const recipients = recipientsOf(input.from, input.to);
  // The sequence row's lock (upsert) orders concurrent publishers of one stream and is held to the
  // end of the business transaction: event n+1 gets its number only after event n committed, so
  // within a stream the outbox ids grow with the sequence (the worker sends in id order).
  const [{ last_sequence: sequence }] = await sql<{ last_sequence: number }>(
    em,
    `with sequence as (
       insert into docking_outbox_sequence (from_agency, to_agency, docking_id, last_sequence) values (?, ?, ?, 1)
       on conflict (from_agency, to_agency, docking_id) do update set last_sequence = docking_outbox_sequence.last_sequence + 1
       returning last_sequence),
     written as (
       insert into docking_outbox (event_id, recipient, type, docking_id, sequence, from_agency, to_agency, occurred_at, payload)
       select ?::uuid, r.recipient, ?, ?, sequence.last_sequence, ?, ?, ?::timestamptz, ?::jsonb
         from sequence, unnest(array[${recipients.map(() => '?').join(', ')}]::text[]) as r(recipient)
       returning recipient)
     select sequence.last_sequence, (select count(pg_notify(?, written.recipient)) from written) as notified from sequence`,
    [
      input.from,
      input.to,
      input.dockingId,
      id,
      input.type,
      input.dockingId,
      input.from,
      input.to,
      occurredAt,
      JSON.stringify(input.payload),
      ...recipients,
      OUTBOX_CHANNEL,
    ],
  );
  return { id, type: input.type, dockingId: input.dockingId, sequence, from: input.from, to: input.to, occurredAt, payload: input.payload };
}

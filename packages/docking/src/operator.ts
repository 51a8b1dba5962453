import type { EntityManager } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import { DELIVERY_STATES, type DeliveryState } from './entities/index.js';
import { DELIVER_TASK, jobKeyOf, QUEUE_SCHEMA } from './outbox.js';

/** How many deliveries are in each state, overall and per recipient. */
export interface DeliveryCounts {
  total: Record<DeliveryState, number>;
  byRecipient: { recipient: Agency; state: DeliveryState; count: number }[];
}

/** One delivery (an event for one recipient) as operators see it. */
export interface DeliveryItem {
  id: string;
  eventId: string;
  type: string;
  dockingId: string;
  sequence: number;
  from: Agency;
  to: Agency;
  recipient: Agency;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Record<string, unknown>;

function sql<T extends Row>(em: EntityManager, query: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(query, params, 'all', em.getTransactionContext());
}

/** Counts of deliveries by state (`PENDING`, `DELIVERED`, `FAILING`, `DEAD`). */
export async function deliveryCounts(em: EntityManager): Promise<DeliveryCounts> {
  const rows = await sql<{ recipient: Agency; state: DeliveryState; count: string }>(
    em,
    `select recipient, state, count(*) as count from docking_outbox group by recipient, state order by recipient, state`,
  );
  const total = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
  const byRecipient = rows.map((r) => ({ recipient: r.recipient, state: r.state, count: Number(r.count) }));
  for (const r of byRecipient) total[r.state] += r.count;
  return { total, byRecipient };
}

export interface ListDeliveriesOptions {
  /** Default: the ones needing attention, `FAILING` and `DEAD`. */
  states?: DeliveryState[];
  recipient?: Agency;
  dockingId?: string;
  /** Default 50, at most 500. */
  limit?: number;
  /** Keyset paging: only rows with an id below this one. */
  beforeId?: string;
}

/** Deliveries in the given states, most recently changed first, with their last error. */
export async function listDeliveries(em: EntityManager, options: ListDeliveriesOptions = {}): Promise<DeliveryItem[]> {
  const states = options.states ?? ['FAILING', 'DEAD'];
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const where = [`state in (${states.map(() => '?').join(', ')})`];
  const params: unknown[] = [...states];
  const filters: [string, unknown][] = [
    ['recipient = ?', options.recipient],
    ['docking_id = ?', options.dockingId],
    ['id < ?', options.beforeId],
  ];
  for (const [condition, value] of filters) {
    if (value === undefined) continue;
    where.push(condition);
    params.push(value);
  }
  const rows = await sql<Row>(em, `select * from docking_outbox where ${where.join(' and ')} order by id desc limit ?`, [...params, limit]);
  return rows.map((r) => ({
    id: String(r.id),
    eventId: r.event_id as string,
    type: r.type as string,
    dockingId: r.docking_id as string,
    sequence: r.sequence as number,
    from: r.from_agency as Agency,
    to: r.to_agency as Agency,
    recipient: r.recipient as Agency,
    state: r.state as DeliveryState,
    attempts: r.attempts as number,
    lastError: (r.last_error as string | null) ?? null,
    nextAttemptAt: (r.next_attempt_at as Date | null) ?? null,
    deliveredAt: (r.delivered_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  }));
}

/**
 * Puts a dead delivery back in line (an operator fixed the cause: a key, an endpoint, the
 * receiver): attempts start again and its stream is scheduled now. Returns false when the row is
 * not dead. Runs in its own transaction when `em` has none.
 */
export async function redeliver(em: EntityManager, id: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const rows = await sql<{ recipient: Agency; docking_id: string }>(
      tx,
      `update docking_outbox set state = 'PENDING', attempts = 0, next_attempt_at = null, updated_at = now()
       where id = ? and state = 'DEAD' returning recipient, docking_id`,
      [id],
    );
    if (rows.length === 0) return false;
    const job = { recipient: rows[0].recipient, dockingId: rows[0].docking_id };
    await sql(tx, `select 1 from ${QUEUE_SCHEMA}.add_job(?, ?::json, job_key := ?, job_key_mode := 'replace')`, [DELIVER_TASK, JSON.stringify(job), jobKeyOf(job)]);
    return true;
  });
}

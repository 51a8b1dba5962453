import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import { DELIVERY_STATES, DockingOutboxEvent, type DeliveryState } from './entities/index.js';
import { DomainError } from '@jiefen/subgraph-kit';
import { OUTBOX_CHANNEL } from './outbox.js';

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
  /** Only these deliveries. */
  ids?: readonly string[];
}

/**
 * Deliveries in the given states, newest first, with their last error. Read through the entity
 * (not raw SQL): MikroORM's connection returns `timestamptz` columns as PostgreSQL text
 * ("2026-12-01 11:45:54.03+00"), which the GraphQL DateTime scalar refuses — the entity's
 * `datetime` properties come back as `Date`.
 */
export async function listDeliveries(em: EntityManager, options: ListDeliveriesOptions = {}): Promise<DeliveryItem[]> {
  const states = options.states ?? ['FAILING', 'DEAD'];
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const where: FilterQuery<DockingOutboxEvent> = { state: { $in: states } };
  if (options.recipient !== undefined) where.recipient = options.recipient;
  if (options.dockingId !== undefined) where.dockingId = options.dockingId;
  if (options.beforeId !== undefined) where.id = { $lt: options.beforeId };
  if (options.ids !== undefined) where.id = { ...(where.id as object | undefined), $in: [...options.ids] };
  const rows = await em.find(DockingOutboxEvent, where, { orderBy: { id: 'desc' }, limit, disableIdentityMap: true });
  return rows.map((r) => ({
    id: String(r.id),
    eventId: r.eventId,
    type: r.type,
    dockingId: r.dockingId,
    sequence: r.sequence,
    from: r.fromAgency,
    to: r.toAgency,
    recipient: r.recipient,
    state: r.state,
    attempts: r.attempts,
    lastError: r.lastError ?? null,
    nextAttemptAt: r.nextAttemptAt ?? null,
    deliveredAt: r.deliveredAt ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
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
    // The delivery worker's wake-up, sent at commit.
    await sql(tx, `select pg_notify(?, ?)`, [OUTBOX_CHANNEL, rows[0].recipient]);
    return true;
  });
}

/** Most deliveries one redelivery request may put back in line. */
export const REDELIVER_MAX = 100;

/**
 * Puts dead deliveries back in line, all or none (an operator fixed the cause and asks again):
 * every id must name a delivery of this agency that is `DEAD` — otherwise nothing changes and the
 * first offending id is reported (`NOT_FOUND`, or `ILLEGAL_TRANSITION` with its state). Attempts
 * start again and each affected stream is scheduled now. Returns the ids put back, in order.
 */
export async function redeliverDead(em: EntityManager, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) throw DomainError.validation('ids', '请至少指定一条投递');
  if (wanted.length > REDELIVER_MAX) throw DomainError.validation('ids', `一次最多重新投递 ${REDELIVER_MAX} 条`);
  const bad = wanted.find((id) => !/^[1-9]\d{0,17}$/.test(id));
  if (bad !== undefined) throw DomainError.validation('ids', `投递编号无效:${bad.slice(0, 40)}`);
  return em.transactional(async (tx) => {
    // Row locks in id order: two operators never wait on each other in a cycle.
    const rows = await sql<{ id: string; state: DeliveryState; recipient: Agency; docking_id: string }>(
      tx,
      `select id::text as id, state, recipient, docking_id from docking_outbox where id in (${wanted.map(() => '?').join(', ')}) order by id for update`,
      wanted,
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const missing = wanted.find((id) => !found.has(id));
    if (missing !== undefined) throw DomainError.notFound('对接事件投递', missing);
    const alive = rows.find((r) => r.state !== 'DEAD');
    if (alive) {
      throw new DomainError('ILLEGAL_TRANSITION', `投递(${alive.id})当前状态为 ${alive.state},只有已停止重试(DEAD)的投递可以重新投递`, {
        id: alive.id,
        from: alive.state,
        event: 'REDELIVER',
      });
    }
    await sql(
      tx,
      `update docking_outbox set state = 'PENDING', attempts = 0, next_attempt_at = null, updated_at = now() where id in (${wanted.map(() => '?').join(', ')})`,
      wanted,
    );
    // The delivery worker's wake-ups, sent at commit: one per recipient.
    for (const recipient of [...new Set(rows.map((r) => r.recipient))].sort()) await sql(tx, `select pg_notify(?, ?)`, [OUTBOX_CHANNEL, recipient]);
    return wanted;
  });
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import type { Json } from '../envelope.js';

/** Delivery states of one event to one recipient. */
export const DELIVERY_STATES = ['PENDING', 'DELIVERED', 'FAILING', 'DEAD'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * 对接事件发件箱 — one event for one recipient, written in the sender's business transaction
 * (`publish`), with its delivery state. The hub's copy is a second row with the same event id.
 */
@Entity({ tableName: 'docking_outbox' })
@Unique({ properties: ['eventId', 'recipient'] })
@Index({ properties: ['recipient', 'dockingId', 'toAgency', 'sequence'] })
@Index({ properties: ['state', 'id'] })
export class DockingOutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'uuid' })
  eventId!: string;

  /** Where this row is delivered: the counterpart (`toAgency`) or the hub. */
  @Property({ type: 'string', length: 20 })
  recipient!: Agency;

  @Property({ type: 'string', length: 64 })
  type!: string;

  @Property({ type: 'string', length: 64 })
  dockingId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 20 })
  fromAgency!: Agency;

  @Property({ type: 'string', length: 20 })
  toAgency!: Agency;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'json' })
  payload!: { [key: string]: Json };

  @Property({ type: 'string', length: 12, default: 'PENDING' })
  state!: DeliveryState & Opt;

  @Property({ type: 'integer', default: 0 })
  attempts!: number & Opt;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date & Opt;
}

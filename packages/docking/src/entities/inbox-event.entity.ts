import { Entity, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';

/**
 * 对接事件收件箱 — an event this agency applied, inserted in the same transaction as its effect.
 * The primary key makes a second application impossible; the hash tells a harmless redelivery
 * (same content) from a replay with changed content.
 */
@Entity({ tableName: 'docking_inbox' })
@Unique({ properties: ['fromAgency', 'toAgency', 'dockingId', 'sequence'] })
export class DockingInboxEvent {
  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 64 })
  type!: string;

  @Property({ type: 'string', length: 20 })
  fromAgency!: Agency;

  @Property({ type: 'string', length: 20 })
  toAgency!: Agency;

  @Property({ type: 'string', length: 64 })
  dockingId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  /** SHA-256 of the canonical event. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  appliedAt!: Date & Opt;
}

import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';

/**
 * The last sequence number a sender gave in one stream (docking × counterpart). Incremented with
 * an upsert inside `publish`, whose row lock orders concurrent publishers until they commit.
 */
@Entity({ tableName: 'docking_outbox_sequence' })
export class DockingOutboxSequence {
  [PrimaryKeyProp]?: ['fromAgency', 'toAgency', 'dockingId'];

  @PrimaryKey({ type: 'string', length: 20 })
  fromAgency!: Agency;

  @PrimaryKey({ type: 'string', length: 20 })
  toAgency!: Agency;

  @PrimaryKey({ type: 'string', length: 64 })
  dockingId!: string;

  @Property({ type: 'integer' })
  lastSequence!: number;
}

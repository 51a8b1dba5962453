import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';

/** The last sequence applied from one stream (sender × counterpart × docking); locked per event. */
@Entity({ tableName: 'docking_inbox_cursor' })
export class DockingInboxCursor {
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

import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** One event of a docking's conversation as the ledger applied it (DockingRequested, DockingAccepted …). */
@Entity({ tableName: 'docking_event' })
@Unique({ properties: ['dockingId', 'fromAgency', 'sequence'] })
export class DockingEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dockingId!: string;

  /** The agency that sent it: sequences count per sender (each side of the docking numbers its own events). */
  @Property({ type: 'string', length: 20 })
  fromAgency!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 40 })
  type!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'text' })
  summary!: string;
}

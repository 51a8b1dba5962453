import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** The sender's tiny business record (a transfer of a dispute). */
@Entity({ tableName: 'test_transfer' })
export class TestTransfer {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 64 })
  dockingId!: string;

  @Property({ type: 'string', length: 200 })
  summary!: string;
}

/** The receiver's effect: one row per applied event (so a second application shows up as a duplicate key or a second row). */
@Entity({ tableName: 'test_received' })
export class TestReceived {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 64 })
  dockingId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 64 })
  type!: string;
}

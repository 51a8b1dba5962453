import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** 办理过程 — the dispute's timeline: every step of its workflow, in order (the archive's 处置措施). */
@Entity({ tableName: 'dispute_activity' })
@Unique({ properties: ['disputeId', 'sequence'] })
export class DisputeActivity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  disputeId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  /** REGISTERED or the workflow event (ROUTE, NOTIFY, CHANGE_METHOD …). */
  @Property({ type: 'string', length: 30 })
  type!: string;

  @Property({ type: 'string', length: 30, nullable: true })
  fromStatus?: string | null;

  @Property({ type: 'string', length: 30 })
  toStatus!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'string', length: 100 })
  actorSubject!: string;

  @Property({ type: 'string', length: 50 })
  actorName!: string;

  @Property({ type: 'text' })
  summary!: string;
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/**
 * 督办事项 — a dispute or docking past its clock. One item per missed deadline (the unique key
 * makes the overdue scan idempotent); cleared once the subject is back within a clock or done.
 */
@Entity({ tableName: 'supervision_item' })
@Unique({ properties: ['subjectType', 'subjectId', 'dueAt'] })
@Index({ properties: ['status', 'regionCode'] })
@Index({ properties: ['createdAt', 'id'] })
export class SupervisionItem {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** DISPUTE or DOCKING. */
  @Property({ type: 'string', length: 10 })
  subjectType!: string;

  @Index()
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  /** The deadline that was missed. */
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'text' })
  reason!: string;

  /** Whose supervisors handle it: VILLAGE / TOWN / COUNTY (提级督办 raises it). */
  @Property({ type: 'string', length: 10 })
  level!: string;

  /** OPEN / CLEARED. */
  @Property({ type: 'string', length: 10 })
  status: string & Opt = 'OPEN';

  /** 催办次数. */
  @Property({ type: 'integer' })
  reminderCount: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  lastRemindedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastReminderNote?: string | null;

  @Property({ type: 'integer' })
  escalationCount: number & Opt = 0;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  clearedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

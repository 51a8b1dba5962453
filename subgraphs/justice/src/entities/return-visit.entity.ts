import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** 回访 — after conclusion (and for complex disputes), checking performance and satisfaction. */
@Entity({ tableName: 'return_visit' })
@Index({ properties: ['status', 'scheduledFor'] })
export class ReturnVisit {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid', nullable: true })
  agreementId?: string | null;

  /** AFTER_CONCLUSION / COMPLEX_DISPUTE. */
  @Property({ type: 'string', length: 30 })
  reason!: string;

  @Property({ type: 'date' })
  scheduledFor!: string;

  /** SCHEDULED / DONE. */
  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'SCHEDULED';

  @Property({ type: 'datetime', nullable: true })
  visitedAt?: Date | null;

  /** PHONE / IN_PERSON. */
  @Property({ type: 'string', length: 20, nullable: true })
  method?: string | null;

  @Property({ type: 'string', length: 30, nullable: true })
  performance?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  satisfaction?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  visitor?: string | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

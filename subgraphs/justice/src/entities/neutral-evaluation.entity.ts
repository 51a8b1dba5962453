import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** 中立评估 — an expert's opinion on the likely outcome, asked for during a mediation. */
@Entity({ tableName: 'neutral_evaluation' })
export class NeutralEvaluation {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  expertId!: string;

  @Property({ type: 'string', length: 50 })
  expertName!: string;

  @Property({ type: 'text' })
  question!: string;

  @Property({ type: 'datetime' })
  requestedAt!: Date;

  @Property({ type: 'text', nullable: true })
  opinion?: string | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** 一次调解 — one recorded mediation attempt at a tier (三三制 counts them). */
@Entity({ tableName: 'mediation_attempt' })
@Unique({ properties: ['disputeId', 'sequence'] })
export class MediationAttempt {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** 1, 2, 3 … over the dispute's whole life. */
  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 10 })
  tier!: string;

  @Property({ type: 'datetime' })
  attemptedAt!: Date;

  @Property({ type: 'string', length: 50 })
  mediatorName!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'string', length: 50 })
  recordedByName!: string;
}

import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 分层化解 — a dispute passed up a tier, with the attempts made below and any risk override. */
@Entity({ tableName: 'escalation' })
export class Escalation {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  @Property({ type: 'string', length: 10 })
  fromTier!: string;

  @Property({ type: 'string', length: 10 })
  toTier!: string;

  @Property({ type: 'integer' })
  attemptsAtFromTier!: number;

  /** Up before three attempts, justified by the risk level: the reason is mandatory then. */
  @Property({ type: 'boolean' })
  override!: boolean;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'string', length: 10 })
  riskLevel!: string;

  @Property({ type: 'datetime' })
  escalatedAt!: Date;

  @Property({ type: 'string', length: 50 })
  escalatedByName!: string;
}

import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** 预警 — raised by a rule when a dispute is registered or escalated, or by a person. */
@Entity({ tableName: 'risk_alert' })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'risk_alert_region_code_pattern_index',
  expression: 'create index "risk_alert_region_code_pattern_index" on "risk_alert" ("region_code" varchar_pattern_ops, "raised_at")',
})
@Index({ properties: ['status', 'level', 'regionCode'] })
@Index({ properties: ['raisedAt', 'id'] })
export class RiskAlert {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string', length: 10 })
  level!: string;

  /** PEOPLE_INVOLVED / REPEAT_PERSON / ESCALATION / SENSITIVE_CATEGORY / MANUAL. */
  @Property({ type: 'string', length: 20 })
  rule!: string;

  @Property({ type: 'text' })
  reason!: string;

  /** OPEN / HANDLED. */
  @Property({ type: 'string', length: 10 })
  status: string & Opt = 'OPEN';

  @Property({ type: 'datetime' })
  raisedAt!: Date;

  /** Who raised it by hand; null when a rule did. */
  @Property({ type: 'string', length: 50, nullable: true })
  raisedByName?: string | null;

  @Property({ type: 'datetime', nullable: true })
  handledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  handlingNote?: string | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

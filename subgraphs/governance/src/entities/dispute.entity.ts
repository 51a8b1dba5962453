import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 矛盾纠纷 — the unified record every channel registers once (统一受理). */
@Entity({ tableName: 'dispute' })
@Index({ properties: ['registeredAt', 'id'] })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'dispute_region_code_pattern_index',
  expression: 'create index "dispute_region_code_pattern_index" on "dispute" ("region_code" varchar_pattern_ops, "registered_at")',
})
@Index({ properties: ['status', 'registeredAt'] })
@Index({ properties: ['tier', 'registeredAt'] })
@Index({ properties: ['channel', 'registeredAt'] })
@Index({ properties: ['riskLevel', 'registeredAt'] })
export class Dispute {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** 统一编号: region + year + sequence. */
  @Unique()
  @Property({ type: 'string', length: 40 })
  number!: string;

  @Property({ type: 'string', length: 20 })
  category!: string;

  @Property({ type: 'string', length: 20 })
  channel!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'integer' })
  peopleInvolved!: number;

  @Property({ type: 'string', length: 10 })
  tier: string & Opt = 'VILLAGE';

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'REGISTERED';

  @Property({ type: 'string', length: 10 })
  riskLevel: string & Opt = 'LOW';

  @Property({ type: 'datetime' })
  registeredAt!: Date;

  /** 首接负责: who took the dispute in at the front desk. */
  @Property({ type: 'string', length: 100, nullable: true })
  firstContactSubject?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  firstContactName?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  firstContactOrganization?: string | null;

  /** 诉求 (for the archive 档案). */
  @Property({ type: 'text', nullable: true })
  claims?: string | null;

  /** When the current state (or tier) began: its clock runs from here. */
  @Property({ type: 'datetime', nullable: true })
  stateSince?: Date | null;

  /** When the current clock runs out (null once the procedure has ended); `overdue` filters on it. */
  @Index()
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  /** 研判分流: the responsible unit and why. */
  @Property({ type: 'string', length: 30, nullable: true })
  responsibleUnitKind?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  responsibleUnitName?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  responsibleUnitCode?: string | null;

  /** The department a dispute routed to a government department or a court is handed over to (分流转办 to an agency). */
  @Property({ type: 'string', length: 20, nullable: true })
  responsibleAgency?: string | null;

  @Property({ type: 'text', nullable: true })
  routingReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  routedAt?: Date | null;

  /** 化解方式; 动态调整 changes it (each change is in the timeline). */
  @Property({ type: 'string', length: 30, nullable: true })
  method?: string | null;

  /** 调解前置: CONSENTED or REFUSED, with the note taken. */
  @Property({ type: 'string', length: 10, nullable: true })
  consent?: string | null;

  @Property({ type: 'text', nullable: true })
  consentNote?: string | null;

  @Property({ type: 'datetime', nullable: true })
  consentAt?: Date | null;

  /** Attempts recorded at the current tier (三三制); an escalation resets it. */
  @Property({ type: 'integer' })
  attemptsAtTier: number & Opt = 0;

  /** Entries in the timeline so far (the next entry's sequence). */
  @Property({ type: 'integer' })
  timelineLength: number & Opt = 0;

  /** RESOLVED or UNRESOLVED, with the summary, when mediation ended. */
  @Property({ type: 'string', length: 12, nullable: true })
  outcome?: string | null;

  @Property({ type: 'text', nullable: true })
  outcomeSummary?: string | null;

  @Index()
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  /** 协调督办岗综合研判. */
  @Property({ type: 'text', nullable: true })
  reviewOpinion?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  reviewerName?: string | null;

  @Property({ type: 'datetime', nullable: true })
  reviewedAt?: Date | null;

  /** 结案意见. */
  @Property({ type: 'text', nullable: true })
  closingOpinion?: string | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** 对接台账 — the hub's ledger entry for one hand-over between agencies, built from docking events. */
@Entity({ tableName: 'docking' })
@Index({ properties: ['sentAt', 'id'] })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'docking_region_code_pattern_index',
  expression: 'create index "docking_region_code_pattern_index" on "docking" ("region_code" varchar_pattern_ops, "sent_at")',
})
@Index({ properties: ['kind', 'sentAt'] })
@Index({ properties: ['status', 'sentAt'] })
export class Docking {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** COURT 诉调 / POLICE 公调 / PROCURATORATE 检调 / PETITION 访调 / LEGAL_AID 援调. */
  @Property({ type: 'string', length: 20 })
  kind!: string;

  /** ENTRUST 委派 / COMMISSION 委托 / TRANSFER 移交 / REFERRAL 转介. */
  @Property({ type: 'string', length: 20 })
  mode!: string;

  @Property({ type: 'string', length: 20 })
  status!: string;

  @Property({ type: 'string', length: 20 })
  fromAgency!: string;

  @Property({ type: 'string', length: 20 })
  toAgency!: string;

  @Index()
  @Property({ type: 'string', length: 40 })
  fromOrganizationCode!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  fromOrganizationName?: string | null;

  @Index()
  @Property({ type: 'string', length: 40, nullable: true })
  toOrganizationCode?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  toOrganizationName?: string | null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  sentAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptBy?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  concludeBy?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  confirmBy?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  concludedAt?: Date | null;

  /** SETTLED / NOT_SETTLED / TERMINATED. */
  @Property({ type: 'string', length: 20, nullable: true })
  outcome?: string | null;

  @Property({ type: 'text', nullable: true })
  outcomeSummary?: string | null;

  /** The clock running now (accept, conclude or feed back); null when none does. `overdue` filters on it. */
  @Index()
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  /** Sequence of the last event applied (events of one docking apply in order). */
  @Property({ type: 'integer' })
  lastSequence: number & Opt = 0;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 调解案件 — a dispute in a people's mediation organization's hands, from its inbox to conclusion. */
@Entity({ tableName: 'mediation_case' })
@Index({ properties: ['receivedAt', 'id'] })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'mediation_case_region_code_pattern_index',
  expression: 'create index "mediation_case_region_code_pattern_index" on "mediation_case" ("region_code" varchar_pattern_ops, "received_at")',
})
@Index({ properties: ['organizationCode', 'status', 'receivedAt'] })
@Index({ properties: ['status', 'dueAt'] })
export class MediationCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The hub's dispute this case belongs to (another agency's id: no foreign key). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  /** The hub dispute's 统一编号, once the hub answered (a direct application reported, or a hand-over sent without a dispute). */
  @Property({ type: 'string', length: 40, nullable: true })
  disputeNumber?: string | null;

  /** The docking (对接) that brought the case, kept in the hub's ledger: one case per docking. */
  @Unique()
  @Property({ type: 'uuid', nullable: true })
  dockingId?: string | null;

  /** The agency that sent the docking (POLICE, COURT …): acceptance, rejection and outcome are fed back to it. */
  @Property({ type: 'string', length: 20, nullable: true })
  dockingFrom?: string | null;

  /** The sender's record number (警情编号, 案号 …), so both sides can refer to the same matter. */
  @Property({ type: 'string', length: 60, nullable: true })
  sourceNumber?: string | null;

  /** The sending unit, e.g. 兴化市公安局戴南派出所. */
  @Property({ type: 'string', length: 100, nullable: true })
  sourceUnitName?: string | null;

  /** 调解案号, e.g. 兴司调〔2026〕0123号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  caseNumber!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  /** The organization's credit code, copied so record rules filter in SQL without a join. */
  @Property({ type: 'string', length: 18 })
  organizationCode!: string;

  /** The committee or stationed room that mediates, e.g. 戴南镇人民调解委员会. */
  @Property({ type: 'string', length: 100 })
  organizationName!: string;

  /** Set on acceptance. */
  @Property({ type: 'uuid', nullable: true })
  mediatorId?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  mediatorName?: string | null;

  /** How the case reached mediation: applied for, screened, or sent by court, police, procuratorate, petition office, legal aid. */
  @Property({ type: 'string', length: 30 })
  source!: string;

  /** 委派 / 委托 / 移交 / 转介, when it came through a docking: decides the clock. */
  @Property({ type: 'string', length: 20, nullable: true })
  mode?: string | null;

  /** For 委托 (post-filing) cases: the court's procedure (ORDINARY 15 days, SUMMARY 7 days). */
  @Property({ type: 'string', length: 20, nullable: true })
  procedure?: string | null;

  @Property({ type: 'string', length: 20 })
  category!: string;

  @Property({ type: 'text' })
  summary!: string;

  /** 调解方式, adjusted as the case goes (动态调整). */
  @Property({ type: 'string', length: 30 })
  method: string & Opt = 'PEOPLES_MEDIATION';

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'PENDING';

  /** Set when the case is concluded. */
  @Property({ type: 'string', length: 20, nullable: true })
  outcome?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  rejectionReason?: string | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  conclusionNote?: string | null;

  /** Told of arbitration, administrative and judicial remedies when mediation failed (人民调解法 Art 26). */
  @Property({ type: 'boolean', nullable: true })
  partiesInformedOfLitigation?: boolean | null;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  /** Conclude-by (the clock), extended only with the parties' recorded consent. */
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  concludedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

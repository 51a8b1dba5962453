import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 法院案件 — a civil case the court received, before or after filing (立案). */
@Entity({ tableName: 'court_case' })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'court_case_region_code_pattern_index',
  expression: 'create index "court_case_region_code_pattern_index" on "court_case" ("region_code" varchar_pattern_ops, "received_at")',
})
@Index({ properties: ['receivedAt', 'id'] })
@Index({ properties: ['mediationSentAt', 'id'] })
@Index({ properties: ['mediationDueAt', 'id'] })
export class CourtCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /**
   * The hub's dispute this case belongs to (another agency's id: no foreign key): given at intake
   * (verified at the hub), or answered by the hub after the case was reported (一案一号); null until then.
   */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId!: string | null;

  /** The hub dispute's 统一编号, once the hub answered a report of the case. */
  @Property({ type: 'string', length: 40, nullable: true })
  disputeNumber?: string | null;

  /** 案号, e.g. (2026)苏1281民诉前调123号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  caseNumber!: string;

  @Property({ type: 'string', length: 100 })
  cause!: string;

  /** 纠纷类别 of the hub's list (Chinese name) given at 收案; sent with the 委派/委托 hand-over. */
  @Property({ type: 'string', length: 20, nullable: true })
  category?: string | null;

  @Property({ type: 'string', length: 20 })
  stage: string & Opt = 'PRE_FILING';

  /** See `court-case.workflow.ts`. */
  @Property({ type: 'string', length: 30 })
  status: string & Opt = 'RECEIVED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  /** 原告 / 被告 — personal data, masked outside the court. */
  @Property({ type: 'string', length: 50, nullable: true })
  plaintiffName?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  plaintiffIdNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  plaintiffPhone?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  defendantName?: string | null;

  /** 委派 pre-filing diversion, kept for the indicators whatever happens later. */
  @Index()
  @Property({ type: 'datetime', nullable: true })
  divertedAt?: Date | null;

  /** Outcome of the pre-filing mediation: SUCCEEDED or FAILED. */
  @Property({ type: 'string', length: 20, nullable: true })
  preFilingOutcome?: string | null;

  @Property({ type: 'datetime', nullable: true })
  preFilingOutcomeAt?: Date | null;

  /**
   * 委派 (DELEGATED, pre-filing) or 委托 (ENTRUSTED, during litigation), while or after mediation.
   * The hand-over itself (organization, docking id, acceptance, refusal) is the docking package's
   * outgoing docking of the case (`docking_outgoing`, record type `CourtCase`).
   */
  @Property({ type: 'string', length: 20, nullable: true })
  mediationMode?: string | null;

  @Property({ type: 'datetime', nullable: true })
  mediationSentAt?: Date | null;

  /** Set while a mediation runs; cleared when its outcome comes back. */
  @Property({ type: 'datetime', nullable: true })
  mediationDueAt?: Date | null;

  /** SUCCEEDED or FAILED. */
  @Property({ type: 'string', length: 20, nullable: true })
  mediationOutcome?: string | null;

  @Property({ type: 'datetime', nullable: true })
  mediationOutcomeAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  mediationOutcomeNote?: string | null;

  /** The mediation agreement's id on the justice side, when mediation succeeded. */
  @Property({ type: 'uuid', nullable: true })
  agreementId?: string | null;

  /** ORDINARY or SUMMARY, once filed. */
  @Property({ type: 'string', length: 10, nullable: true })
  procedure?: string | null;

  /** 立案案号, e.g. (2026)苏1281民初1234号. */
  @Unique()
  @Property({ type: 'string', length: 60, nullable: true })
  filingNumber?: string | null;

  @Index()
  @Property({ type: 'datetime', nullable: true })
  filedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { ReconciliationFacts } from '../domain/reconciliation.rules.js';

/** 检察案件 — a criminal reconciliation (刑事和解) or civil supervision (民事监督) case the procuratorate received. */
@Entity({ tableName: 'procuratorate_case' })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'procuratorate_case_region_code_pattern_index',
  expression: 'create index "procuratorate_case_region_code_pattern_index" on "procuratorate_case" ("region_code" varchar_pattern_ops, "received_at")',
})
@Index({ properties: ['receivedAt', 'id'] })
@Index({ properties: ['referredAt', 'id'] })
export class ProcuratorateCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /**
   * The hub's dispute this case belongs to (another agency's id: no foreign key); null for a case
   * taken in at the procuratorate's own door until the hub answers with its dispute.
   */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  /** The hub dispute's 统一编号, once the hub answered a report of the case (一案一号). */
  @Property({ type: 'string', length: 40, nullable: true })
  disputeNumber?: string | null;

  /** 案号, e.g. 兴检刑和〔2026〕12号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  caseNumber!: string;

  @Property({ type: 'string', length: 30 })
  kind!: string;

  /** 涉嫌罪名, criminal cases only. */
  @Property({ type: 'string', length: 100, nullable: true })
  charge?: string | null;

  /** See `procuratorate-case.workflow.ts`. */
  @Property({ type: 'string', length: 30 })
  status: string & Opt = 'RECEIVED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  /** 犯罪嫌疑人 / 被害人 (criminal) or 申请人 (civil supervision) — personal data, masked outside the procuratorate. */
  @Property({ type: 'string', length: 50, nullable: true })
  suspectName?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  suspectIdNumber?: string | null;

  /** 犯罪嫌疑人出生日期 (YYYY-MM-DD): from the ID number, or stated when there is none (the minors rule reads it). */
  @Property({ type: 'string', length: 10, nullable: true })
  suspectBirthDate?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  victimName?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  victimIdNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  victimPhone?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  applicantName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  applicantPhone?: string | null;

  // 审查起诉 intake: the facts 刑事和解 eligibility (刑诉法 Art 288) is judged on, recorded once at
  // the door instead of being stated again with every referral. Null for cases taken in before.

  /** Chapter of the Criminal Law's special part (分则) that defines the charge, 1–10. */
  @Property({ type: 'smallint', nullable: true })
  chapter?: number | null;

  @Property({ type: 'boolean', nullable: true })
  negligent?: boolean | null;

  /** 可能判处的刑罚上限: the upper limit of the statutory sentencing range that applies, in months (300 for life or death). */
  @Property({ type: 'smallint', nullable: true })
  statutoryMaximumMonths?: number | null;

  /** 前科: an intentional crime within the last five years. */
  @Property({ type: 'boolean', nullable: true })
  intentionalCrimeWithinFiveYears?: boolean | null;

  /** 因民间纠纷引起. */
  @Property({ type: 'boolean', nullable: true })
  arisesFromCivilDispute?: boolean | null;

  /** 纠纷类别 of the hub's list (Chinese name) given at intake: sent with the report and the 检调 hand-over. */
  @Property({ type: 'string', length: 20, nullable: true })
  disputeCategory?: string | null;

  /** The facts the eligibility for 刑事和解 was checked on, when referred. */
  @Property({ type: 'json', nullable: true })
  eligibility?: ReconciliationFacts | null;

  /** 移交调解; the hand-over itself (organization, docking id, answers) is the record's outgoing docking (`docking_outgoing`). */
  @Property({ type: 'datetime', nullable: true })
  referredAt?: Date | null;

  /** RECONCILED or NOT_RECONCILED. */
  @Property({ type: 'string', length: 20, nullable: true })
  outcome?: string | null;

  @Index()
  @Property({ type: 'datetime', nullable: true })
  outcomeAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  agreementSummary?: string | null;

  /** See `DECISIONS` in `reconciliation.rules.ts`. */
  @Property({ type: 'string', length: 30, nullable: true })
  decision?: string | null;

  @Property({ type: 'text', nullable: true })
  decisionNote?: string | null;

  @Index()
  @Property({ type: 'datetime', nullable: true })
  concludedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { ReconciliationFacts } from '../domain/reconciliation.rules.js';

/** 检察案件 — a criminal reconciliation (刑事和解) or civil supervision (民事监督) case the procuratorate received. */
@Entity({ tableName: 'procuratorate_case' })
@Index({ properties: ['receivedAt', 'id'] })
@Index({ properties: ['referredAt', 'id'] })
export class ProcuratorateCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The hub's dispute this case belongs to (another agency's id: no foreign key). */
  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

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

  @Property({ type: 'string', length: 50, nullable: true })
  victimName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  victimPhone?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  applicantName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  applicantPhone?: string | null;

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

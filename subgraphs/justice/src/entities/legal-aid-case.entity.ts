import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 法律援助案件 — an application, its 7-day review, the 3-day lawyer assignment, referral to and from mediation. */
@Entity({ tableName: 'legal_aid_case' })
@Index({ properties: ['appliedAt', 'id'] })
@Index({ properties: ['regionCode', 'appliedAt'] })
@Index({ properties: ['status', 'reviewDueAt'] })
@Index({ properties: ['status', 'assignDueAt'] })
export class LegalAidCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Unique()
  @Property({ type: 'string', length: 60 })
  applicationNumber!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'string', length: 18 })
  centerCode!: string;

  @Property({ type: 'string', length: 100 })
  centerName!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  /** DIRECT_APPLICATION / MEDIATION_REFERRAL. */
  @Property({ type: 'string', length: 30 })
  source!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  sourceMediationCaseId?: string | null;

  @Property({ type: 'string', length: 50 })
  applicantName!: string;

  @Property({ type: 'string', length: 6, nullable: true })
  applicantSex?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  applicantIdNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  applicantPhone?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  applicantAddress?: string | null;

  /** 申请事项. */
  @Property({ type: 'text' })
  matter!: string;

  @Property({ type: 'string', length: 20 })
  category!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string', length: 30 })
  status: string & Opt = 'APPLIED';

  @Property({ type: 'datetime' })
  appliedAt!: Date;

  @Property({ type: 'datetime' })
  reviewDueAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  reviewedAt?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  denialReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  assignDueAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  assignedAt?: Date | null;

  @Property({ type: 'string', length: 50, nullable: true })
  lawyerName?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  lawFirm?: string | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  closingNote?: string | null;

  @Property({ type: 'uuid', nullable: true })
  referredMediationCaseId?: string | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

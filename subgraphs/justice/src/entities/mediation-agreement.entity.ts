import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { PartySignature } from '../domain/agreement.js';

/** 人民调解协议书 (人民调解法 Art 28–29): terms, performance, signatures and its effective date. */
@Entity({ tableName: 'mediation_agreement' })
@Index({ properties: ['regionCode', 'effectiveDate'] })
@Index({ properties: ['performanceStatus', 'performanceDeadline'] })
export class MediationAgreement {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Unique()
  @Property({ type: 'uuid' })
  caseId!: string;

  @Unique()
  @Property({ type: 'string', length: 60 })
  number!: string;

  /** WRITTEN 书面 / ORAL 口头 (recorded by the mediator). */
  @Property({ type: 'string', length: 10 })
  form!: string;

  @Property({ type: 'text' })
  facts!: string;

  @Property({ type: 'text' })
  mattersInDispute!: string;

  @Property({ type: 'text' })
  responsibilities!: string;

  @Property({ type: 'text[]' })
  terms!: string[];

  @Property({ type: 'text' })
  performanceMethod!: string;

  @Property({ type: 'date' })
  performanceDeadline!: string;

  /** 协议金额 in yuan. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount?: string | null;

  @Property({ type: 'json' })
  signatures: PartySignature[] & Opt = [];

  @Property({ type: 'datetime', nullable: true })
  mediatorSignedAt?: Date | null;

  /** The committee's seal (印章). */
  @Property({ type: 'datetime', nullable: true })
  sealedAt?: Date | null;

  @Property({ type: 'date', nullable: true })
  effectiveDate?: string | null;

  /** Effective date + 30 days: the last day to apply for judicial confirmation (derived, stored for lists). */
  @Property({ type: 'date', nullable: true })
  confirmationDeadline?: string | null;

  /** 司法确认: the parties' application sent to the court (by docking), and the court's decision. */
  @Unique()
  @Property({ type: 'uuid', nullable: true })
  confirmationApplicationId?: string | null;

  @Property({ type: 'datetime', nullable: true })
  confirmationAppliedAt?: Date | null;

  /** CONFIRMED / REJECTED / REFUSED. */
  @Property({ type: 'string', length: 10, nullable: true })
  confirmationRuling?: string | null;

  /** The court's 调确字 number. */
  @Property({ type: 'string', length: 60, nullable: true })
  confirmationCaseNumber?: string | null;

  @Property({ type: 'datetime', nullable: true })
  confirmationRuledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  confirmationReason?: string | null;

  @Property({ type: 'string', length: 30 })
  performanceStatus: string & Opt = 'PENDING';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'string', length: 50 })
  recordedBy!: string;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { ArrayType, Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** One applicant of a joint application — personal data, masked outside the court. */
export interface ConfirmationApplicant {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

/** 司法确认 — the parties' application to confirm a mediation agreement, and the court's decisions. */
@Entity({ tableName: 'judicial_confirmation' })
@Index({ properties: ['nextDeadlineAt', 'id'] })
@Index({ properties: ['appliedAt', 'id'] })
export class JudicialConfirmation {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The sender's id of the application: receiving it twice creates one record. */
  @Unique()
  @Property({ type: 'string', length: 64 })
  applicationId!: string;

  /** The hub's dispute; null when an application the court did not send came without one (a direct application). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  /** The court case that was mediated (委派/委托), when the court sent it. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  courtCaseId?: string | null;

  /** The docking the application came by (justice → court), to which the court's decisions go back. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  dockingId?: string | null;

  /** The agreement (调解协议书) on the justice side. */
  @Property({ type: 'uuid' })
  agreementId!: string;

  @Property({ type: 'string', length: 100 })
  mediationOrganization!: string;

  @Property({ type: 'text' })
  agreementSummary!: string;

  @Property({ type: ArrayType })
  matters!: string[];

  @Property({ type: 'datetime' })
  agreementEffectiveAt!: Date;

  @Property({ type: 'json' })
  applicants!: ConfirmationApplicant[];

  @Property({ type: 'boolean' })
  jointApplication!: boolean;

  /** See `judicial-confirmation.workflow.ts`. */
  @Property({ type: 'string', length: 30 })
  status: string & Opt = 'APPLIED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  appliedAt!: Date;

  @Property({ type: 'datetime' })
  acceptDueAt!: Date;

  /** 调确字 case number, once accepted. */
  @Unique()
  @Property({ type: 'string', length: 60, nullable: true })
  caseNumber?: string | null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: ArrayType, nullable: true })
  refusalReasons?: string[] | null;

  @Property({ type: 'text', nullable: true })
  refusalNote?: string | null;

  @Property({ type: 'datetime', nullable: true })
  refusedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  ruleDueAt?: Date | null;

  @Property({ type: 'boolean' })
  rulingExtended: boolean & Opt = false;

  /** The president who approved the extension (院长批准). */
  @Property({ type: 'string', length: 50, nullable: true })
  extensionApprovedBy?: string | null;

  @Property({ type: 'text', nullable: true })
  extensionReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  ruledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  rulingNote?: string | null;

  @Property({ type: 'datetime', nullable: true })
  performedAt?: Date | null;

  /** The deadline the court is working to (acceptance, then ruling); null when none runs. */
  @Property({ type: 'datetime', nullable: true })
  nextDeadlineAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

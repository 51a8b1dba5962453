import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { ConnectionType, PersonalText, registerWorkflowEnum, type PersonalTextRead } from '@jiefen/subgraph-kit';
import type { EnforcementApplication } from '../entities/enforcement-application.entity.js';
import type { ConfirmationApplicant, JudicialConfirmation } from '../entities/judicial-confirmation.entity.js';
import { confirmationWorkflow, type ConfirmationState } from '../domain/judicial-confirmation.workflow.js';

/** The states of confirmationWorkflow: the schema's values are the transition table's. */
export const JudicialConfirmationStatus = registerWorkflowEnum(
  confirmationWorkflow,
  'JudicialConfirmationStatus',
  '司法确认状态 Judicial confirmation status',
  {
    APPLIED: '已申请,待决定是否受理(3 日内)',
    ACCEPTED: '已受理,待裁定(15 日内,经院长批准可延长 10 日)',
    CONFIRMED: '裁定调解协议有效',
    PERFORMED: '协议已履行',
    ENFORCEMENT_APPLIED: '一方未履行,已申请强制执行',
  },
);
export type JudicialConfirmationStatus = ConfirmationState;

@ObjectType('ConfirmationApplicant', { description: '司法确认申请人(法院以外脱敏)' })
export class ConfirmationApplicantType {
  @Field(() => Int, { description: '申请人序号(从 1 起)' })
  position!: number;

  /** The applicant, its record and how the caller may see it, for the personal-data resolvers. */
  applicant!: ConfirmationApplicant;
  recordId!: string;
  visibility!: Visibility;
}

@ObjectType('EnforcementApplication', { description: '强制执行申请 Application to enforce a confirmed agreement' })
export class EnforcementApplicationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '执行案号' })
  caseNumber!: string;

  @PersonalText()
  @Field(() => String, { description: '未履行的协议内容' })
  unperformedTerms!: string;

  @Field(() => String, { description: '状态:APPLIED 已申请' })
  status!: string;

  @Field(() => Date, { description: '申请时间' })
  appliedAt!: Date;

  entity!: EnforcementApplication;
  visibility!: Visibility;
  personal!: PersonalTextRead;
  /** Whether the applicant is a minor (an applicant of the confirmation born less than 18 years ago). */
  applicantMinor!: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType('JudicialConfirmation', { description: '司法确认 Judicial confirmation of a mediation agreement' })
export class JudicialConfirmationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: '所属纠纷编号(申请未附纠纷编号时为空)' })
  disputeId!: string | null;

  @Field(() => ID, { nullable: true, description: '委派/委托调解的法院案件' })
  courtCaseId!: string | null;

  @Field(() => ID, { nullable: true, description: '申请经由的诉调对接(法院的决定经此反馈调解组织)' })
  dockingId!: string | null;

  @Field(() => ID, { description: '调解协议编号(司法行政)' })
  agreementId!: string;

  @Field(() => String, { description: '调解组织' })
  mediationOrganization!: string;

  @PersonalText()
  @Field(() => String, { description: '调解协议内容' })
  agreementSummary!: string;

  @Field(() => [String], { description: '协议涉及事项' })
  matters!: string[];

  @Field(() => Date, { description: '调解协议生效时间' })
  agreementEffectiveAt!: Date;

  @Field(() => Boolean, { description: '是否双方共同申请' })
  jointApplication!: boolean;

  @Field(() => JudicialConfirmationStatus, { description: '状态' })
  status!: JudicialConfirmationStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '申请时间' })
  appliedAt!: Date;

  @Field(() => Date, { description: '受理决定期限' })
  acceptDueAt!: Date;

  @Field(() => String, { nullable: true, description: '调确字案号' })
  caseNumber!: string | null;

  @Field(() => Date, { nullable: true, description: '受理时间' })
  acceptedAt!: Date | null;

  @Field(() => [String], { nullable: true, description: '不予受理的法定理由代码' })
  refusalReasons!: string[] | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '不予受理说明' })
  refusalNote!: string | null;

  @Field(() => Date, { nullable: true, description: '裁定期限' })
  ruleDueAt!: Date | null;

  @Field(() => Boolean, { description: '审查期限是否经院长批准延长' })
  rulingExtended!: boolean;

  @Field(() => String, { nullable: true, description: '批准延长的院长' })
  extensionApprovedBy!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '延长理由' })
  extensionReason!: string | null;

  @Field(() => Date, { nullable: true, description: '裁定时间' })
  ruledAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '裁定理由' })
  rulingNote!: string | null;

  @Field(() => Date, { nullable: true, description: '履行时间' })
  performedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '当前期限(受理或裁定)' })
  nextDeadlineAt!: Date | null;

  @Field(() => Boolean, { description: '当前期限是否已超期(按查询时点计算)' })
  overdue!: boolean;

  entity!: JudicialConfirmation;
  visibility!: Visibility;
  personal!: PersonalTextRead;
}

export const JudicialConfirmationConnection = ConnectionType('JudicialConfirmation', JudicialConfirmationType, '司法确认列表');

import { ArgsType, Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import {
  ConnectionType,
  DisputeCategoryEnum,
  PersonalText,
  registerWorkflowEnum,
  type PersonalTextRead,
  PageArgs,
  PeriodFilter,
  registerDockingModeEnum,
} from '@jiefen/subgraph-kit';
import type { CourtCase } from '../entities/court-case.entity.js';
import { courtCaseWorkflow, type CourtCaseState } from '../domain/court-case.workflow.js';

/** The states of courtCaseWorkflow: the schema's values are the transition table's. */
export const CourtCaseStatus = registerWorkflowEnum(courtCaseWorkflow, 'CourtCaseStatus', '法院案件状态 Court case status');
export type CourtCaseStatus = CourtCaseState;

export const MediationMode = registerDockingModeEnum('CourtMediationMode', '法院送调方式 How the court sent a case to mediation', {
  PRE_FILING_DELEGATION: 'DELEGATED',
  IN_LITIGATION_COMMISSION: 'ENTRUSTED',
});
export type MediationMode = 'DELEGATED' | 'ENTRUSTED';

export enum MediationOutcome {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(MediationOutcome, {
  name: 'CourtMediationOutcome',
  description: '送调结果 Outcome of a mediation the court sent out',
  valuesConfig: { SUCCEEDED: { description: '调解成功' }, FAILED: { description: '调解不成' } },
});

export enum Procedure {
  ORDINARY = 'ORDINARY',
  SUMMARY = 'SUMMARY',
}
registerEnumType(Procedure, {
  name: 'CourtProcedure',
  description: '审判程序 Trial procedure',
  valuesConfig: { ORDINARY: { description: '普通程序' }, SUMMARY: { description: '简易程序' } },
});

@Directive('@key(fields: "id")')
@ObjectType('CourtCase', { description: '法院案件 A civil case received by the court' })
export class CourtCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: '所属纠纷编号(报综治中心后答复前为空)' })
  disputeId!: string | null;

  @Field(() => String, { nullable: true, description: '所属纠纷的统一编号' })
  disputeNumber!: string | null;

  @Field(() => String, { description: '案号' })
  caseNumber!: string;

  @Field(() => String, { description: '案由' })
  cause!: string;

  @Field(() => String, { description: '阶段:PRE_FILING 诉前 / FILED 已立案' })
  stage!: string;

  @Field(() => CourtCaseStatus, { description: '状态' })
  status!: CourtCaseStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '收案时间' })
  receivedAt!: Date;

  @Field(() => MediationMode, { nullable: true, description: '送调方式(最近一次)' })
  mediationMode!: MediationMode | null;

  // The hand-over's fields (organization, docking id, acceptance, refusal) are resolved from the
  // case's outgoing docking: CourtCaseResolver.

  @Field(() => Date, { nullable: true, description: '送调时间' })
  mediationSentAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '调解期限(调解进行中)' })
  mediationDueAt!: Date | null;

  @Field(() => Boolean, { description: '调解是否已超期未反馈(按查询时点计算)' })
  mediationOverdue!: boolean;

  @Field(() => MediationOutcome, { nullable: true, description: '调解结果' })
  mediationOutcome!: MediationOutcome | null;

  @Field(() => Date, { nullable: true, description: '调解结束时间' })
  mediationOutcomeAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '调解情况' })
  mediationOutcomeNote!: string | null;

  @Field(() => Procedure, { nullable: true, description: '审判程序(立案后)' })
  procedure!: Procedure | null;

  @Field(() => String, { nullable: true, description: '立案案号' })
  filingNumber!: string | null;

  @Field(() => Date, { nullable: true, description: '立案时间' })
  filedAt!: Date | null;

  /** The row and how the caller may see it, for the personal-data field resolvers. */
  entity!: CourtCase;
  visibility!: Visibility;
  /** The parties its free text may name. */
  personal!: PersonalTextRead;
}

export const CourtCaseConnection = ConnectionType('CourtCase', CourtCaseType, '法院案件列表');

@InputType('ReceiveCivilCaseInput', { description: '诉前收案' })
export class ReceiveCivilCaseInput {
  @Field(() => ID, { nullable: true, description: '综治中心的纠纷编号(有则填写并核验;无则收案后报综治中心登记或关联,答复后写入)' })
  disputeId?: string | null;

  @Field(() => DisputeCategoryEnum, { nullable: true, description: '纠纷类别(人民调解统计口径);未填纠纷编号时必填' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: '纠纷发生地点' })
  place?: string | null;

  @Field(() => String, { description: '案由' })
  cause!: string;

  @Field(() => String, { description: '区划代码(9 或 12 位)' })
  regionCode!: string;

  @Field(() => String, { description: '原告姓名' })
  plaintiffName!: string;

  @Field(() => String, { description: '原告公民身份号码' })
  plaintiffIdNumber!: string;

  @Field(() => String, { nullable: true, description: '原告联系电话' })
  plaintiffPhone?: string | null;

  @Field(() => String, { description: '被告姓名或名称' })
  defendantName!: string;
}

@ArgsType()
export class CourtCasesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀(在本人辖区内进一步筛选)' })
  regionCode?: string | null;

  @Field(() => CourtCaseStatus, { nullable: true, description: '状态' })
  status?: string | null;

  @Field(() => PeriodFilter, { nullable: true, description: '收案时间在此期间' })
  received?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '送调时间在此期间' })
  sent?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '调解结果反馈时间在此期间' })
  concluded?: PeriodFilter | null;
}

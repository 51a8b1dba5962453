import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { ConnectionType, PageArgs, PersonalText, type PersonalTextRead, PeriodFilter } from '@jiefen/subgraph-kit';
import type { LegalAidCase } from '../entities/legal-aid-case.entity.js';
import { LegalAidSource, LegalAidStatus, Sex } from './enums.js';

@ObjectType('LegalAidCase', { description: '法律援助案件(申请人个人信息按权限脱敏)' })
export class LegalAidCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '法援编号' })
  applicationNumber!: string;

  @Field(() => String, { description: '法律援助中心' })
  centerName!: string;

  @Field(() => ID, { nullable: true, description: '所属纠纷编号' })
  disputeId!: string | null;

  @Field(() => LegalAidSource, { description: '来源' })
  source!: LegalAidSource;

  @Field(() => ID, { nullable: true, description: '转介来的调解案件' })
  sourceMediationCaseId!: string | null;

  @Field(() => Sex, { nullable: true, description: '申请人性别' })
  applicantSex!: Sex | null;

  @PersonalText()
  @Field(() => String, { description: '申请事项' })
  matter!: string;

  @Field(() => String, { description: '纠纷类别' })
  category!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => LegalAidStatus, { description: '状态' })
  status!: LegalAidStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => Date, { description: '申请时间' })
  appliedAt!: Date;

  @Field(() => Date, { description: '审查期限(7 日)' })
  reviewDueAt!: Date;

  @Field(() => Date, { nullable: true, description: '审查时间' })
  reviewedAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '不予援助理由' })
  denialReason!: string | null;

  @Field(() => Date, { nullable: true, description: '指派期限(批准后 3 日)' })
  assignDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '指派时间' })
  assignedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '承办律师' })
  lawyerName!: string | null;

  @Field(() => String, { nullable: true, description: '律师事务所' })
  lawFirm!: string | null;

  @Field(() => Date, { nullable: true, description: '结案时间' })
  closedAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '结案情况' })
  closingNote!: string | null;

  @Field(() => ID, { nullable: true, description: '转介后的调解案件' })
  referredMediationCaseId!: string | null;

  entity!: LegalAidCase;
  visibility!: Visibility;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

export const LegalAidCaseConnection = ConnectionType('LegalAidCase', LegalAidCaseType, '法律援助案件列表');

@ArgsType()
export class LegalAidCasesArgs extends PageArgs {
  @Field(() => LegalAidStatus, { nullable: true, description: '按状态筛选' })
  status?: LegalAidStatus | null;

  @Field(() => Boolean, { nullable: true, description: '只看超期(审查或指派)的案件' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: '按区划代码前缀筛选' })
  regionCode?: string | null;

  @Field(() => PeriodFilter, { nullable: true, description: '申请时间在此期间' })
  applied?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '结案时间在此期间' })
  closed?: PeriodFilter | null;
}

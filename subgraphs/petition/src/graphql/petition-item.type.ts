import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { ConnectionType, DisputeCategoryEnum, PersonalText, registerWorkflowEnum, type PersonalTextRead, PageArgs, PeriodFilter } from '@jiefen/subgraph-kit';
import type { PetitionItem } from '../entities/petition-item.entity.js';
import { petitionWorkflow, type PetitionState } from '../domain/petition-item.workflow.js';

export enum PetitionForm {
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
}
registerEnumType(PetitionForm, {
  name: 'PetitionForm',
  description: '信访形式 How the petition was made',
  valuesConfig: {
    LETTER: { description: '来信' },
    VISIT: { description: '来访(走访)' },
    ONLINE: { description: '网上信访' },
    PHONE: { description: '电话' },
  },
});

/** The states of petitionWorkflow: the schema's values are the transition table's. */
export const PetitionItemStatus = registerWorkflowEnum(petitionWorkflow, 'PetitionItemStatus', '信访事项状态 Petition status', {
  TRANSFERRED: '已转送(交办)有权处理机关',
  REFERRED_TO_MEDIATION: '已移交人民调解(访调对接),调解结果反馈后办结',
  CONCLUDED: '已办结(出具处理意见或调解成功)',
  UNDER_REVIEW: '复查中(30 日内出具复查意见)',
  REVIEWED: '已出具复查意见',
  UNDER_RE_REVIEW: '复核中(30 日内出具复核意见)',
  RE_REVIEWED: '已出具复核意见',
});
export type PetitionItemStatus = PetitionState;

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(Satisfaction, {
  name: 'PetitionSatisfaction',
  description: '信访人满意度 Petitioner satisfaction',
  valuesConfig: { SATISFIED: { description: '满意' }, BASICALLY_SATISFIED: { description: '基本满意' }, DISSATISFIED: { description: '不满意' } },
});

@Directive('@key(fields: "id")')
@ObjectType('PetitionItem', { description: '信访事项 A petition registered by the petition bureau' })
export class PetitionItemType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: '所属纠纷编号(报综治中心后答复前为空)' })
  disputeId!: string | null;

  @Field(() => String, { nullable: true, description: '所属纠纷的统一编号' })
  disputeNumber!: string | null;

  @Field(() => String, { description: '信访件编号' })
  itemNumber!: string;

  @Field(() => PetitionForm, { description: '信访形式' })
  form!: PetitionForm;

  @PersonalText()
  @Field(() => String, { description: '信访事由' })
  subject!: string;

  @Field(() => PetitionItemStatus, { description: '状态' })
  status!: PetitionItemStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '登记时间' })
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: '当前期限(受理、办理、复查或复核)' })
  dueAt!: Date | null;

  @Field(() => Boolean, { description: '是否超期(按查询时点计算)' })
  overdue!: boolean;

  @Field(() => Date, { nullable: true, description: '受理期限(登记后 15 日)' })
  routeDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '受理(转送、不予受理)时间' })
  routedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '承办单位或转送机关' })
  handlingUnit!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '不予受理理由' })
  declineReason!: string | null;

  @Field(() => Date, { nullable: true, description: '办理期限(受理后 60 日,含延长)' })
  handleDueAt!: Date | null;

  @Field(() => Int, { description: '延长天数(至多 30 日)' })
  extensionDays!: number;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '延长理由' })
  extensionReason!: string | null;

  @Field(() => Date, { nullable: true, description: '移交调解时间' })
  referredAt!: Date | null;

  @Field(() => String, { nullable: true, description: '调解结果:SUCCEEDED 成功 / FAILED 不成' })
  mediationOutcome!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '处理意见或调解协议内容' })
  answer!: string | null;

  @Field(() => Date, { nullable: true, description: '办结时间' })
  concludedAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '复查意见' })
  reviewOpinion!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '复核意见' })
  reReviewOpinion!: string | null;

  @Field(() => Satisfaction, { nullable: true, description: '信访人满意度评价' })
  satisfaction!: Satisfaction | null;

  /** The row, how the caller may see it, and the moment overdue is computed for. */
  entity!: PetitionItem;
  visibility!: Visibility;
  /** The petitioner its free text may name. */
  personal!: PersonalTextRead;
}

@InputType('MediationRespondentInput', { description: '访调的对方当事人(被反映人):人民调解与司法确认须有双方当事人' })
export class MediationRespondentInput {
  @Field(() => String, { description: '姓名或名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: '公民身份号码' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;
}

@InputType('RegisterPetitionInput', { description: '登记信访事项' })
export class RegisterPetitionInput {
  @Field(() => ID, { nullable: true, description: '综治中心的纠纷编号(有则填写并核验;无则登记后报综治中心登记或关联,答复后写入)' })
  disputeId?: string | null;

  @Field(() => DisputeCategoryEnum, { nullable: true, description: '纠纷类别(人民调解统计口径);未填纠纷编号时必填' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: '纠纷发生地点' })
  place?: string | null;

  @Field(() => PetitionForm, { description: '信访形式' })
  form!: PetitionForm;

  @Field(() => String, { description: '信访事由' })
  subject!: string;

  @Field(() => String, { description: '区划代码(9 或 12 位)' })
  regionCode!: string;

  @Field(() => String, { description: '信访人姓名' })
  petitionerName!: string;

  @Field(() => String, { description: '信访人公民身份号码' })
  petitionerIdNumber!: string;

  @Field(() => String, { nullable: true, description: '信访人联系电话' })
  petitionerPhone?: string | null;
}

export const PetitionItemConnection = ConnectionType('PetitionItem', PetitionItemType, '信访事项列表');

@ArgsType()
export class PetitionItemsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀(在本人辖区内进一步筛选)' })
  regionCode?: string | null;

  @Field(() => PetitionItemStatus, { nullable: true, description: '状态' })
  status?: string | null;

  @Field(() => PeriodFilter, { nullable: true, description: '登记时间在此期间' })
  registered?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '办结时间在此期间' })
  concluded?: PeriodFilter | null;
}

import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { ConnectionType, DisputeCategoryEnum, PersonalText, registerWorkflowEnum, type PersonalTextRead, PageArgs, PeriodFilter } from '@jiefen/subgraph-kit';
import type { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import { procuratorateCaseWorkflow, type ProcuratorateCaseState } from '../domain/procuratorate-case.workflow.js';

export enum ProcuratorateCaseKind {
  CRIMINAL_RECONCILIATION = 'CRIMINAL_RECONCILIATION',
  CIVIL_SUPERVISION = 'CIVIL_SUPERVISION',
}
registerEnumType(ProcuratorateCaseKind, {
  name: 'ProcuratorateCaseKind',
  description: '检察案件类型 Kind of procuratorate case',
  valuesConfig: {
    CRIMINAL_RECONCILIATION: { description: '刑事和解(刑诉法第 288–290 条)' },
    CIVIL_SUPERVISION: { description: '民事诉讼监督' },
  },
});

/** The states of procuratorateCaseWorkflow: the schema's values are the transition table's. */
export const ProcuratorateCaseStatus = registerWorkflowEnum(procuratorateCaseWorkflow, 'ProcuratorateCaseStatus', '检察案件状态 Procuratorate case status');
export type ProcuratorateCaseStatus = ProcuratorateCaseState;

export enum ReconciliationOutcome {
  RECONCILED = 'RECONCILED',
  NOT_RECONCILED = 'NOT_RECONCILED',
}
registerEnumType(ReconciliationOutcome, {
  name: 'ReconciliationOutcome',
  description: '和解结果 Outcome of reconciliation',
  valuesConfig: { RECONCILED: { description: '达成和解' }, NOT_RECONCILED: { description: '未达成和解' } },
});

export enum ProcuratorateDecision {
  LENIENCY_RECOMMENDATION = 'LENIENCY_RECOMMENDATION',
  NO_PROSECUTION = 'NO_PROSECUTION',
  PROSECUTION_CONTINUES = 'PROSECUTION_CONTINUES',
  REVIEW_TERMINATED = 'REVIEW_TERMINATED',
  SUPERVISION_CONTINUES = 'SUPERVISION_CONTINUES',
}
registerEnumType(ProcuratorateDecision, {
  name: 'ProcuratorateDecision',
  description: '检察处理决定 Decision after reconciliation (刑诉法第二百九十条)',
  valuesConfig: {
    LENIENCY_RECOMMENDATION: { description: '向人民法院提出从宽处罚建议' },
    NO_PROSECUTION: { description: '犯罪情节轻微,作出不起诉决定' },
    PROSECUTION_CONTINUES: { description: '依法继续起诉' },
    REVIEW_TERMINATED: { description: '民事监督:当事人和解,终结审查' },
    SUPERVISION_CONTINUES: { description: '民事监督:继续审查' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('ProcuratorateCase', { description: '检察案件(刑事和解、民事监督) A case received by the procuratorate' })
export class ProcuratorateCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: '所属纠纷编号(本院受理、综治中心尚未登记时为空)' })
  disputeId!: string | null;

  @Field(() => String, { nullable: true, description: '所属纠纷的统一编号(综治中心登记或关联后答复)' })
  disputeNumber!: string | null;

  @Field(() => String, { description: '案号' })
  caseNumber!: string;

  @Field(() => ProcuratorateCaseKind, { description: '案件类型' })
  kind!: ProcuratorateCaseKind;

  @Field(() => String, { nullable: true, description: '涉嫌罪名(仅刑事案件)' })
  charge!: string | null;

  @Field(() => ProcuratorateCaseStatus, { description: '状态' })
  status!: ProcuratorateCaseStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '受理时间' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: '移交调解时间' })
  referredAt!: Date | null;

  @Field(() => ReconciliationOutcome, { nullable: true, description: '和解结果' })
  outcome!: ReconciliationOutcome | null;

  @Field(() => Date, { nullable: true, description: '和解结果时间' })
  outcomeAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '和解协议内容或未达成和解的原因' })
  agreementSummary!: string | null;

  @Field(() => ProcuratorateDecision, { nullable: true, description: '处理决定' })
  decision!: ProcuratorateDecision | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '决定理由' })
  decisionNote!: string | null;

  @Field(() => Date, { nullable: true, description: '办结时间' })
  concludedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: '所属刑法分则章次(受理登记)' })
  chapter!: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否过失犯罪(受理登记)' })
  negligent!: boolean | null;

  @Field(() => Int, { nullable: true, description: '可能判处的刑罚上限(月,受理登记)' })
  statutoryMaximumMonths!: number | null;

  @Field(() => Boolean, { nullable: true, description: '五年以内曾经故意犯罪(受理登记)' })
  intentionalCrimeWithinFiveYears!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '因民间纠纷引起(受理登记)' })
  arisesFromCivilDispute!: boolean | null;

  @Field(() => String, { nullable: true, description: '纠纷类别(受理登记时写明,报送综治中心与检调移交用;中文名称)' })
  disputeCategory!: string | null;

  /** The row and how the caller may see it, for the personal-data field resolvers. */
  entity!: ProcuratorateCase;
  visibility!: Visibility;
  /** The suspect, victim and applicant its free text may name. */
  personal!: PersonalTextRead;
}

@InputType('ReconciliationFactsInput', {
  description: '刑事和解适用条件(刑诉法第二百八十八条)。已登记案件事实的案件只需填写悔罪与被害人意愿,其余以登记为准(填写的须与登记一致)',
})
export class ReconciliationFactsInput {
  @Field(() => String, { nullable: true, description: '罪名(未登记案件事实时必填)' })
  charge?: string | null;

  @Field(() => Int, { nullable: true, description: '所属刑法分则章次(目录内罪名可省略)' })
  chapter?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否过失犯罪(目录内罪名可省略)' })
  negligent?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否因民间纠纷引起(未登记案件事实时必填)' })
  arisesFromCivilDispute?: boolean | null;

  @Field(() => Int, { nullable: true, description: '可能判处的有期徒刑刑期(月,无则 0;未登记案件事实时必填)' })
  likelySentenceMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: '犯罪嫌疑人五年以内是否曾经故意犯罪(未登记案件事实时必填)' })
  intentionalCrimeWithinFiveYears?: boolean | null;

  @Field(() => Boolean, { description: '犯罪嫌疑人是否真诚悔罪' })
  suspectRepents!: boolean;

  @Field(() => Boolean, { description: '被害人是否自愿和解' })
  victimAccepts!: boolean;
}

@InputType('ProsecutionSuspectInput', { description: '犯罪嫌疑人' })
export class ProsecutionSuspectInput {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '公民身份号码' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '出生日期 YYYY-MM-DD(无公民身份号码时必填)' })
  birthDate?: string | null;
}

@InputType('ProsecutionVictimInput', { description: '被害人' })
export class ProsecutionVictimInput {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '公民身份号码' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;
}

@InputType('RegisterProsecutionCaseInput', { description: '审查起诉案件受理登记(刑事和解适用条件据此审查)' })
export class RegisterProsecutionCaseInput {
  @Field(() => String, { description: '受理案号' })
  caseNumber!: string;

  @Field(() => String, { description: '案件区划代码(须在本院辖区内)' })
  regionCode!: string;

  @Field(() => Date, { nullable: true, description: '受理时间(不填为当前时间)' })
  receivedAt?: Date | null;

  @Field(() => String, { description: '涉嫌罪名' })
  charge!: string;

  @Field(() => Int, { nullable: true, description: '所属刑法分则章次(目录内罪名可省略)' })
  chapter?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否过失犯罪(目录内罪名可省略)' })
  negligent?: boolean | null;

  @Field(() => Int, { description: '可能判处的刑罚上限(适用的法定刑幅度最高刑,月;无期徒刑、死刑填 300)' })
  statutoryMaximumMonths!: number;

  @Field(() => Boolean, { description: '犯罪嫌疑人五年以内是否曾经故意犯罪' })
  intentionalCrimeWithinFiveYears!: boolean;

  @Field(() => Boolean, { description: '是否因民间纠纷引起' })
  arisesFromCivilDispute!: boolean;

  @Field(() => DisputeCategoryEnum, {
    nullable: true,
    description: '纠纷类别(仅报送综治中心的案件:因民间纠纷引起或过失犯罪;不填则综治中心按"其他"登记、不与已有纠纷关联)',
  })
  disputeCategory?: string | null;

  @Field(() => ProsecutionSuspectInput, { description: '犯罪嫌疑人' })
  suspect!: ProsecutionSuspectInput;

  @Field(() => ProsecutionVictimInput, { description: '被害人' })
  victim!: ProsecutionVictimInput;
}

export const ProcuratorateCaseConnection = ConnectionType('ProcuratorateCase', ProcuratorateCaseType, '检察案件列表');

@ArgsType()
export class ProcuratorateCasesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀(在本人辖区内进一步筛选)' })
  regionCode?: string | null;

  @Field(() => ProcuratorateCaseStatus, { nullable: true, description: '状态' })
  status?: string | null;

  @Field(() => PeriodFilter, { nullable: true, description: '受理时间在此期间' })
  received?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '办结时间在此期间' })
  concluded?: PeriodFilter | null;
}

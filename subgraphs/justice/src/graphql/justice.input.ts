import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DisputeCategoryEnum, ReceivingOrganizationInput } from '@jiefen/subgraph-kit';
import {
  AgreementForm,
  CommitteeRole,
  Employment,
  MediationMethod,
  OrganizationType,
  PartyRole,
  PerformanceStatus,
  ReturnVisitMethod,
  ReturnVisitReason,
  MediationUnsettledOutcome,
  Satisfaction,
  Sex,
  SignatureMethod,
  StationedAgency,
} from './enums.js';

@InputType({ description: '当事人' })
export class MediationPartyInput {
  @Field(() => PartyRole)
  role!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Sex, { nullable: true })
  sex?: string | null;

  @Field(() => String, { nullable: true, description: '公民身份号码' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@InputType({ description: '当事人申请调解' })
export class MediationApplicationInput {
  @Field(() => ID, { nullable: true, description: '综治中心的纠纷编号(如已登记)' })
  disputeId?: string | null;

  @Field(() => DisputeCategoryEnum, { description: '纠纷类别' })
  category!: string;

  @Field(() => String, { description: '纠纷概要' })
  summary!: string;

  @Field(() => String, { description: '纠纷发生地区划代码(9 或 12 位)' })
  regionCode!: string;

  @Field(() => [MediationPartyInput])
  parties!: MediationPartyInput[];
}

@InputType({ description: '调解笔录' })
export class MediationSessionInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Date, { description: '调解时间' })
  heldAt!: Date;

  @Field(() => String)
  place!: string;

  @Field(() => [String], { description: '参加人员' })
  participants!: string[];

  @Field(() => String, { description: '争议焦点' })
  focus!: string;

  @Field(() => String, { description: '各方意见' })
  opinions!: string;

  @Field(() => String, { nullable: true, description: '调解情况' })
  progress?: string | null;
}

@InputType({ description: '申请中立评估' })
export class NeutralEvaluationInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  expertId!: string;

  @Field(() => String, { description: '评估事项' })
  question!: string;
}

@InputType({ description: '调整调解方式' })
export class ChangeMediationMethodInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => MediationMethod)
  method!: string;

  @Field(() => String)
  reason!: string;
}

@InputType({ description: '延长调解期限(须经各方当事人同意)' })
export class ExtendMediationInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Int)
  days!: number;

  @Field(() => String)
  reason!: string;

  @Field(() => [ID], { description: '同意延期的当事人(须为全部当事人)' })
  consentingPartyIds!: string[];

  @Field(() => String, { description: '同意方式(书面同意书、笔录签字等)' })
  consentRecord!: string;
}

@InputType({ description: '调解不成或终止调解' })
export class ConcludeMediationInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => MediationUnsettledOutcome, { description: '结案方式' })
  outcome!: string;

  @Field(() => String, { description: '结案说明' })
  note!: string;

  @Field(() => Boolean, { description: '已告知当事人可通过仲裁、行政、司法等途径维护权利' })
  partiesInformedOfLitigation!: boolean;
}

@InputType({ description: '调解协议' })
export class MediationAgreementInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => AgreementForm)
  form!: string;

  @Field(() => String, { description: '纠纷主要事实' })
  facts!: string;

  @Field(() => String, { description: '争议事项' })
  mattersInDispute!: string;

  @Field(() => String, { description: '各方责任' })
  responsibilities!: string;

  @Field(() => [String], { description: '协议条款' })
  terms!: string[];

  @Field(() => String, { description: '履行方式' })
  performanceMethod!: string;

  @Field(() => String, { description: '履行期限(YYYY-MM-DD)' })
  performanceDeadline!: string;

  @Field(() => Float, { nullable: true, description: '协议金额(元)' })
  amount?: number | null;
}

@InputType({ description: '当事人签署' })
export class AgreementSignatureInput {
  @Field(() => ID)
  partyId!: string;

  @Field(() => SignatureMethod)
  method!: string;
}

@InputType({ description: '记录协议签署' })
export class SignMediationAgreementInput {
  @Field(() => ID)
  agreementId!: string;

  @Field(() => [AgreementSignatureInput], { defaultValue: [] })
  signatures!: AgreementSignatureInput[];

  @Field(() => Boolean, { nullable: true, description: '调解员签名' })
  mediatorSigned?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '加盖调委会印章' })
  sealed?: boolean | null;
}

@InputType({ description: '安排回访' })
export class ScheduleReturnVisitInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { description: '回访日期(YYYY-MM-DD)' })
  scheduledFor!: string;

  @Field(() => ReturnVisitReason)
  reason!: string;
}

@InputType({ description: '记录回访' })
export class RecordReturnVisitInput {
  @Field(() => ID)
  returnVisitId!: string;

  @Field(() => ReturnVisitMethod)
  method!: string;

  @Field(() => PerformanceStatus)
  performance!: string;

  @Field(() => Satisfaction)
  satisfaction!: string;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType({ description: '培训记录' })
export class MediatorTrainingInput {
  @Field(() => String)
  date!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  hours!: number;

  @Field(() => String)
  organizer!: string;
}

@InputType({ description: '调解员' })
export class MediatorInput {
  @Field(() => String)
  name!: string;

  @Field(() => Sex)
  sex!: string;

  @Field(() => CommitteeRole, { nullable: true })
  committeeRole?: string | null;

  @Field(() => Employment)
  employment!: string;

  @Field(() => Boolean, { nullable: true })
  invitedByCourt?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  lawyer?: boolean | null;

  @Field(() => [String], { nullable: true })
  specialties?: string[] | null;

  @Field(() => [MediatorTrainingInput], { nullable: true })
  trainings?: MediatorTrainingInput[] | null;

  @Field(() => String, { description: '聘任起始日期(任期三年)' })
  termStart!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;
}

@InputType({ description: '登记人民调解组织' })
export class MediationOrganizationInput {
  @Field(() => String, { description: '统一社会信用代码' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => OrganizationType)
  type!: string;

  @Field(() => String)
  regionCode!: string;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  stationedAt?: string | null;

  @Field(() => StationedAgency, { nullable: true })
  stationedAgency?: string | null;

  @Field(() => String)
  address!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String)
  establishedOn!: string;

  @Field(() => [MediatorInput], { description: '组成人员(调委会委员三至九人,含妇女成员)' })
  members!: MediatorInput[];
}

@InputType({ description: '法律援助申请人' })
export class LegalAidPersonInput {
  @Field(() => String)
  name!: string;

  @Field(() => Sex, { nullable: true })
  sex?: string | null;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@InputType({ description: '法律援助申请' })
export class LegalAidApplicationInput {
  @Field(() => ID, { nullable: true })
  disputeId?: string | null;

  @Field(() => LegalAidPersonInput)
  applicant!: LegalAidPersonInput;

  @Field(() => String, { description: '申请事项' })
  matter!: string;

  @Field(() => DisputeCategoryEnum, { description: '纠纷类别' })
  category!: string;

  @Field(() => String, { description: '申请人所在地区划代码' })
  regionCode!: string;
}

@InputType({ description: '援调转介:法律援助转人民调解' })
export class ReferLegalAidToMediationInput {
  @Field(() => ID, { description: '法律援助案件编号' })
  id!: string;

  @Field(() => ReceivingOrganizationInput, { description: '接收的调解组织(名册中的统一社会信用代码)' })
  receiver!: ReceivingOrganizationInput;

  @Field(() => LegalAidPersonInput, { description: '被申请人' })
  respondent!: LegalAidPersonInput;
}

@InputType({ description: '调援转介:调解案件当事人申请法律援助' })
export class ReferMediationToLegalAidInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { description: '申请法律援助的当事人' })
  partyId!: string;

  @Field(() => String, { description: '申请事项' })
  matter!: string;
}

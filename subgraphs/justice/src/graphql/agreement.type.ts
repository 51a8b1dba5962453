import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { PersonalText, type PersonalTextRead } from '@jiefen/subgraph-kit';
import type { MediationAgreement } from '../entities/mediation-agreement.entity.js';
import {
  AgreementForm,
  JudicialConfirmationRuling,
  PerformanceStatus,
  ReturnVisitMethod,
  ReturnVisitReason,
  ReturnVisitStatus,
  Satisfaction,
  SignatureMethod,
} from './enums.js';

@ObjectType('AgreementSignature', { description: '当事人签署记录' })
export class SignatureType {
  @Field(() => ID, { description: '当事人编号' })
  partyId!: string;

  @Field(() => SignatureMethod, { description: '签名、盖章或按指印' })
  method!: SignatureMethod;

  @Field(() => Date, { description: '签署时间' })
  signedAt!: Date;
}

@ObjectType('MediationAgreement', { description: '人民调解协议书(人民调解法第二十八、二十九条)' })
export class MediationAgreementType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '调解案件编号' })
  caseId!: string;

  @Field(() => String, { description: '协议书编号' })
  number!: string;

  @Field(() => AgreementForm, { description: '协议形式' })
  form!: AgreementForm;

  @PersonalText()
  @Field(() => String, { description: '纠纷主要事实' })
  facts!: string;

  @PersonalText()
  @Field(() => String, { description: '争议事项' })
  mattersInDispute!: string;

  @PersonalText()
  @Field(() => String, { description: '各方责任' })
  responsibilities!: string;

  @PersonalText()
  @Field(() => [String], { description: '协议条款' })
  terms!: string[];

  @PersonalText()
  @Field(() => String, { description: '履行方式' })
  performanceMethod!: string;

  @Field(() => String, { description: '履行期限(YYYY-MM-DD)' })
  performanceDeadline!: string;

  @Field(() => Float, { nullable: true, description: '协议金额(元)' })
  amount!: number | null;

  @Field(() => [SignatureType], { description: '当事人签署' })
  signatures!: SignatureType[];

  @Field(() => Date, { nullable: true, description: '调解员签名时间' })
  mediatorSignedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '加盖调委会印章时间' })
  sealedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '生效日期' })
  effectiveDate!: string | null;

  @Field(() => String, { nullable: true, description: '申请司法确认的最后日期(生效日起 30 日)' })
  confirmationDeadline!: string | null;

  @Field(() => Date, { nullable: true, description: '申请司法确认的时间' })
  judicialConfirmationAppliedAt!: Date | null;

  @Field(() => JudicialConfirmationRuling, { nullable: true, description: '人民法院的司法确认决定' })
  judicialConfirmationRuling!: JudicialConfirmationRuling | null;

  @Field(() => String, { nullable: true, description: '司法确认案号(调确字)' })
  judicialConfirmationCaseNumber!: string | null;

  @Field(() => Date, { nullable: true, description: '人民法院作出决定的时间' })
  judicialConfirmationRuledAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '裁定理由或不予受理理由' })
  judicialConfirmationReason!: string | null;

  @Field(() => PerformanceStatus, { description: '履行情况' })
  performanceStatus!: PerformanceStatus;

  @Field(() => Date, { description: '制作时间' })
  recordedAt!: Date;

  @Field(() => String, { description: '制作人' })
  recordedBy!: string;

  entity!: MediationAgreement;
  visibility!: Visibility;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('ReturnVisit', { description: '回访' })
export class ReturnVisitType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '调解案件编号' })
  caseId!: string;

  @Field(() => ReturnVisitReason, { description: '回访原因' })
  reason!: ReturnVisitReason;

  @Field(() => String, { description: '计划回访日期' })
  scheduledFor!: string;

  @Field(() => ReturnVisitStatus, { description: '状态' })
  status!: ReturnVisitStatus;

  @Field(() => Date, { nullable: true, description: '回访时间' })
  visitedAt!: Date | null;

  @Field(() => ReturnVisitMethod, { nullable: true, description: '回访方式' })
  method!: ReturnVisitMethod | null;

  @Field(() => PerformanceStatus, { nullable: true, description: '履行情况' })
  performance!: PerformanceStatus | null;

  @Field(() => Satisfaction, { nullable: true, description: '满意度' })
  satisfaction!: Satisfaction | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '回访记录' })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: '回访人' })
  visitor!: string | null;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

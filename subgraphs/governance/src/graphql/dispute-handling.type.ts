import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PersonalText, type PersonalTextRead } from '@jiefen/subgraph-kit';
import type { Dispute } from '../entities/dispute.entity.js';
import { DisputeStatus, DisputeTier, RiskLevel } from './enums.js';

@ObjectType('DisputeMediationAttempt', { description: '调解记录(三三制计数) One mediation attempt' })
export class MediationAttemptType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '序号' })
  sequence!: number;

  @Field(() => DisputeTier, { description: '所在层级' })
  tier!: string;

  @Field(() => Date, { description: '调解时间' })
  attemptedAt!: Date;

  @Field(() => String, { description: '调解员' })
  mediatorName!: string;

  @PersonalText()
  @Field(() => String, { description: '调解情况' })
  summary!: string;

  /** The dispute's parties, whom its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('Escalation', { description: '分层化解上交记录 A dispute passed up a tier' })
export class EscalationType {
  @Field(() => ID)
  id!: string;

  @Field(() => DisputeTier, { description: '原层级' })
  fromTier!: string;

  @Field(() => DisputeTier, { description: '上交至' })
  toTier!: string;

  @Field(() => Int, { description: '原层级已调解次数' })
  attemptsAtFromTier!: number;

  @Field(() => Boolean, { description: '是否因风险较高提前上交(不足三次)' })
  override!: boolean;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '提前上交理由' })
  reason!: string | null;

  @Field(() => RiskLevel, { description: '上交时风险等级' })
  riskLevel!: string;

  @Field(() => Date, { description: '上交时间' })
  escalatedAt!: Date;

  @Field(() => String, { description: '经办人' })
  escalatedByName!: string;

  /** The dispute's parties, whom its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('DisputeActivity', { description: "办理过程(时间线) One step of the dispute's handling" })
export class DisputeActivityType {
  @Field(() => Int, { description: '序号' })
  sequence!: number;

  @Field(() => String, {
    description:
      '环节:REGISTER 登记 / ROUTE 分流 / NOTIFY 告知 / CONSENT / REFUSE / RECORD_ATTEMPT / ESCALATE / CHANGE_METHOD / RESOLVE / FAIL / REQUEST_REVIEW / APPROVE / RETURN / CLOSE / GUIDE_TO_LITIGATION / REROUTE 重新分流;' +
      '对接反馈:HAND_BACK 接收单位退回 / DOCKING_ACCEPTED 调解组织受理 / DOCKING_CONCLUDED_AGREEMENT 达成协议 / DOCKING_CONCLUDED_NO_AGREEMENT 调解不成 / CONFIRMATION_REQUESTED 申请司法确认 / CONFIRMATION_RULED 司法确认裁定 / PERFORMANCE_RECORDED 履行回访 / ENFORCEMENT_APPLIED 申请强制执行',
  })
  type!: string;

  @Field(() => DisputeStatus, { nullable: true, description: '办理前状态' })
  fromStatus!: string | null;

  @Field(() => DisputeStatus, { description: '办理后状态' })
  toStatus!: string;

  @Field(() => Date, { description: '时间' })
  at!: Date;

  @Field(() => String, { description: '经办人' })
  actorName!: string;

  @PersonalText()
  @Field(() => String, { description: '摘要' })
  summary!: string;

  /** The dispute's parties, whom its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('DisputeNotice', { description: '一次性告知记录 The one-time notification given to the parties' })
export class DisputeNoticeType {
  @Field(() => ID)
  id!: string;

  @Field(() => [String], { description: '告知的服务清单事项编码' })
  serviceItemCodes!: string[];

  @Field(() => String, { description: '告知方式:WRITTEN 书面 / ORAL 口头' })
  form!: string;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '告知内容' })
  note!: string | null;

  @Field(() => Date, { description: '告知时间' })
  givenAt!: Date;

  @Field(() => String, { description: '告知人' })
  givenByName!: string;

  /** The dispute's parties, whom its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('DisputeDocument', { description: "档案材料(元数据) A document in the dispute's archive" })
export class DisputeDocumentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description:
      '类型:CLAIM 申请材料 / EVIDENCE 证据 / RECORD 调解笔录 / AGREEMENT 调解协议 / CLOSING_OPINION 结案意见 / SIGNATURE 签字确认 / PHOTO 照片 / OTHER 其他',
  })
  kind!: string;

  @Field(() => String, { description: '材料名称' })
  title!: string;

  @Field(() => String, { nullable: true, description: '文件名(领导视图不显示)' })
  fileName!: string | null;

  @Field(() => String, { nullable: true, description: '文件类型' })
  mediaType!: string | null;

  @Field(() => Int, { nullable: true, description: '文件大小(字节)' })
  sizeBytes!: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 摘要' })
  sha256!: string | null;

  @Field(() => String, { nullable: true, description: '存储位置(领导视图不显示)' })
  storageUri!: string | null;

  @Field(() => Date, { description: '归档时间' })
  recordedAt!: Date;

  @Field(() => String, { description: '归档人' })
  recordedByName!: string;
}

@ObjectType('DisputeHandling', { description: "综治中心办理情况(仅综治中心与领导可见) The hub's handling of a dispute" })
export class DisputeHandlingType {
  @PersonalText()
  @Field(() => String, { nullable: true, description: '当事人诉求' })
  claims!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '研判意见(分流理由)' })
  routingReason!: string | null;

  @Field(() => String, { nullable: true, description: '调解前置:CONSENTED 同意调解 / REFUSED 不同意' })
  consent!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '当事人意见说明' })
  consentNote!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '化解结果说明' })
  outcomeSummary!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '协调督办岗研判意见' })
  reviewOpinion!: string | null;

  @Field(() => String, { nullable: true, description: '研判人' })
  reviewerName!: string | null;

  @Field(() => Date, { nullable: true, description: '研判时间' })
  reviewedAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '结案意见' })
  closingOpinion!: string | null;

  disputeId!: string;
  dispute!: Dispute;

  /** The dispute's parties, whom its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

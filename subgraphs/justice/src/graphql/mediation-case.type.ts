import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { ConnectionType, PageArgs, PersonalText, type PersonalTextRead, PeriodFilter } from '@jiefen/subgraph-kit';
import type { MediationCase } from '../entities/mediation-case.entity.js';
import type { MediationParty } from '../entities/mediation-party.entity.js';
import { MediationCaseStatus, MediationMethod, MediationMode, MediationOutcome, MediationSource, PartyRole, Sex } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType('MediationCase', { description: "人民调解案件 A case in a people's mediation organization's hands" })
export class MediationCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: '所属纠纷编号(综治中心统一登记)' })
  disputeId!: string | null;

  @Field(() => String, { nullable: true, description: '所属纠纷的统一编号' })
  disputeNumber!: string | null;

  @Field(() => ID, { nullable: true, description: '带来本案的对接编号' })
  dockingId!: string | null;

  @Field(() => String, { description: '调解案号' })
  caseNumber!: string;

  @Field(() => ID, { description: '调解组织编号' })
  organizationId!: string;

  @Field(() => String, { description: '调解组织' })
  organizationName!: string;

  @Field(() => String, { nullable: true, description: '承办调解员(受理后)' })
  mediatorName!: string | null;

  @Field(() => MediationSource, { description: '案件来源' })
  source!: MediationSource;

  @Field(() => MediationMode, { nullable: true, description: '对接方式(决定办理期限)' })
  mode!: MediationMode | null;

  @Field(() => String, { nullable: true, description: '移送单位(对接而来的案件,如 兴化市公安局戴南派出所)' })
  sourceUnitName!: string | null;

  @Field(() => String, { nullable: true, description: '移送单位的案件编号(如 警情编号、法院案号)' })
  sourceNumber!: string | null;

  @Field(() => String, { description: '纠纷类别' })
  category!: string;

  @PersonalText()
  @Field(() => String, { description: '纠纷概要' })
  summary!: string;

  @Field(() => MediationMethod, { description: '当前调解方式' })
  method!: MediationMethod;

  @Field(() => MediationCaseStatus, { description: '状态' })
  status!: MediationCaseStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => MediationOutcome, { nullable: true, description: '调解结果(办结后才有)' })
  outcome!: MediationOutcome | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '不予受理理由' })
  rejectionReason!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '结案说明' })
  conclusionNote!: string | null;

  @Field(() => Boolean, { nullable: true, description: '调解不成或终止时是否已告知当事人诉讼等途径' })
  partiesInformedOfLitigation!: boolean | null;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '收案时间(进入收件箱)' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: '受理时间' })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '办理期限(受理后起算,经当事人同意可延长)' })
  dueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '结案时间' })
  concludedAt!: Date | null;

  /** The row and how the caller sees it (for personal data and derived fields). */
  entity!: MediationCase;
  visibility!: Visibility;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

export const MediationCaseConnection = ConnectionType('MediationCase', MediationCaseType, '人民调解案件列表');

@ArgsType()
export class MediationCasesArgs extends PageArgs {
  @Field(() => MediationCaseStatus, { nullable: true, description: '按状态筛选' })
  status?: MediationCaseStatus | null;

  @Field(() => String, { nullable: true, description: '按区划代码前缀筛选' })
  regionCode?: string | null;

  @Field(() => MediationSource, { nullable: true, description: '按来源筛选' })
  source?: MediationSource | null;

  @Field(() => ID, { nullable: true, description: '按调解组织筛选' })
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看超期未办结的案件' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: '收案日期起(含,YYYY-MM-DD)', deprecationReason: '用 received: { from, to }' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: '收案日期止(含,YYYY-MM-DD)', deprecationReason: '用 received: { from, to }' })
  to?: string | null;

  @Field(() => PeriodFilter, { nullable: true, description: '收案时间在此期间' })
  received?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '结案时间在此期间' })
  concluded?: PeriodFilter | null;
}

@ObjectType('MediationParty', { description: '调解案件当事人(个人信息按权限脱敏)' })
export class MediationPartyType {
  @Field(() => ID)
  id!: string;

  @Field(() => PartyRole, { description: '身份' })
  role!: PartyRole;

  @Field(() => Sex, { nullable: true, description: '性别' })
  sex!: Sex | null;

  @Field(() => Boolean, { description: '是否未成年人(敏感个人信息)' })
  minor!: boolean;

  entity!: MediationParty;
  visibility!: Visibility;
}

@ObjectType('MediationSession', { description: '调解笔录 A mediation session' })
export class MediationSessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '第几次调解' })
  sequence!: number;

  @Field(() => Date, { description: '调解时间' })
  heldAt!: Date;

  @Field(() => String, { description: '调解地点' })
  place!: string;

  @PersonalText()
  @Field(() => [String], { description: '参加人员' })
  participants!: string[];

  @PersonalText()
  @Field(() => String, { description: '争议焦点' })
  focus!: string;

  @PersonalText()
  @Field(() => String, { description: '各方意见' })
  opinions!: string;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '调解情况' })
  progress!: string | null;

  @Field(() => String, { description: '记录人' })
  recordedBy!: string;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('NeutralEvaluation', { description: "中立评估 An expert's neutral evaluation" })
export class NeutralEvaluationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '专家编号' })
  expertId!: string;

  @Field(() => String, { description: '评估专家' })
  expertName!: string;

  @PersonalText()
  @Field(() => String, { description: '评估事项' })
  question!: string;

  @Field(() => Date, { description: '申请时间' })
  requestedAt!: Date;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '评估意见' })
  opinion!: string | null;

  @Field(() => Date, { nullable: true, description: '出具意见时间' })
  completedAt!: Date | null;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('MediationMethodChange', { description: '调解方式调整(动态调整)' })
export class MethodChangeType {
  @Field(() => MediationMethod, { description: '原方式' })
  fromMethod!: MediationMethod;

  @Field(() => MediationMethod, { description: '新方式' })
  toMethod!: MediationMethod;

  @PersonalText()
  @Field(() => String, { description: '理由' })
  reason!: string;

  @Field(() => Date, { description: '调整时间' })
  changedAt!: Date;

  @Field(() => String, { description: '调整人' })
  changedBy!: string;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@ObjectType('MediationExtension', { description: '延长调解期限(经各方当事人同意)' })
export class MediationExtensionType {
  @Field(() => Int, { description: '延长天数' })
  days!: number;

  @PersonalText()
  @Field(() => String, { description: '延期理由' })
  reason!: string;

  @Field(() => [ID], { description: '同意延期的当事人' })
  consentingPartyIds!: string[];

  @PersonalText()
  @Field(() => String, { description: '同意方式(书面同意书、笔录签字等)' })
  consentRecord!: string;

  @Field(() => Date, { description: '原期限' })
  previousDueAt!: Date;

  @Field(() => Date, { description: '新期限' })
  newDueAt!: Date;

  @Field(() => String, { description: '记录人' })
  recordedBy!: string;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

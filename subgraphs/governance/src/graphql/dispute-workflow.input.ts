import { Field, ID, InputType, Int } from 'type-graphql';
import { ReceivingOrganizationInput } from '@jiefen/subgraph-kit';
import type * as Command from '../domain/commands.js';
import { DisputeTier, NoticeForm, ResolutionMethod, ResponsibleUnitKind } from './enums.js';

@InputType('DisputeStepInput', { description: '办理纠纷的公共字段' })
class DisputeStepInput implements Command.DisputeRef {
  @Field(() => ID, { description: '纠纷编号' })
  disputeId!: string;

  @Field(() => Int, { nullable: true, description: '期望版本号(乐观锁:与当前版本不符则 CONFLICT)' })
  expectedVersion?: number | null;
}

@InputType('RouteDisputeInput', { description: '研判分流' })
export class RouteDisputeInput extends DisputeStepInput implements Command.RouteDisputeInput {
  @Field(() => ResponsibleUnitKind, { description: '承办单位类型' })
  unitKind!: string;

  @Field(() => ReceivingOrganizationInput, {
    nullable: true,
    description: '接收单位(统一社会信用代码与名称,与其他各类移交相同)。写明的,当事人同意调解后即移交该单位收件箱(分流转办);被退回后重新分流即再次移交',
  })
  receiver?: ReceivingOrganizationInput | null;

  @Field(() => String, {
    nullable: true,
    description: '承办单位名称:没有统一社会信用代码的单位、引导诉讼时填写(写明 receiver 的可省略,以 receiver.name 为准)',
  })
  unitName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '承办单位代码(统一社会信用代码)',
    deprecationReason: '用 receiver { creditCode name }(各类移交统一的接收单位)',
  })
  unitCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '承办部门(职能部门分流时):PETITION 信访局 / POLICE 公安 / COURT 法院。写明承办单位代码的,当事人同意后即移交该部门的转办件收件箱(分流转办)。法律援助须当事人本人申请,不能分流至司法局(JUSTICE)',
  })
  agency?: string | null;

  @Field(() => DisputeTier, { description: '化解层级' })
  tier!: string;

  @Field(() => ResolutionMethod, { nullable: true, description: '化解方式(默认人民调解;引导诉讼时不填)' })
  method?: string | null;

  @Field(() => String, { description: '研判意见(类型、性质、诉求、当事人情况)' })
  reason!: string;
}

@InputType('NotifyPartiesInput', { description: '一次性告知' })
export class NotifyPartiesInput extends DisputeStepInput implements Command.NotifyPartiesInput {
  @Field(() => [String], { description: '告知的服务清单事项编码' })
  serviceItemCodes!: string[];

  @Field(() => NoticeForm, { description: '告知方式' })
  form!: string;

  @Field(() => String, { nullable: true, description: '告知内容补充' })
  note?: string | null;
}

@InputType('RecordDisputeConsentInput', { description: '调解前置:当事人是否同意调解' })
export class RecordConsentInput extends DisputeStepInput implements Command.RecordConsentInput {
  @Field(() => Boolean, { description: 'true 同意调解;false 不同意(引导诉讼)' })
  consented!: boolean;

  @Field(() => String, { nullable: true, description: '说明' })
  note?: string | null;
}

@InputType('RecordDisputeAttemptInput', { description: '记录一次调解' })
export class RecordAttemptInput extends DisputeStepInput implements Command.RecordAttemptInput {
  @Field(() => String, { description: '调解员' })
  mediatorName!: string;

  @Field(() => String, { description: '调解情况' })
  summary!: string;
}

@InputType('EscalateDisputeInput', { description: '上交上级化解(三三制)' })
export class EscalateDisputeInput extends DisputeStepInput implements Command.EscalateDisputeInput {
  @Field(() => String, { nullable: true, description: '本级调解不足三次时提前上交的理由(须风险等级为高及以上)' })
  overrideReason?: string | null;
}

@InputType('ChangeDisputeMethodInput', { description: '动态调整化解方式' })
export class ChangeMethodInput extends DisputeStepInput implements Command.ChangeMethodInput {
  @Field(() => ResolutionMethod, { description: '新的化解方式' })
  method!: string;

  @Field(() => String, { description: '调整理由' })
  reason!: string;
}

@InputType('DisputeOutcomeInput', { description: '化解结果' })
export class OutcomeInput extends DisputeStepInput implements Command.OutcomeInput {
  @Field(() => String, { description: '结果说明' })
  summary!: string;
}

@InputType('RequestDisputeReviewInput', { description: '提请协调督办岗研判' })
export class RequestReviewInput extends DisputeStepInput implements Command.RequestReviewInput {
  @Field(() => String, { nullable: true, description: '提请说明' })
  note?: string | null;
}

@InputType('ReviewDisputeInput', { description: '协调督办岗综合研判' })
export class ReviewDisputeInput extends DisputeStepInput implements Command.ReviewDisputeInput {
  @Field(() => Boolean, { description: 'true 同意终结;false 退回继续化解' })
  approve!: boolean;

  @Field(() => String, { description: '研判意见' })
  opinion!: string;
}

@InputType('CloseDisputeInput', { description: '结案' })
export class CloseDisputeInput extends DisputeStepInput implements Command.CloseDisputeInput {
  @Field(() => String, { description: '结案意见' })
  closingOpinion!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'true:终结非诉程序并引导诉讼' })
  guideToLitigation!: boolean;
}

import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ProcuratorateIndicators', {
  description: '检察院指标(区划、期间):检调对接移交与结果、刑事和解后的处理决定,按事件发生时刻计入期间 Procuratorate figures for a region and a period',
})
export class ProcuratorateIndicatorsType {
  @Field(() => Int, { description: '检调移交数:期间内移交人民调解的案件(刑事和解与民事监督)' })
  referrals!: number;

  @Field(() => Int, { description: '刑事和解移交数:期间内移交调解的刑事和解案件' })
  criminalReferrals!: number;

  @Field(() => Int, { description: '民事监督移交数:期间内移交调解的民事诉讼监督案件' })
  civilSupervisionReferrals!: number;

  @Field(() => Int, { description: '调解组织受理数:期间内调解组织受理的检调移交' })
  referralsAccepted!: number;

  @Field(() => Int, { description: '调解组织不予受理数:期间内调解组织退回的检调移交' })
  referralsRejected!: number;

  @Field(() => Int, { description: '达成和解数:期间内登记达成和解(调解协议)的案件' })
  agreementsReached!: number;

  @Field(() => Int, { description: '未达成和解数:期间内登记未达成和解的案件' })
  agreementsNotReached!: number;

  @Field(() => Float, { nullable: true, description: '和解率 = 达成和解数 ÷ 检调移交数(分母为 0 时为空)' })
  reconciliationRate!: number | null;

  @Field(() => Int, { description: '不起诉决定数:期间内和解后作出不起诉决定' })
  nonProsecutionDecisions!: number;

  @Field(() => Int, { description: '从宽处罚建议数:期间内和解后向法院提出从宽处罚建议' })
  lenientRecommendations!: number;

  @Field(() => Int, { description: '刑事和解处理决定数 = 不起诉决定数 + 从宽处罚建议数(刑诉法第 290 条)' })
  decisions!: number;

  @Field(() => Float, { nullable: true, description: '刑事和解决定率 = 刑事和解处理决定数 ÷ 刑事和解移交数' })
  decisionRate!: number | null;

  @Field(() => Int, { description: '继续起诉数:期间内决定继续起诉的案件' })
  prosecutionsContinued!: number;

  @Field(() => Int, { description: '民事监督终结审查数:期间内因和解终结审查的民事监督案件' })
  civilReviewsTerminated!: number;
}

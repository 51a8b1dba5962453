import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * The hub's indicator report as the police subgraph sees it: the key only. A class of its own, not
 * the kit's: type-graphql adds a resolver's fields to the class it resolves, so a class shared with
 * another subgraph built in the same process (the SDL printer, the tests) would carry their fields.
 */
@Directive('@key(fields: "regionCode from to")')
@ObjectType('IndicatorReport')
export class PoliceIndicatorReport {
  @Field(() => String)
  regionCode!: string;

  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;
}

@ObjectType('PoliceIndicators', {
  description: '公安指标(区划、期间):接报警情、非警务警情分流、治安调解、公调对接,按事件发生时刻计入期间 Police figures',
})
export class PoliceIndicatorsType {
  @Field(() => Int, { description: '警情数:期间内接报的警情(110 接警、来所报警、导入)' })
  incidents!: number;

  @Field(() => Int, { description: '非警务警情数:期间内接报的警情中属非警务的(非警务警情分流率的分母)' })
  nonPoliceIncidents!: number;

  @Field(() => Int, {
    description: '非警务警情分流数:期间内接报的非警务警情中,已移交人民调解(公调)或已报综治中心统一受理、分流至主管部门(一案一号)的(分流率的分子)',
  })
  nonPoliceDiverted!: number;

  @Field(() => Float, { nullable: true, description: '非警务警情分流率 = 非警务警情分流数 ÷ 非警务警情数(分母为 0 时为空)' })
  nonPoliceDiversionRate!: number | null;

  @Field(() => Int, { description: '治安调解终结数:期间内终结的治安调解(协议履行、协议不履行、调解不成)' })
  mediationsConcluded!: number;

  @Field(() => Int, { description: '治安调解达成协议数:期间内终结的治安调解中达成协议的(已履行或未履行)' })
  mediationsAgreed!: number;

  @Field(() => Int, { description: '治安调解协议履行数:期间内确认协议履行完毕、不予处罚的' })
  mediationsPerformed!: number;

  @Field(() => Float, { nullable: true, description: '治安调解成功率 = 治安调解达成协议数 ÷ 治安调解终结数' })
  mediationSuccessRate!: number | null;

  @Field(() => Int, { description: '公调移交数:期间内移交人民调解组织的警情' })
  transfersSent!: number;

  @Field(() => Int, { description: '公调受理数:期间内调解组织受理的移交' })
  transfersAccepted!: number;

  @Field(() => Int, { description: '公调不予受理数:期间内调解组织退回的移交' })
  transfersRejected!: number;

  @Field(() => Int, { description: '公调办结数:期间内调解组织办结并反馈的移交' })
  transfersConcluded!: number;

  @Field(() => Int, { description: '公调调解成功数:期间内以达成调解协议办结的移交' })
  transfersSucceeded!: number;

  @Field(() => Float, { nullable: true, description: '公调调解成功率 = 公调调解成功数 ÷ 公调办结数' })
  transferSuccessRate!: number | null;
}

import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('PetitionIndicators', {
  description: '信访指标(区划、期间):及时受理、按期办结、参评满意与访调对接,按事件发生时刻计入期间 Petition figures for a region and a period',
})
export class PetitionIndicatorsType {
  @Field(() => Int, { description: '登记数:期间内登记的信访事项' })
  registered!: number;

  @Field(() => Int, {
    description: '及时受理数:期间内登记、并在受理时限内(自登记起 15 日,按登记时本机关的时限)受理、转送或告知不予受理的事项',
  })
  acceptedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '及时受理率 = 及时受理数 ÷ 登记数(分母为 0 时为空)' })
  timelyAcceptanceRate!: number | null;

  @Field(() => Int, { description: '办结数:期间内办结(出具处理意见或经调解成功)的事项' })
  closed!: number;

  @Field(() => Int, { description: '按期办结数:期间内办结、且办结时未超过办理期限(受理后 60 日,延长者含延长期)的事项' })
  closedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '按期办结率 = 按期办结数 ÷ 办结数' })
  onTimeClosureRate!: number | null;

  @Field(() => Int, { description: '参评数:期间内信访人作出满意度评价的事项' })
  rated!: number;

  @Field(() => Int, { description: '满意数(期间内评价为满意)' })
  satisfied!: number;

  @Field(() => Int, { description: '基本满意数(期间内评价为基本满意)' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: '不满意数(期间内评价为不满意)' })
  dissatisfied!: number;

  @Field(() => Float, { nullable: true, description: '参评满意率 = (满意数 + 基本满意数) ÷ 参评数' })
  satisfactionRate!: number | null;

  @Field(() => Int, { description: '访调移交数:期间内移交人民调解的事项(访调对接发出)' })
  mediationTransfers!: number;

  @Field(() => Int, { description: '访调成功数:期间内经人民调解成功而办结的事项' })
  transfersSucceeded!: number;
}

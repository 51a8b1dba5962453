import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * The hub's indicator report as the justice subgraph sees it: the key only. A class of its own, not
 * the kit's: type-graphql adds a resolver's fields to the class it resolves, so a class shared with
 * another subgraph built in the same process (the SDL printer, the tests) would carry their fields.
 */
@Directive('@key(fields: "regionCode from to")')
@ObjectType('IndicatorReport')
export class JusticeIndicatorReport {
  @Field(() => String)
  regionCode!: string;

  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;
}

@ObjectType('JusticeIndicators', {
  description: '司法局指标(区划、期间):人民调解收案与结案、协议与履行、回访、法律援助审查与指派,按事件发生时刻计入期间 Justice bureau figures',
})
export class JusticeIndicatorsType {
  @Field(() => Int, { description: '人民调解收案数:期间内收到(登记、接收对接)的调解案件' })
  casesReceived!: number;

  @Field(() => Int, { description: '调解终结数:期间内办结的调解案件(达成协议、未达成协议、终止调解)' })
  casesConcluded!: number;

  @Field(() => Int, { description: '调解成功数:期间内以达成调解协议办结的案件' })
  agreements!: number;

  @Field(() => Float, { nullable: true, description: '调解成功率 = 调解成功数 ÷ 调解终结数(分母为 0 时为空)' })
  mediationSuccessRate!: number | null;

  @Field(() => Float, { description: '协议金额(元):期间内调解成功案件的调解协议约定金额合计(未约定金额的协议计 0)' })
  agreementAmount!: number;

  @Field(() => Int, {
    description: '应履行协议数:履行期限在期间内、已届满(或已提前履行)的已生效调解协议(履行率的分母)',
  })
  agreementsDue!: number;

  @Field(() => Int, { description: '已履行协议数:应履行协议中已全部履行的(履行率的分子)' })
  agreementsPerformed!: number;

  @Field(() => Float, { nullable: true, description: '履行率 = 已履行协议数 ÷ 应履行协议数' })
  performanceRate!: number | null;

  @Field(() => Int, { description: '应回访数:办结后回访日期在期间内、已到期(或已提前回访)的回访(回访率的分母)' })
  returnVisitsDue!: number;

  @Field(() => Int, { description: '已回访数:应回访中已完成回访的(回访率的分子)' })
  returnVisitsDone!: number;

  @Field(() => Float, { nullable: true, description: '回访率 = 已回访数 ÷ 应回访数' })
  returnVisitRate!: number | null;

  @Field(() => Int, { description: '法律援助申请数:期间内收到的申请' })
  legalAidApplied!: number;

  @Field(() => Int, { description: '法律援助审查决定数:期间内审查完毕(准予或不予援助)的申请' })
  legalAidDecided!: number;

  @Field(() => Int, { description: '按时审查数:审查决定中在审查期限(默认申请后 7 日)内作出的' })
  legalAidDecidedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '法律援助及时审查率 = 按时审查数 ÷ 审查决定数' })
  legalAidReviewRate!: number | null;

  @Field(() => Int, { description: '指派律师数:期间内为准予援助的申请指派律师的' })
  legalAidAssigned!: number;

  @Field(() => Int, { description: '按时指派数:指派中在指派期限(默认准予后 3 日)内完成的' })
  legalAidAssignedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '法律援助及时指派率 = 按时指派数 ÷ 指派律师数' })
  legalAidAssignmentRate!: number | null;
}

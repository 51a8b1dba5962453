import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * The hub's indicator report as the court sees it: the key, and the region's population (owned by
 * the hub), which the court `@requires` for 万人成讼率.
 */
@Directive('@key(fields: "regionCode from to")')
@ObjectType('IndicatorReport')
export class CourtIndicatorReport {
  @Field(() => String)
  regionCode!: string;

  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  population?: number | null;
}

@ObjectType('CourtIndicators', { description: '法院指标(区划、期间):诉调对接、立案、司法确认与执行,按事件发生时刻计入期间 Court figures' })
export class CourtIndicatorsType {
  @Field(() => Int, { description: '诉前收案数(民事):期间内收到的民事起诉材料' })
  civilCasesReceived!: number;

  @Field(() => Int, { description: '诉前委派调解数:期间内委派至调解组织的案件' })
  divertedPreFiling!: number;

  @Field(() => Int, { description: '诉前调解成功数' })
  preFilingSucceeded!: number;

  @Field(() => Int, { description: '诉前调解不成数' })
  preFilingFailed!: number;

  @Field(() => Float, { nullable: true, description: '诉前调解分流率 = 诉前委派调解数 ÷ 诉前收案数(分母为 0 时为空)' })
  diversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: '诉前化解率 = 诉前调解成功数 ÷ 诉前委派调解数' })
  preFilingResolutionRate!: number | null;

  @Field(() => Int, { description: '一审立案数:期间内立案的一审民事、行政案件(万人成讼率的分子)' })
  filings!: number;

  @Field(() => Float, { nullable: true, description: '万人成讼率 = 一审立案数 ÷ 区划常住人口 × 10000(人口未知时为空)' })
  filingsPer10k!: number | null;

  @Field(() => Int, { description: '委托调解数(诉中)' })
  entrustedMediations!: number;

  @Field(() => Int, { description: '委托调解成功数' })
  entrustedSucceeded!: number;

  @Field(() => Int, { description: '司法确认申请数' })
  confirmationsApplied!: number;

  @Field(() => Int, { description: '司法确认受理数' })
  confirmationsAccepted!: number;

  @Field(() => Int, { description: '司法确认不予受理数' })
  confirmationsRefused!: number;

  @Field(() => Int, { description: '裁定确认有效数(司法确认数)' })
  confirmationsConfirmed!: number;

  @Field(() => Int, { description: '裁定驳回数' })
  confirmationsRejected!: number;

  @Field(() => Float, { nullable: true, description: '司法确认有效率 = 裁定确认有效数 ÷ (裁定确认有效数 + 裁定驳回数)' })
  confirmationRate!: number | null;

  @Field(() => Int, { description: '自动履行数:确认后当事人自动履行' })
  agreementsPerformed!: number;

  @Field(() => Int, { description: '申请强制执行数' })
  enforcementApplications!: number;

  @Field(() => Float, { nullable: true, description: '自动履行率 = 自动履行数 ÷ (自动履行数 + 申请强制执行数)' })
  voluntaryPerformanceRate!: number | null;
}

import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** The governance subgraph's region, to which the court contributes its figures. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionRef {
  @Field(() => String)
  code!: string;
}

@ObjectType('CourtIndicators', { description: '法院指标(区划、期间) Court figures for a region and a period' })
export class CourtIndicatorsType {
  @Field(() => Date, { description: '期间起(含)' })
  from!: Date;

  @Field(() => Date, { description: '期间止(不含)' })
  to!: Date;

  @Field(() => Int, { description: '诉前收案数(民事)' })
  civilCasesReceived!: number;

  @Field(() => Int, { description: '诉前委派调解数' })
  divertedPreFiling!: number;

  @Field(() => Int, { description: '诉前调解成功数' })
  preFilingSucceeded!: number;

  @Field(() => Int, { description: '诉前调解不成数' })
  preFilingFailed!: number;

  @Field(() => Float, { nullable: true, description: '诉前调解分流率 = 委派数 ÷ 收案数' })
  diversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: '诉前化解率 = 调解成功数 ÷ 委派数' })
  preFilingResolutionRate!: number | null;

  @Field(() => Int, { description: '一审民事立案数(万人成讼率的分子;人口见 Region.population)' })
  filings!: number;

  @Field(() => Int, { description: '委托调解数' })
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

  @Field(() => Int, { description: '自动履行数' })
  agreementsPerformed!: number;

  @Field(() => Int, { description: '申请强制执行数' })
  enforcementApplications!: number;

  @Field(() => Float, { nullable: true, description: '自动履行率 = 自动履行数 ÷ (自动履行数 + 申请强制执行数)' })
  voluntaryPerformanceRate!: number | null;
}

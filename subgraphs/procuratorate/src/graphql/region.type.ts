import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** The governance subgraph's region, to which the procuratorate contributes its figures. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionRef {
  @Field(() => String)
  code!: string;
}

@ObjectType('ProcuratorateIndicators', { description: '检调对接指标(区划、期间) Procuratorate figures for a region and a period' })
export class ProcuratorateIndicatorsType {
  @Field(() => Date, { description: '期间起(含)' })
  from!: Date;

  @Field(() => Date, { description: '期间止(不含)' })
  to!: Date;

  @Field(() => Int, { description: '刑事和解移交调解数' })
  criminalReferred!: number;

  @Field(() => Int, { description: '民事监督案件移交调解数' })
  civilSupervisionReferred!: number;

  @Field(() => Int, { description: '达成和解数' })
  reconciled!: number;

  @Field(() => Int, { description: '未达成和解数' })
  notReconciled!: number;

  @Field(() => Float, { nullable: true, description: '和解成功率 = 达成和解数 ÷ (达成 + 未达成)' })
  reconciliationRate!: number | null;

  @Field(() => Int, { description: '提出从宽处罚建议数' })
  leniencyRecommendations!: number;

  @Field(() => Int, { description: '不起诉决定数' })
  nonProsecutions!: number;

  @Field(() => Int, { description: '继续起诉数' })
  prosecutionsContinued!: number;

  @Field(() => Int, { description: '民事监督和解终结审查数' })
  civilReviewsTerminated!: number;
}

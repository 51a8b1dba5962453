import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** The governance subgraph's region, to which the petition bureau contributes its figures. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionRef {
  @Field(() => String)
  code!: string;
}

@ObjectType('PetitionIndicators', { description: '信访指标(区划、期间) Petition figures for a region and a period' })
export class PetitionIndicatorsType {
  @Field(() => Date, { description: '期间起(含)' })
  from!: Date;

  @Field(() => Date, { description: '期间止(不含)' })
  to!: Date;

  @Field(() => Int, { description: '登记的信访事项数' })
  registered!: number;

  @Field(() => Int, { description: '15 日内受理(转送、告知)数' })
  routedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '及时受理率 = 按时受理数 ÷ 登记数' })
  timelyAcceptanceRate!: number | null;

  @Field(() => Int, { description: '办结数' })
  concluded!: number;

  @Field(() => Int, { description: '按期办结数' })
  concludedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '按期办结率 = 按期办结数 ÷ 办结数' })
  onTimeClosureRate!: number | null;

  @Field(() => Int, { description: '参评数' })
  rated!: number;

  @Field(() => Int, { description: '满意数' })
  satisfied!: number;

  @Field(() => Int, { description: '基本满意数' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: '不满意数' })
  dissatisfied!: number;

  @Field(() => Float, { nullable: true, description: '参评满意率 = (满意 + 基本满意) ÷ 参评数' })
  satisfactionRate!: number | null;

  @Field(() => Int, { description: '访调对接:移交调解数' })
  referredToMediation!: number;

  @Field(() => Int, { description: '访调对接:调解成功办结数' })
  closedByMediation!: number;
}

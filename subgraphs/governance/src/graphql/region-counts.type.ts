import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('DisputeCountByKey', { description: '分组计数' })
export class DisputeCountByKeyType {
  @Field(() => String, { description: '渠道或类别' })
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RegionDisputeCounts', { description: "综治中心:区划在某一期间的纠纷统计 The hub's counts for a region and period" })
export class RegionDisputeCountsType {
  @Field(() => Date, { description: '期间起(含)' })
  from!: Date;

  @Field(() => Date, { description: '期间止(不含)' })
  to!: Date;

  @Field(() => Int, { description: '登记数(本期登记)' })
  registered!: number;

  @Field(() => Int, { description: '化解成功数(本期化解)' })
  resolved!: number;

  @Field(() => Int, { description: '超期未办结数(本期登记、当前超期)' })
  overdue!: number;

  @Field(() => Float, { nullable: true, description: '矛盾纠纷化解率(化解数 ÷ 登记数;无登记为空)' })
  resolutionRate!: number | null;

  @Field(() => Float, { nullable: true, description: '万人纠纷登记数(登记数 ÷ 常住人口 × 10000;无人口数据为空)' })
  registeredPer10k!: number | null;

  @Field(() => [DisputeCountByKeyType], { description: '按受理渠道' })
  byChannel!: DisputeCountByKeyType[];

  @Field(() => [DisputeCountByKeyType], { description: '按纠纷类别' })
  byCategory!: DisputeCountByKeyType[];
}

import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '@jiefen/subgraph-kit';

@Directive('@key(fields: "id")')
@ObjectType('Dispute', { description: '矛盾纠纷(统一受理登记) A dispute, registered once at the hub' })
export class DisputeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '统一编号(区划+年度+流水号)' })
  number!: string;

  @Field(() => String, { description: '纠纷类别(人民调解统计口径)' })
  category!: string;

  @Field(() => String, { description: '受理渠道:WINDOW 窗口 / ONLINE 网上 / HOTLINE_12348 热线 / GRID_SCREENING 网格排查 / AGENCY_TRANSFER 部门移送' })
  channel!: string;

  @Field(() => String, { description: '纠纷概要' })
  summary!: string;

  @Field(() => String, { description: '发生地区划代码' })
  regionCode!: string;

  @Field(() => Int, { description: '涉及人数' })
  peopleInvolved!: number;

  @Field(() => String, { description: '化解层级:VILLAGE 村 / TOWN 镇 / COUNTY 县' })
  tier!: string;

  @Field(() => String, { description: '状态' })
  status!: string;

  @Field(() => String, { description: '风险等级' })
  riskLevel!: string;

  @Field(() => Date, { description: '登记时间' })
  registeredAt!: Date;

  @Field(() => String, { nullable: true, description: '首接责任人' })
  firstContactName!: string | null;
}

export const DisputeConnection = ConnectionType('Dispute', DisputeType, '纠纷列表 A page of disputes');

@ArgsType()
export class DisputesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀(县 6 位、镇 9 位、村 12 位)' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '纠纷类别' })
  category?: string | null;
}

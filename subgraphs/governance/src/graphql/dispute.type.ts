import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs, PersonalText, type PersonalTextRead, DisputeCategoryEnum, PeriodFilter } from '@jiefen/subgraph-kit';
import type { Dispute } from '../entities/dispute.entity.js';
import { DisputeChannel, DisputeStatus, DisputeTier, ResolutionMethod, ResponsibleUnitKind, RiskLevel } from './enums.js';

@ObjectType('ResponsibleUnit', { description: '承办单位(研判分流结果) The unit a dispute was routed to' })
export class ResponsibleUnitType {
  @Field(() => ResponsibleUnitKind, { description: '类型' })
  kind!: string;

  @Field(() => String, { description: '名称' })
  name!: string;

  @Field(() => String, { nullable: true, description: '机构代码' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: '承办部门(分流转办至职能部门或法院时):PETITION / POLICE / COURT' })
  agency!: string | null;

  @Field(() => Date, { nullable: true, description: '分流时间' })
  routedAt!: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Dispute', { description: '矛盾纠纷(统一受理登记) A dispute, registered once at the hub' })
export class DisputeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '统一编号(区划+年度+流水号)' })
  number!: string;

  @Field(() => String, { description: '纠纷类别(人民调解统计口径)' })
  category!: string;

  @Field(() => DisputeChannel, { description: '受理渠道:WINDOW 窗口 / ONLINE 网上 / HOTLINE_12348 热线 / GRID_SCREENING 网格排查 / AGENCY_TRANSFER 部门移送' })
  channel!: string;

  @PersonalText()
  @Field(() => String, { description: '纠纷概要' })
  summary!: string;

  @Field(() => String, { description: '发生地区划代码' })
  regionCode!: string;

  @Field(() => Int, { description: '涉及人数' })
  peopleInvolved!: number;

  @Field(() => DisputeTier, { description: '化解层级:VILLAGE 村 / TOWN 镇 / COUNTY 县' })
  tier!: string;

  @Field(() => DisputeStatus, { description: '状态' })
  status!: string;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => RiskLevel, { description: '风险等级' })
  riskLevel!: string;

  @Field(() => Date, { description: '登记时间' })
  registeredAt!: Date;

  @Field(() => String, { nullable: true, description: '首接责任人' })
  firstContactName!: string | null;

  @Field(() => ResolutionMethod, { nullable: true, description: '化解方式(动态调整后为当前方式)' })
  method!: string | null;

  @Field(() => ResponsibleUnitType, { nullable: true, description: '承办单位(研判分流)' })
  responsibleUnit!: ResponsibleUnitType | null;

  @Field(() => Int, { description: '本层级已调解次数(三三制)' })
  attemptsAtTier!: number;

  @Field(() => Date, { nullable: true, description: '当前环节办理时限(已终结为空)' })
  dueAt!: Date | null;

  @Field(() => Boolean, { description: '是否超期' })
  overdue!: boolean;

  @Field(() => String, { nullable: true, description: '化解结果:RESOLVED 化解成功 / UNRESOLVED 化解不成' })
  outcome!: string | null;

  @Field(() => Date, { nullable: true, description: '化解成功时间' })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '结案(终结)时间' })
  closedAt!: Date | null;

  @Field(() => Int, { description: '版本号(乐观锁:办理时可传 expectedVersion)' })
  version!: number;

  /** The row, for the hub-only field resolvers. */
  entity!: Dispute;

  /** The dispute's parties, whom its summary may name. */
  personal!: PersonalTextRead;
}

export const DisputeConnection = ConnectionType('Dispute', DisputeType, '纠纷列表 A page of disputes');

@ArgsType()
export class DisputesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀(县 6 位、镇 9 位、村 12 位)' })
  regionCode?: string | null;

  @Field(() => DisputeCategoryEnum, { nullable: true, description: '纠纷类别' })
  category?: string | null;

  @Field(() => DisputeStatus, { nullable: true, description: '状态' })
  status?: string | null;

  @Field(() => DisputeTier, { nullable: true, description: '化解层级' })
  tier?: string | null;

  @Field(() => DisputeChannel, { nullable: true, description: '受理渠道' })
  channel?: string | null;

  @Field(() => RiskLevel, { nullable: true, description: '风险等级' })
  riskLevel?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true 只看超期未办结的;false 只看未超期的' })
  overdue?: boolean | null;

  @Field(() => PeriodFilter, { nullable: true, description: '登记时间在此期间' })
  registered?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '化解完成时间在此期间' })
  resolved?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '结案时间在此期间' })
  closed?: PeriodFilter | null;
}

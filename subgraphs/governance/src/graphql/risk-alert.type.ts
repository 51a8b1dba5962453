import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs, PersonalText, type PersonalTextRead } from '@jiefen/subgraph-kit';
import { AlertRule, AlertStatus, RiskLevel } from './enums.js';

@ObjectType('RiskAlert', { description: '预警 An early-warning alert' })
export class RiskAlertType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: '纠纷编号' })
  disputeId!: string | null;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => RiskLevel, { description: '预警等级' })
  level!: string;

  @Field(() => AlertRule, { description: '触发规则' })
  rule!: string;

  @PersonalText()
  @Field(() => String, { description: '预警理由' })
  reason!: string;

  @Field(() => AlertStatus, { description: '状态' })
  status!: string;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => Date, { description: '预警时间' })
  raisedAt!: Date;

  @Field(() => String, { nullable: true, description: '人工预警人(规则触发为空)' })
  raisedByName!: string | null;

  @Field(() => Date, { nullable: true, description: '处置时间' })
  handledAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '处置情况' })
  handlingNote!: string | null;

  @Field(() => Int, { description: '版本号' })
  version!: number;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

export const RiskAlertConnection = ConnectionType('RiskAlert', RiskAlertType, '预警列表 A page of alerts');

@ArgsType()
export class RiskAlertsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀' })
  regionCode?: string | null;

  @Field(() => RiskLevel, { nullable: true, description: '预警等级' })
  level?: string | null;

  @Field(() => AlertStatus, { nullable: true, defaultValue: 'OPEN', description: '状态(默认只看待处置的)' })
  status?: string | null;
}

@ObjectType('RiskAlertCount', { description: '按等级统计的待处置预警 Open alerts per level' })
export class RiskAlertCountType {
  @Field(() => RiskLevel)
  level!: string;

  @Field(() => Int)
  count!: number;
}

import { Field, ID, InputType, Int } from 'type-graphql';
import type * as Command from '../domain/commands.js';
import { RiskLevel } from './enums.js';

@InputType('RaiseRiskAlertInput', { description: '人工预警 Raise an alert by hand' })
export class RaiseRiskAlertInput implements Command.RaiseRiskAlertInput {
  @Field(() => ID, { nullable: true, description: '纠纷编号(与区划二选一)' })
  disputeId?: string | null;

  @Field(() => String, { nullable: true, description: '区划代码(不针对具体纠纷时)' })
  regionCode?: string | null;

  @Field(() => RiskLevel, { description: '预警等级' })
  level!: string;

  @Field(() => String, { description: '预警理由' })
  reason!: string;
}

@InputType('HandleRiskAlertInput', { description: '处置预警 Handle an alert' })
export class HandleRiskAlertInput implements Command.HandleRiskAlertInput {
  @Field(() => ID)
  alertId!: string;

  @Field(() => String, { description: '处置情况' })
  note!: string;

  @Field(() => Int, { nullable: true, description: '期望版本号(乐观锁)' })
  expectedVersion?: number | null;
}

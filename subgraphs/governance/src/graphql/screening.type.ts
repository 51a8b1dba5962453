import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '@jiefen/subgraph-kit';
import { Forecast, ScreeningCadence } from './enums.js';

@ObjectType('ScreeningFinding', { description: '排查发现 A finding of a screening report' })
export class ScreeningFindingType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '纠纷类别' })
  category!: string;

  @Field(() => String, { description: '起因' })
  cause!: string;

  @Field(() => String, { description: '发生时间' })
  occurredOn!: string;

  @Field(() => String, { description: '发生地点' })
  place!: string;

  @Field(() => String, { nullable: true, description: '涉及单位' })
  unit!: string | null;

  @Field(() => Int, { description: '涉及人数' })
  peopleInvolved!: number;

  @Field(() => String, { nullable: true, description: '重点人员(个人信息:领导视图脱敏)' })
  keyPersons!: string | null;

  @Field(() => Forecast, { description: '研判预测' })
  forecast!: string;

  @Field(() => ID, { nullable: true, description: '已登记的纠纷编号' })
  disputeId!: string | null;
}

@ObjectType('ScreeningReport', { description: '排查报告 A screening report' })
export class ScreeningReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => String, { description: '排查周期' })
  periodKey!: string;

  @Field(() => ScreeningCadence, { description: '周期类型' })
  cadence!: string;

  @Field(() => Boolean, { description: '是否零报告' })
  zeroReport!: boolean;

  @Field(() => Int, { description: '发现数' })
  findingCount!: number;

  @Field(() => Date, { description: '报送时间' })
  submittedAt!: Date;

  @Field(() => String, { description: '报送人' })
  submittedByName!: string;
}

export const ScreeningReportConnection = ConnectionType('ScreeningReport', ScreeningReportType, '排查报告列表');

@ArgsType()
export class ScreeningReportsArgs extends PageArgs {
  @Field(() => String, { description: '排查周期' })
  periodKey!: string;

  @Field(() => String, { nullable: true, description: '区划代码前缀' })
  regionCode?: string | null;
}

@ObjectType('MissingScreeningReport', { description: '逾期未报的排查报告 A report not received by its due date' })
export class MissingScreeningReportType {
  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => String, { description: '区划名称' })
  regionName!: string;

  @Field(() => String, { description: '排查周期' })
  periodKey!: string;

  @Field(() => Date, { description: '应报时间' })
  dueAt!: Date;
}

export const MissingScreeningReportConnection = ConnectionType('MissingScreeningReport', MissingScreeningReportType, '逾期未报列表');

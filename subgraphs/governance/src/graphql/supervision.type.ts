import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs, PersonalText, type PersonalTextRead } from '@jiefen/subgraph-kit';
import { DisputeTier, SupervisionStatus, SupervisionSubject } from './enums.js';

@ObjectType('SupervisionItem', { description: '督办事项 An overdue dispute or docking under supervision' })
export class SupervisionItemType {
  @Field(() => ID)
  id!: string;

  @Field(() => SupervisionSubject, { description: '督办对象类型' })
  subjectType!: string;

  @Field(() => ID, { description: '纠纷或对接编号' })
  subjectId!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '超过的时限' })
  dueAt!: Date;

  @PersonalText()
  @Field(() => String, { description: '督办事由' })
  reason!: string;

  @Field(() => DisputeTier, { description: '督办层级(提级督办后为上一级)' })
  level!: string;

  @Field(() => SupervisionStatus, { description: '状态' })
  status!: string;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => Int, { description: '催办次数' })
  reminderCount!: number;

  @Field(() => Date, { nullable: true, description: '最近催办时间' })
  lastRemindedAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '最近催办(督办)意见' })
  lastReminderNote!: string | null;

  @Field(() => Int, { description: '提级次数' })
  escalationCount!: number;

  @Field(() => Date, { description: '立项时间' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: '销号时间' })
  clearedAt!: Date | null;

  @Field(() => Int, { description: '版本号' })
  version!: number;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

export const SupervisionItemConnection = ConnectionType('SupervisionItem', SupervisionItemType, '督办事项列表');

@ArgsType()
export class SupervisionItemsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀' })
  regionCode?: string | null;

  @Field(() => SupervisionStatus, { nullable: true, defaultValue: 'OPEN', description: '状态(默认督办中)' })
  status?: string | null;

  @Field(() => DisputeTier, { nullable: true, description: '督办层级' })
  level?: string | null;

  @Field(() => SupervisionSubject, { nullable: true, description: '对象类型' })
  subjectType?: string | null;
}

@ObjectType('OverdueScanResult', { description: '超期扫描结果' })
export class OverdueScanResultType {
  @Field(() => Int, { description: '新立督办事项数' })
  created!: number;

  @Field(() => Int, { description: '销号数' })
  cleared!: number;

  @Field(() => Date, { description: '扫描时间' })
  scannedAt!: Date;
}

import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  ConnectionType,
  PageArgs,
  PersonalText,
  type PersonalTextRead,
  PeriodFilter,
  ReceivingOrganizationType,
  RECEIVER_DEPRECATION,
} from '@jiefen/subgraph-kit';
import { DockingKind, DockingMode, DockingOutcome, DockingStatus } from './enums.js';

@ObjectType('DockingEvent', { description: '对接事件(台账时间线) One event of a docking' })
export class DockingEventType {
  @Field(() => Int, { description: '序号(同一对接的事件按序应用)' })
  sequence!: number;

  @Field(() => String, { description: '事件类型,如 DockingRequested、DockingAccepted、MediationConcluded' })
  type!: string;

  @Field(() => Date, { description: '发生时间' })
  at!: Date;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '摘要(领导视图不显示)' })
  summary!: string | null;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

@Directive('@key(fields: "id")')
@ObjectType('Docking', {
  description: "对接(诉调、公调、检调、访调、援调、综治中心分流转办)台账 One hand-over between agencies, as the hub's ledger records it",
})
export class DockingType {
  @Field(() => ID)
  id!: string;

  @Field(() => DockingKind, { description: '对接类型' })
  kind!: string;

  @Field(() => DockingMode, { description: '对接方式' })
  mode!: string;

  @Field(() => DockingStatus, { description: '状态' })
  status!: string;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => String, { description: '发起部门' })
  fromAgency!: string;

  @Field(() => String, { description: '接收部门' })
  toAgency!: string;

  @Field(() => String, { description: '发起单位代码' })
  fromOrganizationCode!: string;

  @Field(() => String, { nullable: true, description: '发起单位名称' })
  fromOrganizationName!: string | null;

  @Field(() => String, { nullable: true, description: '接收单位代码', deprecationReason: RECEIVER_DEPRECATION })
  toOrganizationCode!: string | null;

  @Field(() => String, { nullable: true, description: '接收单位名称', deprecationReason: RECEIVER_DEPRECATION })
  toOrganizationName!: string | null;

  @Field(() => ReceivingOrganizationType, { nullable: true, description: '接收单位' })
  receivingOrganization!: ReceivingOrganizationType | null;

  @Field(() => ID, { nullable: true, description: '纠纷编号' })
  disputeId!: string | null;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '发送时间' })
  sentAt!: Date;

  @Field(() => Date, { nullable: true, description: '接收时限' })
  acceptBy!: Date | null;

  @Field(() => Date, { nullable: true, description: '办结时限' })
  concludeBy!: Date | null;

  @Field(() => Date, { nullable: true, description: '反馈(司法确认申请)时限' })
  confirmBy!: Date | null;

  @Field(() => Date, { nullable: true, description: '办结时间' })
  concludedAt!: Date | null;

  @Field(() => DockingOutcome, { nullable: true, description: '结果' })
  outcome!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '结果说明(领导视图不显示)' })
  outcomeSummary!: string | null;

  @Field(() => Date, { nullable: true, description: '当前时限' })
  dueAt!: Date | null;

  @Field(() => Boolean, { description: '是否超期' })
  overdue!: boolean;

  /** Whether free text is hidden (a leader's view). */
  masked!: boolean;

  /** The people its free text may name, and how the caller sees it. */
  personal!: PersonalTextRead;
}

export const DockingConnection = ConnectionType('Docking', DockingType, '对接台账 A page of dockings');

@ArgsType()
export class DockingsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀' })
  regionCode?: string | null;

  @Field(() => DockingKind, { nullable: true, description: '对接类型' })
  kind?: string | null;

  @Field(() => DockingStatus, { nullable: true, description: '状态' })
  status?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true 只看超期的;false 只看未超期的' })
  overdue?: boolean | null;

  @Field(() => PeriodFilter, { nullable: true, description: '发送时间在此期间' })
  sent?: PeriodFilter | null;

  @Field(() => PeriodFilter, { nullable: true, description: '办结时间在此期间' })
  concluded?: PeriodFilter | null;
}

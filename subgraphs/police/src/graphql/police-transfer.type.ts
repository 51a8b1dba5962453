import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { PersonalText, ReceivingOrganizationInput, type PersonalTextRead, ReceivingOrganizationType, RECEIVER_DEPRECATION } from '@jiefen/subgraph-kit';
import { HandOverConfirmationType } from '@jiefen/docking';
import { PoliceIncidentPartyRole } from './police-incident.type.js';

@ObjectType('PoliceTransfer', { description: '公调对接:警情移交人民调解的记录与结果反馈' })
export class PoliceTransferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '对接编号(与综治中心台账一致)' })
  dockingId!: string;

  @Field(() => ID, { description: '警情编号' })
  incidentId!: string;

  @Field(() => String, { description: '接收的调解组织(统一社会信用代码)', deprecationReason: RECEIVER_DEPRECATION })
  toOrganizationCode!: string;

  @Field(() => String, { nullable: true, description: '接收的调解组织名称', deprecationReason: RECEIVER_DEPRECATION })
  toOrganizationName!: string | null;

  @Field(() => ReceivingOrganizationType, { nullable: true, description: '接收单位' })
  receivingOrganization!: ReceivingOrganizationType | null;

  @PersonalText()
  @Field(() => String, { description: '移交理由' })
  reason!: string;

  @Field(() => String, { description: '状态:SENT 已移交 / ACCEPTED 已受理 / REJECTED 不予受理 / CONCLUDED 已办结并反馈' })
  status!: string;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => String, { nullable: true, description: '调解结果:AGREEMENT 达成协议 / NO_AGREEMENT 调解不成 / TERMINATED 终止' })
  outcome!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '结果说明' })
  outcomeSummary!: string | null;

  @Field(() => String, { nullable: true, description: '调解案件编号' })
  mediationCaseNumber!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '不予受理的理由' })
  rejectionReason!: string | null;

  @Field(() => String, { description: '移交民警' })
  officerName!: string;

  @Field(() => Date)
  sentAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  concludedAt!: Date | null;

  @Field(() => HandOverConfirmationType, {
    nullable: true,
    description: '调解协议的司法确认(人民法院的裁定、调确字案号、时间、理由;申请强制执行的执行案号),由调解组织转来',
  })
  judicialConfirmation!: HandOverConfirmationType | null;

  /** The incident's reporter, whom its free text may name; seen as the incident (or the docking) is. */
  personal!: PersonalTextRead;
}

@InputType('TransferPartyInput', { description: '移交的当事人' })
export class TransferPartyInput {
  @Field(() => PoliceIncidentPartyRole, { description: '当事人身份' })
  role!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@InputType('TransferToMediationInput', { description: '移交人民调解(公调对接)' })
export class TransferToMediationInput {
  @Field(() => ReceivingOrganizationInput, { description: '接收的调解组织(如派出所驻所调解室所属的镇调委会)' })
  receiver!: ReceivingOrganizationInput;

  @Field(() => String, { description: '移交理由' })
  reason!: string;

  @Field(() => [TransferPartyInput], { description: '当事人(随对接发送给调解组织)' })
  parties!: TransferPartyInput[];
}

/** The hub's docking, to which the police contribute their source record. */
@Directive('@key(fields: "id")')
@ObjectType('Docking')
export class DockingRef {
  @Field(() => ID)
  id!: string;
}

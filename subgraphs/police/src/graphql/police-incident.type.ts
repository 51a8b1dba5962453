import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { ConnectionType, DisputeCategoryEnum, PersonalText, registerWorkflowEnum, type PersonalTextRead, PageArgs, PeriodFilter } from '@jiefen/subgraph-kit';
import type { PoliceIncident } from '../entities/police-incident.entity.js';
import { policeIncidentWorkflow, type PoliceIncidentState } from '../domain/police-incident.workflow.js';

export enum PoliceIncidentCategory {
  CIVIL_DISPUTE = 'CIVIL_DISPUTE',
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  TRAFFIC = 'TRAFFIC',
  CRIMINAL = 'CRIMINAL',
  ASSISTANCE = 'ASSISTANCE',
}
registerEnumType(PoliceIncidentCategory, {
  name: 'PoliceIncidentCategory',
  description: '警情类别 Incident category',
  valuesConfig: {
    CIVIL_DISPUTE: { description: '纠纷类(民间纠纷)' },
    PUBLIC_ORDER: { description: '治安类' },
    TRAFFIC: { description: '交通类' },
    CRIMINAL: { description: '刑事类' },
    ASSISTANCE: { description: '群众求助类' },
  },
});

export enum PoliceIncidentChannel {
  CALL_110 = 'CALL_110',
  WALK_IN = 'WALK_IN',
  OTHER = 'OTHER',
}
registerEnumType(PoliceIncidentChannel, {
  name: 'PoliceIncidentChannel',
  description: '接警方式 How the incident reached the police',
  valuesConfig: { CALL_110: { description: '110 报警' }, WALK_IN: { description: '来所报警' }, OTHER: { description: '其他途径' } },
});

export enum NonPoliceCategory {
  CIVIL_DISPUTE = 'CIVIL_DISPUTE',
  LABOUR_DISPUTE = 'LABOUR_DISPUTE',
  CONSUMER_DISPUTE = 'CONSUMER_DISPUTE',
  PROPERTY_MANAGEMENT = 'PROPERTY_MANAGEMENT',
  PUBLIC_FACILITY = 'PUBLIC_FACILITY',
  ASSISTANCE = 'ASSISTANCE',
  CONSULTATION = 'CONSULTATION',
  OTHER = 'OTHER',
}
registerEnumType(NonPoliceCategory, {
  name: 'NonPoliceCategory',
  description: '非警务警情类别 Category of a non-police matter',
  valuesConfig: {
    CIVIL_DISPUTE: { description: '民间纠纷' },
    LABOUR_DISPUTE: { description: '劳资纠纷' },
    CONSUMER_DISPUTE: { description: '消费纠纷' },
    PROPERTY_MANAGEMENT: { description: '物业纠纷' },
    PUBLIC_FACILITY: { description: '市政公用设施' },
    ASSISTANCE: { description: '群众求助' },
    CONSULTATION: { description: '咨询' },
    OTHER: { description: '其他非警务' },
  },
});

export enum PoliceIncidentPartyRole {
  APPLICANT = 'APPLICANT',
  RESPONDENT = 'RESPONDENT',
  THIRD_PARTY = 'THIRD_PARTY',
}
registerEnumType(PoliceIncidentPartyRole, {
  name: 'PoliceIncidentPartyRole',
  description: '警情当事人身份 Role of a party to an incident',
  valuesConfig: { APPLICANT: { description: '申请人(求助方)' }, RESPONDENT: { description: '被申请人(对方)' }, THIRD_PARTY: { description: '第三人' } },
});

/** The states of policeIncidentWorkflow: the schema's values are the transition table's. */
export const PoliceIncidentStatus = registerWorkflowEnum(policeIncidentWorkflow, 'PoliceIncidentStatus', '警情处置状态 Incident status', {
  DISPATCHED: '已出警,处置中',
  MEDIATED: '已现场调解或治安调解',
  TRANSFERRED: '已移交人民调解(公调对接)',
});
export type PoliceIncidentStatus = PoliceIncidentState;

@Directive('@key(fields: "id")')
@ObjectType('PoliceIncident', { description: '警情 A police incident about a dispute' })
export class PoliceIncidentType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: '所属纠纷编号(已在综治中心登记时)' })
  disputeId!: string | null;

  @Field(() => String, { nullable: true, description: '所属纠纷的统一编号(综治中心登记或关联后答复)' })
  disputeNumber!: string | null;

  @Field(() => String, { description: '警情编号' })
  incidentNumber!: string;

  @Field(() => String, { description: '接处警单位' })
  station!: string;

  @Field(() => PoliceIncidentCategory, { description: '警情类别' })
  category!: PoliceIncidentCategory;

  @Field(() => Boolean, { description: '是否非警务警情' })
  nonPolice!: boolean;

  @PersonalText()
  @Field(() => String, { description: '简要警情' })
  summary!: string;

  @Field(() => PoliceIncidentStatus, { description: '处置状态' })
  status!: PoliceIncidentStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '报警时间' })
  reportedAt!: Date;

  @Field(() => String, { nullable: true, description: '非警务警情类别' })
  nonPoliceCategory!: string | null;

  @Field(() => PoliceIncidentChannel, { description: '接警方式' })
  channel!: PoliceIncidentChannel;

  @Field(() => String, { nullable: true, description: '登记时写明的纠纷类别(报送综治中心用;中文名称)' })
  disputeCategory!: string | null;

  @Field(() => Date, { nullable: true, description: '发案时间' })
  occurredAt!: Date | null;

  @Field(() => String, { nullable: true, description: '接处警单位系统中的警情编号(批量导入的警情)' })
  externalNumber!: string | null;

  /** The row and how the caller may see it, for the personal-data field resolvers. */
  entity!: PoliceIncident;
  visibility!: Visibility;
  /** The reporter its free text may name. */
  personal!: PersonalTextRead;
}

@ObjectType('PoliceIncidentParty', { description: '警情当事人(公安以外脱敏)' })
export class PoliceIncidentPartyType {
  @Field(() => PoliceIncidentPartyRole)
  role!: PoliceIncidentPartyRole;

  @Field(() => String, { nullable: true, description: '姓名' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: '公民身份号码' })
  idNumber!: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone!: string | null;
}

@InputType('PoliceReporterInput', { description: '报警人' })
export class PoliceReporterInput {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '公民身份号码(可不填)' })
  idNumber?: string | null;

  @Field(() => String, { description: '联系电话' })
  phone!: string;
}

@InputType('PoliceIncidentPartyInput', { description: '警情当事人' })
export class PoliceIncidentPartyInput {
  @Field(() => PoliceIncidentPartyRole)
  role!: PoliceIncidentPartyRole;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType('RegisterIncidentInput', { description: '接警登记' })
export class RegisterIncidentInput {
  @Field(() => PoliceIncidentChannel, { description: '接警方式' })
  channel!: PoliceIncidentChannel;

  @Field(() => PoliceIncidentCategory, { description: '警情类别' })
  category!: PoliceIncidentCategory;

  @Field(() => Boolean, { description: '是否非警务警情' })
  nonPolice!: boolean;

  @Field(() => NonPoliceCategory, { nullable: true, description: '非警务警情类别(非警务警情必填)' })
  nonPoliceCategory?: NonPoliceCategory | null;

  @Field(() => DisputeCategoryEnum, {
    nullable: true,
    description: '报送综治中心的纠纷类别(仅非警务纠纷警情;民间纠纷不填则按"其他"登记、不与已有纠纷关联;劳资、消费、物业纠纷不填则按劳动争议、消费、物业)',
  })
  disputeCategory?: string | null;

  @Field(() => String, { description: '简要警情' })
  summary!: string;

  @Field(() => PoliceReporterInput, { description: '报警人' })
  reporter!: PoliceReporterInput;

  @Field(() => [PoliceIncidentPartyInput], { nullable: true, description: '当事人' })
  parties?: PoliceIncidentPartyInput[] | null;

  @Field(() => String, { description: '发案地点' })
  place!: string;

  @Field(() => String, { description: '发案地区划代码(9 位乡镇或 12 位村居,须在本人辖区内)' })
  regionCode!: string;

  @Field(() => String, { description: '接处警单位名称' })
  station!: string;

  @Field(() => Date, { nullable: true, description: '发案时间' })
  occurredAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '接警时间(不填为当前时间;导入时必填)' })
  reportedAt?: Date | null;
}

@InputType('ImportIncidentInput', { description: '从派出所接处警系统导入的一条警情' })
export class ImportIncidentInput extends RegisterIncidentInput {
  @Field(() => String, { description: '接处警系统中的警情编号(同一单位内唯一;重复导入相同内容返回原记录)' })
  externalNumber!: string;
}

@ObjectType('ImportedIncident', { description: '导入结果中的一条' })
export class ImportedIncidentType {
  @Field(() => String, { description: '接处警系统中的警情编号' })
  externalNumber!: string;

  @Field(() => Boolean, { description: '本次新建(false:此前已导入相同内容,返回原记录)' })
  created!: boolean;

  @Field(() => PoliceIncidentType)
  incident!: PoliceIncidentType;
}

@ObjectType('ImportIncidentsResult', { description: '批量导入警情的结果(全部成功或全部不写入)' })
export class ImportIncidentsResult {
  @Field(() => Int, { description: '新建条数' })
  created!: number;

  @Field(() => Int, { description: '已导入过、未改变的条数' })
  unchanged!: number;

  @Field(() => [ImportedIncidentType], { description: '按输入顺序' })
  items!: ImportedIncidentType[];
}

export const PoliceIncidentConnection = ConnectionType('PoliceIncident', PoliceIncidentType, '警情列表');

@ArgsType()
export class PoliceIncidentsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀(在本人辖区内进一步筛选)' })
  regionCode?: string | null;

  @Field(() => PoliceIncidentStatus, { nullable: true, description: '状态' })
  status?: string | null;

  @Field(() => PeriodFilter, { nullable: true, description: '报警时间在此期间' })
  reported?: PeriodFilter | null;
}

import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { ConnectionType, PersonalText, registerWorkflowEnum, type PersonalTextRead } from '@jiefen/subgraph-kit';
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

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '报警时间' })
  reportedAt!: Date;

  @Field(() => String, { nullable: true, description: '非警务警情类别' })
  nonPoliceCategory!: string | null;

  /** The row and how the caller may see it, for the personal-data field resolvers. */
  entity!: PoliceIncident;
  visibility!: Visibility;
  /** The reporter its free text may name. */
  personal!: PersonalTextRead;
}

export const PoliceIncidentConnection = ConnectionType('PoliceIncident', PoliceIncidentType, '警情列表');

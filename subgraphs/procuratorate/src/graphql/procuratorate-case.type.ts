import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@jiefen/subgraph-kit';

export enum ProcuratorateCaseKind {
  CRIMINAL_RECONCILIATION = 'CRIMINAL_RECONCILIATION',
  CIVIL_SUPERVISION = 'CIVIL_SUPERVISION',
}
registerEnumType(ProcuratorateCaseKind, {
  name: 'ProcuratorateCaseKind',
  description: '检察案件类型 Kind of procuratorate case',
  valuesConfig: {
    CRIMINAL_RECONCILIATION: { description: '刑事和解(刑诉法第 288–290 条)' },
    CIVIL_SUPERVISION: { description: '民事诉讼监督' },
  },
});

export enum ProcuratorateCaseStatus {
  RECEIVED = 'RECEIVED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  RECONCILED = 'RECONCILED',
  CONCLUDED = 'CONCLUDED',
}
registerEnumType(ProcuratorateCaseStatus, {
  name: 'ProcuratorateCaseStatus',
  description: '检察案件状态 Procuratorate case status',
  valuesConfig: {
    RECEIVED: { description: '已受理' },
    UNDER_REVIEW: { description: '审查中' },
    RECONCILED: { description: '已达成和解' },
    CONCLUDED: { description: '已办结' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('ProcuratorateCase', { description: '检察案件(刑事和解、民事监督) A case received by the procuratorate' })
export class ProcuratorateCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '所属纠纷编号' })
  disputeId!: string;

  @Field(() => String, { description: '案号' })
  caseNumber!: string;

  @Field(() => ProcuratorateCaseKind, { description: '案件类型' })
  kind!: ProcuratorateCaseKind;

  @Field(() => String, { nullable: true, description: '涉嫌罪名(仅刑事案件)' })
  charge!: string | null;

  @Field(() => ProcuratorateCaseStatus, { description: '状态' })
  status!: ProcuratorateCaseStatus;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '受理时间' })
  receivedAt!: Date;
}

export const ProcuratorateCaseConnection = ConnectionType('ProcuratorateCase', ProcuratorateCaseType, '检察案件列表');

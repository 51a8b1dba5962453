import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@jiefen/subgraph-kit';

export enum MediationSource {
  DIRECT_APPLICATION = 'DIRECT_APPLICATION',
  ACTIVE_SCREENING = 'ACTIVE_SCREENING',
  HUB_REFERRAL = 'HUB_REFERRAL',
  COURT = 'COURT',
  POLICE = 'POLICE',
  PROCURATORATE = 'PROCURATORATE',
  PETITION = 'PETITION',
}
registerEnumType(MediationSource, {
  name: 'MediationSource',
  description: '调解案件来源 How a case reached mediation',
  valuesConfig: {
    DIRECT_APPLICATION: { description: '当事人申请' },
    ACTIVE_SCREENING: { description: '主动排查发现' },
    HUB_REFERRAL: { description: '综治中心(非诉讼服务中心)分流' },
    COURT: { description: '法院委派/委托(诉调对接)' },
    POLICE: { description: '公安移送(公调对接)' },
    PROCURATORATE: { description: '检察院委托/移送(检调对接)' },
    PETITION: { description: '信访部门移送(访调对接)' },
  },
});

export enum MediationCaseStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  CONCLUDED = 'CONCLUDED',
  REJECTED = 'REJECTED',
}
registerEnumType(MediationCaseStatus, {
  name: 'MediationCaseStatus',
  description: '调解案件状态 Mediation case status',
  valuesConfig: {
    PENDING: { description: '待受理' },
    ACCEPTED: { description: '已受理,调解中' },
    CONCLUDED: { description: '调解终结' },
    REJECTED: { description: '不予受理' },
  },
});

export enum MediationOutcome {
  AGREEMENT = 'AGREEMENT',
  NO_AGREEMENT = 'NO_AGREEMENT',
  TERMINATED = 'TERMINATED',
}
registerEnumType(MediationOutcome, {
  name: 'MediationOutcome',
  description: '调解结果 Mediation outcome',
  valuesConfig: {
    AGREEMENT: { description: '调解成功,达成协议' },
    NO_AGREEMENT: { description: '调解不成,未达成协议' },
    TERMINATED: { description: '终止调解(当事人撤回、拒绝继续等)' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('MediationCase', { description: '人民调解案件 A case accepted by a people\'s mediation organization' })
export class MediationCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '所属纠纷编号' })
  disputeId!: string;

  @Field(() => String, { description: '调解案号' })
  caseNumber!: string;

  @Field(() => String, { description: '调解组织' })
  organizationName!: string;

  @Field(() => String, { description: '承办调解员' })
  mediatorName!: string;

  @Field(() => MediationSource, { description: '案件来源' })
  source!: MediationSource;

  @Field(() => MediationCaseStatus, { description: '状态' })
  status!: MediationCaseStatus;

  @Field(() => MediationOutcome, { nullable: true, description: '调解结果(办结后才有)' })
  outcome!: MediationOutcome | null;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '受理时间' })
  acceptedAt!: Date;
}

export const MediationCaseConnection = ConnectionType('MediationCase', MediationCaseType, '人民调解案件列表');

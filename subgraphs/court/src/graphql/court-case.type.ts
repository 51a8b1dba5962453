import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '@jiefen/subgraph-kit';

@Directive('@key(fields: "id")')
@ObjectType('CourtCase', { description: '法院案件 A civil case received by the court' })
export class CourtCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '所属纠纷编号' })
  disputeId!: string;

  @Field(() => String, { description: '案号' })
  caseNumber!: string;

  @Field(() => String, { description: '案由' })
  cause!: string;

  @Field(() => String, { description: '阶段:PRE_FILING 诉前 / FILED 已立案' })
  stage!: string;

  @Field(() => String, { description: '状态' })
  status!: string;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '收案时间' })
  receivedAt!: Date;
}

export const CourtCaseConnection = ConnectionType('CourtCase', CourtCaseType, '法院案件列表');

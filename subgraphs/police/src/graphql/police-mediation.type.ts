import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PersonalText, registerWorkflowEnum, type PersonalTextRead } from '@jiefen/subgraph-kit';
import { policeMediationWorkflow, type PoliceMediationState } from '../domain/police-mediation.workflow.js';

/** The states of policeMediationWorkflow: the schema's values are the transition table's. */
export const PoliceMediationStatus = registerWorkflowEnum(policeMediationWorkflow, 'PoliceMediationStatus', '治安调解状态 Police mediation status', {
  PERFORMED: '已履行(不予处罚)',
  NOT_PERFORMED: '未履行(依法处罚)',
  FAILED: '调解不成(依法处罚)',
});
export type PoliceMediationStatus = PoliceMediationState;

@ObjectType('PoliceMediation', { description: '治安调解(治安管理处罚法第九条) Police mediation of a minor public-security case' })
export class PoliceMediationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '警情编号' })
  incidentId!: string;

  @Field(() => PoliceMediationStatus, { description: '状态' })
  status!: PoliceMediationStatus;

  @Field(() => String, { description: '状态(中文名称)Status in Chinese' })
  statusLabel!: string;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '协议内容' })
  agreementTerms!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '调解不成的原因' })
  failureReason!: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否依法处罚(结案后)' })
  penalty!: boolean | null;

  @Field(() => String, { nullable: true, description: '结果说明(含告知当事人可向人民法院起诉)' })
  consequence!: string | null;

  @Field(() => String, { description: '主持调解的民警' })
  officerName!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  concludedAt!: Date | null;

  /** The incident's reporter, whom its free text may name; seen as the incident (or the docking) is. */
  personal!: PersonalTextRead;
}

@InputType('PoliceMediationFactsInput', { description: '治安调解适用条件核查(任一排除情形为真即不得调解)' })
export class PoliceMediationFactsInput {
  @Field(() => Boolean, { description: '雇凶伤害他人' })
  hiredViolence!: boolean;

  @Field(() => Boolean, { description: '结伙斗殴或者寻衅滋事' })
  gangFightOrProvocation!: boolean;

  @Field(() => Boolean, { description: '多次实施违反治安管理行为' })
  repeatOffender!: boolean;

  @Field(() => Boolean, { description: '当事人明确表示不愿意调解' })
  partyRefuses!: boolean;

  @Field(() => Boolean, { description: '调解过程中又针对对方实施违反治安管理行为' })
  reoffendedDuringMediation!: boolean;

  @Field(() => Boolean, { description: '违反治安管理行为人逃跑' })
  suspectFled!: boolean;

  @Field(() => Boolean, { description: '当事人中有未成年人' })
  minorInvolved!: boolean;

  @Field(() => Boolean, { description: '未成年人的监护人已到场' })
  guardianPresent!: boolean;
}

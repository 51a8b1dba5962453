import { Field, ID, ObjectType } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import type { DisputeParty } from '../entities/dispute-party.entity.js';

@ObjectType('DisputeParty', { description: '当事人(个人信息按权限脱敏) A party of a dispute' })
export class PartyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '身份:APPLICANT 申请人 / RESPONDENT 被申请人 / THIRD_PARTY 第三人' })
  role!: string;

  @Field(() => Boolean, { description: '是否未成年人(敏感个人信息)' })
  minor!: boolean;

  @Field(() => String, { nullable: true, description: '人员键(身份证号的加密散列,用于跨部门关联同一人,不含身份证号)' })
  personKey!: string | null;

  /** The row and how the caller may see it; read by the personal-data field resolvers. */
  entity!: DisputeParty;
  visibility!: Visibility;
}

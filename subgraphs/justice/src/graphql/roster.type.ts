import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '@jiefen/subgraph-kit';
import type { Mediator } from '../entities/mediator.entity.js';
import { CommitteeRole, Employment, OrganizationType, Sex, StationedAgency } from './enums.js';

@ObjectType('MediationOrganization', { description: '人民调解组织(公开名册) A mediation organization on the published roster' })
export class MediationOrganizationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '统一社会信用代码' })
  code!: string;

  @Field(() => String, { description: '名称' })
  name!: string;

  @Field(() => OrganizationType, { description: '类型' })
  type!: OrganizationType;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '行业领域(行业性专业性调委会)' })
  sector!: string | null;

  @Field(() => String, { nullable: true, description: '派驻单位(派驻调解室)' })
  stationedAt!: string | null;

  @Field(() => StationedAgency, { nullable: true, description: '派驻单位类别' })
  stationedAgency!: StationedAgency | null;

  @Field(() => String, { description: '地址' })
  address!: string;

  @Field(() => String, { nullable: true, description: '办公电话' })
  phone!: string | null;

  @Field(() => String, { description: '成立日期' })
  establishedOn!: string;
}

export const MediationOrganizationConnection = ConnectionType('MediationOrganization', MediationOrganizationType, '人民调解组织名册');

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationType, { nullable: true, description: '按类型筛选' })
  type?: OrganizationType | null;

  @Field(() => String, { nullable: true, description: '按区划代码前缀筛选' })
  regionCode?: string | null;
}

@ObjectType('MediatorTraining', { description: '培训记录' })
export class TrainingType {
  @Field(() => String, { description: '培训日期' })
  date!: string;

  @Field(() => String, { description: '培训内容' })
  title!: string;

  @Field(() => Int, { description: '学时' })
  hours!: number;

  @Field(() => String, { description: '培训单位' })
  organizer!: string;
}

@ObjectType('Mediator', { description: '人民调解员(公开名册;联系方式等个人信息仅司法局可见)' })
export class MediatorType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '所属调解组织' })
  organizationId!: string;

  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => Sex, { description: '性别' })
  sex!: Sex;

  @Field(() => CommitteeRole, { nullable: true, description: '调委会职务(非委员为空)' })
  committeeRole!: CommitteeRole | null;

  @Field(() => Employment, { description: '专职或兼职' })
  employment!: Employment;

  @Field(() => Boolean, { description: '是否法院特邀调解员' })
  invitedByCourt!: boolean;

  @Field(() => Boolean, { description: '是否律师' })
  lawyer!: boolean;

  @Field(() => [String], { description: '专长' })
  specialties!: string[];

  @Field(() => [TrainingType], { description: '培训记录' })
  trainings!: TrainingType[];

  @Field(() => String, { description: '聘任起始日期' })
  termStart!: string;

  @Field(() => String, { description: '聘任届满日期(三年)' })
  termEnd!: string;

  entity!: Mediator;
}

export const MediatorConnection = ConnectionType('Mediator', MediatorType, '人民调解员名册');

@ArgsType()
export class MediatorsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '按调解组织筛选' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: '按区划代码前缀筛选' })
  regionCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true 只看聘任期内的,false 只看已届满的' })
  inTerm?: boolean | null;
}

@ObjectType('Expert', { description: '专家库成员(中立评估)' })
export class ExpertType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { description: '专业领域' })
  field!: string;

  @Field(() => String, { description: '职称' })
  title!: string;

  @Field(() => String, { description: '工作单位' })
  employer!: string;
}

export const ExpertConnection = ConnectionType('Expert', ExpertType, '专家库');

/**
 * 专家库名单公示: who is in the pool, in what field, from which unit — what the plans require to be
 * published. Nothing that reaches the person (no phone, no ID number, no internal id) is in it.
 */
@ObjectType('PublishedExpert', { description: '专家库名单公示(姓名、专业领域、职称、工作单位;不含联系方式等个人信息)' })
export class PublishedExpertType {
  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { description: '专业领域' })
  field!: string;

  @Field(() => String, { description: '职称' })
  title!: string;

  @Field(() => String, { description: '工作单位' })
  employer!: string;

  @Field(() => String, { description: '所属县(市、区)区划代码' })
  countyCode!: string;
}

export const PublishedExpertConnection = ConnectionType('PublishedExpert', PublishedExpertType, '专家库名单(公示)');

@ArgsType()
export class PublishedExpertsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区划代码前缀(省 2 位、市 4 位或县 6 位)' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '按专业领域筛选' })
  field?: string | null;
}

@ArgsType()
export class ExpertsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '按专业领域筛选' })
  field?: string | null;
}

import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inJurisdiction, maskIdNumber, maskPhone } from '@jiefen/auth';
import { keysetPage, personalField, requireCaller, requireListAccess, requireRegionPrefix, requireUuid } from '@jiefen/subgraph-kit';
import { chinaDate } from '@jiefen/calendar';
import { termCovers } from '../domain/roster.js';
import { Expert } from '../entities/expert.entity.js';
import { MediationOrganization } from '../entities/mediation-organization.entity.js';
import { Mediator } from '../entities/mediator.entity.js';
import { registerMediator, registerOrganization } from '../services/roster.service.js';
import type { JusticeContext } from './context.js';
import { MediationOrganizationInput, MediatorInput } from './justice.input.js';
import { toMediatorType, toOrganizationType } from './mappers.js';
import {
  ExpertConnection,
  PublishedExpertConnection,
  PublishedExpertsArgs,
  ExpertsArgs,
  ExpertType,
  MediationOrganizationConnection,
  MediationOrganizationType,
  MediatorConnection,
  MediatorsArgs,
  MediatorType,
  OrganizationsArgs,
} from './roster.type.js';

/** The published rosters (机构人员名册): open to anyone, without private data. */
@Resolver(() => MediationOrganizationType)
export class OrganizationRosterResolver {
  @Query(() => MediationOrganizationConnection, { description: '人民调解组织名册(公开,可匿名查询)' })
  async mediationOrganizations(
    @Args(() => OrganizationsArgs) args: OrganizationsArgs,
    @Ctx() ctx: JusticeContext,
  ): Promise<InstanceType<typeof MediationOrganizationConnection>> {
    const conditions: FilterQuery<MediationOrganization>[] = [{ published: true }];
    if (args.type) conditions.push({ type: args.type });
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    const where: FilterQuery<MediationOrganization> = { $and: conditions };
    return keysetPage(ctx.em, MediationOrganization, { where, orderBy: { regionCode: 'asc', name: 'asc', id: 'asc' }, page: args }, toOrganizationType);
  }

  @Query(() => MediationOrganizationType, { nullable: true, description: '按编号查询人民调解组织(公开)' })
  async mediationOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: JusticeContext): Promise<MediationOrganizationType | null> {
    const o = await ctx.loaders.organizationById.load(requireUuid('id', id));
    return o && o.published ? toOrganizationType(o) : null;
  }

  @FieldResolver(() => [MediatorType], { description: '组成人员和调解员' })
  async mediators(@Root() o: MediationOrganizationType, @Ctx() ctx: JusticeContext): Promise<MediatorType[]> {
    return (await ctx.loaders.mediatorsByOrganization.load(o.id)).map(toMediatorType);
  }

  @Mutation(() => MediationOrganizationType, { description: '登记人民调解组织及其组成人员(调委会委员三至九人,含妇女成员)' })
  async registerMediationOrganization(
    @Arg('input', () => MediationOrganizationInput) input: MediationOrganizationInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationOrganizationType> {
    return toOrganizationType(await registerOrganization(ctx.em, requireCaller(ctx), input, ctx.settings));
  }
}

@Resolver(() => MediatorType)
export class MediatorRosterResolver {
  @Query(() => MediatorConnection, { description: '人民调解员名册(公开,可匿名查询)' })
  async mediators(@Args(() => MediatorsArgs) args: MediatorsArgs, @Ctx() ctx: JusticeContext): Promise<InstanceType<typeof MediatorConnection>> {
    const today = chinaDate(ctx.settings.now());
    const conditions: FilterQuery<Mediator>[] = [];
    if (args.organizationId) conditions.push({ organizationId: requireUuid('organizationId', args.organizationId) });
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.inTerm === true) conditions.push({ termStart: { $lte: today }, termEnd: { $gte: today } });
    if (args.inTerm === false) conditions.push({ $or: [{ termStart: { $gt: today } }, { termEnd: { $lt: today } }] });
    const where: FilterQuery<Mediator> = conditions.length ? { $and: conditions } : {};
    return keysetPage(ctx.em, Mediator, { where, orderBy: { name: 'asc', id: 'asc' }, page: args }, toMediatorType);
  }

  @Query(() => MediatorType, { nullable: true, description: '按编号查询调解员(公开)' })
  async mediator(@Arg('id', () => ID) id: string, @Ctx() ctx: JusticeContext): Promise<MediatorType | null> {
    const m = await ctx.loaders.mediatorById.load(requireUuid('id', id));
    return m ? toMediatorType(m) : null;
  }

  @FieldResolver(() => Boolean, { description: '聘任期是否已届满(届满的不能承办新案件)' })
  termExpired(@Root() m: MediatorType, @Ctx() ctx: JusticeContext): boolean {
    return !termCovers(m, chinaDate(ctx.settings.now()));
  }

  @FieldResolver(() => MediationOrganizationType, { nullable: true, description: '所属调解组织' })
  async organization(@Root() m: MediatorType, @Ctx() ctx: JusticeContext): Promise<MediationOrganizationType | null> {
    const o = await ctx.loaders.organizationById.load(m.organizationId);
    return o ? toOrganizationType(o) : null;
  }

  /** Private data: only the justice bureau in the mediator's region, logged; nobody else sees it at all. */
  @FieldResolver(() => String, { nullable: true, description: '联系电话(仅司法局可见)' })
  phone(@Root() m: MediatorType, @Ctx() ctx: JusticeContext): string | null {
    if (ctx.caller?.agency !== 'JUSTICE' || !inJurisdiction(ctx.caller, m.entity.regionCode)) return null;
    return personalField(ctx, { recordType: 'Mediator', recordId: m.id, visibility: 'FULL' }, 'phone', m.entity.phone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '公民身份号码(仅司法局可见)' })
  idNumber(@Root() m: MediatorType, @Ctx() ctx: JusticeContext): string | null {
    if (ctx.caller?.agency !== 'JUSTICE' || !inJurisdiction(ctx.caller, m.entity.regionCode)) return null;
    return personalField(ctx, { recordType: 'Mediator', recordId: m.id, visibility: 'FULL' }, 'idNumber', m.entity.idNumber, maskIdNumber);
  }

  @Mutation(() => MediatorType, { description: '将调解员登记入调解组织名册(任期三年)' })
  async registerMediator(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('mediator', () => MediatorInput) mediator: MediatorInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediatorType> {
    return toMediatorType(await registerMediator(ctx.em, requireCaller(ctx), { organizationId, mediator }, ctx.settings));
  }
}

@Resolver(() => ExpertType)
export class ExpertResolver {
  @Query(() => PublishedExpertConnection, { description: '专家库名单公示(公开,可匿名查询;只含姓名、专业领域、职称、工作单位)' })
  async publishedExperts(
    @Args(() => PublishedExpertsArgs) args: PublishedExpertsArgs,
    @Ctx() ctx: JusticeContext,
  ): Promise<InstanceType<typeof PublishedExpertConnection>> {
    const conditions: FilterQuery<Expert>[] = [];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.field) conditions.push({ field: args.field });
    // Only the published columns leave the database's row: the mapping names each one.
    return keysetPage(ctx.em, Expert, { where: { $and: conditions }, orderBy: { field: 'asc', name: 'asc', id: 'asc' }, page: args }, (e) => ({
      name: e.name,
      field: e.field,
      title: e.title,
      employer: e.employer,
      countyCode: e.regionCode.slice(0, 6),
    }));
  }

  @Query(() => ExpertConnection, { description: '中立评估专家库(司法局内部)' })
  async experts(@Args(() => ExpertsArgs) args: ExpertsArgs, @Ctx() ctx: JusticeContext): Promise<InstanceType<typeof ExpertConnection>> {
    const { regionPrefix } = requireListAccess(ctx, 'JUSTICE');
    // An expert pool serves the whole county: a town's mediator sees the county's experts.
    const where: FilterQuery<Expert> = { regionCode: { $like: `${regionPrefix.slice(0, 6)}%` }, ...(args.field ? { field: args.field } : {}) };
    return keysetPage(ctx.em, Expert, { where, orderBy: { field: 'asc', name: 'asc', id: 'asc' }, page: args }, (e) => ({
      id: e.id,
      name: e.name,
      field: e.field,
      title: e.title,
      employer: e.employer,
    }));
  }
}

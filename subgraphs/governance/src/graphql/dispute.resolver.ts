import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { isMinor, keysetPage, requireCaller, requireRegionPrefix, periodConditions } from '@jiefen/subgraph-kit';
import type { FilterQuery } from '@mikro-orm/core';
import { Dispute } from '../entities/dispute.entity.js';
import { hubText, mayReadHandling } from './access.js';
import type { GovernanceContext } from './context.js';
import { DisputeHandlingType } from './dispute-handling.type.js';
import { DockingType } from './docking.type.js';
import { PartyType } from './party.type.js';
import { DisputeConnection, DisputesArgs, DisputeType } from './dispute.type.js';
import { toDisputeType, toRegionType } from './mappers.js';
import { disputeAccess, dockingAccess } from './record-access.js';
import { RegionType } from './region.type.js';

@Resolver(() => DisputeType)
export class DisputeResolver {
  @Query(() => DisputeType, { nullable: true, description: '按编号查询纠纷 A dispute by id' })
  async dispute(@Arg('id', () => ID) id: string, @Ctx() ctx: GovernanceContext): Promise<DisputeType | null> {
    return disputeAccess.find(ctx, id);
  }

  @Query(() => DisputeConnection, { description: '纠纷列表(按登记时间倒序,游标分页;可按区划、类别、状态、层级、渠道、风险、超期筛选) Disputes, newest first' })
  async disputes(@Args(() => DisputesArgs) args: DisputesArgs, @Ctx() ctx: GovernanceContext): Promise<InstanceType<typeof DisputeConnection>> {
    const caller = requireCaller(ctx);
    // Nobody sees outside their jurisdiction: the filter, if any, narrows it.
    const conditions: FilterQuery<Dispute>[] = [
      { regionCode: { $like: `${caller.jurisdiction}%` } },
      ...periodConditions({ registered: ['registeredAt', args.registered], resolved: ['resolvedAt', args.resolved], closed: ['closedAt', args.closed] }),
    ];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.category) conditions.push({ category: args.category });
    if (args.status) conditions.push({ status: args.status });
    if (args.tier) conditions.push({ tier: args.tier });
    if (args.channel) conditions.push({ channel: args.channel });
    if (args.riskLevel) conditions.push({ riskLevel: args.riskLevel });
    const now = new Date();
    if (args.overdue === true) conditions.push({ dueAt: { $lt: now } });
    if (args.overdue === false) conditions.push({ $or: [{ dueAt: null }, { dueAt: { $gte: now } }] });
    const where: FilterQuery<Dispute> = { $and: conditions };
    return keysetPage(ctx.em, Dispute, { where, orderBy: { registeredAt: 'desc', id: 'desc' }, page: args }, toDisputeType);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '发生地区划' })
  async region(@Root() dispute: DisputeType, @Ctx() ctx: GovernanceContext): Promise<RegionType | null> {
    const region = await ctx.loaders.regionByCode.load(dispute.regionCode);
    return region ? toRegionType(region) : null;
  }

  @FieldResolver(() => [PartyType], { description: '当事人' })
  async parties(@Root() dispute: DisputeType, @Ctx() ctx: GovernanceContext): Promise<PartyType[]> {
    const v = disputeAccess.visibility(ctx, dispute.entity);
    if (v === 'NONE') return [];
    const now = new Date();
    return (await ctx.loaders.partiesByDispute.load(dispute.id)).map((entity) => ({
      id: entity.id,
      role: entity.role,
      minor: isMinor(entity, now),
      personKey: entity.personKey ?? null,
      entity,
      visibility: v,
    }));
  }

  @FieldResolver(() => DisputeHandlingType, {
    nullable: true,
    description: '综治中心办理情况:研判、告知、调解、上交、研判结案、档案、预警(仅综治中心与领导可见,其他部门为 null)',
  })
  handling(@Root() dispute: DisputeType, @Ctx() ctx: GovernanceContext): DisputeHandlingType | null {
    if (!mayReadHandling(ctx, dispute.regionCode)) return null;
    const d = dispute.entity;
    return {
      claims: d.claims ?? null,
      routingReason: d.routingReason ?? null,
      consent: d.consent ?? null,
      consentNote: d.consentNote ?? null,
      outcomeSummary: d.outcomeSummary ?? null,
      reviewOpinion: d.reviewOpinion ?? null,
      reviewerName: d.reviewerName ?? null,
      reviewedAt: d.reviewedAt ?? null,
      closingOpinion: d.closingOpinion ?? null,
      disputeId: d.id,
      dispute: d,
      personal: hubText('DisputeHandling', d.id, d.id),
    };
  }

  @FieldResolver(() => [DockingType], { description: '该纠纷的对接(调用者可见的)' })
  dockings(@Root() dispute: DisputeType, @Ctx() ctx: GovernanceContext): Promise<DockingType[]> {
    return dockingAccess.ofDispute(ctx, dispute.id);
  }
}

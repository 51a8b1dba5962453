import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DomainError, pageRequest, requireRegionPrefix, requireUuid, toConnection } from '@jiefen/subgraph-kit';
import type { FilterQuery } from '@mikro-orm/core';
import { Dispute } from '../entities/dispute.entity.js';
import type { GovernanceContext } from './context.js';
import { DisputeConnection, DisputesArgs, DisputeType } from './dispute.type.js';
import { toDisputeType, toRegionType } from './mappers.js';
import { RegionType } from './region.type.js';

@Resolver(() => DisputeType)
export class DisputeResolver {
  @Query(() => DisputeType, { nullable: true, description: '按编号查询纠纷 A dispute by id' })
  async dispute(@Arg('id', () => ID) id: string, @Ctx() ctx: GovernanceContext): Promise<DisputeType | null> {
    const found = await ctx.loaders.disputeById.load(requireUuid('id', id));
    return found ? toDisputeType(found) : null;
  }

  @Query(() => DisputeConnection, { description: '纠纷列表(按登记时间倒序,游标分页) Disputes, newest first' })
  async disputes(@Args(() => DisputesArgs) args: DisputesArgs, @Ctx() ctx: GovernanceContext): Promise<InstanceType<typeof DisputeConnection>> {
    const { limit, after } = pageRequest(args, 2);
    const where: FilterQuery<Dispute> = {};
    if (args.regionCode) where.regionCode = { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` };
    if (args.category) where.category = args.category;
    const keyset: FilterQuery<Dispute> = after
      ? { $or: [{ registeredAt: { $lt: new Date(after[0]!) } }, { registeredAt: new Date(after[0]!), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(Dispute, { $and: [where, keyset] }, { orderBy: { registeredAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      ctx.em.count(Dispute, where),
    ]);
    return toConnection(rows, limit, total, (d) => [d.registeredAt.toISOString(), d.id], toDisputeType);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '发生地区划' })
  async region(@Root() dispute: DisputeType, @Ctx() ctx: GovernanceContext): Promise<RegionType | null> {
    const region = await ctx.loaders.regionByCode.load(dispute.regionCode);
    return region ? toRegionType(region) : null;
  }
}

/** `_entities` for Dispute: one batched query however many representations the gateway sends. */
export async function resolveDisputeReference(reference: { id: string }, ctx: GovernanceContext): Promise<DisputeType | null> {
  if (!reference.id) throw DomainError.validation('id', '缺少纠纷编号');
  const found = await ctx.loaders.disputeById.load(requireUuid('id', reference.id));
  return found ? toDisputeType(found) : null;
}

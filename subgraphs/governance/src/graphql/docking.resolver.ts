import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { isLeader } from '@jiefen/auth';
import { pageRequest, requireCaller, requireRegionPrefix, toConnection, type SubgraphContext } from '@jiefen/subgraph-kit';
import { Docking } from '../entities/docking.entity.js';
import type { GovernanceContext } from './context.js';
import { DockingConnection, DockingEventType, DockingsArgs, DockingType } from './docking.type.js';
import { toDockingType } from './mappers.js';
import { dockingAccess } from './record-access.js';

/** Dockings a caller may see, as SQL: inside the jurisdiction; the hub and leaders all, an agency those it sent or received. */
export function dockingVisibilityFilter(ctx: SubgraphContext): FilterQuery<Docking> {
  const caller = requireCaller(ctx);
  const region: FilterQuery<Docking> = { regionCode: { $like: `${caller.jurisdiction}%` } };
  if (caller.agency === 'GOVERNANCE' || isLeader(caller)) return region;
  return { $and: [region, { $or: [{ fromAgency: caller.agency }, { toAgency: caller.agency }] }] };
}

@Resolver(() => DockingType)
export class DockingResolver {
  @Query(() => DockingType, { nullable: true, description: '按编号查询对接 A docking by id' })
  async docking(@Arg('id', () => ID) id: string, @Ctx() ctx: GovernanceContext): Promise<DockingType | null> {
    return dockingAccess.find(ctx, id);
  }

  @Query(() => DockingConnection, { description: '对接台账(按发送时间倒序,游标分页) Dockings, newest first' })
  async dockings(@Args(() => DockingsArgs) args: DockingsArgs, @Ctx() ctx: GovernanceContext): Promise<InstanceType<typeof DockingConnection>> {
    const { limit, after } = pageRequest(args, 2);
    const conditions: FilterQuery<Docking>[] = [dockingVisibilityFilter(ctx)];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.kind) conditions.push({ kind: args.kind });
    if (args.status) conditions.push({ status: args.status });
    const now = new Date();
    if (args.overdue === true) conditions.push({ dueAt: { $lt: now } });
    if (args.overdue === false) conditions.push({ $or: [{ dueAt: null }, { dueAt: { $gte: now } }] });
    const where: FilterQuery<Docking> = { $and: conditions };
    const keyset: FilterQuery<Docking> = after
      ? { $or: [{ sentAt: { $lt: new Date(after[0]!) } }, { sentAt: new Date(after[0]!), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(Docking, { $and: [where, keyset] }, { orderBy: { sentAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      ctx.em.count(Docking, where),
    ]);
    return toConnection(rows, limit, total, (d) => [d.sentAt.toISOString(), d.id], (d) => toDockingType(d, ctx));
  }

  @FieldResolver(() => [DockingEventType], { description: '对接时间线' })
  async timeline(@Root() docking: DockingType, @Ctx() ctx: GovernanceContext): Promise<DockingEventType[]> {
    return (await ctx.loaders.eventsByDocking.load(docking.id)).map((e) => ({ sequence: e.sequence, type: e.type, at: e.at, summary: docking.masked ? null : e.summary, personal: docking.personal }));
  }
}

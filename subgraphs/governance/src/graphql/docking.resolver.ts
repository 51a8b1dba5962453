import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { isLeader } from '@jiefen/auth';
import { keysetPage, requireCaller, requireRegionPrefix, type SubgraphContext, periodConditions } from '@jiefen/subgraph-kit';
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
    const conditions: FilterQuery<Docking>[] = [
      dockingVisibilityFilter(ctx),
      ...periodConditions({ sent: ['sentAt', args.sent], concluded: ['concludedAt', args.concluded] }),
    ];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.kind) conditions.push({ kind: args.kind });
    if (args.status) conditions.push({ status: args.status });
    const now = new Date();
    if (args.overdue === true) conditions.push({ dueAt: { $lt: now } });
    if (args.overdue === false) conditions.push({ $or: [{ dueAt: null }, { dueAt: { $gte: now } }] });
    const where: FilterQuery<Docking> = { $and: conditions };
    return keysetPage(ctx.em, Docking, { where, orderBy: { sentAt: 'desc', id: 'desc' }, page: args }, (d) => toDockingType(d, ctx));
  }

  @FieldResolver(() => [DockingEventType], { description: '对接时间线' })
  async timeline(@Root() docking: DockingType, @Ctx() ctx: GovernanceContext): Promise<DockingEventType[]> {
    return (await ctx.loaders.eventsByDocking.load(docking.id)).map((e) => ({
      sequence: e.sequence,
      type: e.type,
      at: e.at,
      summary: docking.masked ? null : e.summary,
      personal: docking.personal,
    }));
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { isLeader, type Agency, type RecordScope } from '@jiefen/auth';
import { DomainError, keysetPage, requireCaller, requireRegionPrefix, requireUuid, requireVisible, visibility, type SubgraphContext } from '@jiefen/subgraph-kit';
import { Docking } from '../entities/docking.entity.js';
import { hubText } from './access.js';
import type { GovernanceContext } from './context.js';
import { DockingConnection, DockingEventType, DockingsArgs, DockingType } from './docking.type.js';

/** The hub keeps the ledger; the two sides of a docking see it; leaders see it masked. */
export function dockingScope(d: Pick<Docking, 'regionCode' | 'fromAgency' | 'toAgency'>): RecordScope {
  return { owner: 'GOVERNANCE', regionCode: d.regionCode, counterparts: [d.fromAgency as Agency, d.toAgency as Agency] };
}

export function toDockingType(d: Docking, ctx: SubgraphContext): DockingType {
  const masked = !!ctx.caller && isLeader(ctx.caller);
  return {
    id: d.id, kind: d.kind, mode: d.mode, status: d.status, fromAgency: d.fromAgency, toAgency: d.toAgency,
    fromOrganizationCode: d.fromOrganizationCode, fromOrganizationName: d.fromOrganizationName ?? null,
    toOrganizationCode: d.toOrganizationCode ?? null, toOrganizationName: d.toOrganizationName ?? null,
    disputeId: d.disputeId ?? null, regionCode: d.regionCode, sentAt: d.sentAt, acceptBy: d.acceptBy ?? null, concludeBy: d.concludeBy ?? null,
    confirmBy: d.confirmBy ?? null, concludedAt: d.concludedAt ?? null, outcome: d.outcome ?? null,
    outcomeSummary: masked ? null : d.outcomeSummary ?? null, dueAt: d.dueAt ?? null, overdue: !!d.dueAt && d.dueAt.getTime() < Date.now(), masked,
    personal: hubText('Docking', d.id, d.disputeId ?? null, dockingScope(d)),
  };
}

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
    const visible = requireVisible(ctx, await ctx.loaders.dockingById.load(requireUuid('id', id)), dockingScope);
    return visible ? toDockingType(visible.record, ctx) : null;
  }

  @Query(() => DockingConnection, { description: '对接台账(按发送时间倒序,游标分页) Dockings, newest first' })
  async dockings(@Args(() => DockingsArgs) args: DockingsArgs, @Ctx() ctx: GovernanceContext): Promise<InstanceType<typeof DockingConnection>> {
    const conditions: FilterQuery<Docking>[] = [dockingVisibilityFilter(ctx)];
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
    return (await ctx.loaders.eventsByDocking.load(docking.id)).map((e) => ({ sequence: e.sequence, type: e.type, at: e.at, summary: docking.masked ? null : e.summary, personal: docking.personal }));
  }
}

/** `_entities` for Docking: the same rule as the root field; one batched query. */
export async function resolveDockingReference(reference: { id: string }, ctx: GovernanceContext): Promise<DockingType | null> {
  if (!reference.id) throw DomainError.validation('id', '缺少对接编号');
  const found = await ctx.loaders.dockingById.load(requireUuid('id', reference.id));
  return found && visibility(ctx, dockingScope(found)) !== 'NONE' ? toDockingType(found, ctx) : null;
}

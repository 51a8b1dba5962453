import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RecordScope } from '@jiefen/auth';
import { isUuid, PageArgs, pageRequest, requireListAccess, requireUuid, requireVisible, toConnection, visibility, type SubgraphContext } from '@jiefen/subgraph-kit';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import type { ProcuratorateLoaders } from '../loaders/procuratorate.loaders.js';
import { DisputeRef } from './dispute.type.js';
import { ProcuratorateCaseConnection, ProcuratorateCaseType, type ProcuratorateCaseKind, type ProcuratorateCaseStatus } from './procuratorate-case.type.js';

type Context = SubgraphContext<ProcuratorateLoaders>;

/** Record rule input: the procuratorate owns its cases; the region decides jurisdiction. */
const scopeOf = (c: ProcuratorateCase): RecordScope => ({ owner: 'PROCURATORATE', regionCode: c.regionCode });

function toType(c: ProcuratorateCase): ProcuratorateCaseType {
  return {
    id: c.id,
    disputeId: c.disputeId,
    caseNumber: c.caseNumber,
    kind: c.kind as ProcuratorateCaseKind,
    charge: c.charge ?? null,
    status: c.status as ProcuratorateCaseStatus,
    regionCode: c.regionCode,
    receivedAt: c.receivedAt,
  };
}

@Resolver(() => ProcuratorateCaseType)
export class ProcuratorateCaseResolver {
  @Query(() => ProcuratorateCaseType, { nullable: true, description: '按编号查询检察案件' })
  async procuratorateCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ProcuratorateCaseType | null> {
    const visible = requireVisible(ctx, await ctx.loaders.procuratorateCaseById.load(requireUuid('id', id)), scopeOf);
    return visible ? toType(visible.record) : null;
  }

  @Query(() => ProcuratorateCaseConnection, { description: '检察案件列表(按受理时间倒序)' })
  async procuratorateCases(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof ProcuratorateCaseConnection>> {
    const { regionPrefix } = requireListAccess(ctx, 'PROCURATORATE');
    const { limit, after } = pageRequest(args, 2);
    const where: FilterQuery<ProcuratorateCase> = { regionCode: { $like: `${regionPrefix}%` } };
    const keyset: FilterQuery<ProcuratorateCase> = after
      ? { $or: [{ receivedAt: { $lt: new Date(after[0]!) } }, { receivedAt: new Date(after[0]!), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(ProcuratorateCase, { $and: [where, keyset] }, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      ctx.em.count(ProcuratorateCase, where),
    ]);
    return toConnection(rows, limit, total, (c) => [c.receivedAt.toISOString(), c.id], toType);
  }
}

@Resolver(() => DisputeRef)
export class DisputeProcuratorateResolver {
  @FieldResolver(() => [ProcuratorateCaseType], { nullable: true, description: '检察院:该纠纷的检察案件(检察院服务不可用时为 null)' })
  async procuratorateCases(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<ProcuratorateCaseType[]> {
    if (!isUuid(dispute.id) || !ctx.caller) return [];
    const cases = await ctx.loaders.procuratorateCasesByDispute.load(dispute.id);
    return cases.filter((c) => visibility(ctx, scopeOf(c)) !== 'NONE').map(toType);
  }
}

export async function resolveProcuratorateCaseReference(reference: { id: string }, ctx: Context): Promise<ProcuratorateCaseType | null> {
  // `_entities` is the classic hole: the same rule as the root field, answered with null.
  if (!isUuid(reference.id)) return null;
  const found = await ctx.loaders.procuratorateCaseById.load(reference.id);
  return found && visibility(ctx, scopeOf(found)) !== 'NONE' ? toType(found) : null;
}

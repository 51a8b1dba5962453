import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { isUuid, PageArgs, pageRequest, requireUuid, toConnection, type SubgraphContext } from '@jiefen/subgraph-kit';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import type { ProcuratorateLoaders } from '../loaders/procuratorate.loaders.js';
import { DisputeRef } from './dispute.type.js';
import { ProcuratorateCaseConnection, ProcuratorateCaseType, type ProcuratorateCaseKind, type ProcuratorateCaseStatus } from './procuratorate-case.type.js';

type Context = SubgraphContext<ProcuratorateLoaders>;

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
    const found = await ctx.loaders.procuratorateCaseById.load(requireUuid('id', id));
    return found ? toType(found) : null;
  }

  @Query(() => ProcuratorateCaseConnection, { description: '检察案件列表(按受理时间倒序)' })
  async procuratorateCases(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof ProcuratorateCaseConnection>> {
    const { limit, after } = pageRequest(args, 2);
    const keyset: FilterQuery<ProcuratorateCase> = after
      ? { $or: [{ receivedAt: { $lt: new Date(after[0]!) } }, { receivedAt: new Date(after[0]!), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(ProcuratorateCase, keyset, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      ctx.em.count(ProcuratorateCase, {}),
    ]);
    return toConnection(rows, limit, total, (c) => [c.receivedAt.toISOString(), c.id], toType);
  }
}

@Resolver(() => DisputeRef)
export class DisputeProcuratorateResolver {
  @FieldResolver(() => [ProcuratorateCaseType], { nullable: true, description: '检察院:该纠纷的检察案件(检察院服务不可用时为 null)' })
  async procuratorateCases(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<ProcuratorateCaseType[]> {
    if (!isUuid(dispute.id)) return [];
    return (await ctx.loaders.procuratorateCasesByDispute.load(dispute.id)).map(toType);
  }
}

export async function resolveProcuratorateCaseReference(reference: { id: string }, ctx: Context): Promise<ProcuratorateCaseType | null> {
  if (!isUuid(reference.id)) return null;
  const found = await ctx.loaders.procuratorateCaseById.load(reference.id);
  return found ? toType(found) : null;
}

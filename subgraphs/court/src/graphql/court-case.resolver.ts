import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RecordScope } from '@jiefen/auth';
import { isUuid, PageArgs, pageRequest, requireListAccess, requireUuid, requireVisible, toConnection, visibility, type SubgraphContext } from '@jiefen/subgraph-kit';
import { CourtCase } from '../entities/court-case.entity.js';
import type { CourtLoaders } from '../loaders/court.loaders.js';
import { CourtCaseConnection, CourtCaseType } from './court-case.type.js';
import { DisputeRef } from './dispute.type.js';

type Context = SubgraphContext<CourtLoaders>;

/** Record rule input: the court owns its cases; the region decides jurisdiction. */
const scopeOf = (c: CourtCase): RecordScope => ({ owner: 'COURT', regionCode: c.regionCode });

function toType(c: CourtCase): CourtCaseType {
  return {
    id: c.id,
    disputeId: c.disputeId,
    caseNumber: c.caseNumber,
    cause: c.cause,
    stage: c.stage,
    status: c.status,
    regionCode: c.regionCode,
    receivedAt: c.receivedAt,
  };
}

@Resolver(() => CourtCaseType)
export class CourtCaseResolver {
  @Query(() => CourtCaseType, { nullable: true, description: '按编号查询法院案件' })
  async courtCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CourtCaseType | null> {
    const visible = requireVisible(ctx, await ctx.loaders.courtCaseById.load(requireUuid('id', id)), scopeOf);
    return visible ? toType(visible.record) : null;
  }

  @Query(() => CourtCaseConnection, { description: '法院案件列表(按收案时间倒序)' })
  async courtCases(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof CourtCaseConnection>> {
    const { regionPrefix } = requireListAccess(ctx, 'COURT');
    const { limit, after } = pageRequest(args, 2);
    const where: FilterQuery<CourtCase> = { regionCode: { $like: `${regionPrefix}%` } };
    const keyset: FilterQuery<CourtCase> = after
      ? { $or: [{ receivedAt: { $lt: new Date(after[0]!) } }, { receivedAt: new Date(after[0]!), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(CourtCase, { $and: [where, keyset] }, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      ctx.em.count(CourtCase, where),
    ]);
    return toConnection(rows, limit, total, (c) => [c.receivedAt.toISOString(), c.id], toType);
  }
}

@Resolver(() => DisputeRef)
export class DisputeCourtResolver {
  @FieldResolver(() => [CourtCaseType], { nullable: true, description: '法院:该纠纷的法院案件(法院服务不可用时为 null)' })
  async courtCases(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<CourtCaseType[]> {
    if (!isUuid(dispute.id) || !ctx.caller) return [];
    const cases = await ctx.loaders.courtCasesByDispute.load(dispute.id);
    return cases.filter((c) => visibility(ctx, scopeOf(c)) !== 'NONE').map(toType);
  }
}

export async function resolveCourtCaseReference(reference: { id: string }, ctx: Context): Promise<CourtCaseType | null> {
  // `_entities` is the classic hole: the same rule as the root field, answered with null.
  if (!isUuid(reference.id)) return null;
  const found = await ctx.loaders.courtCaseById.load(reference.id);
  return found && visibility(ctx, scopeOf(found)) !== 'NONE' ? toType(found) : null;
}

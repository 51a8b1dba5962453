import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RecordScope } from '@jiefen/auth';
import { isUuid, PageArgs, pageRequest, requireListAccess, requireUuid, requireVisible, toConnection, visibility, type SubgraphContext } from '@jiefen/subgraph-kit';
import { MediationCase } from '../entities/mediation-case.entity.js';
import type { JusticeLoaders } from '../loaders/justice.loaders.js';
import { DisputeRef } from './dispute.type.js';
import { MediationCaseConnection, MediationCaseType, type MediationCaseStatus, type MediationOutcome, type MediationSource } from './mediation-case.type.js';

type Context = SubgraphContext<JusticeLoaders>;

/** Record rule input: the justice bureau owns its mediation cases; the region decides jurisdiction. */
const scopeOf = (c: MediationCase): RecordScope => ({ owner: 'JUSTICE', regionCode: c.regionCode });

function toType(c: MediationCase): MediationCaseType {
  return {
    id: c.id,
    disputeId: c.disputeId,
    caseNumber: c.caseNumber,
    organizationName: c.organizationName,
    mediatorName: c.mediatorName,
    source: c.source as MediationSource,
    status: c.status as MediationCaseStatus,
    outcome: (c.outcome ?? null) as MediationOutcome | null,
    regionCode: c.regionCode,
    acceptedAt: c.acceptedAt,
  };
}

@Resolver(() => MediationCaseType)
export class MediationCaseResolver {
  @Query(() => MediationCaseType, { nullable: true, description: '按编号查询人民调解案件' })
  async mediationCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<MediationCaseType | null> {
    const visible = requireVisible(ctx, await ctx.loaders.mediationCaseById.load(requireUuid('id', id)), scopeOf);
    return visible ? toType(visible.record) : null;
  }

  @Query(() => MediationCaseConnection, { description: '人民调解案件列表(按受理时间倒序)' })
  async mediationCases(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof MediationCaseConnection>> {
    const { regionPrefix } = requireListAccess(ctx, 'JUSTICE');
    const { limit, after } = pageRequest(args, 2);
    const where: FilterQuery<MediationCase> = { regionCode: { $like: `${regionPrefix}%` } };
    const keyset: FilterQuery<MediationCase> = after
      ? { $or: [{ acceptedAt: { $lt: new Date(after[0]!) } }, { acceptedAt: new Date(after[0]!), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(MediationCase, { $and: [where, keyset] }, { orderBy: { acceptedAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      ctx.em.count(MediationCase, where),
    ]);
    return toConnection(rows, limit, total, (c) => [c.acceptedAt.toISOString(), c.id], toType);
  }
}

@Resolver(() => DisputeRef)
export class DisputeJusticeResolver {
  @FieldResolver(() => [MediationCaseType], { nullable: true, description: '司法局:该纠纷的人民调解案件(司法局服务不可用时为 null)' })
  async mediations(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<MediationCaseType[]> {
    if (!isUuid(dispute.id) || !ctx.caller) return [];
    const cases = await ctx.loaders.mediationCasesByDispute.load(dispute.id);
    return cases.filter((c) => visibility(ctx, scopeOf(c)) !== 'NONE').map(toType);
  }
}

export async function resolveMediationCaseReference(reference: { id: string }, ctx: Context): Promise<MediationCaseType | null> {
  // `_entities` is the classic hole: the same rule as the root field, answered with null.
  if (!isUuid(reference.id)) return null;
  const found = await ctx.loaders.mediationCaseById.load(reference.id);
  return found && visibility(ctx, scopeOf(found)) !== 'NONE' ? toType(found) : null;
}

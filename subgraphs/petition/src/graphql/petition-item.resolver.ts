import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RecordScope } from '@jiefen/auth';
import { isUuid, PageArgs, pageRequest, requireListAccess, requireUuid, requireVisible, toConnection, visibility, type SubgraphContext } from '@jiefen/subgraph-kit';
import { PetitionItem } from '../entities/petition-item.entity.js';
import type { PetitionLoaders } from '../loaders/petition.loaders.js';
import { DisputeRef } from './dispute.type.js';
import { PetitionItemConnection, PetitionItemType, type PetitionForm, type PetitionItemStatus } from './petition-item.type.js';

type Context = SubgraphContext<PetitionLoaders>;

/** Record rule input: the petition bureau owns its items; the region decides jurisdiction. */
const scopeOf = (p: PetitionItem): RecordScope => ({ owner: 'PETITION', regionCode: p.regionCode });

function toType(p: PetitionItem): PetitionItemType {
  return {
    id: p.id,
    disputeId: p.disputeId,
    itemNumber: p.itemNumber,
    form: p.form as PetitionForm,
    subject: p.subject,
    status: p.status as PetitionItemStatus,
    regionCode: p.regionCode,
    registeredAt: p.registeredAt,
  };
}

@Resolver(() => PetitionItemType)
export class PetitionItemResolver {
  @Query(() => PetitionItemType, { nullable: true, description: '按编号查询信访事项' })
  async petitionItem(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PetitionItemType | null> {
    const visible = requireVisible(ctx, await ctx.loaders.petitionItemById.load(requireUuid('id', id)), scopeOf);
    return visible ? toType(visible.record) : null;
  }

  @Query(() => PetitionItemConnection, { description: '信访事项列表(按登记时间倒序)' })
  async petitionItems(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof PetitionItemConnection>> {
    const { regionPrefix } = requireListAccess(ctx, 'PETITION');
    const { limit, after } = pageRequest(args, 2);
    const where: FilterQuery<PetitionItem> = { regionCode: { $like: `${regionPrefix}%` } };
    const keyset: FilterQuery<PetitionItem> = after
      ? { $or: [{ registeredAt: { $lt: new Date(after[0]!) } }, { registeredAt: new Date(after[0]!), id: { $lt: String(after[1]) } }] }
      : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(PetitionItem, { $and: [where, keyset] }, { orderBy: { registeredAt: 'desc', id: 'desc' }, limit: limit + 1 }),
      ctx.em.count(PetitionItem, where),
    ]);
    return toConnection(rows, limit, total, (p) => [p.registeredAt.toISOString(), p.id], toType);
  }
}

@Resolver(() => DisputeRef)
export class DisputePetitionResolver {
  @FieldResolver(() => [PetitionItemType], { nullable: true, description: '信访局:该纠纷的信访事项(信访局服务不可用时为 null)' })
  async petitions(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<PetitionItemType[]> {
    if (!isUuid(dispute.id) || !ctx.caller) return [];
    const items = await ctx.loaders.petitionItemsByDispute.load(dispute.id);
    return items.filter((p) => visibility(ctx, scopeOf(p)) !== 'NONE').map(toType);
  }
}

export async function resolvePetitionItemReference(reference: { id: string }, ctx: Context): Promise<PetitionItemType | null> {
  // `_entities` is the classic hole: the same rule as the root field, answered with null.
  if (!isUuid(reference.id)) return null;
  const found = await ctx.loaders.petitionItemById.load(reference.id);
  return found && visibility(ctx, scopeOf(found)) !== 'NONE' ? toType(found) : null;
}

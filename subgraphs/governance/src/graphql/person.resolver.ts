import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GovernanceContext } from './context.js';
import { DisputeType } from './dispute.type.js';
import { PersonType } from './person.type.js';
import { disputeAccess } from './record-access.js';

@Resolver(() => PersonType)
export class PersonResolver {
  @FieldResolver(() => [DisputeType], { nullable: true, description: '综治中心:此人作为当事人的纠纷(调用者可见的)' })
  async disputes(@Root() person: PersonType, @Ctx() ctx: GovernanceContext): Promise<DisputeType[]> {
    if (!ctx.caller) return [];
    const parties = await ctx.loaders.partiesByPersonKey.load(person.key);
    const disputes = await ctx.loaders.disputeById.loadMany([...new Set(parties.map((p) => p.disputeId))]);
    // A loader answers a row, null (no such dispute) or an Error per key: only rows are viewed.
    return disputes.flatMap((d) => (d && !(d instanceof Error) ? (disputeAccess.view(ctx, d) ?? []) : []));
  }
}

export function resolvePersonReference(reference: { key: string }): PersonType {
  return { key: reference.key };
}

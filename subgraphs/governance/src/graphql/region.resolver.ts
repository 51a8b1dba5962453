import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { inJurisdiction } from '@jiefen/auth';
import { DomainError, requireRegionPrefix } from '@jiefen/subgraph-kit';
import type { GovernanceContext } from './context.js';
import { toRegionType } from './mappers.js';
import { RegionDisputeCountsType } from './region-counts.type.js';
import { RegionType } from './region.type.js';

const MAX_PERIOD = 5 * 366 * 86_400_000;

@Resolver(() => RegionType)
export class RegionResolver {
  @Query(() => RegionType, { nullable: true, description: '按代码查询区划 A region by code' })
  async region(@Arg('code', () => String) code: string, @Ctx() ctx: GovernanceContext): Promise<RegionType | null> {
    const region = await ctx.loaders.regionByCode.load(requireRegionPrefix('code', code));
    return region ? toRegionType(region) : null;
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '上级区划' })
  async parent(@Root() region: RegionType, @Ctx() ctx: GovernanceContext): Promise<RegionType | null> {
    if (!region.parentCode) return null;
    const parent = await ctx.loaders.regionByCode.load(region.parentCode);
    return parent ? toRegionType(parent) : null;
  }

  @FieldResolver(() => [RegionType], { description: '下级区划' })
  async children(@Root() region: RegionType, @Ctx() ctx: GovernanceContext): Promise<RegionType[]> {
    return (await ctx.loaders.regionChildren.load(region.code)).map(toRegionType);
  }

  @FieldResolver(() => RegionDisputeCountsType, {
    nullable: true,
    description: '综治中心纠纷统计(期间 [from, to));须登录且区划在本人辖区内,否则为空 Dispute counts for a period',
  })
  async disputeCounts(
    @Root() region: RegionType,
    @Arg('from', () => Date, { description: '期间起(含)' }) from: Date,
    @Arg('to', () => Date, { description: '期间止(不含)' }) to: Date,
    @Ctx() ctx: GovernanceContext,
  ): Promise<RegionDisputeCountsType | null> {
    if (!(to.getTime() > from.getTime())) throw DomainError.validation('to', '统计期间止须晚于起');
    if (to.getTime() - from.getTime() > MAX_PERIOD) throw DomainError.validation('to', '统计期间不能超过 5 年');
    if (!ctx.caller || !inJurisdiction(ctx.caller, region.code)) return null;
    const counts = await ctx.loaders.disputeCounts.load({ regionCode: region.code, from, to });
    return {
      from,
      to,
      ...counts,
      resolutionRate: counts.registered ? Math.round((counts.resolved / counts.registered) * 10_000) / 10_000 : null,
      registeredPer10k: region.population ? Math.round((counts.registered / region.population) * 10_000 * 100) / 100 : null,
    };
  }
}

export async function resolveRegionReference(reference: { code: string }, ctx: GovernanceContext): Promise<RegionType | null> {
  const region = await ctx.loaders.regionByCode.load(reference.code);
  return region ? toRegionType(region) : null;
}

import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requireRegionPrefix } from '@jiefen/subgraph-kit';
import type { GovernanceContext } from './context.js';
import { toRegionType } from './mappers.js';
import { RegionType } from './region.type.js';

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
}

export async function resolveRegionReference(reference: { code: string }, ctx: GovernanceContext): Promise<RegionType | null> {
  const region = await ctx.loaders.regionByCode.load(reference.code);
  return region ? toRegionType(region) : null;
}

import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { inJurisdiction } from '@jiefen/auth';
import { periodBuckets, periodLabel, type Granularity } from '@jiefen/calendar';
import {
  DomainError,
  GranularityEnum,
  IndicatorPeriodInput,
  IndicatorReport,
  indicatorReportReference,
  requireCaller,
  requireRegionPrefix,
  resolveIndicatorPeriod,
} from '@jiefen/subgraph-kit';
import type { GovernanceContext } from './context.js';
import { toRegionType } from './mappers.js';
import { RegionType } from './region.type.js';

const report = (regionCode: string, from: Date, to: Date): IndicatorReport => ({ regionCode, from, to });

/**
 * The dashboard's one entry: a region and a period, to which every agency adds its block. The hub
 * owns the region tree, so the report's region, its children (the same period) and its trend (the
 * same region, period cut by month or week) come from here; each point is again a report that every
 * agency answers, batched.
 */
@Resolver(() => IndicatorReport)
export class IndicatorReportResolver {
  @Query(() => IndicatorReport, {
    nullable: true,
    description:
      '指标报告:一个区划、一个期间,各机关的指标都在其上(领导看全部;各机关人员只看本机关的,其余为空并报 FORBIDDEN);区划不在辖区内为空并报 FORBIDDEN,区划不存在为空 Indicators of a region for a period',
  })
  async indicators(
    @Arg('regionCode', () => String, { description: '区划代码(市、县、镇、村)' }) regionCode: string,
    @Arg('period', () => IndicatorPeriodInput) period: IndicatorPeriodInput,
    @Ctx() ctx: GovernanceContext,
  ): Promise<IndicatorReport | null> {
    const code = requireRegionPrefix('regionCode', regionCode);
    const { from, to } = resolveIndicatorPeriod(period);
    const caller = requireCaller(ctx);
    if (!inJurisdiction(caller, code)) throw DomainError.forbidden('该区划不在本人辖区内');
    const region = await ctx.loaders.regionByCode.load(code);
    return region ? report(code, from, to) : null;
  }

  @FieldResolver(() => String, { description: '期间的名称(2026年、2026年第4季度、2026年11月、2026年第48周,或起止日期)' })
  label(@Root() r: IndicatorReport): string {
    return periodLabel(r.from, r.to);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '区划' })
  async region(@Root() r: IndicatorReport, @Ctx() ctx: GovernanceContext): Promise<RegionType | null> {
    const region = await ctx.loaders.regionByCode.load(r.regionCode);
    return region ? toRegionType(region) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: '区划常住人口(万人成讼率等的分母)' })
  async population(@Root() r: IndicatorReport, @Ctx() ctx: GovernanceContext): Promise<number | null> {
    return (await ctx.loaders.regionByCode.load(r.regionCode))?.population ?? null;
  }

  @FieldResolver(() => [IndicatorReport], { description: '下级区划同一期间的指标报告(按区划代码;排名可按任一指标排序)' })
  async children(@Root() r: IndicatorReport, @Ctx() ctx: GovernanceContext): Promise<IndicatorReport[]> {
    return (await ctx.loaders.regionChildren.load(r.regionCode)).map((c) => report(c.code, r.from, r.to));
  }

  @FieldResolver(() => [IndicatorReport], { description: '趋势:本区划按月、周等切分本期间的各期报告(由早到晚,最多 400 期)' })
  trend(@Root() r: IndicatorReport, @Arg('granularity', () => GranularityEnum, { defaultValue: 'MONTH' }) granularity: Granularity): IndicatorReport[] {
    return periodBuckets(r.from, r.to, granularity).map((p) => report(r.regionCode, p.from, p.to));
  }
}

export const resolveIndicatorReportReference = (reference: { regionCode: string; from: string; to: string }) => indicatorReportReference(reference);

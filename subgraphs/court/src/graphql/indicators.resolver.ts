import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { hasRole, inJurisdiction } from '@jiefen/auth';
import { DomainError, requireCaller, type SubgraphContext } from '@jiefen/subgraph-kit';
import { courtIndicators } from '../services/court-indicators.service.js';
import { CourtIndicatorsType, RegionRef } from './region.type.js';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** Aggregates carry no personal data: the court, the hub and leaders read them within their jurisdiction. */
function requireIndicatorAccess(ctx: SubgraphContext, regionCode: string): void {
  const caller = requireCaller(ctx);
  const allowed = caller.agency === 'COURT' || caller.agency === 'GOVERNANCE' || hasRole(caller, 'LEADER');
  if (!allowed) throw DomainError.forbidden('无权查看法院指标');
  if (!inJurisdiction(caller, regionCode)) throw DomainError.forbidden('该区划不在本人辖区内');
}

export function validPeriod(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw DomainError.validation('from', '统计期间无效');
  if (from.getTime() >= to.getTime()) throw DomainError.validation('to', '统计期间的结束须晚于开始');
}

@Resolver(() => RegionRef)
export class RegionCourtResolver {
  @FieldResolver(() => CourtIndicatorsType, { nullable: true, description: '法院:该区划在期间内的诉调、立案、司法确认与执行指标(法院服务不可用时为 null)' })
  async courtIndicators(
    @Root() region: RegionRef,
    @Arg('from', () => Date, { description: '期间起(含)' }) from: Date,
    @Arg('to', () => Date, { description: '期间止(不含)' }) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CourtIndicatorsType> {
    validPeriod(from, to);
    if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(region.code)) throw DomainError.validation('code', '区划代码须为 6、9 或 12 位数字');
    requireIndicatorAccess(ctx, region.code);
    const figures = await courtIndicators(ctx.em, region.code, from, to);
    return {
      from,
      to,
      ...figures,
      diversionRate: ratio(figures.divertedPreFiling, figures.civilCasesReceived),
      preFilingResolutionRate: ratio(figures.preFilingSucceeded, figures.divertedPreFiling),
      voluntaryPerformanceRate: ratio(figures.agreementsPerformed, figures.agreementsPerformed + figures.enforcementApplications),
    };
  }
}

import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { hasRole, inJurisdiction } from '@jiefen/auth';
import { DomainError, requireCaller, type SubgraphContext } from '@jiefen/subgraph-kit';
import { procuratorateIndicators } from '../services/procuratorate-indicators.service.js';
import { ProcuratorateIndicatorsType, RegionRef } from './region.type.js';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

@Resolver(() => RegionRef)
export class RegionProcuratorateResolver {
  @FieldResolver(() => ProcuratorateIndicatorsType, { nullable: true, description: '检察院:该区划在期间内的检调对接数量与结果(检察院服务不可用时为 null)' })
  async procuratorateIndicators(
    @Root() region: RegionRef,
    @Arg('from', () => Date, { description: '期间起(含)' }) from: Date,
    @Arg('to', () => Date, { description: '期间止(不含)' }) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProcuratorateIndicatorsType> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from.getTime() >= to.getTime())
      throw DomainError.validation('to', '统计期间的结束须晚于开始');
    if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(region.code)) throw DomainError.validation('code', '区划代码须为 6、9 或 12 位数字');
    // Aggregates carry no personal data: the procuratorate, the hub and leaders read them within their jurisdiction.
    const caller = requireCaller(ctx);
    if (caller.agency !== 'PROCURATORATE' && caller.agency !== 'GOVERNANCE' && !hasRole(caller, 'LEADER')) throw DomainError.forbidden('无权查看检察院指标');
    if (!inJurisdiction(caller, region.code)) throw DomainError.forbidden('该区划不在本人辖区内');
    const figures = await procuratorateIndicators(ctx.em, region.code, from, to);
    return { from, to, ...figures, reconciliationRate: ratio(figures.reconciled, figures.reconciled + figures.notReconciled) };
  }
}

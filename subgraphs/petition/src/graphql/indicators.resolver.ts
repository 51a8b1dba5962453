import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { hasRole, inJurisdiction } from '@jiefen/auth';
import { DomainError, requireCaller, type SubgraphContext } from '@jiefen/subgraph-kit';
import { petitionIndicators } from '../services/petition-indicators.service.js';
import { PetitionIndicatorsType, RegionRef } from './region.type.js';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

@Resolver(() => RegionRef)
export class RegionPetitionResolver {
  @FieldResolver(() => PetitionIndicatorsType, {
    nullable: true,
    description: '信访局:该区划在期间内的及时受理率、按期办结率、参评满意率与访调数量(信访局服务不可用时为 null)',
  })
  async petitionIndicators(
    @Root() region: RegionRef,
    @Arg('from', () => Date, { description: '期间起(含)' }) from: Date,
    @Arg('to', () => Date, { description: '期间止(不含)' }) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PetitionIndicatorsType> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from.getTime() >= to.getTime())
      throw DomainError.validation('to', '统计期间的结束须晚于开始');
    if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(region.code)) throw DomainError.validation('code', '区划代码须为 6、9 或 12 位数字');
    // Aggregates carry no personal data: the bureau, the hub and leaders read them within their jurisdiction.
    const caller = requireCaller(ctx);
    if (caller.agency !== 'PETITION' && caller.agency !== 'GOVERNANCE' && !hasRole(caller, 'LEADER')) throw DomainError.forbidden('无权查看信访指标');
    if (!inJurisdiction(caller, region.code)) throw DomainError.forbidden('该区划不在本人辖区内');
    const f = await petitionIndicators(ctx.em, region.code, from, to);
    return {
      from,
      to,
      ...f,
      timelyAcceptanceRate: ratio(f.routedOnTime, f.registered),
      onTimeClosureRate: ratio(f.concludedOnTime, f.concluded),
      satisfactionRate: ratio(f.satisfied + f.basicallySatisfied, f.rated),
    };
  }
}

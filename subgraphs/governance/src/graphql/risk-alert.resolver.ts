import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { statusLabel, DomainError, keysetPage, requireCaller, requireRegionPrefix } from '@jiefen/subgraph-kit';
import { riskAlertWorkflow } from '../domain/risk-alert.workflow.js';
import { RISK_LEVELS } from '../domain/tiers.js';
import { RiskAlert } from '../entities/risk-alert.entity.js';
import { handleRiskAlert, raiseRiskAlert } from '../services/risk-alert.service.js';
import { hubListPrefix, hubText } from './access.js';
import type { GovernanceContext } from './context.js';
import { HandleRiskAlertInput, RaiseRiskAlertInput } from './risk-alert.input.js';
import { RiskAlertConnection, RiskAlertCountType, RiskAlertsArgs, RiskAlertType } from './risk-alert.type.js';

export function toRiskAlertType(a: RiskAlert): RiskAlertType {
  return {
    id: a.id,
    disputeId: a.disputeId ?? null,
    regionCode: a.regionCode,
    level: a.level,
    rule: a.rule,
    reason: a.reason,
    status: a.status,
    statusLabel: statusLabel(riskAlertWorkflow, a.status),
    raisedAt: a.raisedAt,
    raisedByName: a.raisedByName ?? null,
    handledAt: a.handledAt ?? null,
    handlingNote: a.handlingNote ?? null,
    version: a.version,
    personal: hubText('RiskAlert', a.id, a.disputeId ?? null),
  };
}

function requireHubReader(ctx: GovernanceContext): string {
  requireCaller(ctx);
  const prefix = hubListPrefix(ctx);
  if (prefix === null) throw DomainError.forbidden('预警信息仅限综治中心与领导查看');
  return prefix;
}

@Resolver(() => RiskAlertType)
export class RiskAlertResolver {
  @Query(() => RiskAlertConnection, { description: '预警列表(按等级、区划筛选,新的在前) Alerts, newest first' })
  async riskAlerts(@Args(() => RiskAlertsArgs) args: RiskAlertsArgs, @Ctx() ctx: GovernanceContext): Promise<InstanceType<typeof RiskAlertConnection>> {
    const prefix = requireHubReader(ctx);
    const conditions: FilterQuery<RiskAlert>[] = [{ regionCode: { $like: `${prefix}%` } }];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.level) conditions.push({ level: args.level });
    if (args.status) conditions.push({ status: args.status });
    const where: FilterQuery<RiskAlert> = { $and: conditions };
    return keysetPage(ctx.em, RiskAlert, { where, orderBy: { raisedAt: 'desc', id: 'desc' }, page: args }, toRiskAlertType);
  }

  @Query(() => [RiskAlertCountType], { description: '待处置预警按等级统计 Open alerts per level' })
  async openRiskAlertCounts(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<RiskAlertCountType[]> {
    const prefix = requireHubReader(ctx);
    const narrow = regionCode ? requireRegionPrefix('regionCode', regionCode) : prefix;
    const rows: { level: string; n: string }[] = await ctx.em
      .getConnection()
      .execute(`select level, count(*) as n from risk_alert where status = 'OPEN' and region_code like ? and region_code like ? group by level`, [
        `${prefix}%`,
        `${narrow}%`,
      ]);
    return RISK_LEVELS.map((level) => ({ level, count: Number(rows.find((r) => r.level === level)?.n ?? 0) }));
  }

  @Mutation(() => RiskAlertType, { description: '人工预警 Raise an alert by hand' })
  async raiseRiskAlert(@Arg('input', () => RaiseRiskAlertInput) input: RaiseRiskAlertInput, @Ctx() ctx: GovernanceContext): Promise<RiskAlertType> {
    return toRiskAlertType(await raiseRiskAlert(ctx.em, requireCaller(ctx), input));
  }

  @Mutation(() => RiskAlertType, { description: '处置预警 Handle an alert' })
  async handleRiskAlert(@Arg('input', () => HandleRiskAlertInput) input: HandleRiskAlertInput, @Ctx() ctx: GovernanceContext): Promise<RiskAlertType> {
    return toRiskAlertType(await handleRiskAlert(ctx.em, requireCaller(ctx), input));
  }
}

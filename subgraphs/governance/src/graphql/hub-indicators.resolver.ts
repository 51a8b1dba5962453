import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { readsIndicators } from '@jiefen/auth';
import {
  createIndicatorBlock,
  rollupObjects,
  breakdownRollupObjects,
  DomainError,
  IndicatorBreakdown,
  IndicatorReport,
  indicatorScopeOf,
  per10k,
  ratio,
  type IndicatorCounter,
  type SubgraphContext,
} from '@jiefen/subgraph-kit';
import { DOCKING_KIND_NAMES, DOCKING_KINDS } from '../domain/docking.js';
import {
  ALERTS,
  countScreening,
  DISPUTES,
  DOCKING_FUNNEL,
  DOCKINGS_OVERDUE,
  HUB_BREAKDOWNS,
  funnelFigure,
  SCREENING_REPORTS,
  SUPERVISION,
  type HubBreakdown,
  type ScreeningFigure,
} from '../loaders/hub-indicators.js';
import type { GovernanceContext } from './context.js';
import { DockingFunnelType, HubIndicatorsType } from './hub-indicators.type.js';

/** The kit runs a block's counters in the request's context: for the hub's block, the hub's own. */
const hubContext = (ctx: SubgraphContext) => ctx as GovernanceContext;

const screeningDue = (ctx: GovernanceContext) => ({ now: ctx.settings.now(), graceDays: ctx.settings.clocks.screeningGraceDays });

/** 排查 compliance: what is owed comes from the region tree and the calendar, so the hub counts it itself. */
const screening: IndicatorCounter<ScreeningFigure> = {
  measures: { screeningDue: '应报排查报告数', screeningReceived: '已报排查报告数', zeroReports: '零报告数' },
  countScopes: (ctx, scopes) => countScreening(ctx.em, scopes, screeningDue(hubContext(ctx))),
  async countChildren(ctx, scope) {
    const children = await hubContext(ctx).loaders.regionChildren.load(scope.regionCode);
    const scopes = children.map((c) => ({ regionCode: c.code, from: scope.from, to: scope.to }));
    const counts = await countScreening(ctx.em, scopes, screeningDue(hubContext(ctx)));
    return new Map(scopes.map((s, i) => [s.regionCode, counts[i]!]));
  },
};

/** 综治中心 on the indicator report: `IndicatorReport.hub` and its ranking of child regions. */
export const hubIndicatorBlockResolvers = createIndicatorBlock({
  agency: 'GOVERNANCE',
  field: 'hub',
  // The hub owns the report (root query, region, children, trend): its block goes on that same class.
  report: IndicatorReport,
  description: '综治中心指标:矛盾纠纷登记与化解率、超期、排查报送(含零报告)、预警、督办(综治中心人员与领导可看)',
  type: HubIndicatorsType,
  sources: [DISPUTES, DOCKINGS_OVERDUE, ALERTS, SUPERVISION, screening],
  toType: (c) => ({
    registered: c.registered,
    resolved: c.resolved,
    resolutionRate: ratio(c.resolved, c.registered),
    overdue: c.overdue,
    screeningDue: c.screeningDue,
    screeningReceived: c.screeningReceived,
    zeroReports: c.zeroReports,
    screeningComplianceRate: ratio(c.screeningReceived, c.screeningDue),
    alertsRaised: c.alertsRaised,
    openAlerts: c.openAlerts,
    supervisionOpened: c.supervisionOpened,
    supervisionCleared: c.supervisionCleared,
    supervisionOpen: c.supervisionOpen,
    supervisionOverdue: c.overdueNow + c.dockingsOverdueNow,
  }),
  ranking: {
    enum: 'HubIndicator',
    indicators: {
      REGISTERED: { name: '纠纷登记数', value: (b) => b.registered },
      RESOLVED: { name: '化解成功数', value: (b) => b.resolved },
      RESOLUTION_RATE: { name: '矛盾纠纷化解率', value: (b) => b.resolutionRate },
      OVERDUE: { name: '超期未办结数', value: (b) => b.overdue },
      SCREENING_COMPLIANCE_RATE: { name: '排查报告报送率', value: (b) => b.screeningComplianceRate },
      ZERO_REPORTS: { name: '零报告数', value: (b) => b.zeroReports },
      ALERTS_RAISED: { name: '预警数', value: (b) => b.alertsRaised },
      OPEN_ALERTS: { name: '未处置预警数', value: (b) => b.openAlerts },
      SUPERVISION_OPENED: { name: '督办立项数', value: (b) => b.supervisionOpened },
      SUPERVISION_OPEN: { name: '督办中事项数', value: (b) => b.supervisionOpen },
      SUPERVISION_OVERDUE: { name: '应督办数', value: (b) => b.supervisionOverdue },
    },
  },
});

/**
 * The hub block's breakdowns and per-population figure: read for the scope the block was computed
 * for (already authorized), each through a per-request loader, so a page's children or trend points
 * asking for `byChannel` cost one statement together.
 */
@Resolver(() => HubIndicatorsType)
export class HubIndicatorsResolver {
  private breakdown(block: HubIndicatorsType, ctx: GovernanceContext, name: HubBreakdown): Promise<IndicatorBreakdown[]> {
    const scope = indicatorScopeOf(block);
    return scope ? ctx.loaders.hubBreakdowns.load(name, scope) : Promise.resolve([]);
  }

  @FieldResolver(() => [IndicatorBreakdown], { description: '纠纷登记数按受理渠道(窗口、网上、12348 热线、网格排查、部门移送;代码见 DisputeChannel)' })
  byChannel(@Root() block: HubIndicatorsType, @Ctx() ctx: GovernanceContext): Promise<IndicatorBreakdown[]> {
    return this.breakdown(block, ctx, 'byChannel');
  }

  @FieldResolver(() => [IndicatorBreakdown], { description: '纠纷登记数按纠纷类别(代码)' })
  byCategory(@Root() block: HubIndicatorsType, @Ctx() ctx: GovernanceContext): Promise<IndicatorBreakdown[]> {
    return this.breakdown(block, ctx, 'byCategory');
  }

  @FieldResolver(() => [IndicatorBreakdown], { description: '纠纷登记数按当前化解层级(村、镇、县;代码见 DisputeTier)' })
  byTier(@Root() block: HubIndicatorsType, @Ctx() ctx: GovernanceContext): Promise<IndicatorBreakdown[]> {
    return this.breakdown(block, ctx, 'byTier');
  }

  @FieldResolver(() => [IndicatorBreakdown], { description: '未处置预警数按风险等级(当前;代码见 RiskLevel)' })
  openAlertsByLevel(@Root() block: HubIndicatorsType, @Ctx() ctx: GovernanceContext): Promise<IndicatorBreakdown[]> {
    return this.breakdown(block, ctx, 'openAlertsByLevel');
  }

  @FieldResolver(() => Float, { nullable: true, description: '万人纠纷登记数 = 纠纷登记数 ÷ 区划常住人口 × 10000(人口未知时为空)' })
  async registeredPer10k(@Root() block: HubIndicatorsType, @Ctx() ctx: GovernanceContext): Promise<number | null> {
    const scope = indicatorScopeOf(block);
    const population = scope ? (await ctx.loaders.regionByCode.load(scope.regionCode))?.population : null;
    return per10k(block.registered, population);
  }
}

/** 对接漏斗 on the indicator report: the hub keeps the docking ledger, so the funnel is the hub's. */
@Resolver(() => IndicatorReport)
export class DockingFunnelResolver {
  @FieldResolver(() => [DockingFunnelType], {
    nullable: true,
    description: '对接漏斗:各类对接期间内发出数及其接收、退回、办结(达成协议与否)、超期情况(综治中心人员与领导可看,限辖区内;他人为空并报 FORBIDDEN)',
  })
  async dockingFunnel(@Root() report: IndicatorReport, @Ctx() ctx: GovernanceContext): Promise<DockingFunnelType[]> {
    if (!readsIndicators(ctx.caller, 'GOVERNANCE', report.regionCode)) throw DomainError.forbidden('无权查看该区划的对接漏斗(限综治中心人员与领导,且在辖区内)');
    const counts = await ctx.loaders.dockingFunnel.load({ regionCode: report.regionCode, from: report.from, to: report.to });
    return DOCKING_KINDS.map((kind) => {
      const step = (name: Parameters<typeof funnelFigure>[1]) => counts[funnelFigure(kind, name)] ?? 0;
      const row = {
        kind,
        kindLabel: DOCKING_KIND_NAMES[kind],
        sent: step('sent'),
        accepted: step('accepted'),
        rejected: step('rejected'),
        concluded: step('concluded'),
        concludedWithAgreement: step('concludedWithAgreement'),
        concludedWithoutAgreement: step('concludedWithoutAgreement'),
        overdueAcceptance: step('overdueAcceptance'),
        overdueConclusion: step('overdueConclusion'),
      };
      return { ...row, acceptanceRate: ratio(row.accepted, row.sent), agreementRate: ratio(row.concludedWithAgreement, row.concluded) };
    });
  }
}

export const hubIndicatorResolvers = [...hubIndicatorBlockResolvers, HubIndicatorsResolver, DockingFunnelResolver] as const;

/** The hub's indicator totals (its database's derived objects): the block's sources, the docking funnel's, the registrations' breakdown and 排查's reports. */
export const hubIndicatorTotals = [
  ...hubIndicatorBlockResolvers.derived,
  rollupObjects(DOCKING_FUNNEL),
  breakdownRollupObjects(HUB_BREAKDOWNS[0]),
  rollupObjects(SCREENING_REPORTS),
];

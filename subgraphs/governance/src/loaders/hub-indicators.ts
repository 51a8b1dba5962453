import type { EntityManager } from '@mikro-orm/core';
import { commonPrefix, type BreakdownSource, type Counts, type IndicatorScope, type IndicatorSource } from '@jiefen/subgraph-kit';
import { ACCEPTED_STATUSES, AGREED_OUTCOME, CONCLUDING_STATUSES, DOCKING_KINDS, type DockingKind } from '../domain/docking.js';
import { periodsEndingIn, reportDueAt, SCREENING_CADENCES, regionLengthOf } from '../domain/screening.js';
import { owesScreeningReports } from '../services/screening.service.js';

/*
 * What the hub counts for `IndicatorReport.hub` and `dockingFunnel`, in SQL over its own tables. A
 * figure with `when` counts the events of the period by the moment they happened; one without is
 * a snapshot of now (open, overdue now), whatever the period.
 */

/**
 * The register: registered and resolved (化解成功) in the period; overdue = registered in the period
 * and, now, past the clock of the state it is in (the meaning the former `Region.disputeCounts`
 * had); `overdueNow` = every dispute past its clock now, whenever registered (what 督办 scans).
 */
export const DISPUTES = {
  from: 'dispute x',
  measures: {
    registered: { when: 'registered_at' },
    resolved: { when: 'resolved_at' },
    overdue: { when: 'registered_at', where: 'x.due_at < now()', readsClock: true },
    overdueNow: { where: 'x.due_at < now()' },
  },
  rollup: { name: 'hub_disputes' },
} satisfies IndicatorSource;

/** Dockings past the clock running now (accept, conclude or feed back), as 督办 scans them. */
export const DOCKINGS_OVERDUE = { from: 'docking x', measures: { dockingsOverdueNow: { where: 'x.due_at < now()' } } } satisfies IndicatorSource;

/** 预警: raised in the period; open now. */
export const ALERTS = {
  from: 'risk_alert x',
  measures: { alertsRaised: { when: 'raised_at' }, openAlerts: { where: "x.status = 'OPEN'" } },
  rollup: { name: 'hub_alerts' },
} satisfies IndicatorSource;

/** 督办事项: opened and cleared in the period; open now. */
export const SUPERVISION = {
  from: 'supervision_item x',
  measures: { supervisionOpened: { when: 'created_at' }, supervisionCleared: { when: 'cleared_at' }, supervisionOpen: { where: "x.status = 'OPEN'" } },
  rollup: { name: 'hub_supervision' },
} satisfies IndicatorSource;

/** The registrations of the period by channel, category and (current) tier (one statement); the open alerts by level. */
export const HUB_BREAKDOWNS = [
  {
    from: 'dispute x',
    keys: { byChannel: 'x.channel', byCategory: 'x.category', byTier: 'x.tier' },
    measure: DISPUTES.measures.registered,
    rollup: { name: 'hub_dispute_breakdowns' },
  },
  { from: 'risk_alert x', keys: { openAlertsByLevel: 'x.level' }, measure: ALERTS.measures.openAlerts },
] as const satisfies readonly BreakdownSource[];
type KeysOf<T> = T extends { keys: infer K } ? keyof K & string : never;
export type HubBreakdown = KeysOf<(typeof HUB_BREAKDOWNS)[number]>;

/** The steps of a docking funnel, as conditions on a docking sent in the period. */
const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const FUNNEL_STEPS = {
  sent: null,
  accepted: `x.status in (${sqlList(ACCEPTED_STATUSES)})`,
  rejected: "x.status = 'REJECTED'",
  concluded: 'x.concluded_at is not null',
  // With and without an agreement add up to `concluded`, whatever outcome a conclusion carries.
  concludedWithAgreement: `x.concluded_at is not null and x.outcome = '${AGREED_OUTCOME}'`,
  concludedWithoutAgreement: `x.concluded_at is not null and coalesce(x.outcome, '') <> '${AGREED_OUTCOME}'`,
  // The ledger's running clock (`dockingDueAt`): acceptBy while sent, concludeBy once accepted.
  overdueAcceptance: "x.status = 'SENT' and x.due_at < now()",
  overdueConclusion: `x.status in (${sqlList(CONCLUDING_STATUSES)}) and x.due_at < now()`,
} as const;
export type FunnelStep = keyof typeof FUNNEL_STEPS;
/** The steps that compare with now: counted from the dockings at each request, never kept in the totals. */
const CLOCK_STEPS = new Set<FunnelStep>(['overdueAcceptance', 'overdueConclusion']);
export const FUNNEL_STEP_NAMES = Object.keys(FUNNEL_STEPS) as FunnelStep[];

/** The figure of one kind and step in `DOCKING_FUNNEL`'s counts. */
export const funnelFigure = (kind: DockingKind, step: FunnelStep) => `${kind}.${step}`;

/**
 * 对接漏斗: the dockings sent in the period (a cohort, so each step is a share of the one before),
 * per kind, and how far each got by now — one statement for every kind and step. 司法确认申请
 * (mode CONFIRMATION, justice → court) is an application to rule on an agreement, not a hand-over to
 * mediation: it is left out.
 */
export const DOCKING_FUNNEL: IndicatorSource = {
  from: 'docking x',
  measures: Object.fromEntries(
    DOCKING_KINDS.flatMap((kind) =>
      FUNNEL_STEP_NAMES.map((step) => {
        const condition = FUNNEL_STEPS[step];
        const where = `x.kind = '${kind}' and x.mode <> 'CONFIRMATION'${condition ? ` and ${condition}` : ''}`;
        return [funnelFigure(kind, step), { when: 'sent_at', where, readsClock: CLOCK_STEPS.has(step) }];
      }),
    ),
  ),
  rollup: { name: 'hub_docking_funnel' },
};

export type ScreeningFigure = 'screeningDue' | 'screeningReceived' | 'zeroReports';

/**
 * 排查 compliance for many scopes (a page's report, children and trend), in one statement. What is
 * owed comes from the region tree and the calendar: each village/community owes one report per ISO
 * week, each town one per half month (DOMAIN.md), for every such period that ends within the scope's
 * period and whose deadline (its end plus the grace, `reportDueAt`) has passed by `now`; received
 * are those of them with a report (late ones included; one report per region and period, a unique
 * key), zero reports (零报告) among them. Nothing is enumerated region by period: the owing regions
 * are counted per child code (`o`), the reports of the owing regions per child code and period
 * (`k`, one pass over the scopes' range of the report index), and each scope sums the rows of its
 * code whose period ends within it — a few dozen codes × periods, whatever the number of reports.
 */
export async function countScreening(
  em: EntityManager,
  scopes: readonly IndicatorScope[],
  due: { now: Date; graceDays: number },
): Promise<Counts<ScreeningFigure>[]> {
  const results = scopes.map((): Counts<ScreeningFigure> => ({ screeningDue: 0, screeningReceived: 0, zeroReports: 0 }));
  if (!scopes.length) return results;
  const from = new Date(Math.min(...scopes.map((s) => s.from.getTime())));
  const to = new Date(Math.max(...scopes.map((s) => s.to.getTime())));
  const periods = SCREENING_CADENCES.flatMap((cadence) => periodsEndingIn(cadence, from, to)).filter(
    (p) => reportDueAt(p, due.graceDays).getTime() <= due.now.getTime(),
  );
  if (!periods.length) return results;
  const length = Math.max(...scopes.map((s) => s.regionCode.length));
  const prefix = `${commonPrefix(scopes.map((s) => s.regionCode))}%`;
  const rows: { i: string; due: string | null; received: string | null; zero: string | null }[] = await em.getConnection().execute(
    `with p as materialized (
  select * from unnest(array[?]::text[], array[?]::int[], array[?]::timestamptz[]) as p(key, code_length, ends)
), owing as materialized (
  select r.code from region r where r.code like ? and ${owesScreeningReports('r')}
), o as materialized (
  select left(code, ${length}) as code, length(code) as code_length, count(*) as regions from owing group by 1, 2
), k as materialized (
  select left(g.region_code, ${length}) as code, p.ends, count(*) as received, count(*) filter (where g.zero_report) as zero
  from (
    select g.region_code, g.period_key, g.zero_report from screening_report g
    where g.region_code like ? and g.region_code in (select code from owing)
  ) g
  join p on p.key = g.period_key and p.code_length = length(g.region_code)
  group by 1, 2
)
select s.i,
  (select sum(o.regions) from o join p on p.code_length = o.code_length where left(o.code, length(s.code)) = s.code and p.ends > s.f and p.ends <= s.t) as due,
  (select sum(k.received) from k where left(k.code, length(s.code)) = s.code and k.ends > s.f and k.ends <= s.t) as received,
  (select sum(k.zero) from k where left(k.code, length(s.code)) = s.code and k.ends > s.f and k.ends <= s.t) as zero
from unnest(array[?]::text[], array[?]::timestamptz[], array[?]::timestamptz[]) with ordinality as s(code, f, t, i)`,
    [
      periods.map((p) => p.key),
      periods.map((p) => regionLengthOf(p.cadence)),
      periods.map((p) => p.to),
      prefix,
      prefix,
      scopes.map((s) => s.regionCode),
      scopes.map((s) => s.from),
      scopes.map((s) => s.to),
    ],
  );
  for (const r of rows) {
    results[Number(r.i) - 1] = { screeningDue: Number(r.due ?? 0), screeningReceived: Number(r.received ?? 0), zeroReports: Number(r.zero ?? 0) };
  }
  return results;
}

import type { EntityManager } from '@mikro-orm/core';
import {
  answeredByTotals,
  commonPrefix,
  countScopes,
  type BreakdownSource,
  type Counts,
  type IndicatorScope,
  type IndicatorSource,
} from '@jiefen/subgraph-kit';
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

/** The China midnight that ends a screening period (an instant), from its key: `2026-W48`, `2026-11-H1`, `2026-11-H2`. */
const periodEndOf = (key: string) => `((case
    when ${key} like '%-W%' then to_date(${key}, 'IYYY-"W"IW') + 7
    when ${key} like '%-H1' then to_date(left(${key}, 7), 'YYYY-MM') + 15
    else (to_date(left(${key}, 7), 'YYYY-MM') + interval '1 month')::date
  end)::timestamp - interval '8 hours') at time zone 'UTC'`;

/**
 * The reports of the regions that owe them (a village's weekly, a town's half-monthly; not a virtual
 * region's), each at its period's last instant: in a period exactly when its period ends within it
 * (`periodsEndingIn`). Every report, due or not yet: `countScreening` takes away the periods whose
 * deadline has not passed. Kept in totals: a report moves with its region (`root`), renamed or not.
 */
export const SCREENING_REPORTS = {
  from: `(select g.region_code, g.zero_report, ${periodEndOf('g.period_key')} - interval '1 microsecond' as last_at
    from screening_report g join region r on r.code = g.region_code
    where ${owesScreeningReports('r')} and length(g.region_code) = case when g.period_key like '%-W%' then 12 else 9 end) x`,
  measures: { screeningReceived: { when: 'last_at' }, zeroReports: { when: 'last_at', where: 'x.zero_report' } },
  rollup: {
    name: 'hub_screening_reports',
    root: { column: 'region_code', tables: { screening_report: 'r.region_code', region: 'r.code' }, keys: { region: 'code' } },
  },
} satisfies IndicatorSource;

/**
 * 排查 compliance for many scopes (a page's report, children and trend). What is owed comes from the
 * region tree and the calendar: each village/community owes one report per ISO week, each town one
 * per half month (DOMAIN.md), for every such period that ends within the scope's period and whose
 * deadline (its end plus the grace, `reportDueAt`) has passed by `now`; received are those of them
 * with a report (late ones included; one report per region and period, a unique key), zero reports
 * (零报告) among them.
 * - Received and zero, where the totals answer (a county's whole days): every report whose period
 *   ends in the scope (`SCREENING_REPORTS`), less the reports of periods not yet due — the current
 *   and future ones, counted from the records (a week's reports at most, per cadence). Elsewhere (a
 *   town's, a village's few reports): the reports of the due periods, counted from the records.
 * - In one statement with those records: due, the owing regions counted per child code (`o`) times
 *   the due periods; the reports counted per child code and period (`k`); each scope sums the rows
 *   of its code whose period ends within it — nothing is enumerated region by period.
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
  const periods = SCREENING_CADENCES.flatMap((cadence) => periodsEndingIn(cadence, from, to));
  const isDue = (p: (typeof periods)[number]) => reportDueAt(p, due.graceDays).getTime() <= due.now.getTime();
  const duePeriods = periods.filter(isDue);
  if (!duePeriods.length) return results;
  // From the totals: every report, less those of the periods not yet due; from the records: the due ones.
  const fromTotals = answeredByTotals(scopes);
  const counted = fromTotals ? periods.filter((p) => !isDue(p)) : duePeriods;
  const length = Math.max(...scopes.map((s) => s.regionCode.length));
  const common = commonPrefix(scopes.map((s) => s.regionCode));
  const prefix = `${common}%`;
  // The prefix as a range of codes as well (codes are digits): the region key and the reports'
  // (period, region) key serve a range, not a LIKE under the server's collation.
  const range = common ? [common, common.slice(0, -1) + String.fromCharCode(common.charCodeAt(common.length - 1) + 1)] : ['', '~'];
  const list = (ps: typeof periods) => [ps.map((p) => p.key), ps.map((p) => regionLengthOf(p.cadence)), ps.map((p) => p.to)];
  const [reports, rows] = await Promise.all([
    fromTotals ? countScopes(em, SCREENING_REPORTS, scopes) : null,
    em.getConnection().execute(
      `with p as materialized (
  select * from unnest(array[?]::text[], array[?]::int[], array[?]::timestamptz[]) as p(key, code_length, ends)
), c as materialized (
  select * from unnest(array[?]::text[], array[?]::int[], array[?]::timestamptz[]) as c(key, code_length, ends)
), owing as materialized (
  select r.code from region r where r.code >= ? and r.code < ? and r.code like ? and ${owesScreeningReports('r')}
), o as materialized (
  select left(code, ${length}) as code, length(code) as code_length, count(*) as regions from owing group by 1, 2
), k as materialized (
  select left(g.region_code, ${length}) as code, c.ends, count(*) as received, count(*) filter (where g.zero_report) as zero
  from c cross join lateral (
    -- Per period, its reports in the range: the (period, region) key, one index range each (kept a
    -- subquery by offset 0: flattened, the planner scanned the whole range once per period instead).
    select g.region_code, g.zero_report from screening_report g
    where g.period_key = c.key and g.region_code >= ? and g.region_code < ? and g.region_code like ? and length(g.region_code) = c.code_length
    offset 0
  ) g
  where g.region_code in (select code from owing)
  group by 1, 2
)
select s.i,
  (select sum(o.regions) from o join p on p.code_length = o.code_length where left(o.code, length(s.code)) = s.code and p.ends > s.f and p.ends <= s.t) as due,
  (select sum(k.received) from k where left(k.code, length(s.code)) = s.code and k.ends > s.f and k.ends <= s.t) as received,
  (select sum(k.zero) from k where left(k.code, length(s.code)) = s.code and k.ends > s.f and k.ends <= s.t) as zero
from unnest(array[?]::text[], array[?]::timestamptz[], array[?]::timestamptz[]) with ordinality as s(code, f, t, i)`,
      [
        ...list(duePeriods),
        ...list(counted),
        ...range,
        prefix,
        ...range,
        prefix,
        scopes.map((s) => s.regionCode),
        scopes.map((s) => s.from),
        scopes.map((s) => s.to),
      ],
    ) as Promise<{ i: string; due: string | null; received: string | null; zero: string | null }[]>,
  ]);
  for (const r of rows) {
    const [received, zero] = [Number(r.received ?? 0), Number(r.zero ?? 0)];
    const all = reports?.[Number(r.i) - 1];
    results[Number(r.i) - 1] = {
      screeningDue: Number(r.due ?? 0),
      screeningReceived: all ? all.screeningReceived - received : received,
      zeroReports: all ? all.zeroReports - zero : zero,
    };
  }
  return results;
}

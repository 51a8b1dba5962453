// The hub's block of the indicator report (IndicatorReport.hub) and the docking funnel, on the demo
// hub: every figure equals a count made here with SQL straight on the tables; who reads them; children
// and trend add up; the statements a page costs do not grow with its children.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '@jiefen/auth';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { periodContaining } from '../src/domain/screening.js';
import { recordInLedger } from '../src/services/docking-inbound.service.js';
import { scanOverdue } from '../src/services/supervision.service.js';
import { governanceSubgraph } from '../src/subgraph.js';

const DAY = 86_400_000;
const COUNTY = '321281';
const DAINAN = '321281123';

type KeyCount = { key: string; count: number };
type Hub = Record<string, number | null> & { byChannel: KeyCount[]; byCategory: KeyCount[]; byTier: KeyCount[]; openAlertsByLevel: KeyCount[] };
type Funnel = Record<string, number | string | null> & { kind: string; kindLabel: string };
type Report = { regionCode: string; hub: Hub | null; dockingFunnel: Funnel[] | null; children: Report[]; trend: Report[] };
type Errors = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];

const COUNTS = `registered resolved overdue screeningDue screeningReceived zeroReports alertsRaised openAlerts supervisionOpened supervisionCleared
  supervisionOpen supervisionOverdue`;
const HUB = `hub { ${COUNTS} resolutionRate screeningComplianceRate registeredPer10k
  byChannel { key count } byCategory { key count } byTier { key count } openAlertsByLevel { key count } }`;
const STEPS = ['sent', 'accepted', 'rejected', 'concluded', 'concludedWithAgreement', 'concludedWithoutAgreement', 'overdueAcceptance', 'overdueConclusion'];
const FUNNEL = `dockingFunnel { kind kindLabel ${STEPS.join(' ')} acceptanceRate agreementRate }`;
const REPORT = `query($code: String!, $period: IndicatorPeriod!) { indicators(regionCode: $code, period: $period) {
  regionCode ${HUB} ${FUNNEL}
  children { regionCode hub { ${COUNTS} } dockingFunnel { kind ${STEPS.join(' ')} } }
  trend(granularity: MONTH) { regionCode hub { ${COUNTS} } dockingFunnel { kind ${STEPS.join(' ')} } } } }`;

describe('IndicatorReport.hub and dockingFunnel on the demo hub', () => {
  let stack: Stack;
  // The demo's story, up to the moment it was seeded (and a day on).
  const periodFrom = new Date(Date.now() - 120 * DAY);
  const periodTo = new Date(Date.now() + DAY);
  const period = { from: periodFrom.toISOString(), to: periodTo.toISOString() };

  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    (await stack.subgraphs.governance!.orm.em.fork().getConnection().execute(query, params)) as T[];
  const report = async (code: string, as: Parameters<Stack['querySubgraph']>[3] = 'hub-coordinator', query = REPORT, p: unknown = period) => {
    const { body } = await stack.querySubgraph<{ indicators: Report | null }>('governance', query, { code, period: p }, as);
    return { data: body.data?.indicators ?? null, errors: body.errors as Errors | undefined };
  };

  /** Every hub figure of a region and [from, to) (the demo's period unless given), counted by hand. */
  async function byHand(code: string, within: { from: Date; to: Date } = { from: periodFrom, to: periodTo }) {
    const { from, to } = within;
    const like = `${code}%`;
    const [d] = await sql<Record<string, number>>(
      `select count(*) filter (where registered_at >= ? and registered_at < ?)::int as registered,
         count(*) filter (where resolved_at >= ? and resolved_at < ?)::int as resolved,
         count(*) filter (where registered_at >= ? and registered_at < ? and due_at < now())::int as overdue,
         count(*) filter (where due_at < now())::int as "overdueNow"
       from dispute where region_code like ?`,
      [from, to, from, to, from, to, like],
    );
    const [k] = await sql<{ n: number }>(`select count(*)::int as n from docking where region_code like ? and due_at < now()`, [like]);
    const [a] = await sql<Record<string, number>>(
      `select count(*) filter (where raised_at >= ? and raised_at < ?)::int as raised, count(*) filter (where status = 'OPEN')::int as open
       from risk_alert where region_code like ?`,
      [from, to, like],
    );
    const [s] = await sql<Record<string, number>>(
      `select count(*) filter (where created_at >= ? and created_at < ?)::int as opened, count(*) filter (where cleared_at >= ? and cleared_at < ?)::int as cleared,
         count(*) filter (where status = 'OPEN')::int as open
       from supervision_item where region_code like ?`,
      [from, to, from, to, like],
    );
    // Owed: each village (12 digits) one report per ISO week, each town (9) one per half month, for the
    // weeks and half months (China time) ending within the period whose deadline (end + 1 day) passed.
    const [r] = await sql<Record<string, number>>(
      `with periods as (
         select to_char(w, 'IYYY-"W"IW') as key, 12 as len, (w + interval '7 days') at time zone 'Asia/Shanghai' as ends
         from generate_series(date_trunc('week', ?::timestamptz at time zone 'Asia/Shanghai'), ?::timestamptz at time zone 'Asia/Shanghai', interval '1 week') w
         union all
         select to_char(m, 'YYYY-MM') || h.half, 9, (m + case h.half when '-H1' then interval '15 days' else interval '1 month' end) at time zone 'Asia/Shanghai'
         from generate_series(date_trunc('month', ?::timestamptz at time zone 'Asia/Shanghai'), ?::timestamptz at time zone 'Asia/Shanghai', interval '1 month') m,
           (values ('-H1'), ('-H2')) as h(half)
       ), owed as (
         select p.key, g.code from periods p join region g on length(g.code) = p.len and g.code like ? and g.name not like '%虚拟%'
         where p.ends > ? and p.ends <= ? and p.ends + interval '1 day' <= now()
       )
       select count(*)::int as due, count(s.id)::int as received, count(*) filter (where s.zero_report)::int as zero
       from owed left join screening_report s on s.region_code = owed.code and s.period_key = owed.key`,
      [from, to, from, to, like, from, to],
    );
    const groups = (query: string, params: unknown[]) => sql<KeyCount>(`${query} group by 1 order by 1`, params);
    const registeredBy = (column: string) =>
      groups(`select ${column} as key, count(*)::int as count from dispute where region_code like ? and registered_at >= ? and registered_at < ?`, [
        like,
        from,
        to,
      ]);
    return {
      counts: {
        registered: d!.registered,
        resolved: d!.resolved,
        overdue: d!.overdue,
        screeningDue: r!.due,
        screeningReceived: r!.received,
        zeroReports: r!.zero,
        alertsRaised: a!.raised,
        openAlerts: a!.open,
        supervisionOpened: s!.opened,
        supervisionCleared: s!.cleared,
        supervisionOpen: s!.open,
        supervisionOverdue: d!.overdueNow! + k!.n,
      } as Record<string, number>,
      byChannel: await registeredBy('channel'),
      byCategory: await registeredBy('category'),
      byTier: await registeredBy('tier'),
      openAlertsByLevel: await groups(`select level as key, count(*)::int as count from risk_alert where region_code like ? and status = 'OPEN'`, [like]),
    };
  }

  /** The funnel by hand, from the ledger's events: accepted, rejected and concluded are events the receiver sent. */
  async function funnelByHand(code: string) {
    const rows = await sql<Record<string, number | string>>(
      `select k.kind, count(*)::int as sent,
         count(*) filter (where e.accepted)::int as accepted, count(*) filter (where e.rejected)::int as rejected,
         count(*) filter (where e.concluded)::int as concluded,
         count(*) filter (where e.concluded and k.outcome = 'SETTLED')::int as "concludedWithAgreement",
         count(*) filter (where e.concluded and k.outcome <> 'SETTLED')::int as "concludedWithoutAgreement",
         count(*) filter (where not e.accepted and not e.rejected and k.accept_by < now())::int as "overdueAcceptance",
         count(*) filter (where e.accepted and not e.concluded and k.conclude_by < now())::int as "overdueConclusion"
       from docking k cross join lateral (
         select bool_or(v.type = 'DockingAccepted') as accepted, bool_or(v.type = 'DockingRejected') as rejected, bool_or(v.type = 'MediationConcluded') as concluded
         from docking_event v where v.docking_id = k.id) e
       where k.region_code like ? and k.sent_at >= ? and k.sent_at < ? and k.mode <> 'CONFIRMATION'
       group by k.kind`,
      [`${code}%`, periodFrom, periodTo],
    );
    return new Map(rows.map((r) => [r.kind as string, r]));
  }

  const sorted = (groups: KeyCount[]) => [...groups].sort((a, b) => a.key.localeCompare(b.key));
  const sum = (reports: Report[], read: (r: Report) => number) => reports.reduce((n, r) => n + read(r), 0);
  const funnelOf = (r: Report, kind: string) => r.dockingFunnel!.find((f) => f.kind === kind)!;

  // A report's block, its children's and its trend's reach the loaders in different ticks of the one
  // request and share their statements within the window; wide here, so that a slow tick on a
  // loaded machine does not change the statement counts compared below.
  const window = process.env.JIEFEN_INDICATOR_COALESCE_MS;
  beforeAll(async () => {
    process.env.JIEFEN_INDICATOR_COALESCE_MS = '150';
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
    // The demo refuses no hand-over in the county: the committee refuses one overdue for acceptance
    // (the ledger's own path), and the next 督办 scan clears its supervision item.
    const [overdue] = await sql<{ id: string; from_agency: Agency }>(
      `select k.id, k.from_agency from docking k join supervision_item s on s.subject_id = k.id and s.status = 'OPEN'
       where k.status = 'SENT' and k.kind not in ('HUB', 'LEGAL_AID') and k.mode <> 'CONFIRMATION' and k.region_code like ? and k.sent_at >= ? order by k.sent_at limit 1`,
      [`${COUNTY}%`, periodFrom],
    );
    const em = stack.subgraphs.governance!.orm.em.fork();
    const now = new Date().toISOString();
    await recordInLedger(
      em,
      {
        id: randomUUID(),
        type: 'DockingRejected',
        dockingId: overdue!.id,
        sequence: 1,
        from: 'JUSTICE',
        to: overdue!.from_agency,
        occurredAt: now,
        payload: { rejectedAt: now, reason: '不属于人民调解受理范围' },
      },
      async () => null,
    );
    expect((await scanOverdue(em, new Date(), COUNTY)).cleared).toBeGreaterThan(0);
  });
  afterAll(async () => {
    if (window === undefined) delete process.env.JIEFEN_INDICATOR_COALESCE_MS;
    else process.env.JIEFEN_INDICATOR_COALESCE_MS = window;
    await stack?.stop();
  });

  it('counts every hub figure of the county over whole China days (read from its totals) as a hand count does', async () => {
    // A report for this week, not yet due: kept in the totals with every report, left out of received.
    const week = periodContaining('WEEKLY', new Date()).key;
    const [village] = await sql<{ code: string }>(
      `select r.code from region r where r.code like ? and length(r.code) = 12 and r.name not like '%虚拟%'
         and not exists (select 1 from screening_report g where g.region_code = r.code and g.period_key = ?) order by r.code limit 1`,
      [`${COUNTY}%`, week],
    );
    await sql(
      `insert into screening_report (id, region_code, period_key, cadence, zero_report, finding_count, submitted_at, submitted_by_subject, submitted_by_name)
       values (?, ?, ?, 'WEEKLY', true, 0, now(), 'test', '测试')`,
      [randomUUID(), village!.code, week],
    );
    // China midnights, from 120 days back to past the end of this week and its grace.
    const midnight = (at: number) => new Date(Math.floor((at + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000);
    const whole = { from: midnight(Date.now() - 120 * DAY), to: midnight(Date.now() + 10 * DAY) };
    const { data, errors } = await report(COUNTY, 'hub-coordinator', REPORT, { from: whole.from.toISOString(), to: whole.to.toISOString() });
    expect(errors).toBeUndefined();
    const hand = await byHand(COUNTY, whole);
    for (const [figure, value] of Object.entries(hand.counts)) expect(data!.hub![figure], figure).toBe(value);
    expect(hand.counts.screeningReceived).toBeGreaterThan(0);
    const [stored] = await sql<{ n: string }>(
      'select sum("screeningReceived") as n from hub_screening_reports_tree where code = ? and grain = \'D\' and day >= ?::date',
      [COUNTY, week.slice(0, 4) + '-01-01'],
    );
    expect(Number(stored!.n)).toBeGreaterThan(0);
  });

  for (const code of [COUNTY, DAINAN]) {
    it(`counts every hub figure of ${code} as a hand count on the tables does`, async () => {
      const { data, errors } = await report(code);
      expect(errors).toBeUndefined();
      const hub = data!.hub!;
      const hand = await byHand(code);
      for (const [figure, value] of Object.entries(hand.counts)) expect(hub[figure], figure).toBe(value);
      // The demo has something to count in every figure a county's dashboard shows.
      if (code === COUNTY) for (const figure of Object.keys(hand.counts)) expect(hub[figure], figure).toBeGreaterThan(0);
      expect(hub.resolutionRate).toBe(Math.round((hand.counts.resolved! / hand.counts.registered!) * 10_000) / 10_000);
      expect(hub.screeningComplianceRate).toBe(Math.round((hand.counts.screeningReceived! / hand.counts.screeningDue!) * 10_000) / 10_000);
      for (const breakdown of ['byChannel', 'byCategory', 'byTier', 'openAlertsByLevel'] as const) {
        expect(sorted(hub[breakdown]), breakdown).toEqual(hand[breakdown]);
      }
      expect(hub.byChannel.reduce((n, g) => n + g.count, 0)).toBe(hub.registered);
      const [region] = await sql<{ population: number }>('select population from region where code = ?', [code]);
      expect(hub.registeredPer10k).toBeCloseTo((hand.counts.registered! / region!.population) * 10_000, 2);
    });

    it(`counts the docking funnel of ${code} per kind as the ledger's events do`, async () => {
      const { data } = await report(code);
      const hand = await funnelByHand(code);
      expect(data!.dockingFunnel!.map((f) => f.kind)).toEqual(['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB']);
      expect(data!.dockingFunnel!.map((f) => f.kindLabel)).toEqual(['诉调', '公调', '检调', '访调', '援调', '分流转办']);
      for (const row of data!.dockingFunnel!) {
        const expected = hand.get(row.kind);
        for (const step of STEPS) expect(row[step], `${row.kind} ${step}`).toBe(expected?.[step] ?? 0);
        const [sent, accepted] = [row.sent as number, row.accepted as number];
        expect((row.concludedWithAgreement as number) + (row.concludedWithoutAgreement as number)).toBe(row.concluded);
        expect(row.acceptanceRate).toBe(sent ? Math.round((accepted / sent) * 10_000) / 10_000 : null);
      }
      if (code === COUNTY) {
        const total = (step: string) => data!.dockingFunnel!.reduce((n, f) => n + (f[step] as number), 0);
        for (const step of ['sent', 'accepted', 'rejected', 'concludedWithAgreement', 'concludedWithoutAgreement', 'overdueAcceptance', 'overdueConclusion'])
          expect(total(step), step).toBeGreaterThan(0);
      }
    });
  }

  it("adds up: the county's towns sum to the county, the months to the period", async () => {
    const { data } = await report(COUNTY);
    const county = data!;
    expect(county.children.length).toBeGreaterThan(20);
    expect(county.trend.length).toBeGreaterThanOrEqual(4);
    // Figures of the period (events by their moment); the snapshots of now (open, overdue now) are not sums.
    const events = [
      'registered',
      'resolved',
      'overdue',
      'screeningDue',
      'screeningReceived',
      'zeroReports',
      'alertsRaised',
      'supervisionOpened',
      'supervisionCleared',
    ];
    for (const figure of events) {
      expect(
        sum(county.children, (c) => c.hub![figure] as number),
        `children ${figure}`,
      ).toBe(county.hub![figure]);
      expect(
        sum(county.trend, (t) => t.hub![figure] as number),
        `trend ${figure}`,
      ).toBe(county.hub![figure]);
    }
    for (const kind of ['COURT', 'POLICE', 'HUB'])
      for (const step of STEPS) {
        expect(
          sum(county.children, (c) => funnelOf(c, kind)[step] as number),
          `children ${kind} ${step}`,
        ).toBe(funnelOf(county, kind)[step]);
        expect(
          sum(county.trend, (t) => funnelOf(t, kind)[step] as number),
          `trend ${kind} ${step}`,
        ).toBe(funnelOf(county, kind)[step]);
      }
    for (const t of county.trend) expect(t.hub!.openAlerts).toBe(county.hub!.openAlerts);
  });

  it('ranks the towns on a count and on screening compliance', async () => {
    const { data } = await report(
      COUNTY,
      'leader',
      `query($code: String!, $period: IndicatorPeriod!) { indicators(regionCode: $code, period: $period) {
        children { regionCode hub { registered screeningComplianceRate } }
        hub { byRegistered: ranking(indicator: REGISTERED) { rank regionCode value } byScreening: ranking(indicator: SCREENING_COMPLIANCE_RATE, limit: 3) { rank regionCode value } } } }`,
    );
    const r = data as unknown as {
      children: { regionCode: string; hub: Record<string, number | null> }[];
      hub: Record<string, { rank: number; regionCode: string; value: number }[]>;
    };
    const children = new Map(r.children.map((c) => [c.regionCode, c.hub]));
    for (const row of r.hub.byRegistered!) expect(row.value).toBe(children.get(row.regionCode)!.registered);
    const best = Math.max(...r.children.map((c) => c.hub.screeningComplianceRate ?? -1));
    expect(r.hub.byScreening!).toHaveLength(3);
    expect(r.hub.byScreening![0]).toMatchObject({ rank: 1, value: best });
  });

  it('shows the hub block and the funnel to hub staff and leaders only, inside their jurisdiction', async () => {
    const QUERY = `query($code: String!, $period: IndicatorPeriod!) { indicators(regionCode: $code, period: $period) { regionCode hub { registered } dockingFunnel { kind sent } } }`;
    const table: [string, Parameters<Stack['querySubgraph']>[3], string, 'READS' | 'BLOCK_FORBIDDEN' | 'FORBIDDEN' | 'UNAUTHENTICATED'][] = [
      ['hub staff', 'hub-coordinator', COUNTY, 'READS'],
      ['the leader', 'leader', COUNTY, 'READS'],
      ['court staff', 'court-staff', COUNTY, 'BLOCK_FORBIDDEN'],
      ['a police officer in their town', 'police-officer', DAINAN, 'BLOCK_FORBIDDEN'],
      ["a town's hub staff, their town", callerOf('hub-coordinator', { jurisdiction: DAINAN }), DAINAN, 'READS'],
      ["a town's hub staff, the county", callerOf('hub-coordinator', { jurisdiction: DAINAN }), COUNTY, 'FORBIDDEN'],
      ['anyone, anonymously', null, COUNTY, 'UNAUTHENTICATED'],
    ];
    for (const [who, as, code, expected] of table) {
      const { data, errors } = await report(code, as, QUERY);
      const codes = (errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);
      if (expected === 'READS') {
        expect(errors, who).toBeUndefined();
        expect(data!.hub!.registered, who).toBeGreaterThan(0);
        expect(data!.dockingFunnel, who).toHaveLength(6);
      } else if (expected === 'BLOCK_FORBIDDEN') {
        expect(data, who).toMatchObject({ regionCode: code, hub: null, dockingFunnel: null });
        expect(codes, who).toEqual(
          expect.arrayContaining([
            ['indicators.hub', 'FORBIDDEN'],
            ['indicators.dockingFunnel', 'FORBIDDEN'],
          ]),
        );
      } else {
        // Refused at the root: no report at all.
        expect(data, who).toBeNull();
        expect(codes, who).toEqual([['indicators', expected]]);
      }
    }
  });

  it("costs a bounded number of SQL statements, for a county's towns as for a town's villages", async () => {
    const queries = stack.subgraphs.governance!.queries;
    const cost = async (code: string, selection: string) => {
      queries.reset();
      const { errors } = await report(
        code,
        'leader',
        `query($code: String!, $period: IndicatorPeriod!) { indicators(regionCode: $code, period: $period) { ${selection} } }`,
      );
      expect(errors).toBeUndefined();
      return queries.count;
    };
    for (const selection of [
      'children { hub { registered } }',
      `children { regionCode hub { registered byChannel { key count } byTier { key count } openAlertsByLevel { key count } } dockingFunnel { sent } }`,
      `trend(granularity: WEEK) { hub { registered screeningDue byCategory { key count } } dockingFunnel { sent } }`,
    ]) {
      // A county reads the totals (and the figures never stored from its records), a town its
      // records alone: a town costs at most what a county does, neither grows with its children.
      const county = await cost(COUNTY, selection);
      expect(await cost(DAINAN, selection), selection).toBeLessThanOrEqual(county);
      // At most two per source (its totals; its figures read from the records: clock, snapshot),
      // eight sources (disputes, overdue dockings, alerts, supervision, screening's reports, funnel,
      // two breakdowns), screening's owed and not-yet-due reports, and the report's own region
      // lookup — whatever the number of children or weeks.
      expect(county, selection).toBeLessThanOrEqual(19);
    }
    // The disputes' three breakdowns are one statement: all three cost what one costs.
    const one = await cost(COUNTY, 'hub { byChannel { key count } }');
    expect(await cost(COUNTY, 'hub { byChannel { key count } byCategory { key count } byTier { key count } }')).toBe(one);
  });

  it('refuses an invalid period at the root, naming the part', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ year: 2026, month: 13 }, 'period.month'],
      [{ year: 2026, from: period.from, to: period.to }, 'period'],
      [{ month: 3 }, 'period.year'],
      [{ from: period.from }, 'period.to'],
      [{}, 'period'],
      [{ from: period.to, to: period.from }, 'period.to'],
    ];
    for (const [p, field] of cases) {
      const { data, errors } = await report(COUNTY, 'leader', REPORT, p);
      expect(data, JSON.stringify(p)).toBeNull();
      expect(errors?.[0]?.extensions, JSON.stringify(p)).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });
});

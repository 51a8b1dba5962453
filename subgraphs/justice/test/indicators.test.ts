import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, namedPeriod, periodBuckets, startOfChinaDay } from '@jiefen/calendar';
import { DEMO_COUNTY, DEMO_TOWN_DAINAN, demoPeople, demoRegions } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { createJusticeSubgraph } from '../src/subgraph.js';

// The justice block of the indicator report, asked as the gateway asks it (`_entities` of
// IndicatorReport), against a count by hand over the seeded tables: the rows read with plain SQL,
// each figure's definition applied here in TypeScript.
const DAY = 86_400_000;
const clock = { now: new Date() };
const COUNTS = [
  'casesReceived',
  'casesConcluded',
  'agreements',
  'agreementAmount',
  'agreementsDue',
  'agreementsPerformed',
  'returnVisitsDue',
  'returnVisitsDone',
  'legalAidApplied',
  'legalAidDecided',
  'legalAidDecidedOnTime',
  'legalAidAssigned',
  'legalAidAssignedOnTime',
] as const;
const RATES = ['mediationSuccessRate', 'performanceRate', 'returnVisitRate', 'legalAidReviewRate', 'legalAidAssignmentRate'] as const;
type Figures = Record<(typeof COUNTS)[number], number> & Record<(typeof RATES)[number], number | null>;
const BLOCK = `justice { ${[...COUNTS, ...RATES].join(' ')} }`;
const TOWNS = demoRegions.filter((r) => r.parentCode === DEMO_COUNTY).map((r) => r.code);

interface Scope {
  regionCode: string;
  from: Date;
  to: Date;
}
type Gql = {
  data?: { _entities: ({ regionCode: string; justice: Figures | null } | null)[] } | null;
  errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[];
};

describe('IndicatorReport.justice', () => {
  let stack: Stack;
  const ask = async (scopes: Scope[], as: string | null = 'legal-aid', block = BLOCK): Promise<Gql> =>
    (
      await stack.querySubgraph(
        'justice',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { regionCode ${block} } } }`,
        { r: scopes.map((s) => ({ __typename: 'IndicatorReport', regionCode: s.regionCode, from: s.from.toISOString(), to: s.to.toISOString() })) },
        as,
      )
    ).body as Gql;
  const figures = async (scopes: Scope[], as?: string) => {
    const result = await ask(scopes, as);
    expect(result.errors).toBeUndefined();
    return result.data!._entities.map((e) => e!.justice!);
  };
  const sql = <T>(query: string) => stack.subgraphs.justice!.orm.em.fork().getConnection().execute<T[]>(query);

  /** The hand count: every definition of the block's descriptions, applied to the rows. */
  async function handCount(scope: Scope): Promise<Figures> {
    const today = chinaDate(new Date());
    // The driver may hand timestamps back as text: compared as instants.
    const ms = (at: Date | string) => new Date(at).getTime();
    const inPeriod = (at: Date | string | null) => at !== null && new Date(at) >= scope.from && new Date(at) < scope.to;
    const dayIn = (date: string | null) => date !== null && inPeriod(startOfChinaDay(date));
    const mine = <R extends { region_code: string }>(rows: R[]) => rows.filter((r) => r.region_code.startsWith(scope.regionCode));
    const cases = mine(
      await sql<{
        region_code: string;
        received_at: Date;
        concluded_at: Date | null;
        status: string;
        outcome: string | null;
        amount: string | null;
        effective_date: string | null;
        deadline: string | null;
        performance: string | null;
      }>(
        `select c.region_code, c.received_at, c.concluded_at, c.status, c.outcome, a.amount, a.effective_date::text as effective_date,
           a.performance_deadline::text as deadline, a.performance_status as performance
         from mediation_case c left join mediation_agreement a on a.case_id = c.id`,
      ),
    );
    const visits = mine(
      await sql<{ region_code: string; scheduled_for: string; status: string }>(
        `select c.region_code, v.scheduled_for::text as scheduled_for, v.status from return_visit v join mediation_case c on c.id = v.case_id where v.reason = 'AFTER_CONCLUSION'`,
      ),
    );
    const aid = mine(
      await sql<{
        region_code: string;
        applied_at: Date;
        reviewed_at: Date | string | null;
        review_due_at: Date | string;
        assigned_at: Date | string | null;
        assign_due_at: Date | string | null;
      }>('select region_code, applied_at, reviewed_at, review_due_at, assigned_at, assign_due_at from legal_aid_case'),
    );
    const concluded = cases.filter((c) => c.status === 'CONCLUDED' && inPeriod(c.concluded_at));
    const agreed = concluded.filter((c) => c.outcome === 'AGREEMENT');
    const due = cases.filter((c) => c.effective_date && dayIn(c.deadline) && (c.deadline! < today || c.performance === 'PERFORMED'));
    const visitsDue = visits.filter((v) => dayIn(v.scheduled_for) && (v.scheduled_for <= today || v.status === 'DONE'));
    const decided = aid.filter((a) => inPeriod(a.reviewed_at));
    const assigned = aid.filter((a) => inPeriod(a.assigned_at));
    const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
    const f = {
      casesReceived: cases.filter((c) => inPeriod(c.received_at)).length,
      casesConcluded: concluded.length,
      agreements: agreed.length,
      agreementAmount: Math.round(agreed.reduce((sum, c) => sum + Number(c.amount ?? 0), 0) * 100) / 100,
      agreementsDue: due.length,
      agreementsPerformed: due.filter((c) => c.performance === 'PERFORMED').length,
      returnVisitsDue: visitsDue.length,
      returnVisitsDone: visitsDue.filter((v) => v.status === 'DONE').length,
      legalAidApplied: aid.filter((a) => inPeriod(a.applied_at)).length,
      legalAidDecided: decided.length,
      legalAidDecidedOnTime: decided.filter((a) => ms(a.reviewed_at!) <= ms(a.review_due_at)).length,
      legalAidAssigned: assigned.length,
      legalAidAssignedOnTime: assigned.filter((a) => ms(a.assigned_at!) <= ms(a.assign_due_at!)).length,
    };
    return {
      ...f,
      mediationSuccessRate: rate(f.agreements, f.casesConcluded),
      performanceRate: rate(f.agreementsPerformed, f.agreementsDue),
      returnVisitRate: rate(f.returnVisitsDone, f.returnVisitsDue),
      legalAidReviewRate: rate(f.legalAidDecidedOnTime, f.legalAidDecided),
      legalAidAssignmentRate: rate(f.legalAidAssignedOnTime, f.legalAidAssigned),
    };
  }

  const year = Number(chinaDate(new Date()).slice(0, 4));
  const thisYear = namedPeriod({ year })!;
  // The whole demo story and the deadlines after it: figures of the past and of what is not due yet.
  const wide = { from: new Date(Date.now() - 3 * 365 * DAY), to: new Date(Date.now() + 365 * DAY) };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [createJusticeSubgraph({ now: () => clock.now })], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('agrees with a count by hand over the tables, for the county, a town and this year', async () => {
    const scopes = [
      { regionCode: DEMO_COUNTY, ...wide },
      { regionCode: DEMO_TOWN_DAINAN, ...wide },
      { regionCode: DEMO_COUNTY, from: thisYear.from, to: thisYear.to },
    ];
    const got = await figures(scopes);
    for (const [i, scope] of scopes.entries()) expect(got[i], scope.regionCode).toEqual(await handCount(scope));
    // The demo holds every kind of figure: none of the checks above compares zeros only.
    const county = got[0]!;
    for (const figure of [
      'casesReceived',
      'agreements',
      'agreementAmount',
      'agreementsDue',
      'agreementsPerformed',
      'returnVisitsDue',
      'returnVisitsDone',
      'legalAidDecided',
      'legalAidAssigned',
    ] as const)
      expect(county[figure], figure).toBeGreaterThan(0);
    // Deadlines still ahead are not yet due, so performed never exceeds due.
    expect(county.agreementsPerformed).toBeLessThanOrEqual(county.agreementsDue);
    expect(county.returnVisitsDone).toBeLessThanOrEqual(county.returnVisitsDue);
  });

  it('judges legal aid on time by the clocks the bureau ran when each clock started, a province’s own included', async () => {
    const [person] = demoPeople(5, DEMO_COUNTY, 77);
    // A province whose review takes 1 day: an application reviewed after 2 days is late, though within the default 7.
    const strict = await startStack({
      subgraphs: [createJusticeSubgraph({ now: () => clock.now, clocks: { legalAidReview: { months: 0, days: 1 } } })],
      gateway: false,
      seed: true,
    });
    try {
      const q = async (query: string, variables: Record<string, unknown>) =>
        (await strict.querySubgraph('justice', query, variables, 'legal-aid')).body as { data: Record<string, { id: string }>; errors?: unknown };
      // Two years on, after everything the demo tells: the period holds this application only.
      const start = new Date(Date.now() + 2 * 365 * DAY);
      clock.now = start;
      const applied = await q('mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { id } }', {
        input: {
          applicant: { name: person!.name, idNumber: person!.idNumber, phone: person!.phone },
          matter: '追索劳动报酬,申请指派律师代理',
          category: 'LABOUR',
          regionCode: DEMO_TOWN_DAINAN,
        },
      });
      expect(applied.errors).toBeUndefined();
      const { id } = applied.data.applyForLegalAid!;
      clock.now = new Date(start.getTime() + 2 * DAY);
      await q('mutation($id: ID!) { reviewLegalAidApplication(id: $id, approve: true) { id } }', { id });
      clock.now = new Date(start.getTime() + 2 * DAY + 3_600_000);
      await q('mutation($id: ID!) { assignLegalAidLawyer(id: $id, lawyerName: "高振华", lawFirm: "江苏昭阳律师事务所") { id } }', { id });
      const result = (
        await strict.querySubgraph(
          'justice',
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { ${BLOCK} } } }`,
          {
            r: [
              { __typename: 'IndicatorReport', regionCode: DEMO_TOWN_DAINAN, from: start.toISOString(), to: new Date(start.getTime() + 7 * DAY).toISOString() },
            ],
          },
          'legal-aid',
        )
      ).body as Gql;
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities[0]!.justice).toMatchObject({
        casesReceived: 0,
        legalAidApplied: 1,
        legalAidDecided: 1,
        legalAidDecidedOnTime: 0,
        legalAidReviewRate: 0,
        legalAidAssigned: 1,
        legalAidAssignedOnTime: 1,
        legalAidAssignmentRate: 1,
      });
    } finally {
      clock.now = new Date();
      await strict.stop();
    }
  });

  it('adds up: the towns to the county, the months to the year', async () => {
    const county = { regionCode: DEMO_COUNTY, ...wide };
    const [total, ...towns] = await figures([county, ...TOWNS.map((regionCode) => ({ regionCode, ...wide }))]);
    const months = periodBuckets(thisYear.from, thisYear.to, 'MONTH').map((p) => ({ regionCode: DEMO_COUNTY, from: p.from, to: p.to }));
    const [year, ...points] = await figures([{ regionCode: DEMO_COUNTY, ...thisYear }, ...months]);
    expect(points).toHaveLength(12);
    const sum = (blocks: Figures[], k: (typeof COUNTS)[number]) => Math.round(blocks.reduce((n, b) => n + b[k], 0) * 100) / 100;
    for (const k of COUNTS) {
      expect(sum(towns, k), `towns: ${k}`).toBe(total![k]);
      expect(sum(points, k), `months: ${k}`).toBe(year![k]);
    }
    // The ranking ranks the same towns on the same figures (towns without any record are not listed).
    const ranked = await ask([county], 'leader', 'justice { ranking(indicator: CASES_RECEIVED) { rank regionCode value } }');
    const ranking = (ranked.data!._entities[0]!.justice as unknown as { ranking: { rank: number; regionCode: string; value: number }[] }).ranking;
    expect(ranking.length).toBeGreaterThan(1);
    for (const r of ranking) expect(r.value, r.regionCode).toBe(towns[TOWNS.indexOf(r.regionCode)]!.casesReceived);
    expect(ranking.map((r) => r.value)).toEqual([...ranking.map((r) => r.value)].sort((a, b) => b - a));
    expect(ranking[0]!.rank).toBe(1);
  });

  it('costs the same statements for one town as for every town (one per source)', async () => {
    const county = { regionCode: DEMO_COUNTY, ...wide };
    const queries = stack.subgraphs.justice!.queries;
    queries.reset();
    await figures([county, { regionCode: TOWNS[0]!, ...wide }]);
    const one = queries.count;
    queries.reset();
    await figures([county, ...TOWNS.map((regionCode) => ({ regionCode, ...wide }))]);
    expect(queries.count).toBe(one);
    // Four sources (cases, agreements, return visits, legal aid), the county and its towns together.
    expect(one).toBe(4);
  });

  it('shows the block to justice staff and leaders in their jurisdiction, to nobody else', async () => {
    const county = { regionCode: DEMO_COUNTY, ...wide };
    const dainan = { regionCode: DEMO_TOWN_DAINAN, ...wide };
    const expected = await handCount(dainan);
    const cases: [string | null, Scope, 'OK' | 'FORBIDDEN'][] = [
      ['legal-aid', county, 'OK'],
      ['leader', county, 'OK'],
      ['mediator', dainan, 'OK'],
      ['mediator', county, 'FORBIDDEN'],
      ['mediator', { regionCode: '321281001', ...wide }, 'FORBIDDEN'],
      ['police-officer', dainan, 'FORBIDDEN'],
      ['court-staff', county, 'FORBIDDEN'],
      ['hub-coordinator', county, 'FORBIDDEN'],
      [null, county, 'FORBIDDEN'],
    ];
    for (const [who, scope, outcome] of cases) {
      const result = await ask([scope], who);
      const label = `${who ?? 'anonymous'} on ${scope.regionCode}`;
      if (outcome === 'OK') {
        expect(result.errors, label).toBeUndefined();
        if (scope === dainan) expect(result.data!._entities[0]!.justice, label).toEqual(expected);
      } else {
        expect(result.data!._entities[0]!.justice, label).toBeNull();
        expect(result.errors![0]!.extensions!.code, label).toBe('FORBIDDEN');
        expect(result.errors![0]!.path, label).toEqual(['_entities', 0, 'justice']);
      }
    }
    // A key that names no period is refused before anything is counted.
    const bad = await ask([{ regionCode: DEMO_COUNTY, from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') }]);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, namedPeriod, periodBuckets } from '@jiefen/calendar';
import { DEMO_COUNTY, DEMO_TOWN_DAINAN, demoRegions } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

// The police block of the indicator report, asked as the gateway asks it (`_entities` of
// IndicatorReport), against a count by hand over the seeded tables: the rows read with plain SQL,
// each figure's definition applied here in TypeScript.
const DAY = 86_400_000;
const COUNTS = [
  'incidents',
  'nonPoliceIncidents',
  'nonPoliceDiverted',
  'mediationsConcluded',
  'mediationsAgreed',
  'mediationsPerformed',
  'transfersSent',
  'transfersAccepted',
  'transfersRejected',
  'transfersConcluded',
  'transfersSucceeded',
] as const;
const RATES = ['nonPoliceDiversionRate', 'mediationSuccessRate', 'transferSuccessRate'] as const;
type Figures = Record<(typeof COUNTS)[number], number> & Record<(typeof RATES)[number], number | null>;
const BLOCK = `police { ${[...COUNTS, ...RATES].join(' ')} }`;
const TOWNS = demoRegions.filter((r) => r.parentCode === DEMO_COUNTY).map((r) => r.code);
const DAINAN_VILLAGE = '321281123201';

interface Scope {
  regionCode: string;
  from: Date;
  to: Date;
}
type Gql = {
  data?: { _entities: ({ regionCode: string; police: Figures | null } | null)[] } | null;
  errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[];
};

describe('IndicatorReport.police', () => {
  let stack: Stack;
  const ask = async (scopes: Scope[], as: string | null = 'leader', block = BLOCK): Promise<Gql> =>
    (
      await stack.querySubgraph(
        'police',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { regionCode ${block} } } }`,
        { r: scopes.map((s) => ({ __typename: 'IndicatorReport', regionCode: s.regionCode, from: s.from.toISOString(), to: s.to.toISOString() })) },
        as,
      )
    ).body as Gql;
  const figures = async (scopes: Scope[], as?: string) => {
    const result = await ask(scopes, as);
    expect(result.errors).toBeUndefined();
    return result.data!._entities.map((e) => e!.police!);
  };
  const sql = <T>(query: string) => stack.subgraphs.police!.orm.em.fork().getConnection().execute<T[]>(query);

  /** The hand count: every definition of the block's descriptions, applied to the rows. */
  async function handCount(scope: Scope): Promise<Figures> {
    const inPeriod = (at: Date | string | null) => at !== null && new Date(at) >= scope.from && new Date(at) < scope.to;
    const mine = <R extends { region_code: string }>(rows: R[]) => rows.filter((r) => r.region_code.startsWith(scope.regionCode));
    const transfers = await sql<{
      record_type: string;
      record_id: string;
      region_code: string;
      kind: string;
      sent_at: Date;
      accepted_at: Date | null;
      rejected_at: Date | null;
      concluded_at: Date | null;
      outcome: string | null;
    }>('select record_type, record_id, region_code, kind, sent_at, accepted_at, rejected_at, concluded_at, outcome from docking_outgoing');
    const transferred = new Set(transfers.filter((t) => t.record_type === 'PoliceIncident').map((t) => t.record_id));
    const incidents = mine(
      await sql<{ id: string; region_code: string; reported_at: Date; non_police: boolean; dispute_id: string | null }>(
        'select id::text as id, region_code, reported_at, non_police, dispute_id from police_incident',
      ),
    ).filter((i) => inPeriod(i.reported_at));
    const mediations = mine(
      await sql<{ region_code: string; status: string; concluded_at: Date | null }>(
        'select i.region_code, m.status, m.concluded_at from police_mediation m join police_incident i on i.id = m.incident_id',
      ),
    ).filter((m) => inPeriod(m.concluded_at));
    const sent = mine(transfers).filter((t) => t.kind === 'POLICE');
    const nonPolice = incidents.filter((i) => i.non_police);
    const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
    const concluded = sent.filter((t) => inPeriod(t.concluded_at));
    const f = {
      incidents: incidents.length,
      nonPoliceIncidents: nonPolice.length,
      nonPoliceDiverted: nonPolice.filter((i) => i.dispute_id !== null || transferred.has(i.id)).length,
      mediationsConcluded: mediations.length,
      mediationsAgreed: mediations.filter((m) => m.status === 'PERFORMED' || m.status === 'NOT_PERFORMED').length,
      mediationsPerformed: mediations.filter((m) => m.status === 'PERFORMED').length,
      transfersSent: sent.filter((t) => inPeriod(t.sent_at)).length,
      transfersAccepted: sent.filter((t) => inPeriod(t.accepted_at)).length,
      transfersRejected: sent.filter((t) => inPeriod(t.rejected_at)).length,
      transfersConcluded: concluded.length,
      transfersSucceeded: concluded.filter((t) => t.outcome === 'AGREEMENT').length,
    };
    return {
      ...f,
      nonPoliceDiversionRate: rate(f.nonPoliceDiverted, f.nonPoliceIncidents),
      mediationSuccessRate: rate(f.mediationsAgreed, f.mediationsConcluded),
      transferSuccessRate: rate(f.transfersSucceeded, f.transfersConcluded),
    };
  }

  const year = Number(chinaDate(new Date()).slice(0, 4));
  const thisYear = namedPeriod({ year })!;
  const wide = { from: new Date(Date.now() - 3 * 365 * DAY), to: new Date(Date.now() + DAY) };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: true });
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
      'incidents',
      'nonPoliceIncidents',
      'nonPoliceDiverted',
      'mediationsConcluded',
      'transfersSent',
      'transfersAccepted',
      'transfersConcluded',
    ] as const)
      expect(county[figure], figure).toBeGreaterThan(0);
    expect(county.nonPoliceIncidents).toBeLessThan(county.incidents);
  });

  it('counts a non-police incident as diverted once it is transferred to mediation or registered at the hub, not before', async () => {
    const scope = { regionCode: DAINAN_VILLAGE, ...wide };
    const [before] = await figures([scope]);
    const register = (over: Record<string, unknown>) =>
      stack.querySubgraph<{ registerIncident: { id: string; disputeId: string | null } }>(
        'police',
        'mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id disputeId } }',
        {
          input: {
            channel: 'CALL_110',
            summary: '报警人称邻居砌墙占用通道,双方争执,请求民警到场',
            reporter: { name: '张建国', phone: '13912345678' },
            parties: [
              { role: 'APPLICANT', name: '张建国', phone: '13912345678' },
              { role: 'RESPONDENT', name: '李红梅' },
            ],
            place: '戴南镇董北村三组',
            regionCode: DAINAN_VILLAGE,
            station: '兴化市公安局戴南派出所',
            reportedAt: new Date(Date.now() - 3_600_000).toISOString(),
            ...over,
          },
        },
        'police-officer',
      );
    // 求助: non-police, no dispute for the hub, handed to nobody.
    const help = await register({ category: 'ASSISTANCE', nonPolice: true, nonPoliceCategory: 'ASSISTANCE', summary: '报警人称老人走失,请求帮助寻找' });
    expect(help.body.errors).toBeUndefined();
    // 民间纠纷: reported to the hub, which has not answered yet (no hub in this stack) …
    const dispute = await register({ category: 'CIVIL_DISPUTE', nonPolice: true, nonPoliceCategory: 'CIVIL_DISPUTE' });
    expect(dispute.body.data!.registerIncident.disputeId).toBeNull();
    const [registered] = await figures([scope]);
    expect(registered).toMatchObject({
      incidents: before!.incidents + 2,
      nonPoliceIncidents: before!.nonPoliceIncidents + 2,
      nonPoliceDiverted: before!.nonPoliceDiverted,
    });
    // … until the officer hands it to the committee (公调).
    const transfer = await stack.querySubgraph(
      'police',
      'mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { id } }',
      {
        id: dispute.body.data!.registerIncident.id,
        input: {
          receiver: { creditCode: '54321281MJ12345677', name: '戴南镇人民调解委员会' },
          reason: '邻里纠纷,不属于治安案件,双方同意人民调解',
          parties: [{ role: 'APPLICANT', name: '张建国', phone: '13912345678' }],
        },
      },
      'police-officer',
    );
    expect(transfer.body.errors).toBeUndefined();
    const [after] = await figures([scope]);
    expect(after).toMatchObject({ nonPoliceDiverted: before!.nonPoliceDiverted + 1, transfersSent: before!.transfersSent + 1 });
    expect(after).toEqual(await handCount(scope));
    expect(after!.nonPoliceDiversionRate).toBeLessThan(1);
  });

  it('adds up: the towns to the county, the months to the year', async () => {
    const [total, ...towns] = await figures([{ regionCode: DEMO_COUNTY, ...wide }, ...TOWNS.map((regionCode) => ({ regionCode, ...wide }))]);
    const months = periodBuckets(thisYear.from, thisYear.to, 'MONTH').map((p) => ({ regionCode: DEMO_COUNTY, from: p.from, to: p.to }));
    const [yearFigures, ...points] = await figures([{ regionCode: DEMO_COUNTY, ...thisYear }, ...months]);
    expect(points).toHaveLength(12);
    for (const k of COUNTS) {
      expect(
        towns.reduce((n, b) => n + b[k], 0),
        `towns: ${k}`,
      ).toBe(total![k]);
      expect(
        points.reduce((n, b) => n + b[k], 0),
        `months: ${k}`,
      ).toBe(yearFigures![k]);
    }
    const ranked = await ask(
      [{ regionCode: DEMO_COUNTY, ...wide }],
      'leader',
      'police { ranking(indicator: INCIDENTS, order: ASC) { rank regionCode value } }',
    );
    const ranking = (ranked.data!._entities[0]!.police as unknown as { ranking: { rank: number; regionCode: string; value: number }[] }).ranking;
    expect(ranking.length).toBeGreaterThan(1);
    for (const r of ranking) expect(r.value, r.regionCode).toBe(towns[TOWNS.indexOf(r.regionCode)]!.incidents);
    expect(ranking.map((r) => r.value)).toEqual([...ranking.map((r) => r.value)].sort((a, b) => a - b));
  });

  it('costs the same statements for one town as for every town (one per source)', async () => {
    const county = { regionCode: DEMO_COUNTY, ...wide };
    const queries = stack.subgraphs.police!.queries;
    queries.reset();
    await figures([county, { regionCode: TOWNS[0]!, ...wide }]);
    const one = queries.count;
    queries.reset();
    await figures([county, ...TOWNS.map((regionCode) => ({ regionCode, ...wide }))]);
    expect(queries.count).toBe(one);
    // Three sources (incidents, 治安调解, transfers), the county and its towns together.
    expect(one).toBe(3);
  });

  it('shows the block to police staff and leaders in their jurisdiction, to nobody else', async () => {
    const county = { regionCode: DEMO_COUNTY, ...wide };
    const dainan = { regionCode: DEMO_TOWN_DAINAN, ...wide };
    const cases: [string | null, Scope, 'OK' | 'FORBIDDEN'][] = [
      ['police-officer', dainan, 'OK'],
      ['leader', county, 'OK'],
      ['police-officer', county, 'FORBIDDEN'],
      ['police-officer', { regionCode: '321281001', ...wide }, 'FORBIDDEN'],
      ['mediator', dainan, 'FORBIDDEN'],
      ['legal-aid', county, 'FORBIDDEN'],
      ['court-staff', county, 'FORBIDDEN'],
      [null, county, 'FORBIDDEN'],
    ];
    for (const [who, scope, outcome] of cases) {
      const result = await ask([scope], who);
      const label = `${who ?? 'anonymous'} on ${scope.regionCode}`;
      if (outcome === 'OK') {
        expect(result.errors, label).toBeUndefined();
        expect(result.data!._entities[0]!.police, label).toEqual(await handCount(scope));
      } else {
        expect(result.data!._entities[0]!.police, label).toBeNull();
        expect(result.errors![0]!.extensions!.code, label).toBe('FORBIDDEN');
        expect(result.errors![0]!.path, label).toEqual(['_entities', 0, 'police']);
      }
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from '@jiefen/codes';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { createJusticeSubgraph } from '../src/subgraph.js';

// Published rosters (anonymous), the demo seed's coverage, dockings and the statistics computed in SQL.
const clock = { now: new Date('2026-11-28T02:00:00Z') };

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are read by path
type Org = {
  id: string;
  code: string;
  name: string;
  type: string;
  stationedAt: string | null;
  mediators: { sex: string; committeeRole: string | null; phone: string | null }[];
};

describe('rosters, seed and statistics', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown> = {}, as: Parameters<Stack['querySubgraph']>[3] = null): Promise<Gql> =>
    (await stack.querySubgraph('justice', query, variables, as)).body as Gql;
  const ORGS = '{ mediationOrganizations(first: 100) { totalCount edges { node { id code name type stationedAt mediators { sex committeeRole phone } } } } }';

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [createJusticeSubgraph({ now: () => clock.now })], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('publishes organizations of every type, each lawfully composed, to anonymous readers without private data', async () => {
    const result = await q(ORGS);
    expect(result.errors).toBeUndefined();
    const orgs = (result.data!.mediationOrganizations.edges as { node: Org }[]).map((e) => e.node);
    expect(new Set(orgs.map((o) => o.type))).toEqual(
      new Set(['VILLAGE_RESIDENTS_COMMITTEE', 'TOWN_STREET_COMMITTEE', 'ENTERPRISE_COMMITTEE', 'SECTOR_COMMITTEE', 'STATIONED_ROOM', 'LAWYER_STUDIO']),
    );
    for (const o of orgs) {
      expect(isValidCreditCode(o.code), o.name).toBe(true);
      expect(o.mediators.length, o.name).toBeGreaterThanOrEqual(3);
      expect(o.mediators.length, o.name).toBeLessThanOrEqual(9);
      expect(
        o.mediators.some((m) => m.sex === 'FEMALE'),
        o.name,
      ).toBe(true);
      expect(o.mediators.every((m) => m.phone === null)).toBe(true);
    }
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
    expect(orgs.find((o) => o.name === '戴南镇人民调解委员会')!.code).toBe('54321281MJ12345677');
    expect(orgs.filter((o) => o.type === 'STATIONED_ROOM').map((o) => o.stationedAt)).toEqual(
      expect.arrayContaining(['兴化市公安局戴南派出所', '兴化市人民法院诉讼服务中心', '兴化市信访局']),
    );
    expect(orgs.map((o) => o.name)).toEqual(
      expect.arrayContaining(['兴化市医疗纠纷人民调解委员会', '兴化市道路交通事故纠纷人民调解委员会', '江苏昭阳律师事务所律师调解工作室']),
    );

    const staff = await q(ORGS, {}, 'legal-aid');
    const withPhones = (staff.data!.mediationOrganizations.edges as { node: Org }[]).flatMap((e) => e.node.mediators);
    expect(withPhones.every((m) => /^1\d{10}$/.test(m.phone ?? ''))).toBe(true);

    const page = await q(
      'query($after: String) { mediators(first: 7, after: $after) { totalCount edges { node { name } } pageInfo { endCursor hasNextPage } } }',
    );
    const next = await q('query($after: String) { mediators(first: 7, after: $after) { edges { node { name } } } }', {
      after: page.data!.mediators.pageInfo.endCursor,
    });
    const names = [...page.data!.mediators.edges, ...next.data!.mediators.edges].map((e: { node: { name: string } }) => e.node.name);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
    const expired = await q('{ mediators(inTerm: false) { totalCount edges { node { name termExpired lawyer invitedByCourt trainings { title } } } } }');
    expect(expired.data!.mediators.totalCount).toBe(1);
    expect(expired.data!.mediators.edges[0].node.termExpired).toBe(true);
    const experts = await q('{ experts { totalCount } }');
    expect(experts.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('publishes the expert pool to anyone (专家库名单公示): names, fields, titles, units — no contact data', async () => {
    const published = await q('{ publishedExperts(first: 100, regionCode: "321281") { totalCount edges { node { name field title employer countyCode } } } }');
    expect(published.errors).toBeUndefined();
    const nodes = published.data!.publishedExperts.edges.map((e: { node: Record<string, string> }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(Object.keys(node).sort()).toEqual(['countyCode', 'employer', 'field', 'name', 'title']);
      expect(node.countyCode).toBe('321281');
    }
    // Nothing that reaches the person is in the published type.
    const contact = await q('{ publishedExperts { edges { node { phone } } } }');
    expect(contact.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const law = await q('{ publishedExperts(field: "法律") { edges { node { field } } } }');
    expect(law.data!.publishedExperts.edges.every((e: { node: { field: string } }) => e.node.field === '法律')).toBe(true);
  });

  it('registers an organization only with 3–9 committee members including a woman', async () => {
    const input = {
      code: `54321281MJ7000999${creditCodeCheckChar('54321281MJ7000999')}`,
      name: '戴泽村人民调解委员会',
      type: 'VILLAGE_RESIDENTS_COMMITTEE',
      regionCode: '321281123201',
      address: '江苏省兴化市戴南镇戴泽村',
      establishedOn: '2021-03-01',
      members: [
        { name: '张国强', sex: 'MALE', committeeRole: 'CHAIR', employment: 'PART_TIME', termStart: '2025-01-01' },
        {
          name: '李春梅',
          sex: 'FEMALE',
          committeeRole: 'MEMBER',
          employment: 'PART_TIME',
          termStart: '2025-01-01',
          specialties: ['婚姻家庭'],
          trainings: [{ date: '2025-04-18', title: '岗前培训', hours: 24, organizer: '兴化市司法局' }],
        },
        { name: '王德明', sex: 'MALE', committeeRole: 'MEMBER', employment: 'PART_TIME', termStart: '2025-01-01' },
      ],
    };
    const before = (await q(ORGS)).data!.mediationOrganizations.totalCount as number;
    const noWoman = await q(
      'mutation($input: MediationOrganizationInput!) { registerMediationOrganization(input: $input) { id } }',
      { input: { ...input, members: input.members.map((m) => ({ ...m, sex: 'MALE' })) } },
      'legal-aid',
    );
    expect(noWoman.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'members' });
    expect(noWoman.errors![0]!.message).toMatch(/妇女成员/);
    const tooFew = await q(
      'mutation($input: MediationOrganizationInput!) { registerMediationOrganization(input: $input) { id } }',
      { input: { ...input, members: input.members.slice(0, 2) } },
      'legal-aid',
    );
    expect(tooFew.errors![0]!.message).toMatch(/三至九人/);
    const byMediator = await q('mutation($input: MediationOrganizationInput!) { registerMediationOrganization(input: $input) { id } }', { input }, 'mediator');
    expect(byMediator.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await q(ORGS)).data!.mediationOrganizations.totalCount).toBe(before);
    const ok = await q(
      'mutation($input: MediationOrganizationInput!) { registerMediationOrganization(input: $input) { id name mediators { name termEnd } } }',
      { input },
      'legal-aid',
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.registerMediationOrganization.mediators).toContainEqual({ name: '李春梅', termEnd: '2027-12-31' });
  });

  it("seeds one case per demo dispute, in every status, 戴南镇 all with the persona's committee", async () => {
    const all = await q(
      '{ mediationCases(first: 100) { totalCount edges { node { status outcome organizationName regionCode agreement { effectiveDate confirmationDeadline } returnVisits { status } } } } }',
      {},
      'legal-aid',
    );
    const nodes = all.data!.mediationCases.edges.map((e: { node: unknown }) => e.node) as {
      status: string;
      outcome: string | null;
      organizationName: string;
      regionCode: string;
      agreement: { effectiveDate: string; confirmationDeadline: string } | null;
      returnVisits: unknown[];
    }[];
    expect(all.data!.mediationCases.totalCount).toBe(demoDisputes().filter((d) => d.agencies.justice).length);
    expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(['PENDING', 'ACCEPTED', 'REJECTED', 'IN_SESSION', 'CONCLUDED']));
    expect(new Set(nodes.map((n) => n.outcome))).toEqual(new Set([null, 'AGREEMENT', 'NO_AGREEMENT', 'TERMINATED']));
    const dainan = nodes.filter((n) => n.regionCode.startsWith(DEMO_TOWN_DAINAN));
    expect(dainan.every((n) => n.organizationName === '戴南镇人民调解委员会')).toBe(true);
    expect(new Set(dainan.map((n) => n.status)).size).toBe(5);
    for (const n of nodes.filter((x) => x.outcome === 'AGREEMENT')) {
      const effective = Date.parse(n.agreement!.effectiveDate);
      expect(Date.parse(n.agreement!.confirmationDeadline) - effective).toBe(30 * 86_400_000);
      expect(n.returnVisits.length).toBe(1);
    }
    const mine = await q('{ mediationInbox { totalCount } mediationCases { totalCount } }', {}, 'mediator');
    expect(mine.data!.mediationCases.totalCount).toBe(dainan.length);
    expect(mine.data!.mediationInbox.totalCount).toBe(dainan.filter((n) => n.status === 'PENDING').length);
  });

  it('resolves Docking.mediation through a DataLoader, with the record rules', async () => {
    // The docking that brought each case (the same ids as the hub's ledger and the senders' records).
    const withDocking = demoDisputes().filter((d) => d.handOver);
    const r = [...withDocking.map((d) => ({ __typename: 'Docking', id: d.handOver!.dockingId })), { __typename: 'Docking', id: demoId('docking', 9999) }];
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Docking { id mediation { id disputeId } } } }';
    stack.subgraphs.justice!.queries.reset();
    const result = await q(query, { r }, 'legal-aid');
    expect(stack.subgraphs.justice!.queries.count).toBe(1);
    const found = result.data!._entities as { id: string; mediation: { id: string; disputeId: string } | null }[];
    expect(found.slice(0, -1).map((e) => e.mediation?.id)).toEqual(withDocking.map((d) => demoId('mediation-case', d.n)));
    expect(found.at(-1)!.mediation).toBeNull();
    // The police see the cases of their own transfers (公调) in their station's area, nothing else.
    const asPolice = await q(query, { r }, 'police-officer');
    const seen = (asPolice.data!._entities as { mediation: unknown }[]).map((e, i) => (e.mediation ? withDocking[i]!.n : null)).filter((n) => n !== null);
    expect(seen).toEqual(withDocking.filter((d) => d.handOver!.kind === 'POLICE' && d.regionCode.startsWith(DEMO_TOWN_DAINAN)).map((d) => d.n));
  });

  it('counts cases, success, amounts and performance per town and period in SQL (IndicatorReport.justice)', async () => {
    // The last 90 days of the story, as the hub's report names a period and each town as one of its children.
    const to = new Date(Date.now() + 86_400_000);
    const from = new Date(to.getTime() - 91 * 86_400_000);
    const list = await q(
      '{ mediationCases(first: 100) { edges { node { regionCode status outcome receivedAt concludedAt agreement { amount performanceStatus } } } } }',
      {},
      'legal-aid',
    );
    const nodes = list.data!.mediationCases.edges.map((e: { node: unknown }) => e.node) as {
      regionCode: string;
      status: string;
      outcome: string | null;
      receivedAt: string;
      concludedAt: string | null;
      agreement: { amount: number | null; performanceStatus: string } | null;
    }[];
    const towns = [...new Set(nodes.map((n) => n.regionCode.slice(0, 9)))].sort();
    const block = 'justice { casesReceived casesConcluded agreements mediationSuccessRate agreementAmount agreementsDue agreementsPerformed performanceRate }';
    const report = (codes: string[], as: Parameters<Stack['querySubgraph']>[3]) =>
      q(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { regionCode ${block} } } }`,
        { r: codes.map((regionCode) => ({ __typename: 'IndicatorReport', regionCode, from: from.toISOString(), to: to.toISOString() })) },
        as,
      );
    const stats = await report(towns, 'legal-aid');
    expect(stats.errors).toBeUndefined();
    const rows = stats.data!._entities as {
      regionCode: string;
      justice: {
        casesReceived: number;
        casesConcluded: number;
        agreements: number;
        mediationSuccessRate: number | null;
        agreementAmount: number;
        agreementsDue: number;
        agreementsPerformed: number;
        performanceRate: number | null;
      };
    }[];
    const inPeriod = (at: string | null) => at !== null && Date.parse(at) >= from.getTime() && Date.parse(at) < to.getTime();
    for (const { regionCode, justice: row } of rows) {
      const mine = nodes.filter((n) => n.regionCode.startsWith(regionCode));
      const concluded = mine.filter((n) => n.status === 'CONCLUDED' && inPeriod(n.concludedAt));
      const succeeded = concluded.filter((n) => n.outcome === 'AGREEMENT');
      expect(row.casesReceived).toBe(mine.filter((n) => inPeriod(n.receivedAt)).length);
      expect(row.casesConcluded).toBe(concluded.length);
      expect(row.agreements).toBe(succeeded.length);
      if (row.casesConcluded) expect(row.mediationSuccessRate).toBeCloseTo(row.agreements / row.casesConcluded);
      expect(row.agreementAmount).toBeCloseTo(succeeded.reduce((sum, n) => sum + (n.agreement?.amount ?? 0), 0));
      expect(row.agreementsPerformed).toBeLessThanOrEqual(row.agreementsDue);
      if (row.agreementsDue) expect(row.performanceRate).toBeCloseTo(row.agreementsPerformed / row.agreementsDue);
    }
    expect(rows.reduce((s, r) => s + r.justice.casesReceived, 0)).toBe(nodes.filter((n) => inPeriod(n.receivedAt)).length);
    expect(rows.reduce((s, r) => s + r.justice.casesReceived, 0)).toBeGreaterThan(0);
    const mediator = await report([DEMO_TOWN_DAINAN], 'mediator');
    expect(mediator.data!._entities).toEqual([{ regionCode: DEMO_TOWN_DAINAN, justice: rows.find((r) => r.regionCode === DEMO_TOWN_DAINAN)!.justice }]);
    const outside = await report(['321281001'], 'mediator');
    expect(outside.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const badPeriod = await q(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { ${block} } } }`,
      { r: [{ __typename: 'IndicatorReport', regionCode: '321281', from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }] },
      'legal-aid',
    );
    expect(badPeriod.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });
});

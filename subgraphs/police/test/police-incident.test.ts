import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY, DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, postGraphQL, startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

// The 'police-officer' persona works at 戴南派出所 (321281123); tests that expect every demo
// incident ask as the same officer with the county (兴化市公安局) as jurisdiction.
const county = callerOf('police-officer', { jurisdiction: DEMO_COUNTY });

describe('police subgraph', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: true });
    url = stack.subgraphs.police!.url;
  });
  afterAll(() => stack?.stop());

  it('lists police incidents newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{ policeIncidents: { totalCount: number; edges: { node: { id: string; reportedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      'police',
      '{ policeIncidents(first: 5) { totalCount edges { node { id reportedAt } } pageInfo { hasNextPage endCursor } } }',
      {},
      county,
    );
    const page = first.body.data!.policeIncidents;
    expect(page.totalCount).toBe(demoDisputes().filter((d) => d.agencies.police).length);
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.reportedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await stack.querySubgraph<{ policeIncidents: { edges: { node: { id: string; reportedAt: string } }[] } }>(
      'police',
      'query($after: String) { policeIncidents(first: 5, after: $after) { edges { node { id reportedAt } } } }',
      { after: page.pageInfo.endCursor },
      county,
    );
    const next = second.body.data!.policeIncidents.edges;
    expect(next).toHaveLength(5);
    expect(next[0]!.node.reportedAt <= times.at(-1)!).toBe(true);
    expect(next.some((e) => page.edges.some((p) => p.node.id === e.node.id))).toBe(false);
  });

  it('finds an incident by id, with its enums, and resolves its own entity reference', async () => {
    const d = demoDisputes().find((x) => x.agencies.police)!;
    const id = demoId('police-incident', d.n);
    const byId = await stack.querySubgraph<{ policeIncident: { disputeId: string; incidentNumber: string; station: string; summary: string } }>(
      'police',
      'query($id: ID!) { policeIncident(id: $id) { disputeId incidentNumber station summary } }',
      { id },
      county,
    );
    const found = byId.body.data!.policeIncident;
    expect(found.disputeId).toBe(d.id);
    expect(found.incidentNumber).toMatch(/^J321281\d{13}$/);
    expect(found.station).toMatch(/^兴化市公安局.+(派出所|中队)$/);
    expect(found.summary).toMatch(/^报警人称/);

    const all = await stack.querySubgraph<{ policeIncidents: { edges: { node: { category: string; nonPolice: boolean; status: string } }[] } }>(
      'police',
      '{ policeIncidents(first: 100) { edges { node { category nonPolice status } } } }',
      {},
      county,
    );
    const nodes = all.body.data!.policeIncidents.edges.map((e) => e.node);
    // 非警务警情 are exactly the civil disputes and requests for help.
    expect(nodes.every((i) => i.nonPolice === (i.category === 'CIVIL_DISPUTE' || i.category === 'ASSISTANCE'))).toBe(true);
    expect([...new Set(nodes.map((i) => i.category))]).toEqual(expect.arrayContaining(['CIVIL_DISPUTE', 'PUBLIC_ORDER', 'TRAFFIC', 'CRIMINAL']));
    expect(nodes.some((i) => i.status === 'TRANSFERRED')).toBe(true);

    const missing = await stack.querySubgraph<{ policeIncident: null }>('police', 'query($id: ID!) { policeIncident(id: $id) { id } }', { id: demoId('police-incident', 9999) }, county);
    expect(missing.body.data!.policeIncident).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; incidentNumber: string } | null)[] }>(
      'police',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PoliceIncident { id incidentNumber } } }',
      { r: [{ __typename: 'PoliceIncident', id }, { __typename: 'PoliceIncident', id: 'not-a-uuid' }] },
      county,
    );
    expect(entities.body.data!._entities).toEqual([{ id, incidentNumber: found.incidentNumber }, null]);
  });

  it('contributes policeIncidents to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withIncident = disputes.filter((d) => d.agencies.police).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.police).map((d) => d.id);
    const representations = [...withIncident, ...without].map((id) => ({ __typename: 'Dispute', id }));
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id policeIncidents { incidentNumber } } } }';
    stack.subgraphs.police!.queries.reset();
    const result = await stack.querySubgraph<{ _entities: { id: string; policeIncidents: { incidentNumber: string }[] }[] }>('police', q, { r: representations }, county);
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withIncident.length).every((e) => e.policeIncidents.length === 1)).toBe(true);
    expect(entities.slice(withIncident.length).every((e) => e.policeIncidents.length === 0)).toBe(true);
    expect(stack.subgraphs.police!.queries.count).toBe(1);

    const anonymous = await stack.querySubgraph<{ _entities: { policeIncidents: unknown[] }[] }>('police', q, { r: representations });
    expect(anonymous.body.data!._entities.every((e) => e.policeIncidents.length === 0)).toBe(true);
    const court = await stack.querySubgraph<{ _entities: { policeIncidents: unknown[] }[] }>('police', q, { r: representations }, 'court-staff');
    expect(court.body.data!._entities.every((e) => e.policeIncidents.length === 0)).toBe(true);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await stack.querySubgraph('police', '{ policeIncidents(first: 1000) { totalCount } }', {}, 'police-officer');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await stack.querySubgraph('police', '{ policeIncident(id: "42") { id } }', {}, 'police-officer');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });

  it('refuses every request without the gateway signature, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ policeIncidents { totalCount } }', '{ _entities(representations: [{ __typename: "PoliceIncident", id: "x" }]) { __typename } }']) {
      const result = await postGraphQL(url, query);
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const forged = await postGraphQL(url, '{ _service { sdl } }', {}, { 'x-jiefen-context': 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' });
    expect(forged.status).toBe(401);
    expect(forged.body.data).toBeUndefined();
  });

  it('lets only the police see police incidents, within their jurisdiction', async () => {
    const anonymous = await stack.querySubgraph('police', '{ policeIncidents { totalCount } }');
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const court = await stack.querySubgraph('police', '{ policeIncidents { totalCount } }', {}, 'court-staff');
    expect(court.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const elsewhere = await stack.querySubgraph('police', '{ policeIncidents { totalCount } }', {}, { ...callerOf('police-officer'), jurisdiction: '321282' });
    expect((elsewhere.body.data as { policeIncidents: { totalCount: number } }).policeIncidents.totalCount).toBe(0);
    const leader = await stack.querySubgraph<{ policeIncidents: { totalCount: number } }>('police', '{ policeIncidents { totalCount } }', {}, 'leader');
    expect(leader.body.data!.policeIncidents.totalCount).toBeGreaterThan(0);

    const id = demoId('police-incident', demoDisputes().find((x) => x.agencies.police)!.n);
    const byIdQuery = 'query($id: ID!) { policeIncident(id: $id) { id } }';
    const byIdAnonymous = await stack.querySubgraph('police', byIdQuery, { id });
    expect(byIdAnonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const byIdCourt = await stack.querySubgraph('police', byIdQuery, { id }, 'court-staff');
    expect(byIdCourt.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('shows a 戴南镇 officer only the incidents of 戴南镇', async () => {
    const all = demoDisputes().filter((d) => d.agencies.police);
    const dainan = all.filter((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN));
    expect(dainan.length).toBeGreaterThan(0);
    expect(dainan.length).toBeLessThan(all.length);
    const result = await stack.querySubgraph<{ policeIncidents: { totalCount: number; edges: { node: { regionCode: string } }[] } }>(
      'police',
      '{ policeIncidents(first: 100) { totalCount edges { node { regionCode } } } }',
      {},
      'police-officer',
    );
    const page = result.body.data!.policeIncidents;
    expect(page.totalCount).toBe(dainan.length);
    expect(page.edges).toHaveLength(dainan.length);
    expect(page.edges.every((e) => e.node.regionCode.startsWith(DEMO_TOWN_DAINAN))).toBe(true);

    const elsewhere = all.find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
    const byId = await stack.querySubgraph('police', 'query($id: ID!) { policeIncident(id: $id) { id } }', { id: demoId('police-incident', elsewhere.n) }, 'police-officer');
    expect(byId.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const contributed = await stack.querySubgraph<{ _entities: { policeIncidents: unknown[] }[] }>(
      'police',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { policeIncidents { incidentNumber } } } }',
      { r: all.map((d) => ({ __typename: 'Dispute', id: d.id })) },
      'police-officer',
    );
    expect(contributed.body.data!._entities.map((e) => e.policeIncidents.length)).toEqual(all.map((d) => (d.regionCode.startsWith(DEMO_TOWN_DAINAN) ? 1 : 0)));
  });

  it('answers _entities for an incident the caller may not see with null', async () => {
    const all = demoDisputes().filter((d) => d.agencies.police);
    const inDainan = demoId('police-incident', all.find((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN))!.n);
    const elsewhere = demoId('police-incident', all.find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!.n);
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on PoliceIncident { id incidentNumber } } }';
    const r = [{ __typename: 'PoliceIncident', id: inDainan }, { __typename: 'PoliceIncident', id: elsewhere }];
    const asCourt = await stack.querySubgraph<{ _entities: unknown[] }>('police', q, { r }, 'court-staff');
    expect(asCourt.body.data!._entities).toEqual([null, null]);
    const asAnonymous = await stack.querySubgraph<{ _entities: unknown[] }>('police', q, { r });
    expect(asAnonymous.body.data!._entities).toEqual([null, null]);
    const asOfficer = await stack.querySubgraph<{ _entities: ({ id: string } | null)[] }>('police', q, { r }, 'police-officer');
    expect(asOfficer.body.data!._entities.map((e) => e?.id ?? null)).toEqual([inDainan, null]);
    const asCounty = await stack.querySubgraph<{ _entities: ({ id: string } | null)[] }>('police', q, { r }, county);
    expect(asCounty.body.data!._entities.map((e) => e?.id ?? null)).toEqual([inDainan, elsewhere]);
  });
});

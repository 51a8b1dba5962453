import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY, demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

// The 'police-officer' persona works at 戴南派出所 (321281123); tests that expect every demo
// incident ask as the same officer with the county (兴化市公安局) as jurisdiction.
const county = callerOf('police-officer', { jurisdiction: DEMO_COUNTY });

describe('police subgraph', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('lists police incidents newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{
      policeIncidents: { totalCount: number; edges: { node: { id: string; reportedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>('police', '{ policeIncidents(first: 5) { totalCount edges { node { id reportedAt } } pageInfo { hasNextPage endCursor } } }', {}, county);
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

    const missing = await stack.querySubgraph<{ policeIncident: null }>(
      'police',
      'query($id: ID!) { policeIncident(id: $id) { id } }',
      { id: demoId('police-incident', 9999) },
      county,
    );
    expect(missing.body.data!.policeIncident).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; incidentNumber: string } | null)[] }>(
      'police',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PoliceIncident { id incidentNumber } } }',
      {
        r: [
          { __typename: 'PoliceIncident', id },
          { __typename: 'PoliceIncident', id: 'not-a-uuid' },
        ],
      },
      county,
    );
    expect(entities.body.data!._entities).toEqual([{ id, incidentNumber: found.incidentNumber }, null]);
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
});

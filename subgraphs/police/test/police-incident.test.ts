import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { postGraphQL, startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

describe('police subgraph', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: true });
    url = stack.subgraphs.police!.url;
  });
  afterAll(() => stack?.stop());

  it('lists police incidents newest first with keyset pagination', async () => {
    const first = await postGraphQL<{ policeIncidents: { totalCount: number; edges: { node: { id: string; reportedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      url,
      '{ policeIncidents(first: 5) { totalCount edges { node { id reportedAt } } pageInfo { hasNextPage endCursor } } }',
    );
    const page = first.body.data!.policeIncidents;
    expect(page.totalCount).toBe(demoDisputes().filter((d) => d.agencies.police).length);
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.reportedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await postGraphQL<{ policeIncidents: { edges: { node: { id: string; reportedAt: string } }[] } }>(
      url,
      'query($after: String) { policeIncidents(first: 5, after: $after) { edges { node { id reportedAt } } } }',
      { after: page.pageInfo.endCursor },
    );
    const next = second.body.data!.policeIncidents.edges;
    expect(next).toHaveLength(5);
    expect(next[0]!.node.reportedAt <= times.at(-1)!).toBe(true);
    expect(next.some((e) => page.edges.some((p) => p.node.id === e.node.id))).toBe(false);
  });

  it('finds an incident by id, with its enums, and resolves its own entity reference', async () => {
    const d = demoDisputes().find((x) => x.agencies.police)!;
    const id = demoId('police-incident', d.n);
    const byId = await postGraphQL<{ policeIncident: { disputeId: string; incidentNumber: string; station: string; summary: string } }>(
      url,
      'query($id: ID!) { policeIncident(id: $id) { disputeId incidentNumber station summary } }',
      { id },
    );
    const found = byId.body.data!.policeIncident;
    expect(found.disputeId).toBe(d.id);
    expect(found.incidentNumber).toMatch(/^J321281\d{13}$/);
    expect(found.station).toMatch(/^兴化市公安局.+(派出所|中队)$/);
    expect(found.summary).toMatch(/^报警人称/);

    const all = await postGraphQL<{ policeIncidents: { edges: { node: { category: string; nonPolice: boolean; status: string } }[] } }>(
      url,
      '{ policeIncidents(first: 100) { edges { node { category nonPolice status } } } }',
    );
    const nodes = all.body.data!.policeIncidents.edges.map((e) => e.node);
    // 非警务警情 are exactly the civil disputes and requests for help.
    expect(nodes.every((i) => i.nonPolice === (i.category === 'CIVIL_DISPUTE' || i.category === 'ASSISTANCE'))).toBe(true);
    expect([...new Set(nodes.map((i) => i.category))]).toEqual(expect.arrayContaining(['CIVIL_DISPUTE', 'PUBLIC_ORDER', 'TRAFFIC', 'CRIMINAL']));
    expect(nodes.some((i) => i.status === 'TRANSFERRED')).toBe(true);

    const missing = await postGraphQL<{ policeIncident: null }>(url, 'query($id: ID!) { policeIncident(id: $id) { id } }', { id: demoId('police-incident', 9999) });
    expect(missing.body.data!.policeIncident).toBeNull();

    const entities = await postGraphQL<{ _entities: ({ id: string; incidentNumber: string } | null)[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PoliceIncident { id incidentNumber } } }',
      { r: [{ __typename: 'PoliceIncident', id }, { __typename: 'PoliceIncident', id: 'not-a-uuid' }] },
    );
    expect(entities.body.data!._entities).toEqual([{ id, incidentNumber: found.incidentNumber }, null]);
  });

  it('contributes policeIncidents to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withIncident = disputes.filter((d) => d.agencies.police).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.police).map((d) => d.id);
    const representations = [...withIncident, ...without].map((id) => ({ __typename: 'Dispute', id }));
    stack.subgraphs.police!.queries.reset();
    const result = await postGraphQL<{ _entities: { id: string; policeIncidents: { incidentNumber: string }[] }[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id policeIncidents { incidentNumber } } } }',
      { r: representations },
    );
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withIncident.length).every((e) => e.policeIncidents.length === 1)).toBe(true);
    expect(entities.slice(withIncident.length).every((e) => e.policeIncidents.length === 0)).toBe(true);
    expect(stack.subgraphs.police!.queries.count).toBe(1);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await postGraphQL(url, '{ policeIncidents(first: 1000) { totalCount } }');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await postGraphQL(url, '{ policeIncident(id: "42") { id } }');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });
});

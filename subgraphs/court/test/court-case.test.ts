import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes } from '@jiefen/demo-data';
import { callerOf, postGraphQL, startStack, type Stack } from '@jiefen/testing';
import { courtSubgraph } from '../src/subgraph.js';

describe('court subgraph', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [courtSubgraph], gateway: false, seed: true });
    url = stack.subgraphs.court!.url;
  });
  afterAll(() => stack?.stop());

  it('lists court cases newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{ courtCases: { totalCount: number; edges: { node: { receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      'court',
      'query($after: String) { courtCases(first: 5, after: $after) { totalCount edges { node { id receivedAt } } pageInfo { hasNextPage endCursor } } }',
      {},
      'court-staff',
    );
    const page = first.body.data!.courtCases;
    const expected = demoDisputes().filter((d) => d.agencies.court).length;
    expect(page.totalCount).toBe(expected);
    expect(page.edges).toHaveLength(5);
    const times = page.edges.map((e) => e.node.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await stack.querySubgraph<{ courtCases: { edges: { node: { receivedAt: string } }[] } }>(
      'court',
      'query($after: String) { courtCases(first: 5, after: $after) { edges { node { receivedAt } } } }',
      { after: page.pageInfo.endCursor },
      'court-staff',
    );
    expect(second.body.data!.courtCases.edges[0]!.node.receivedAt <= times.at(-1)!).toBe(true);
  });

  it('contributes courtCases to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withCase = disputes.filter((d) => d.agencies.court).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.court).map((d) => d.id);
    const representations = [...withCase, ...without].map((id) => ({ __typename: 'Dispute', id }));
    stack.subgraphs.court!.queries.reset();
    const result = await stack.querySubgraph<{ _entities: { id: string; courtCases: { caseNumber: string }[] }[] }>(
      'court',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id courtCases { caseNumber } } } }',
      { r: representations },
      'court-staff',
    );
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withCase.length).every((e) => e.courtCases.length === 1)).toBe(true);
    expect(entities.slice(withCase.length).every((e) => e.courtCases.length === 0)).toBe(true);
    expect(stack.subgraphs.court!.queries.count).toBe(1);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const result = await stack.querySubgraph('court', '{ courtCases(first: 1000) { totalCount } }', {}, 'court-staff');
    expect(result.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(result.body.errors![0]!.extensions!.field).toBe('first');
    expect(result.body.errors![0]!.message).toMatch(/每页条数/);
  });

  it('refuses every request without the gateway signature, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ courtCases { totalCount } }', '{ _entities(representations: [{ __typename: "CourtCase", id: "x" }]) { __typename } }']) {
      const result = await postGraphQL(url, query);
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const forged = await postGraphQL(url, '{ _service { sdl } }', {}, { 'x-jiefen-context': 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' });
    expect(forged.status).toBe(401);
  });

  it('lets only the court see court cases, within its jurisdiction', async () => {
    const anonymous = await stack.querySubgraph('court', '{ courtCases { totalCount } }');
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const police = await stack.querySubgraph('court', '{ courtCases { totalCount } }', {}, 'police-officer');
    expect(police.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const elsewhere = await stack.querySubgraph('court', '{ courtCases { totalCount } }', {}, { ...callerOf('court-staff'), jurisdiction: '321282' });
    expect((elsewhere.body.data as { courtCases: { totalCount: number } }).courtCases.totalCount).toBe(0);
    const leader = await stack.querySubgraph<{ courtCases: { totalCount: number } }>('court', '{ courtCases { totalCount } }', {}, 'leader');
    expect(leader.body.data!.courtCases.totalCount).toBeGreaterThan(0);
  });

  it('answers _entities for a case the caller may not see with null', async () => {
    const staff = await stack.querySubgraph<{ courtCases: { edges: { node: { id: string } }[] } }>('court', '{ courtCases(first: 1) { edges { node { id } } } }', {}, 'court-staff');
    const id = staff.body.data!.courtCases.edges[0]!.node.id;
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on CourtCase { id caseNumber } } }';
    const asPolice = await stack.querySubgraph<{ _entities: unknown[] }>('court', q, { r: [{ __typename: 'CourtCase', id }] }, 'police-officer');
    expect(asPolice.body.data!._entities).toEqual([null]);
    const asCourt = await stack.querySubgraph<{ _entities: { id: string }[] }>('court', q, { r: [{ __typename: 'CourtCase', id }] }, 'court-staff');
    expect(asCourt.body.data!._entities[0]!.id).toBe(id);
  });
});

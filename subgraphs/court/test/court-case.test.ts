import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes } from '@jiefen/demo-data';
import { postGraphQL, startStack, type Stack } from '@jiefen/testing';
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
    const first = await postGraphQL<{ courtCases: { totalCount: number; edges: { node: { receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      url,
      'query($after: String) { courtCases(first: 5, after: $after) { totalCount edges { node { id receivedAt } } pageInfo { hasNextPage endCursor } } }',
    );
    const page = first.body.data!.courtCases;
    const expected = demoDisputes().filter((d) => d.agencies.court).length;
    expect(page.totalCount).toBe(expected);
    expect(page.edges).toHaveLength(5);
    const times = page.edges.map((e) => e.node.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await postGraphQL<{ courtCases: { edges: { node: { receivedAt: string } }[] } }>(
      url,
      'query($after: String) { courtCases(first: 5, after: $after) { edges { node { receivedAt } } } }',
      { after: page.pageInfo.endCursor },
    );
    expect(second.body.data!.courtCases.edges[0]!.node.receivedAt <= times.at(-1)!).toBe(true);
  });

  it('contributes courtCases to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withCase = disputes.filter((d) => d.agencies.court).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.court).map((d) => d.id);
    const representations = [...withCase, ...without].map((id) => ({ __typename: 'Dispute', id }));
    stack.subgraphs.court!.queries.reset();
    const result = await postGraphQL<{ _entities: { id: string; courtCases: { caseNumber: string }[] }[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id courtCases { caseNumber } } } }',
      { r: representations },
    );
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withCase.length).every((e) => e.courtCases.length === 1)).toBe(true);
    expect(entities.slice(withCase.length).every((e) => e.courtCases.length === 0)).toBe(true);
    expect(stack.subgraphs.court!.queries.count).toBe(1);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const result = await postGraphQL(url, '{ courtCases(first: 1000) { totalCount } }');
    expect(result.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(result.body.errors![0]!.extensions!.field).toBe('first');
    expect(result.body.errors![0]!.message).toMatch(/每页条数/);
  });
});

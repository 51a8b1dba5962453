import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { courtSubgraph } from '../src/subgraph.js';

describe('court subgraph', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [courtSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('lists court cases newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{
      courtCases: { totalCount: number; edges: { node: { receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
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

  it('answers bad input with a coded Chinese error', async () => {
    const result = await stack.querySubgraph('court', '{ courtCases(first: 1000) { totalCount } }', {}, 'court-staff');
    expect(result.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(result.body.errors![0]!.extensions!.field).toBe('first');
    expect(result.body.errors![0]!.message).toMatch(/每页条数/);
  });
});

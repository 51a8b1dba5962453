import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { procuratorateSubgraph } from '../src/subgraph.js';

describe('procuratorate subgraph', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [procuratorateSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('lists procuratorate cases newest first with keyset pagination', async () => {
    const expected = demoDisputes().filter((d) => d.agencies.procuratorate).length;
    const first = await stack.querySubgraph<{
      procuratorateCases: { totalCount: number; edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
      'procuratorate',
      '{ procuratorateCases(first: 2) { totalCount edges { node { id receivedAt } } pageInfo { hasNextPage endCursor } } }',
      {},
      'procurator',
    );
    const page = first.body.data!.procuratorateCases;
    expect(page.totalCount).toBe(expected);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await stack.querySubgraph<{
      procuratorateCases: { edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      'procuratorate',
      'query($after: String) { procuratorateCases(first: 100, after: $after) { edges { node { id receivedAt } } pageInfo { hasNextPage } } }',
      { after: page.pageInfo.endCursor },
      'procurator',
    );
    const rest = second.body.data!.procuratorateCases;
    expect(rest.edges).toHaveLength(expected - 2);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.edges[0]!.node.receivedAt <= times.at(-1)!).toBe(true);
    expect(rest.edges.some((e) => page.edges.some((p) => p.node.id === e.node.id))).toBe(false);
  });

  it('finds a case by id, with its enums, and resolves its own entity reference', async () => {
    const d = demoDisputes().find((x) => x.agencies.procuratorate && !x.agencies.court)!;
    const id = demoId('procuratorate-case', d.n);
    const byId = await stack.querySubgraph<{ procuratorateCase: { disputeId: string; caseNumber: string; kind: string; charge: string | null } }>(
      'procuratorate',
      'query($id: ID!) { procuratorateCase(id: $id) { disputeId caseNumber kind charge } }',
      { id },
      'procurator',
    );
    const found = byId.body.data!.procuratorateCase;
    expect(found.disputeId).toBe(d.id);
    expect(found.caseNumber).toMatch(/^兴检刑和〔2026〕\d+号$/);
    expect(found.kind).toBe('CRIMINAL_RECONCILIATION');
    expect(found.charge).toMatch(/罪/);

    const all = await stack.querySubgraph<{ procuratorateCases: { edges: { node: { kind: string; charge: string | null; caseNumber: string } }[] } }>(
      'procuratorate',
      '{ procuratorateCases(first: 100) { edges { node { kind charge caseNumber } } } }',
      {},
      'procurator',
    );
    const nodes = all.body.data!.procuratorateCases.edges.map((e) => e.node);
    // Only criminal cases carry a charge; civil supervision numbers are 民监.
    expect(nodes.every((c) => (c.kind === 'CRIMINAL_RECONCILIATION') === (c.charge !== null))).toBe(true);
    expect(nodes.filter((c) => c.kind === 'CIVIL_SUPERVISION').every((c) => c.caseNumber.startsWith('兴检民监'))).toBe(true);
    expect(new Set(nodes.map((c) => c.kind))).toEqual(new Set(['CRIMINAL_RECONCILIATION', 'CIVIL_SUPERVISION']));

    const missing = await stack.querySubgraph<{ procuratorateCase: null }>(
      'procuratorate',
      'query($id: ID!) { procuratorateCase(id: $id) { id } }',
      { id: demoId('procuratorate-case', 9999) },
      'procurator',
    );
    expect(missing.body.data!.procuratorateCase).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; caseNumber: string } | null)[] }>(
      'procuratorate',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcuratorateCase { id caseNumber } } }',
      {
        r: [
          { __typename: 'ProcuratorateCase', id },
          { __typename: 'ProcuratorateCase', id: 'not-a-uuid' },
        ],
      },
      'procurator',
    );
    expect(entities.body.data!._entities).toEqual([{ id, caseNumber: found.caseNumber }, null]);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await stack.querySubgraph('procuratorate', '{ procuratorateCases(first: 1000) { totalCount } }', {}, 'procurator');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await stack.querySubgraph('procuratorate', '{ procuratorateCase(id: "42") { id } }', {}, 'procurator');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });
});

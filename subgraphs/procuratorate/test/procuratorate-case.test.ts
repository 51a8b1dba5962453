import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { postGraphQL, startStack, type Stack } from '@jiefen/testing';
import { procuratorateSubgraph } from '../src/subgraph.js';

describe('procuratorate subgraph', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [procuratorateSubgraph], gateway: false, seed: true });
    url = stack.subgraphs.procuratorate!.url;
  });
  afterAll(() => stack?.stop());

  it('lists procuratorate cases newest first with keyset pagination', async () => {
    const expected = demoDisputes().filter((d) => d.agencies.procuratorate).length;
    const first = await postGraphQL<{ procuratorateCases: { totalCount: number; edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      url,
      '{ procuratorateCases(first: 2) { totalCount edges { node { id receivedAt } } pageInfo { hasNextPage endCursor } } }',
    );
    const page = first.body.data!.procuratorateCases;
    expect(page.totalCount).toBe(expected);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await postGraphQL<{ procuratorateCases: { edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean } } }>(
      url,
      'query($after: String) { procuratorateCases(first: 100, after: $after) { edges { node { id receivedAt } } pageInfo { hasNextPage } } }',
      { after: page.pageInfo.endCursor },
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
    const byId = await postGraphQL<{ procuratorateCase: { disputeId: string; caseNumber: string; kind: string; charge: string | null } }>(
      url,
      'query($id: ID!) { procuratorateCase(id: $id) { disputeId caseNumber kind charge } }',
      { id },
    );
    const found = byId.body.data!.procuratorateCase;
    expect(found.disputeId).toBe(d.id);
    expect(found.caseNumber).toMatch(/^兴检刑和〔2026〕\d+号$/);
    expect(found.kind).toBe('CRIMINAL_RECONCILIATION');
    expect(found.charge).toMatch(/罪/);

    const all = await postGraphQL<{ procuratorateCases: { edges: { node: { kind: string; charge: string | null; caseNumber: string } }[] } }>(
      url,
      '{ procuratorateCases(first: 100) { edges { node { kind charge caseNumber } } } }',
    );
    const nodes = all.body.data!.procuratorateCases.edges.map((e) => e.node);
    // Only criminal cases carry a charge; civil supervision numbers are 民监.
    expect(nodes.every((c) => (c.kind === 'CRIMINAL_RECONCILIATION') === (c.charge !== null))).toBe(true);
    expect(nodes.filter((c) => c.kind === 'CIVIL_SUPERVISION').every((c) => c.caseNumber.startsWith('兴检民监'))).toBe(true);
    expect(new Set(nodes.map((c) => c.kind))).toEqual(new Set(['CRIMINAL_RECONCILIATION', 'CIVIL_SUPERVISION']));

    const missing = await postGraphQL<{ procuratorateCase: null }>(url, 'query($id: ID!) { procuratorateCase(id: $id) { id } }', { id: demoId('procuratorate-case', 9999) });
    expect(missing.body.data!.procuratorateCase).toBeNull();

    const entities = await postGraphQL<{ _entities: ({ id: string; caseNumber: string } | null)[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcuratorateCase { id caseNumber } } }',
      { r: [{ __typename: 'ProcuratorateCase', id }, { __typename: 'ProcuratorateCase', id: 'not-a-uuid' }] },
    );
    expect(entities.body.data!._entities).toEqual([{ id, caseNumber: found.caseNumber }, null]);
  });

  it('contributes procuratorateCases to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withCase = disputes.filter((d) => d.agencies.procuratorate).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.procuratorate).map((d) => d.id);
    const representations = [...withCase, ...without].map((id) => ({ __typename: 'Dispute', id }));
    stack.subgraphs.procuratorate!.queries.reset();
    const result = await postGraphQL<{ _entities: { id: string; procuratorateCases: { caseNumber: string }[] }[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id procuratorateCases { caseNumber } } } }',
      { r: representations },
    );
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withCase.length).every((e) => e.procuratorateCases.length === 1)).toBe(true);
    expect(entities.slice(withCase.length).every((e) => e.procuratorateCases.length === 0)).toBe(true);
    expect(stack.subgraphs.procuratorate!.queries.count).toBe(1);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await postGraphQL(url, '{ procuratorateCases(first: 1000) { totalCount } }');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await postGraphQL(url, '{ procuratorateCase(id: "42") { id } }');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });
});

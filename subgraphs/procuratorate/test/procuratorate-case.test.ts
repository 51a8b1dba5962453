import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, postGraphQL, startStack, type Stack } from '@jiefen/testing';
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
    const first = await stack.querySubgraph<{ procuratorateCases: { totalCount: number; edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
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
    const second = await stack.querySubgraph<{ procuratorateCases: { edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean } } }>(
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

    const missing = await stack.querySubgraph<{ procuratorateCase: null }>('procuratorate', 'query($id: ID!) { procuratorateCase(id: $id) { id } }', { id: demoId('procuratorate-case', 9999) }, 'procurator');
    expect(missing.body.data!.procuratorateCase).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; caseNumber: string } | null)[] }>(
      'procuratorate',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcuratorateCase { id caseNumber } } }',
      { r: [{ __typename: 'ProcuratorateCase', id }, { __typename: 'ProcuratorateCase', id: 'not-a-uuid' }] },
      'procurator',
    );
    expect(entities.body.data!._entities).toEqual([{ id, caseNumber: found.caseNumber }, null]);
  });

  it('contributes procuratorateCases to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withCase = disputes.filter((d) => d.agencies.procuratorate).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.procuratorate).map((d) => d.id);
    const representations = [...withCase, ...without].map((id) => ({ __typename: 'Dispute', id }));
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id procuratorateCases { caseNumber } } } }';
    stack.subgraphs.procuratorate!.queries.reset();
    const result = await stack.querySubgraph<{ _entities: { id: string; procuratorateCases: { caseNumber: string }[] }[] }>('procuratorate', q, { r: representations }, 'procurator');
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withCase.length).every((e) => e.procuratorateCases.length === 1)).toBe(true);
    expect(entities.slice(withCase.length).every((e) => e.procuratorateCases.length === 0)).toBe(true);
    expect(stack.subgraphs.procuratorate!.queries.count).toBe(1);

    const anonymous = await stack.querySubgraph<{ _entities: { procuratorateCases: unknown[] }[] }>('procuratorate', q, { r: representations });
    expect(anonymous.body.data!._entities.every((e) => e.procuratorateCases.length === 0)).toBe(true);
    const court = await stack.querySubgraph<{ _entities: { procuratorateCases: unknown[] }[] }>('procuratorate', q, { r: representations }, 'court-staff');
    expect(court.body.data!._entities.every((e) => e.procuratorateCases.length === 0)).toBe(true);
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

  it('refuses every request without the gateway signature, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ procuratorateCases { totalCount } }', '{ _entities(representations: [{ __typename: "ProcuratorateCase", id: "x" }]) { __typename } }']) {
      const result = await postGraphQL(url, query);
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const forged = await postGraphQL(url, '{ _service { sdl } }', {}, { 'x-jiefen-context': 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' });
    expect(forged.status).toBe(401);
    expect(forged.body.data).toBeUndefined();
  });

  it('lets only the procuratorate see its cases, within its jurisdiction', async () => {
    const anonymous = await stack.querySubgraph('procuratorate', '{ procuratorateCases { totalCount } }');
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const court = await stack.querySubgraph('procuratorate', '{ procuratorateCases { totalCount } }', {}, 'court-staff');
    expect(court.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const elsewhere = await stack.querySubgraph('procuratorate', '{ procuratorateCases { totalCount } }', {}, { ...callerOf('procurator'), jurisdiction: '321282' });
    expect((elsewhere.body.data as { procuratorateCases: { totalCount: number } }).procuratorateCases.totalCount).toBe(0);
    const leader = await stack.querySubgraph<{ procuratorateCases: { totalCount: number } }>('procuratorate', '{ procuratorateCases { totalCount } }', {}, 'leader');
    expect(leader.body.data!.procuratorateCases.totalCount).toBeGreaterThan(0);

    const id = demoId('procuratorate-case', demoDisputes().find((x) => x.agencies.procuratorate)!.n);
    const byIdQuery = 'query($id: ID!) { procuratorateCase(id: $id) { id } }';
    const byIdAnonymous = await stack.querySubgraph('procuratorate', byIdQuery, { id });
    expect(byIdAnonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const byIdCourt = await stack.querySubgraph('procuratorate', byIdQuery, { id }, 'court-staff');
    expect(byIdCourt.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('answers _entities for a case the caller may not see with null', async () => {
    const staff = await stack.querySubgraph<{ procuratorateCases: { edges: { node: { id: string } }[] } }>('procuratorate', '{ procuratorateCases(first: 1) { edges { node { id } } } }', {}, 'procurator');
    const id = staff.body.data!.procuratorateCases.edges[0]!.node.id;
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProcuratorateCase { id caseNumber } } }';
    const r = [{ __typename: 'ProcuratorateCase', id }];
    const asCourt = await stack.querySubgraph<{ _entities: unknown[] }>('procuratorate', q, { r }, 'court-staff');
    expect(asCourt.body.data!._entities).toEqual([null]);
    const asElsewhere = await stack.querySubgraph<{ _entities: unknown[] }>('procuratorate', q, { r }, { ...callerOf('procurator'), jurisdiction: '321282' });
    expect(asElsewhere.body.data!._entities).toEqual([null]);
    const asProcurator = await stack.querySubgraph<{ _entities: { id: string }[] }>('procuratorate', q, { r }, 'procurator');
    expect(asProcurator.body.data!._entities[0]!.id).toBe(id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, postGraphQL, startStack, type Stack } from '@jiefen/testing';
import { petitionSubgraph } from '../src/subgraph.js';

describe('petition subgraph', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [petitionSubgraph], gateway: false, seed: true });
    url = stack.subgraphs.petition!.url;
  });
  afterAll(() => stack?.stop());

  it('lists petitions newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{ petitionItems: { totalCount: number; edges: { node: { id: string; registeredAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      'petition',
      '{ petitionItems(first: 5) { totalCount edges { node { id registeredAt } } pageInfo { hasNextPage endCursor } } }',
      {},
      'petition-officer',
    );
    const page = first.body.data!.petitionItems;
    expect(page.totalCount).toBe(demoDisputes().filter((d) => d.agencies.petition).length);
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.registeredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await stack.querySubgraph<{ petitionItems: { edges: { node: { id: string; registeredAt: string } }[] } }>(
      'petition',
      'query($after: String) { petitionItems(first: 5, after: $after) { edges { node { id registeredAt } } } }',
      { after: page.pageInfo.endCursor },
      'petition-officer',
    );
    const next = second.body.data!.petitionItems.edges;
    expect(next.length).toBeGreaterThan(0);
    expect(next[0]!.node.registeredAt <= times.at(-1)!).toBe(true);
    expect(next.some((e) => page.edges.some((p) => p.node.id === e.node.id))).toBe(false);
  });

  it('finds a petition by id, with its enums, and resolves its own entity reference', async () => {
    const d = demoDisputes().find((x) => x.agencies.petition)!;
    const id = demoId('petition-item', d.n);
    const byId = await stack.querySubgraph<{ petitionItem: { disputeId: string; itemNumber: string; subject: string } }>(
      'petition',
      'query($id: ID!) { petitionItem(id: $id) { disputeId itemNumber subject } }',
      { id },
      'petition-officer',
    );
    const found = byId.body.data!.petitionItem;
    expect(found.disputeId).toBe(d.id);
    expect(found.itemNumber).toMatch(/^兴访〔2026〕\d{4}号$/);
    expect(found.subject).toContain(d.summary);

    const all = await stack.querySubgraph<{ petitionItems: { edges: { node: { disputeId: string; form: string; status: string; mediationOrganization: string | null } }[] } }>(
      'petition',
      '{ petitionItems(first: 100) { edges { node { disputeId form status mediationOrganization } } } }',
      {},
      'petition-officer',
    );
    const nodes = all.body.data!.petitionItems.edges.map((e) => e.node);
    const mediated = new Set(demoDisputes().filter((x) => x.agencies.justice).map((x) => x.id));
    // 访调对接: exactly the petitions whose dispute went to people's mediation were referred to it.
    expect(nodes.every((p) => (p.mediationOrganization !== null) === mediated.has(p.disputeId))).toBe(true);
    expect(nodes.every((p) => ['LETTER', 'VISIT', 'ONLINE', 'PHONE'].includes(p.form))).toBe(true);
    expect(new Set(nodes.map((p) => p.form)).size).toBeGreaterThan(1);

    const missing = await stack.querySubgraph<{ petitionItem: null }>('petition', 'query($id: ID!) { petitionItem(id: $id) { id } }', { id: demoId('petition-item', 9999) }, 'petition-officer');
    expect(missing.body.data!.petitionItem).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; itemNumber: string } | null)[] }>(
      'petition',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PetitionItem { id itemNumber } } }',
      { r: [{ __typename: 'PetitionItem', id }, { __typename: 'PetitionItem', id: 'not-a-uuid' }] },
      'petition-officer',
    );
    expect(entities.body.data!._entities).toEqual([{ id, itemNumber: found.itemNumber }, null]);
  });

  it('contributes petitions to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withItem = disputes.filter((d) => d.agencies.petition).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.petition).map((d) => d.id);
    const representations = [...withItem, ...without].map((id) => ({ __typename: 'Dispute', id }));
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id petitions { itemNumber } } } }';
    stack.subgraphs.petition!.queries.reset();
    const result = await stack.querySubgraph<{ _entities: { id: string; petitions: { itemNumber: string }[] }[] }>('petition', q, { r: representations }, 'petition-officer');
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withItem.length).every((e) => e.petitions.length === 1)).toBe(true);
    expect(entities.slice(withItem.length).every((e) => e.petitions.length === 0)).toBe(true);
    expect(stack.subgraphs.petition!.queries.count).toBe(1);

    const anonymous = await stack.querySubgraph<{ _entities: { petitions: unknown[] }[] }>('petition', q, { r: representations });
    expect(anonymous.body.data!._entities.every((e) => e.petitions.length === 0)).toBe(true);
    const court = await stack.querySubgraph<{ _entities: { petitions: unknown[] }[] }>('petition', q, { r: representations }, 'court-staff');
    expect(court.body.data!._entities.every((e) => e.petitions.length === 0)).toBe(true);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await stack.querySubgraph('petition', '{ petitionItems(first: 1000) { totalCount } }', {}, 'petition-officer');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await stack.querySubgraph('petition', '{ petitionItem(id: "42") { id } }', {}, 'petition-officer');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });

  it('refuses every request without the gateway signature, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ petitionItems { totalCount } }', '{ _entities(representations: [{ __typename: "PetitionItem", id: "x" }]) { __typename } }']) {
      const result = await postGraphQL(url, query);
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const forged = await postGraphQL(url, '{ _service { sdl } }', {}, { 'x-jiefen-context': 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' });
    expect(forged.status).toBe(401);
    expect(forged.body.data).toBeUndefined();
  });

  it('lets only the petition bureau see petitions, within its jurisdiction', async () => {
    const anonymous = await stack.querySubgraph('petition', '{ petitionItems { totalCount } }');
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const court = await stack.querySubgraph('petition', '{ petitionItems { totalCount } }', {}, 'court-staff');
    expect(court.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const elsewhere = await stack.querySubgraph('petition', '{ petitionItems { totalCount } }', {}, { ...callerOf('petition-officer'), jurisdiction: '321282' });
    expect((elsewhere.body.data as { petitionItems: { totalCount: number } }).petitionItems.totalCount).toBe(0);
    const leader = await stack.querySubgraph<{ petitionItems: { totalCount: number } }>('petition', '{ petitionItems { totalCount } }', {}, 'leader');
    expect(leader.body.data!.petitionItems.totalCount).toBeGreaterThan(0);

    const id = demoId('petition-item', demoDisputes().find((x) => x.agencies.petition)!.n);
    const byIdQuery = 'query($id: ID!) { petitionItem(id: $id) { id } }';
    const byIdAnonymous = await stack.querySubgraph('petition', byIdQuery, { id });
    expect(byIdAnonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const byIdCourt = await stack.querySubgraph('petition', byIdQuery, { id }, 'court-staff');
    expect(byIdCourt.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('answers _entities for a petition the caller may not see with null', async () => {
    const staff = await stack.querySubgraph<{ petitionItems: { edges: { node: { id: string } }[] } }>('petition', '{ petitionItems(first: 1) { edges { node { id } } } }', {}, 'petition-officer');
    const id = staff.body.data!.petitionItems.edges[0]!.node.id;
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on PetitionItem { id itemNumber } } }';
    const r = [{ __typename: 'PetitionItem', id }];
    const asCourt = await stack.querySubgraph<{ _entities: unknown[] }>('petition', q, { r }, 'court-staff');
    expect(asCourt.body.data!._entities).toEqual([null]);
    const asElsewhere = await stack.querySubgraph<{ _entities: unknown[] }>('petition', q, { r }, { ...callerOf('petition-officer'), jurisdiction: '321282' });
    expect(asElsewhere.body.data!._entities).toEqual([null]);
    const asOfficer = await stack.querySubgraph<{ _entities: { id: string }[] }>('petition', q, { r }, 'petition-officer');
    expect(asOfficer.body.data!._entities[0]!.id).toBe(id);
  });
});

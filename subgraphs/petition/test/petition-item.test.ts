import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { postGraphQL, startStack, type Stack } from '@jiefen/testing';
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
    const first = await postGraphQL<{ petitionItems: { totalCount: number; edges: { node: { id: string; registeredAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      url,
      '{ petitionItems(first: 5) { totalCount edges { node { id registeredAt } } pageInfo { hasNextPage endCursor } } }',
    );
    const page = first.body.data!.petitionItems;
    expect(page.totalCount).toBe(demoDisputes().filter((d) => d.agencies.petition).length);
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.registeredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await postGraphQL<{ petitionItems: { edges: { node: { id: string; registeredAt: string } }[] } }>(
      url,
      'query($after: String) { petitionItems(first: 5, after: $after) { edges { node { id registeredAt } } } }',
      { after: page.pageInfo.endCursor },
    );
    const next = second.body.data!.petitionItems.edges;
    expect(next.length).toBeGreaterThan(0);
    expect(next[0]!.node.registeredAt <= times.at(-1)!).toBe(true);
    expect(next.some((e) => page.edges.some((p) => p.node.id === e.node.id))).toBe(false);
  });

  it('finds a petition by id, with its enums, and resolves its own entity reference', async () => {
    const d = demoDisputes().find((x) => x.agencies.petition)!;
    const id = demoId('petition-item', d.n);
    const byId = await postGraphQL<{ petitionItem: { disputeId: string; itemNumber: string; subject: string } }>(
      url,
      'query($id: ID!) { petitionItem(id: $id) { disputeId itemNumber subject } }',
      { id },
    );
    const found = byId.body.data!.petitionItem;
    expect(found.disputeId).toBe(d.id);
    expect(found.itemNumber).toMatch(/^兴访〔2026〕\d{4}号$/);
    expect(found.subject).toContain(d.summary);

    const all = await postGraphQL<{ petitionItems: { edges: { node: { disputeId: string; form: string; status: string } }[] } }>(
      url,
      '{ petitionItems(first: 100) { edges { node { disputeId form status } } } }',
    );
    const nodes = all.body.data!.petitionItems.edges.map((e) => e.node);
    const mediated = new Set(demoDisputes().filter((x) => x.agencies.justice).map((x) => x.id));
    // 访调对接: exactly the petitions whose dispute went to people's mediation are transferred.
    expect(nodes.every((p) => (p.status === 'TRANSFERRED') === mediated.has(p.disputeId))).toBe(true);
    expect(nodes.every((p) => ['LETTER', 'VISIT', 'ONLINE', 'PHONE'].includes(p.form))).toBe(true);
    expect(new Set(nodes.map((p) => p.form)).size).toBeGreaterThan(1);

    const missing = await postGraphQL<{ petitionItem: null }>(url, 'query($id: ID!) { petitionItem(id: $id) { id } }', { id: demoId('petition-item', 9999) });
    expect(missing.body.data!.petitionItem).toBeNull();

    const entities = await postGraphQL<{ _entities: ({ id: string; itemNumber: string } | null)[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PetitionItem { id itemNumber } } }',
      { r: [{ __typename: 'PetitionItem', id }, { __typename: 'PetitionItem', id: 'not-a-uuid' }] },
    );
    expect(entities.body.data!._entities).toEqual([{ id, itemNumber: found.itemNumber }, null]);
  });

  it('contributes petitions to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withItem = disputes.filter((d) => d.agencies.petition).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.petition).map((d) => d.id);
    const representations = [...withItem, ...without].map((id) => ({ __typename: 'Dispute', id }));
    stack.subgraphs.petition!.queries.reset();
    const result = await postGraphQL<{ _entities: { id: string; petitions: { itemNumber: string }[] }[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id petitions { itemNumber } } } }',
      { r: representations },
    );
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withItem.length).every((e) => e.petitions.length === 1)).toBe(true);
    expect(entities.slice(withItem.length).every((e) => e.petitions.length === 0)).toBe(true);
    expect(stack.subgraphs.petition!.queries.count).toBe(1);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await postGraphQL(url, '{ petitionItems(first: 1000) { totalCount } }');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await postGraphQL(url, '{ petitionItem(id: "42") { id } }');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });
});

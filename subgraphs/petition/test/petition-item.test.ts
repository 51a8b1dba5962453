import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { petitionSubgraph } from '../src/subgraph.js';

describe('petition subgraph', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [petitionSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('lists petitions newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{
      petitionItems: { totalCount: number; edges: { node: { id: string; registeredAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>('petition', '{ petitionItems(first: 5) { totalCount edges { node { id registeredAt } } pageInfo { hasNextPage endCursor } } }', {}, 'petition-officer');
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

    const all = await stack.querySubgraph<{
      petitionItems: { edges: { node: { disputeId: string; form: string; status: string; mediationOrganization: string | null } }[] };
    }>('petition', '{ petitionItems(first: 100) { edges { node { disputeId form status mediationOrganization } } } }', {}, 'petition-officer');
    const nodes = all.body.data!.petitionItems.edges.map((e) => e.node);
    const mediated = new Set(
      demoDisputes()
        .filter((x) => x.handOver?.kind === 'PETITION')
        .map((x) => x.id),
    );
    // 访调对接: exactly the petitions the story hands to people's mediation were referred to it.
    expect(nodes.every((p) => (p.mediationOrganization !== null) === mediated.has(p.disputeId))).toBe(true);
    expect(nodes.every((p) => ['LETTER', 'VISIT', 'ONLINE', 'PHONE'].includes(p.form))).toBe(true);
    expect(new Set(nodes.map((p) => p.form)).size).toBeGreaterThan(1);

    const missing = await stack.querySubgraph<{ petitionItem: null }>(
      'petition',
      'query($id: ID!) { petitionItem(id: $id) { id } }',
      { id: demoId('petition-item', 9999) },
      'petition-officer',
    );
    expect(missing.body.data!.petitionItem).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; itemNumber: string } | null)[] }>(
      'petition',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PetitionItem { id itemNumber } } }',
      {
        r: [
          { __typename: 'PetitionItem', id },
          { __typename: 'PetitionItem', id: 'not-a-uuid' },
        ],
      },
      'petition-officer',
    );
    expect(entities.body.data!._entities).toEqual([{ id, itemNumber: found.itemNumber }, null]);
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
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { justiceSubgraph } from '../src/subgraph.js';

// 'legal-aid' is the justice bureau county-wide (321281); 'mediator' only sees 戴南镇 (321281123).
describe('justice subgraph', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [justiceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('lists mediation cases newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{
      mediationCases: { totalCount: number; edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>('justice', '{ mediationCases(first: 5) { totalCount edges { node { id receivedAt } } pageInfo { hasNextPage endCursor } } }', {}, 'legal-aid');
    const page = first.body.data!.mediationCases;
    expect(page.totalCount).toBe(demoDisputes().filter((d) => d.agencies.justice).length);
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await stack.querySubgraph<{ mediationCases: { edges: { node: { id: string; receivedAt: string } }[] } }>(
      'justice',
      'query($after: String) { mediationCases(first: 5, after: $after) { edges { node { id receivedAt } } } }',
      { after: page.pageInfo.endCursor },
      'legal-aid',
    );
    const next = second.body.data!.mediationCases.edges;
    expect(next).toHaveLength(5);
    expect(next[0]!.node.receivedAt <= times.at(-1)!).toBe(true);
    expect(next.some((e) => page.edges.some((p) => p.node.id === e.node.id))).toBe(false);
  });

  it('finds a mediation case by id, with its enums, and resolves its own entity reference', async () => {
    const d = demoDisputes().find((x) => x.agencies.justice)!;
    const id = demoId('mediation-case', d.n);
    const byId = await stack.querySubgraph<{
      mediationCase: { disputeId: string; caseNumber: string; organizationName: string; source: string; status: string; outcome: string | null };
    }>('justice', 'query($id: ID!) { mediationCase(id: $id) { disputeId caseNumber organizationName source status outcome } }', { id }, 'legal-aid');
    const found = byId.body.data!.mediationCase;
    expect(found.disputeId).toBe(d.id);
    expect(found.caseNumber).toMatch(/^兴司调〔2026〕\d{4}号$/);
    expect(found.organizationName).toMatch(/人民调解(委员会|室)|调解工作室/);
    expect(['DIRECT_APPLICATION', 'ACTIVE_SCREENING', 'HUB_REFERRAL', 'COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID']).toContain(found.source);

    const all = await stack.querySubgraph<{ mediationCases: { edges: { node: { status: string; outcome: string | null } }[] } }>(
      'justice',
      '{ mediationCases(first: 100) { edges { node { status outcome } } } }',
      {},
      'legal-aid',
    );
    const nodes = all.body.data!.mediationCases.edges.map((e) => e.node);
    expect(nodes.every((c) => (c.status === 'CONCLUDED') === (c.outcome !== null))).toBe(true);
    expect(new Set(nodes.map((c) => c.outcome))).toEqual(new Set([null, 'AGREEMENT', 'NO_AGREEMENT', 'TERMINATED']));

    const missing = await stack.querySubgraph<{ mediationCase: null }>(
      'justice',
      'query($id: ID!) { mediationCase(id: $id) { id } }',
      { id: demoId('mediation-case', 9999) },
      'legal-aid',
    );
    expect(missing.body.data!.mediationCase).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; caseNumber: string } | null)[] }>(
      'justice',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on MediationCase { id caseNumber } } }',
      {
        r: [
          { __typename: 'MediationCase', id },
          { __typename: 'MediationCase', id: 'not-a-uuid' },
        ],
      },
      'legal-aid',
    );
    expect(entities.body.data!._entities).toEqual([{ id, caseNumber: found.caseNumber }, null]);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await stack.querySubgraph('justice', '{ mediationCases(first: 1000) { totalCount } }', {}, 'legal-aid');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await stack.querySubgraph('justice', '{ mediationCase(id: "42") { id } }', {}, 'legal-aid');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });
});

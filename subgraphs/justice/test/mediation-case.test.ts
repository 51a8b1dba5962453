import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { postGraphQL, startStack, type Stack } from '@jiefen/testing';
import { justiceSubgraph } from '../src/subgraph.js';

describe('justice subgraph', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [justiceSubgraph], gateway: false, seed: true });
    url = stack.subgraphs.justice!.url;
  });
  afterAll(() => stack?.stop());

  it('lists mediation cases newest first with keyset pagination', async () => {
    const first = await postGraphQL<{ mediationCases: { totalCount: number; edges: { node: { id: string; acceptedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      url,
      '{ mediationCases(first: 5) { totalCount edges { node { id acceptedAt } } pageInfo { hasNextPage endCursor } } }',
    );
    const page = first.body.data!.mediationCases;
    expect(page.totalCount).toBe(demoDisputes().filter((d) => d.agencies.justice).length);
    expect(page.edges).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const times = page.edges.map((e) => e.node.acceptedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await postGraphQL<{ mediationCases: { edges: { node: { id: string; acceptedAt: string } }[] } }>(
      url,
      'query($after: String) { mediationCases(first: 5, after: $after) { edges { node { id acceptedAt } } } }',
      { after: page.pageInfo.endCursor },
    );
    const next = second.body.data!.mediationCases.edges;
    expect(next).toHaveLength(5);
    expect(next[0]!.node.acceptedAt <= times.at(-1)!).toBe(true);
    expect(next.some((e) => page.edges.some((p) => p.node.id === e.node.id))).toBe(false);
  });

  it('finds a mediation case by id, with its enums, and resolves its own entity reference', async () => {
    const d = demoDisputes().find((x) => x.agencies.justice)!;
    const id = demoId('mediation-case', d.n);
    const byId = await postGraphQL<{ mediationCase: { disputeId: string; caseNumber: string; organizationName: string; source: string; status: string; outcome: string | null } }>(
      url,
      'query($id: ID!) { mediationCase(id: $id) { disputeId caseNumber organizationName source status outcome } }',
      { id },
    );
    const found = byId.body.data!.mediationCase;
    expect(found.disputeId).toBe(d.id);
    expect(found.caseNumber).toMatch(/^兴司调〔2026〕\d{4}号$/);
    expect(found.organizationName).toMatch(/人民调解(委员会|室)|调解工作室/);
    expect(['DIRECT_APPLICATION', 'ACTIVE_SCREENING', 'HUB_REFERRAL', 'COURT', 'POLICE', 'PROCURATORATE', 'PETITION']).toContain(found.source);

    const all = await postGraphQL<{ mediationCases: { edges: { node: { status: string; outcome: string | null } }[] } }>(
      url,
      '{ mediationCases(first: 100) { edges { node { status outcome } } } }',
    );
    const nodes = all.body.data!.mediationCases.edges.map((e) => e.node);
    expect(nodes.every((c) => (c.status === 'CONCLUDED') === (c.outcome !== null))).toBe(true);
    expect(new Set(nodes.map((c) => c.outcome))).toEqual(new Set([null, 'AGREEMENT', 'NO_AGREEMENT', 'TERMINATED']));

    const missing = await postGraphQL<{ mediationCase: null }>(url, 'query($id: ID!) { mediationCase(id: $id) { id } }', { id: demoId('mediation-case', 9999) });
    expect(missing.body.data!.mediationCase).toBeNull();

    const entities = await postGraphQL<{ _entities: ({ id: string; caseNumber: string } | null)[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on MediationCase { id caseNumber } } }',
      { r: [{ __typename: 'MediationCase', id }, { __typename: 'MediationCase', id: 'not-a-uuid' }] },
    );
    expect(entities.body.data!._entities).toEqual([{ id, caseNumber: found.caseNumber }, null]);
  });

  it('contributes mediations to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withCase = disputes.filter((d) => d.agencies.justice).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.justice).map((d) => d.id);
    const representations = [...withCase, ...without].map((id) => ({ __typename: 'Dispute', id }));
    stack.subgraphs.justice!.queries.reset();
    const result = await postGraphQL<{ _entities: { id: string; mediations: { caseNumber: string }[] }[] }>(
      url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id mediations { caseNumber } } } }',
      { r: representations },
    );
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withCase.length).every((e) => e.mediations.length === 1)).toBe(true);
    expect(entities.slice(withCase.length).every((e) => e.mediations.length === 0)).toBe(true);
    expect(stack.subgraphs.justice!.queries.count).toBe(1);
  });

  it('answers bad input with a coded Chinese error', async () => {
    const page = await postGraphQL(url, '{ mediationCases(first: 1000) { totalCount } }');
    expect(page.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(page.body.errors![0]!.extensions!.field).toBe('first');
    expect(page.body.errors![0]!.message).toMatch(/每页条数/);
    const byId = await postGraphQL(url, '{ mediationCase(id: "42") { id } }');
    expect(byId.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(byId.body.errors![0]!.extensions!.field).toBe('id');
  });
});

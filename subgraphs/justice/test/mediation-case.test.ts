import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_DAINAN, demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, postGraphQL, startStack, type Stack } from '@jiefen/testing';
import { justiceSubgraph } from '../src/subgraph.js';

// 'legal-aid' is the justice bureau county-wide (321281); 'mediator' only sees 戴南镇 (321281123).
describe('justice subgraph', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [justiceSubgraph], gateway: false, seed: true });
    url = stack.subgraphs.justice!.url;
  });
  afterAll(() => stack?.stop());

  it('lists mediation cases newest first with keyset pagination', async () => {
    const first = await stack.querySubgraph<{ mediationCases: { totalCount: number; edges: { node: { id: string; receivedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      'justice',
      '{ mediationCases(first: 5) { totalCount edges { node { id receivedAt } } pageInfo { hasNextPage endCursor } } }',
      {},
      'legal-aid',
    );
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
    const byId = await stack.querySubgraph<{ mediationCase: { disputeId: string; caseNumber: string; organizationName: string; source: string; status: string; outcome: string | null } }>(
      'justice',
      'query($id: ID!) { mediationCase(id: $id) { disputeId caseNumber organizationName source status outcome } }',
      { id },
      'legal-aid',
    );
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

    const missing = await stack.querySubgraph<{ mediationCase: null }>('justice', 'query($id: ID!) { mediationCase(id: $id) { id } }', { id: demoId('mediation-case', 9999) }, 'legal-aid');
    expect(missing.body.data!.mediationCase).toBeNull();

    const entities = await stack.querySubgraph<{ _entities: ({ id: string; caseNumber: string } | null)[] }>(
      'justice',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on MediationCase { id caseNumber } } }',
      { r: [{ __typename: 'MediationCase', id }, { __typename: 'MediationCase', id: 'not-a-uuid' }] },
      'legal-aid',
    );
    expect(entities.body.data!._entities).toEqual([{ id, caseNumber: found.caseNumber }, null]);
  });

  it('contributes mediations to Dispute through _entities with one query for many disputes', async () => {
    const disputes = demoDisputes();
    const withCase = disputes.filter((d) => d.agencies.justice).map((d) => d.id);
    const without = disputes.filter((d) => !d.agencies.justice).map((d) => d.id);
    const representations = [...withCase, ...without].map((id) => ({ __typename: 'Dispute', id }));
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id mediations { caseNumber } } } }';
    stack.subgraphs.justice!.queries.reset();
    const result = await stack.querySubgraph<{ _entities: { id: string; mediations: { caseNumber: string }[] }[] }>('justice', q, { r: representations }, 'legal-aid');
    const entities = result.body.data!._entities;
    expect(entities.slice(0, withCase.length).every((e) => e.mediations.length === 1)).toBe(true);
    expect(entities.slice(withCase.length).every((e) => e.mediations.length === 0)).toBe(true);
    expect(stack.subgraphs.justice!.queries.count).toBe(1);

    const anonymous = await stack.querySubgraph<{ _entities: { mediations: unknown[] }[] }>('justice', q, { r: representations });
    expect(anonymous.body.data!._entities.every((e) => e.mediations.length === 0)).toBe(true);
    const police = await stack.querySubgraph<{ _entities: { mediations: unknown[] }[] }>('justice', q, { r: representations }, 'police-officer');
    expect(police.body.data!._entities.every((e) => e.mediations.length === 0)).toBe(true);
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

  it('refuses every request without the gateway signature, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ mediationCases { totalCount } }', '{ _entities(representations: [{ __typename: "MediationCase", id: "x" }]) { __typename } }']) {
      const result = await postGraphQL(url, query);
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const forged = await postGraphQL(url, '{ _service { sdl } }', {}, { 'x-jiefen-context': 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' });
    expect(forged.status).toBe(401);
    expect(forged.body.data).toBeUndefined();
  });

  it('lets only the justice bureau see mediation cases, within its jurisdiction', async () => {
    const anonymous = await stack.querySubgraph('justice', '{ mediationCases { totalCount } }');
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const police = await stack.querySubgraph('justice', '{ mediationCases { totalCount } }', {}, 'police-officer');
    expect(police.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const elsewhere = await stack.querySubgraph('justice', '{ mediationCases { totalCount } }', {}, { ...callerOf('legal-aid'), jurisdiction: '321282' });
    expect((elsewhere.body.data as { mediationCases: { totalCount: number } }).mediationCases.totalCount).toBe(0);
    const leader = await stack.querySubgraph<{ mediationCases: { totalCount: number } }>('justice', '{ mediationCases { totalCount } }', {}, 'leader');
    expect(leader.body.data!.mediationCases.totalCount).toBeGreaterThan(0);

    const id = demoId('mediation-case', demoDisputes().find((x) => x.agencies.justice)!.n);
    const byIdQuery = 'query($id: ID!) { mediationCase(id: $id) { id } }';
    const byIdAnonymous = await stack.querySubgraph('justice', byIdQuery, { id });
    expect(byIdAnonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const byIdPolice = await stack.querySubgraph('justice', byIdQuery, { id }, 'police-officer');
    expect(byIdPolice.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('shows a 戴南镇 mediator only the cases of 戴南镇', async () => {
    const all = demoDisputes().filter((d) => d.agencies.justice);
    const dainan = all.filter((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN));
    expect(dainan.length).toBeGreaterThan(0);
    expect(dainan.length).toBeLessThan(all.length);
    const result = await stack.querySubgraph<{ mediationCases: { totalCount: number; edges: { node: { regionCode: string } }[] } }>(
      'justice',
      '{ mediationCases(first: 100) { totalCount edges { node { regionCode } } } }',
      {},
      'mediator',
    );
    const page = result.body.data!.mediationCases;
    expect(page.totalCount).toBe(dainan.length);
    expect(page.edges).toHaveLength(dainan.length);
    expect(page.edges.every((e) => e.node.regionCode.startsWith(DEMO_TOWN_DAINAN))).toBe(true);

    const elsewhere = all.find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
    const byId = await stack.querySubgraph('justice', 'query($id: ID!) { mediationCase(id: $id) { id } }', { id: demoId('mediation-case', elsewhere.n) }, 'mediator');
    expect(byId.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const contributed = await stack.querySubgraph<{ _entities: { mediations: unknown[] }[] }>(
      'justice',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { mediations { caseNumber } } } }',
      { r: all.map((d) => ({ __typename: 'Dispute', id: d.id })) },
      'mediator',
    );
    expect(contributed.body.data!._entities.map((e) => e.mediations.length)).toEqual(all.map((d) => (d.regionCode.startsWith(DEMO_TOWN_DAINAN) ? 1 : 0)));
  });

  it('answers _entities for a case the caller may not see with null', async () => {
    const all = demoDisputes().filter((d) => d.agencies.justice);
    const inDainan = demoId('mediation-case', all.find((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN))!.n);
    const elsewhere = demoId('mediation-case', all.find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!.n);
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on MediationCase { id caseNumber } } }';
    const r = [{ __typename: 'MediationCase', id: inDainan }, { __typename: 'MediationCase', id: elsewhere }];
    const asPolice = await stack.querySubgraph<{ _entities: unknown[] }>('justice', q, { r }, 'police-officer');
    expect(asPolice.body.data!._entities).toEqual([null, null]);
    const asAnonymous = await stack.querySubgraph<{ _entities: unknown[] }>('justice', q, { r });
    expect(asAnonymous.body.data!._entities).toEqual([null, null]);
    const asMediator = await stack.querySubgraph<{ _entities: ({ id: string } | null)[] }>('justice', q, { r }, 'mediator');
    expect(asMediator.body.data!._entities.map((e) => e?.id ?? null)).toEqual([inDainan, null]);
    const asLegalAid = await stack.querySubgraph<{ _entities: ({ id: string } | null)[] }>('justice', q, { r }, 'legal-aid');
    expect(asLegalAid.body.data!._entities.map((e) => e?.id ?? null)).toEqual([inDainan, elsewhere]);
  });
});

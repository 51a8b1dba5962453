import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

const DISPUTE_PAGE = `query DisputePage($first: Int!) {
  disputes(first: $first) {
    totalCount
    edges {
      node {
        id number category region { name parent { name } }
        mediations { caseNumber organizationName }
        courtCases { caseNumber }
        policeIncidents { incidentNumber }
        procuratorateCases { caseNumber }
        petitions { itemNumber }
      }
    }
  }
}`;

interface DisputeNode {
  id: string;
  number: string;
  region: { name: string } | null;
  mediations: unknown[] | null;
  courtCases: unknown[] | null;
  policeIncidents: unknown[] | null;
  procuratorateCases: unknown[] | null;
  petitions: unknown[] | null;
}
type Page = { disputes: { totalCount: number; edges: { node: DisputeNode }[] } };

const CONTRIBUTIONS = ['mediations', 'courtCases', 'policeIncidents', 'procuratorateCases', 'petitions'] as const;

describe('the dispute view through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true, seedOptions: { disputeCount: 120 } });
  });
  afterAll(() => stack?.stop());

  it('joins records of all six agencies into one page of disputes', async () => {
    const { status, body } = await stack.query<Page>(DISPUTE_PAGE, { first: 50 }, 'leader');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.disputes.edges.map((e) => e.node);
    expect(body.data!.disputes.totalCount).toBe(120);
    expect(nodes).toHaveLength(50);
    for (const field of CONTRIBUTIONS) {
      expect(
        nodes.some((n) => (n[field]?.length ?? 0) > 0),
        `some dispute has ${field}`,
      ).toBe(true);
      expect(
        nodes.every((n) => Array.isArray(n[field])),
        `every dispute answers ${field}`,
      ).toBe(true);
    }
    expect(nodes.every((n) => n.region !== null)).toBe(true);
  });

  it('costs each subgraph the same number of SQL statements for 10 and for 100 disputes', async () => {
    const measure = async (first: number) => {
      for (const s of Object.values(stack.subgraphs)) s.queries.reset();
      const { body } = await stack.query<Page>(DISPUTE_PAGE, { first }, 'leader');
      expect(body.errors).toBeUndefined();
      expect(body.data!.disputes.edges).toHaveLength(first);
      return Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.queries.count]));
    };
    const ten = await measure(10);
    const hundred = await measure(100);
    console.log(`SQL statements per subgraph — 10 disputes: ${JSON.stringify(ten)}; 100 disputes: ${JSON.stringify(hundred)}`);
    expect(hundred).toEqual(ten);
    for (const count of Object.values(hundred)) expect(count).toBeLessThanOrEqual(4);
  });

  it('still answers with five agencies when the court is down, naming the court and hiding its URL', async () => {
    await stack.stopSubgraph('court');
    try {
      const { status, body } = await stack.query<Page>(DISPUTE_PAGE, { first: 10 }, 'leader');
      expect(status).toBe(200);
      const nodes = body.data!.disputes.edges.map((e) => e.node);
      expect(nodes).toHaveLength(10);
      expect(nodes.every((n) => n.courtCases === null)).toBe(true);
      expect(nodes.every((n) => Array.isArray(n.mediations) && Array.isArray(n.petitions))).toBe(true);
      const errors = body.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
        expect(error.extensions?.service).toBe('COURT');
        expect(error.message).toContain('法院');
      }
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|http:\/\/|ECONNREFUSED|stack/i);
    } finally {
      await stack.startSubgraph('court');
    }
    const { body } = await stack.query<Page>(DISPUTE_PAGE, { first: 10 }, 'leader');
    expect(body.errors).toBeUndefined();
  });

  it('masks internal errors: bad input is coded, unknown failures show no internals', async () => {
    const bad = await stack.query<{ dispute: null }>('query { dispute(id: "not-a-uuid") { id } }', {}, 'hub-coordinator');
    expect(bad.body.errors![0]!.extensions!.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors![0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    const invalid = await stack.query('query { disputes(first: 1) { nope } }', {}, 'hub-coordinator');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

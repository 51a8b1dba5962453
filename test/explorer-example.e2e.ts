// The explorer's first tab is an example a newcomer can run: as written, with its variables and the
// development token its comment tells them to add, it answers data and no error through the gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPLORER_QUERY } from '@jiefen/gateway';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

describe("the explorer's example query", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  it('runs as the leader (the token its comment names) and shows disputes with their court cases', async () => {
    expect(DEFAULT_EXPLORER_QUERY).toContain('npm run -s token -- leader');
    expect(DEFAULT_EXPLORER_QUERY).toContain('"Authorization": "Bearer');
    const { body } = await stack.query<{ disputes: { totalCount: number; edges: { node: { statusLabel: string; courtCases: unknown[] | null } }[] } }>(
      DEFAULT_EXPLORER_QUERY,
      { first: 5 },
      'leader',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.disputes.totalCount).toBeGreaterThan(0);
    expect(body.data!.disputes.edges[0]!.node.statusLabel).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('without a token is refused with the code the comment explains', async () => {
    const { body } = await stack.query(DEFAULT_EXPLORER_QUERY, { first: 5 });
    expect(body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

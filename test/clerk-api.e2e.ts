// What a clerk meets first through the gateway: the explorer's example runs as written (with the
// development token its comment tells them to add), and a field they may not read is null with its
// own FORBIDDEN error while the rest of the answer stands (GraphQL partial results).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPLORER_QUERY } from '@jiefen/gateway';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

describe("a clerk's first queries through the gateway", () => {
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

  it("answers an indicator report with the blocks a mediator may read, and null plus FORBIDDEN at each other agency's block", async () => {
    const REPORT = `query($period: IndicatorPeriod!) {
      indicators(regionCode: "321281123", period: $period) {
        regionCode
        region { code name }
        court { civilCasesReceived }
        petition { registered }
        procuratorate { referrals }
      }
    }`;
    const period = { period: { from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' } };
    const { body } = await stack.query<{ indicators: Record<string, unknown> }>(REPORT, period, 'mediator');
    // The report and its region, readable by anyone in the jurisdiction, are not blanked by the blocks the caller may not read.
    expect(body.data!.indicators).toEqual({
      regionCode: '321281123',
      region: { code: '321281123', name: '戴南镇' },
      court: null,
      petition: null,
      procuratorate: null,
    });
    const forbidden = body.errors!.map((e) => ({ path: e.path, code: e.extensions!.code }));
    expect(forbidden).toEqual(
      expect.arrayContaining([
        { path: ['indicators', 'court'], code: 'FORBIDDEN' },
        { path: ['indicators', 'petition'], code: 'FORBIDDEN' },
        { path: ['indicators', 'procuratorate'], code: 'FORBIDDEN' },
      ]),
    );
    // The leader reads them all, in the same shape.
    const leader = await stack.query<{ indicators: Record<string, unknown> }>(REPORT, period, 'leader');
    expect(leader.body.errors).toBeUndefined();
    for (const block of ['court', 'petition', 'procuratorate']) expect(leader.body.data!.indicators[block], block).not.toBeNull();
  });
});

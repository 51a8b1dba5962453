// The dashboard's one request through the gateway: a county's report with the court's block, its
// children and trend, as the leader, as court staff and out of jurisdiction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type GqlBody, type Stack } from '@jiefen/testing';

const REPORT = `query($code: String!, $period: IndicatorPeriod!) {
  indicators(regionCode: $code, period: $period) {
    regionCode label population region { name }
    court { civilCasesReceived divertedPreFiling diversionRate filings filingsPer10k ranking(indicator: CIVIL_CASES_RECEIVED) { rank regionCode value } }
    children { regionCode region { name } court { civilCasesReceived } }
    trend(granularity: QUARTER) { label from court { civilCasesReceived } }
  }
}`;

describe('the indicator report', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  it('answers the county as the leader: the court block, children and trend add up', async () => {
    const year = new Date().getFullYear();
    const { body } = (await stack.query(REPORT, { code: '321281', period: { year } }, 'leader')) as { body: GqlBody };
    expect(body.errors).toBeUndefined();
    const r = body.data!.indicators;
    expect(r.label).toBe(`${year}年`);
    expect(r.region.name).toBe('兴化市');
    const total = r.court.civilCasesReceived as number;
    const children = (r.children as { court: { civilCasesReceived: number } }[]).reduce((n, c) => n + c.court.civilCasesReceived, 0);
    const trend = (r.trend as { court: { civilCasesReceived: number } }[]).reduce((n, c) => n + c.court.civilCasesReceived, 0);
    expect(r.trend).toHaveLength(4);
    expect(trend).toBe(total);
    expect(children).toBeLessThanOrEqual(total);
  });
});

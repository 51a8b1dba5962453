// The justice and police blocks of the one indicator report through the gateway: who reads which
// block, the hub's children and trend adding up to the report, and what a page of children costs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type GqlBody, type Stack } from '@jiefen/testing';
import { chinaDate } from '@jiefen/calendar';

const JUSTICE = [
  'casesReceived',
  'casesConcluded',
  'agreements',
  'agreementAmount',
  'agreementsDue',
  'agreementsPerformed',
  'returnVisitsDue',
  'legalAidDecided',
  'legalAidAssigned',
];
const POLICE = [
  'incidents',
  'nonPoliceIncidents',
  'nonPoliceDiverted',
  'mediationsConcluded',
  'mediationsAgreed',
  'transfersSent',
  'transfersAccepted',
  'transfersSucceeded',
];
const BLOCKS = `justice { ${JUSTICE.join(' ')} mediationSuccessRate performanceRate legalAidReviewRate } police { ${POLICE.join(' ')} nonPoliceDiversionRate mediationSuccessRate }`;
const REPORT = `query($code: String!, $period: IndicatorPeriod!) {
  indicators(regionCode: $code, period: $period) {
    regionCode ${BLOCKS}
    children { regionCode ${BLOCKS} }
    trend(granularity: MONTH) { label ${BLOCKS} }
  }
}`;

type Block = Record<string, number | null>;
interface Report {
  regionCode: string;
  justice: Block | null;
  police: Block | null;
  children: Report[];
  trend: Report[];
}

describe('the indicator report: justice and police', () => {
  let stack: Stack;
  const period = { year: Number(chinaDate(new Date()).slice(0, 4)) };
  const report = async (code: string, as: string) =>
    (await stack.query(REPORT, { code, period }, as)).body as GqlBody & { data?: { indicators: Report | null } };
  const sum = (reports: Report[], block: 'justice' | 'police', k: string) => Math.round(reports.reduce((n, r) => n + (r[block]![k] as number), 0) * 100) / 100;

  // The three parallel fetches of a block (report, children, trend) share their statements when they
  // reach the agency within the window; on this one thread (gateway and six subgraphs in the test's
  // process) they arrive tens of milliseconds apart, so the window is wide here.
  const window = process.env.JIEFEN_INDICATOR_COALESCE_MS;
  beforeAll(async () => {
    process.env.JIEFEN_INDICATOR_COALESCE_MS = '400';
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(async () => {
    if (window === undefined) delete process.env.JIEFEN_INDICATOR_COALESCE_MS;
    else process.env.JIEFEN_INDICATOR_COALESCE_MS = window;
    await stack?.stop();
  });

  it('answers both blocks to the leader; the towns and the months add up to the county', async () => {
    const { data, errors } = await report('321281', 'leader');
    expect(errors).toBeUndefined();
    const county = data!.indicators!;
    expect(county.children.length).toBeGreaterThan(20);
    expect(county.trend).toHaveLength(12);
    for (const k of JUSTICE) {
      expect(sum(county.children, 'justice', k), `children justice.${k}`).toBe(county.justice![k]);
      expect(sum(county.trend, 'justice', k), `trend justice.${k}`).toBe(county.justice![k]);
    }
    for (const k of POLICE) {
      expect(sum(county.children, 'police', k), `children police.${k}`).toBe(county.police![k]);
      expect(sum(county.trend, 'police', k), `trend police.${k}`).toBe(county.police![k]);
    }
    expect(county.justice!.casesReceived).toBeGreaterThan(0);
    expect(county.police!.incidents).toBeGreaterThan(0);
  });

  it("answers an agency's staff its own block only, and nothing out of their jurisdiction", async () => {
    const forbiddenOnly = (errors: GqlBody['errors'], block: string) => {
      expect(errors!.length).toBeGreaterThan(0);
      for (const e of errors!) {
        expect(e.extensions!.code).toBe('FORBIDDEN');
        expect(e.path!.at(-1)).toBe(block);
      }
    };
    // Justice staff (the county's legal aid center): justice everywhere, police nowhere.
    const justice = await report('321281', 'legal-aid');
    expect(justice.data!.indicators!.justice!.casesReceived).toBeGreaterThan(0);
    expect(justice.data!.indicators!.police).toBeNull();
    expect(justice.data!.indicators!.children.every((c) => c.justice && c.police === null)).toBe(true);
    forbiddenOnly(justice.errors, 'police');
    // Police staff of 戴南派出所 on 戴南镇: police, not justice.
    const police = await report('321281123', 'police-officer');
    expect(police.data!.indicators!.police!.incidents).toBeGreaterThan(0);
    expect(police.data!.indicators!.justice).toBeNull();
    forbiddenOnly(police.errors, 'justice');
    // The station's officer on the whole county, a mediator on another town: out of jurisdiction.
    for (const [code, who] of [
      ['321281', 'police-officer'],
      ['321281001', 'mediator'],
    ] as const) {
      const outside = await report(code, who);
      expect(outside.data?.indicators ?? null, `${who} on ${code}`).toBeNull();
      expect(outside.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('costs each agency one statement per source, for a county of towns as for a town of villages', async () => {
    const statements = async (code: string) => {
      stack.subgraphs.justice!.queries.reset();
      stack.subgraphs.police!.queries.reset();
      const { data, errors } = await report(code, 'leader');
      expect(errors).toBeUndefined();
      return { children: data!.indicators!.children.length, justice: stack.subgraphs.justice!.queries.count, police: stack.subgraphs.police!.queries.count };
    };
    const county = await statements('321281');
    const town = await statements('321281123');
    expect(county.children).not.toBe(town.children);
    // One statement per source (justice: cases, agreements, return visits, legal aid; police:
    // incidents, mediations, transfers) for the report, its children and its trend together: a
    // county reads the totals, and one more statement for each source with figures that read the
    // clock (justice: agreements due, return visits due). A town reads its totals too, at the same
    // cost: the count does not grow with the children or with the history.
    expect({ justice: county.justice, police: county.police }).toEqual({ justice: 6, police: 3 });
    expect({ justice: town.justice, police: town.police }).toEqual({ justice: 6, police: 3 });
    console.log(`statements for a report with ${county.children} children / ${town.children} children:`, county, town);
  });
});

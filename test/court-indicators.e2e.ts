// 万人成讼率 through the gateway: the court's block @requires the region's population, which only the
// hub holds; the gateway fetches it from governance and hands it to the court with the report's key.
// The figures equal a count by hand on the court's table and the hub's region table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY, DEMO_TOWN_DAINAN } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { recentDays, startStack, type Stack } from '@jiefen/testing';

const REPORT = `query($code: String!, $period: IndicatorPeriod!) {
  indicators(regionCode: $code, period: $period) {
    regionCode population
    court { civilCasesReceived filings filingsPer10k }
    children { regionCode population court { filings filingsPer10k } }
  }
}`;
type Court = { civilCasesReceived?: number; filings: number; filingsPer10k: number | null };
type Report = { regionCode: string; population: number | null; court: Court; children: Report[] };

describe('the court block through the gateway: 万人成讼率 over the hub population', () => {
  let stack: Stack;
  const period = recentDays();
  const sql = async (name: string, text: string, params: unknown[]) =>
    (await stack.subgraphs[name]!.orm.em.getConnection().execute<Record<string, string | number | null>[]>(text, params))[0]!;
  /** Filings and civil cases counted by hand, and the population the hub keeps for the region. */
  const byHand = async (regionCode: string) => {
    const during = (column: string) => `${column} >= ? and ${column} < ?`;
    const c = await sql(
      'court',
      `select count(*) filter (where ${during('received_at')}) as received, count(*) filter (where ${during('filed_at')}) as filings
      from court_case where region_code like ?`,
      [period.from, period.to, period.from, period.to, `${regionCode}%`],
    );
    const r = await sql('governance', 'select population from region where code = ?', [regionCode]);
    return { received: Number(c.received), filings: Number(c.filings), population: r.population === null ? null : Number(r.population) };
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  it('answers the county and its towns with filings per 10,000 residents of the hub population, null where it is unknown', async () => {
    const { body } = await stack.query<{ indicators: Report }>(
      REPORT,
      { code: DEMO_COUNTY, period: { from: period.from.toISOString(), to: period.to.toISOString() } },
      'leader',
    );
    expect(body.errors).toBeUndefined();
    const county = body.data!.indicators;
    const hand = await byHand(DEMO_COUNTY);
    expect(hand.filings).toBeGreaterThan(0);
    expect(hand.population).toBe(1_120_000);
    expect(county.population).toBe(hand.population);
    expect(county.court).toEqual({
      civilCasesReceived: hand.received,
      filings: hand.filings,
      filingsPer10k: Math.round(((hand.filings * 10_000) / hand.population!) * 100) / 100,
    });
    const dainan = county.children.find((c) => c.regionCode === DEMO_TOWN_DAINAN)!;
    const town = await byHand(DEMO_TOWN_DAINAN);
    expect(town.population).toBe(86_000);
    expect(dainan.court).toEqual({ filings: town.filings, filingsPer10k: Math.round(((town.filings * 10_000) / town.population!) * 100) / 100 });
    // A town the hub has no population for: its filings, and no rate.
    const unknown = county.children.filter((c) => c.population === null);
    expect(unknown.length).toBeGreaterThan(0);
    for (const c of unknown) expect(c.court.filingsPer10k, c.regionCode).toBeNull();
  });

  it('answers court staff the same block and the other agencies null with FORBIDDEN', async () => {
    const q = `query($code: String!, $period: IndicatorPeriod!) { indicators(regionCode: $code, period: $period) { court { filingsPer10k } petition { registered } procuratorate { referrals } } }`;
    const { body } = await stack.query<{ indicators: Record<string, unknown> }>(
      q,
      { code: DEMO_COUNTY, period: { from: period.from.toISOString(), to: period.to.toISOString() } },
      'court-staff',
    );
    expect(body.data!.indicators.court).not.toBeNull();
    expect(body.data!.indicators).toMatchObject({ petition: null, procuratorate: null });
    expect(body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual(
      expect.arrayContaining([
        [['indicators', 'petition'], 'FORBIDDEN'],
        [['indicators', 'procuratorate'], 'FORBIDDEN'],
      ]),
    );
  });
});

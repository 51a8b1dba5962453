import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysToDate, chinaDate, periodBuckets, startOfChinaDay } from '@jiefen/calendar';
import type { Caller } from '@jiefen/auth';
import type { SubgraphDefinition } from '@jiefen/subgraph-kit';
import { startStack, type Stack } from './stack.js';

/** A region (a LIKE pattern on `region_code`: `321281%` for the county and all below it, `321281` for itself alone) and a period. */
export interface HandCountScope {
  like: string;
  from: Date;
  to: Date;
}

/** SQL straight on the agency's tables (`?` placeholders), as the test writes it by hand. */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** One row of the persona table: who asks (a persona, a named caller or `anonymous`) for which region, and whether they read the block or get null and FORBIDDEN. */
export interface IndicatorPersonaCase {
  as: string;
  regionCode?: string;
  expect: 'READS' | 'FORBIDDEN';
}

export interface IndicatorBlockSuite<F extends string> {
  /** The agency's subgraph: started alone, seeded with the demo story. */
  subgraph: SubgraphDefinition;
  /** The block's field on `IndicatorReport` (`petition`). */
  field: string;
  /** The region the tests read (the demo county) and its child regions (towns). */
  region: string;
  children: readonly string[];
  /** The period counted: every demo record falls inside it. */
  period: { from: Date; to: Date };
  /** Each event figure of the block counted by hand for one scope; a figure counts events, so it adds up over regions and periods. */
  handCount(sql: Sql, scope: HandCountScope): Promise<Record<F, number>>;
  /** The block's rates from the hand-counted figures of a region (null when the denominator is 0). */
  rates: Record<string, (figures: Record<NoInfer<F>, number>, regionCode: string) => number | null>;
  /** Figures the demo story (with `prepare`) must make positive in the county, so the hand count cannot pass on zeros alone. */
  positive: readonly NoInfer<F>[];
  /** What the story lacks and a figure needs (a decision, a rating), done before anything is counted. */
  prepare?(stack: Stack): Promise<void>;
  /** Fields the agency's report `@requires` of the hub (population), as the gateway would send them. */
  requires?(regionCode: string): Record<string, unknown>;
  /** A rankable indicator (enum value) and the figure it ranks on. */
  ranking: { indicator: string; figure: NoInfer<F> };
  /** Callers by name besides the personas. */
  callers?: Record<string, Caller>;
  personas: readonly IndicatorPersonaCase[];
  /** Statements one request costs, whatever its scopes: one per source (report, children and trend together). */
  statements: number;
}

/**
 * The China days from `days` days ago up to the end of today: the demo story (the last hundred days,
 * nothing after its "now") lies wholly inside the last 200.
 */
export function recentDays(days = 200, now = new Date()): { from: Date; to: Date } {
  const today = chinaDate(now);
  return { from: startOfChinaDay(addDaysToDate(today, -days)), to: startOfChinaDay(addDaysToDate(today, 1)) };
}

type Block = Record<string, number | null>;
interface Report {
  regionCode: string;
  block: Block | null;
}

/**
 * The tests every agency's indicator block owes (written once): the demo county's figures equal a
 * count by hand on the agency's tables, for the county, a town and a month; the persona table
 * (the agency's staff and leaders in their jurisdiction read; anyone else gets null and FORBIDDEN);
 * children and the trend add up to the whole; ranking agrees with the children; and the SQL
 * statements of a request do not grow with the number of children or trend points.
 */
export function indicatorBlockConformance<F extends string>(suite: IndicatorBlockSuite<F>): void {
  const name = suite.subgraph.name;
  describe(`indicator block: IndicatorReport.${suite.field}`, () => {
    let stack: Stack;
    let figures: string[];
    const sql: Sql = async (text, params = []) => stack.subgraphs[name]!.orm.em.getConnection().execute(text, params);
    const representation = (regionCode: string, from: Date, to: Date) => ({
      __typename: 'IndicatorReport',
      regionCode,
      from: from.toISOString(),
      to: to.toISOString(),
      ...suite.requires?.(regionCode),
    });
    /** The reports for these keys through `_entities`, as the gateway asks for them. */
    const read = async (keys: { regionCode: string; from: Date; to: Date }[], as: string | Caller = 'leader', selection?: string) => {
      const fields = selection ?? [...figures, ...Object.keys(suite.rates)].join(' ');
      const result = await stack.querySubgraph<{ _entities: ({ regionCode: string } & Record<string, Block | null>)[] }>(
        name,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { regionCode ${suite.field} { ${fields} } } } }`,
        { r: keys.map((k) => representation(k.regionCode, k.from, k.to)) },
        typeof as === 'string' ? (as === 'anonymous' ? null : (suite.callers?.[as] ?? as)) : as,
      );
      const reports: Report[] = (result.body.data?._entities ?? []).map((e) => ({ regionCode: e.regionCode, block: e[suite.field] ?? null }));
      return { reports, errors: result.body.errors ?? [] };
    };
    const sum = (blocks: Block[], figure: string) => blocks.reduce((n, b) => n + (b[figure] as number), 0);

    beforeAll(async () => {
      stack = await startStack({ subgraphs: [suite.subgraph], gateway: false, seed: true });
      await suite.prepare?.(stack);
      figures = Object.keys(await suite.handCount(sql, { like: `${suite.region}%`, ...suite.period }));
    });
    afterAll(() => stack?.stop());

    it('counts what a count by hand on the tables finds: the county, a town and the last month, with their rates', async () => {
      const { from, to } = suite.period;
      const lastMonth = periodBuckets(from, to, 'MONTH').at(-1)!;
      const scopes = [
        { regionCode: suite.region, from, to },
        { regionCode: suite.children[0]!, from, to },
        { regionCode: suite.region, from: lastMonth.from, to: lastMonth.to },
      ];
      const { reports, errors } = await read(scopes);
      expect(errors).toEqual([]);
      for (const [i, scope] of scopes.entries()) {
        const hand = await suite.handCount(sql, { like: `${scope.regionCode}%`, from: scope.from, to: scope.to });
        const expected = { ...hand, ...Object.fromEntries(Object.entries(suite.rates).map(([rate, of]) => [rate, of(hand, scope.regionCode)])) };
        expect(reports[i]!.block, `${scope.regionCode} ${scope.from.toISOString()}`).toEqual(expected);
        if (i === 0) for (const figure of suite.positive) expect(hand[figure], figure).toBeGreaterThan(0);
      }
    });

    it('answers the persona table: the agency and leaders in their jurisdiction read, anyone else null and FORBIDDEN', async () => {
      for (const row of suite.personas) {
        const regionCode = row.regionCode ?? suite.region;
        const { reports, errors } = await read([{ regionCode, ...suite.period }], row.as, suite.ranking.figure);
        const label = `${row.as} on ${regionCode}`;
        if (row.expect === 'READS') {
          expect(errors, label).toEqual([]);
          expect(reports[0]!.block, label).not.toBeNull();
        } else {
          expect(reports[0]!.block, label).toBeNull();
          expect(
            errors.map((e) => ({ path: e.path, code: e.extensions?.code })),
            label,
          ).toEqual([{ path: ['_entities', 0, suite.field], code: 'FORBIDDEN' }]);
        }
      }
    });

    it('adds up: the children with what lies at the region itself, and the trend by month, make the whole', async () => {
      const { from, to } = suite.period;
      const months = periodBuckets(from, to, 'MONTH');
      const { reports } = await read([
        { regionCode: suite.region, from, to },
        ...suite.children.map((regionCode) => ({ regionCode, from, to })),
        ...months.map((m) => ({ regionCode: suite.region, from: m.from, to: m.to })),
      ]);
      const whole = reports[0]!.block!;
      const children = reports.slice(1, 1 + suite.children.length).map((r) => r.block!);
      const trend = reports.slice(1 + suite.children.length).map((r) => r.block!);
      const itself = await suite.handCount(sql, { like: suite.region, from, to });
      expect(trend).toHaveLength(months.length);
      for (const figure of figures) {
        expect(sum(children, figure) + itself[figure as F], `children: ${figure}`).toBe(whole[figure]);
        expect(sum(trend, figure), `trend: ${figure}`).toBe(whole[figure]);
      }
    });

    it('ranks the children on an indicator as their own blocks read', async () => {
      const { from, to } = suite.period;
      const { figure, indicator } = suite.ranking;
      const result = await stack.querySubgraph<{
        _entities: Record<string, { ranking: { rank: number | null; regionCode: string; value: number | null }[] }>[];
      }>(
        name,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { ${suite.field} { ranking(indicator: ${indicator}) { rank regionCode value } } } } }`,
        { r: [representation(suite.region, from, to)] },
        'leader',
      );
      const ranking = result.body.data!._entities[0]![suite.field]!.ranking;
      const { reports } = await read(
        suite.children.map((regionCode) => ({ regionCode, from, to })),
        'leader',
        figure,
      );
      const own = new Map(reports.map((r, i) => [suite.children[i]!, r.block![figure] as number]));
      // Each ranked child with its own block's value; a child left out has no record in the period.
      for (const r of ranking) expect(r.value, r.regionCode).toBe(own.get(r.regionCode));
      const ranked = new Set(ranking.map((r) => r.regionCode));
      expect([...own].filter(([code, value]) => value > 0 && !ranked.has(code))).toEqual([]);
      expect(ranking.length).toBeGreaterThan(1);
      expect(ranking.map((r) => r.value)).toEqual(ranking.map((r) => r.value).sort((a, b) => (b ?? -1) - (a ?? -1)));
      expect(ranking[0]!.rank).toBe(1);
    });

    it('costs the same SQL statements for one child as for every child and every month of the trend', async () => {
      const { from, to } = suite.period;
      const queries = stack.subgraphs[name]!.queries;
      const statements = async (keys: { regionCode: string; from: Date; to: Date }[]) => {
        queries.reset();
        const { errors } = await read(keys);
        expect(errors).toEqual([]);
        return queries.count;
      };
      const one = await statements([
        { regionCode: suite.region, from, to },
        { regionCode: suite.children[0]!, from, to },
      ]);
      expect(one).toBe(suite.statements);
      // The trend's whole months are read from the sources' totals, its partial first and last
      // months from the records: one statement more per source, for two months as for all of them.
      const months = periodBuckets(from, to, 'MONTH').map((m) => ({ regionCode: suite.region, from: m.from, to: m.to }));
      const few = await statements([
        { regionCode: suite.region, from, to },
        { regionCode: suite.children[0]!, from, to },
        ...months.slice(0, 2),
        months.at(-1)!,
      ]);
      const all = await statements([{ regionCode: suite.region, from, to }, ...suite.children.map((regionCode) => ({ regionCode, from, to })), ...months]);
      expect(all).toBe(few);
      expect(few).toBeLessThanOrEqual(2 * one);
    });
  });
}

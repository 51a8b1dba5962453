import DataLoader from 'dataloader';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root, registerEnumType, type ClassType } from 'type-graphql';
import { readsIndicators, type Agency } from '@jiefen/auth';
import { DomainError } from '../errors.js';
import type { SubgraphContext } from '../subgraph.js';
import {
  agencyIndicatorReport,
  IndicatorRank,
  IndicatorReport,
  indicatorScopeKey,
  RankingOrderEnum,
  type IndicatorScope,
  type RankingOrder,
} from './report.js';
import { coalesceMsFromEnv, ScopeCoalescer } from './coalesce.js';
import { countChildren, countScopes, zeroCounts, type Counts, type IndicatorSource } from './sql.js';
import { rollupObjects } from './rollup.js';

/** Where the block's type keeps the scope it was computed for (its ranking ranks that scope's children). */
const SCOPE = Symbol('indicator scope');
type Scoped<T> = T & { [SCOPE]?: IndicatorScope };

/** One indicator a leader can rank the child regions on: its Chinese name and how to read it off the block. */
export interface RankableIndicator<T> {
  name: string;
  value(block: T): number | null;
}

/**
 * Figures no single table holds — what was due, from the region tree and the calendar — counted by
 * the agency's own SQL: for many scopes at once (a page's report, children and trend in one
 * statement, like `countScopes`) and for the child regions of one scope (a ranking). `ctx` is the
 * agency's request context (its settings, its loaders).
 */
export interface IndicatorCounter<K extends string = string> {
  /** Each figure and what it counts. */
  measures: Record<K, string>;
  countScopes(ctx: SubgraphContext, scopes: readonly IndicatorScope[]): Promise<Counts<K>[]>;
  /** The figures of each child region of the scope (children absent from the map count zero). */
  countChildren(ctx: SubgraphContext, scope: IndicatorScope): Promise<Map<string, Counts<K>>>;
}

/** Where a block's figures come from: a table the kit counts (`IndicatorSource`) or the agency's own counter. */
export type IndicatorOrigin = IndicatorSource | IndicatorCounter;

const isCounter = (origin: IndicatorOrigin): origin is IndicatorCounter => 'countScopes' in origin;

function countOrigin(ctx: SubgraphContext, origin: IndicatorOrigin, scopes: readonly IndicatorScope[]): Promise<Counts[]> {
  return isCounter(origin) ? origin.countScopes(ctx, scopes) : countScopes(ctx.em, origin, scopes);
}

function countOriginChildren(ctx: SubgraphContext, origin: IndicatorOrigin, scope: IndicatorScope): Promise<Map<string, Counts>> {
  return isCounter(origin) ? origin.countChildren(ctx, scope) : countChildren(ctx.em, origin, scope);
}

/** The figure names of several sources together (each source's measures). */
export type FiguresOf<S extends readonly IndicatorOrigin[]> = S[number] extends infer X ? (X extends { measures: infer M } ? keyof M & string : never) : never;

export interface IndicatorBlockOptions<S extends readonly IndicatorOrigin[], T extends object, R extends IndicatorScope> {
  agency: Agency;
  /** The field on `IndicatorReport` (`court`, `justice`…). */
  field: string;
  description: string;
  /** The block's GraphQL type: counts, and rates whose descriptions name numerator and denominator. */
  type: ClassType<T>;
  /**
   * The agency's `IndicatorReport` class: its own when it declares `@external` fields it `@requires`,
   * the kit's `IndicatorReport` for the hub (which resolves the report); by default the block makes
   * one (`agencyIndicatorReport`), returned as `.report` for the subgraph's `orphanedTypes`.
   */
  report?: ClassType<R>;
  /** Extra federation directives on the field (`@requires(fields: "population")`). */
  fieldDirectives?: string[];
  /** The tables and figures, counted in SQL (by the kit, or by the agency's own counters); their figure names together make `K`. */
  sources: S;
  /** The block from the figures (rates computed here, with `ratio`). `report` is the entity as the gateway sent it. */
  toType(counts: Counts<FiguresOf<S>>, report: R): T;
  /** The indicators the block's `ranking` ranks child regions on: a GraphQL enum `<enum>` of them. */
  ranking: { enum: string; indicators: Record<string, RankableIndicator<T>> };
}

const loaders = new WeakMap<object, Map<string, DataLoader<IndicatorScope, Counts[], string>>>();

/** Each scope's figures, per source (in the sources' order). */
type SourceCounts = Counts[];

/** The request's loader for one agency block: every scope asked for in a tick → the block's statements (one per source, shared with the requests arriving with it). */
function loaderOf(
  ctx: SubgraphContext,
  field: string,
  shared: ScopeCoalescer<SubgraphContext, SourceCounts>,
): DataLoader<IndicatorScope, SourceCounts, string> {
  let mine = loaders.get(ctx);
  if (!mine) loaders.set(ctx, (mine = new Map()));
  let loader = mine.get(field);
  if (!loader) {
    loader = new DataLoader<IndicatorScope, SourceCounts, string>((scopes) => shared.load(ctx, scopes), { cacheKeyFn: indicatorScopeKey });
    mine.set(field, loader);
  }
  return loader;
}

/**
 * The region and period a block was computed for: a further field of the block (a breakdown by
 * channel, a list) reads it to count the same scope.
 */
export function indicatorScopeOf(block: object): IndicatorScope | null {
  return (block as Scoped<object>)[SCOPE] ?? null;
}

const merge = <K extends string>(parts: Counts[]): Counts<K> => Object.assign({}, ...parts) as Counts<K>;

/**
 * An agency's indicator block on `IndicatorReport`, written once for all six: the field (the
 * agency's own staff and leaders, inside their jurisdiction, read it — anyone else gets null and
 * `FORBIDDEN`), its per-request loader (a page's report, children and trend points in one statement
 * per source) and `ranking` of the child regions on any of its rankable indicators.
 */
export function createIndicatorBlock<const S extends readonly IndicatorOrigin[], T extends object, R extends IndicatorScope = IndicatorReport>(
  options: IndicatorBlockOptions<S, T, R>,
) {
  const Report = (options.report ?? agencyIndicatorReport()) as ClassType<R>;
  // The gateway asks an agency for a page's report, children and trend in three parallel requests;
  // the hub resolves them in one request, but its report's block, its children's and its trend's
  // reach the loader in different ticks. Either way they share one statement per source.
  const shared = new ScopeCoalescer<SubgraphContext, SourceCounts>(
    async (ctx, scopes) => {
      const perSource = await Promise.all(options.sources.map((source) => countOrigin(ctx, source, scopes)));
      return scopes.map((_, i) => perSource.map((counts) => counts[i]!));
    },
    () => coalesceMsFromEnv(),
  );
  const codes = Object.keys(options.ranking.indicators);
  const RankEnum = Object.fromEntries(codes.map((c) => [c, c])) as Record<string, string>;
  registerEnumType(RankEnum, {
    name: options.ranking.enum,
    description: `可排名的指标(${options.description})`,
    valuesConfig: Object.fromEntries(codes.map((c) => [c, { description: options.ranking.indicators[c]!.name }])),
  });

  function authorize(ctx: SubgraphContext, regionCode: string): void {
    if (!readsIndicators(ctx.caller, options.agency, regionCode)) throw DomainError.forbidden('无权查看该区划的这些指标(限本机关人员与领导,且在辖区内)');
  }

  @Resolver(() => Report)
  class BlockResolver {
    @FieldResolver(() => options.type, { name: options.field, nullable: true, description: options.description })
    async block(@Root() report: R, @Ctx() ctx: SubgraphContext): Promise<T> {
      authorize(ctx, report.regionCode);
      const counts = await loaderOf(ctx, options.field, shared).load({ regionCode: report.regionCode, from: report.from, to: report.to });
      const block = options.toType(merge<FiguresOf<S>>(counts), report) as Scoped<T>;
      block[SCOPE] = { regionCode: report.regionCode, from: report.from, to: report.to };
      return block;
    }
  }
  for (const directive of options.fieldDirectives ?? []) {
    // The same as writing @Directive(directive) above the method, for a class made here.
    Directive(directive)(BlockResolver.prototype, 'block', Object.getOwnPropertyDescriptor(BlockResolver.prototype, 'block')!);
  }

  @Resolver(() => options.type)
  class RankingResolver {
    @FieldResolver(() => [IndicatorRank], { description: '下级区划在所选指标上的排名(同一期间;期间内无记录的下级区划不列)Child regions ranked' })
    async ranking(
      @Root() block: Scoped<T>,
      @Arg('indicator', () => RankEnum, { description: '排名所依的指标' }) indicator: string,
      @Arg('order', () => RankingOrderEnum, { defaultValue: 'DESC' }) order: RankingOrder,
      @Arg('limit', () => Int, { nullable: true, description: '只取前若干名' }) limit: number | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<IndicatorRank[]> {
      const scope = block[SCOPE];
      if (!scope) return [];
      if (limit != null && (limit < 1 || limit > 1000)) throw DomainError.validation('limit', '排名条数须在 1 到 1000 之间');
      authorize(ctx, scope.regionCode);
      const perSource = await Promise.all(options.sources.map((source) => countOriginChildren(ctx, source, scope)));
      const children = [...new Set(perSource.flatMap((m) => [...m.keys()]))];
      const read = options.ranking.indicators[indicator]!;
      const rows = children.map((regionCode) => {
        const counts = merge<FiguresOf<S>>(perSource.map((m, i) => m.get(regionCode) ?? zeroCounts(options.sources[i]!)));
        const report = { regionCode, from: scope.from, to: scope.to } as R;
        return { regionCode, value: read.value(options.toType(counts, report)) };
      });
      const sign = order === 'DESC' ? -1 : 1;
      rows.sort((a, b) => (a.value == null ? 1 : b.value == null ? -1 : sign * (a.value - b.value)) || a.regionCode.localeCompare(b.regionCode));
      let rank = 0;
      let previous: number | null = null;
      const ranked = rows.map((row, i) => {
        if (row.value !== previous) rank = i + 1;
        previous = row.value;
        return { ...row, rank: row.value == null ? null : rank };
      });
      return limit != null ? ranked.slice(0, limit) : ranked;
    }
  }

  // The resolvers to spread into the subgraph's list, the report class to list in its `orphanedTypes`,
  // and the totals its sources keep (`derived` of the subgraph's database).
  const derived = options.sources.filter((s): s is IndicatorSource => !isCounter(s) && !!s.rollup).map((s) => rollupObjects(s));
  return Object.assign([BlockResolver, RankingResolver] as const, { report: Report, derived });
}

import { Directive, Field, Float, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { DomainError } from '../errors.js';

/**
 * One region and one period, the entity every agency adds its indicators to. The hub (governance)
 * answers `indicators(regionCode, period)` and owns the region, the label, children and the trend;
 * each agency resolves its own block (`court`, `justice`…) from its own database. The key is the
 * region and the period itself, so a trend or the children of a region are just more keys, batched
 * by each agency into one statement.
 */
@Directive('@key(fields: "regionCode from to")')
@ObjectType('IndicatorReport', { description: '指标报告:一个区划、一个统计期间;各机关在其上给出本机关指标 Indicators for one region and one period' })
export class IndicatorReport {
  @Field(() => String, { description: '区划代码(2、4、6、9 或 12 位)' })
  regionCode!: string;

  @Field(() => Date, { description: '期间起(含)' })
  from!: Date;

  @Field(() => Date, { description: '期间止(不含)' })
  to!: Date;
}

/**
 * An agency's own `IndicatorReport` class: the key only, to which its block is added. type-graphql
 * keeps the fields a resolver adds to a class on the class itself, for every schema built in the
 * process: two subgraphs adding blocks to one shared class would each print the other's fields (the
 * schema printer and a test stack build all six in one process). So the hub keeps `IndicatorReport`
 * and every other agency reports on a class of its own.
 */
export function agencyIndicatorReport(): ClassType<IndicatorReport> {
  @Directive('@key(fields: "regionCode from to")')
  @ObjectType('IndicatorReport')
  class AgencyIndicatorReport {
    @Field(() => String)
    regionCode!: string;

    @Field(() => Date)
    from!: Date;

    @Field(() => Date)
    to!: Date;
  }
  return AgencyIndicatorReport;
}

/** The region and period of an indicator request, as each agency's loader batches them. */
export interface IndicatorScope {
  regionCode: string;
  from: Date;
  to: Date;
}

/** One scope's cache key in a per-request DataLoader (region and period). */
export function indicatorScopeKey(scope: IndicatorScope): string {
  return `${scope.regionCode}|${scope.from.toISOString()}|${scope.to.toISOString()}`;
}

/**
 * `_entities` hands the key as JSON (dates as strings): parsed and checked here, so no agency counts
 * over an invalid region or period whatever a representation says.
 */
export function indicatorReportReference<R extends IndicatorScope>(reference: Omit<R, 'from' | 'to'> & { from: string | Date; to: string | Date }): R {
  const from = new Date(reference.from);
  const to = new Date(reference.to);
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(reference.regionCode)) throw DomainError.validation('regionCode', '区划代码须为 2、4、6、9 或 12 位数字');
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to.getTime() <= from.getTime()) throw DomainError.validation('to', '统计期间无效');
  return { ...reference, from, to } as R;
}

export type RankingOrder = 'DESC' | 'ASC';
export const RankingOrderEnum: Record<RankingOrder, RankingOrder> = { DESC: 'DESC', ASC: 'ASC' };
registerEnumType(RankingOrderEnum, {
  name: 'RankingOrder',
  description: '排名次序',
  valuesConfig: { DESC: { description: '由高到低' }, ASC: { description: '由低到高' } },
});

// Every agency's block ranks with it: one type, resolved by each agency for its own block.
@Directive('@shareable')
@ObjectType('IndicatorRank', { description: '下级区划在一项指标上的排名 A child region ranked on one indicator' })
export class IndicatorRank {
  @Field(() => Int, { description: '名次(并列同名次);无数值者排在最后且无名次', nullable: true })
  rank!: number | null;

  @Field(() => String, { description: '下级区划代码' })
  regionCode!: string;

  @Field(() => Float, { nullable: true, description: '指标值(比率的分母为 0 时为空)' })
  value!: number | null;
}

/** A share rounded to four decimals, or null when the whole is zero (no rate of nothing). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** A count per 10,000 residents, two decimals (万人成讼率, 万人登记), or null when the population is unknown. */
export function per10k(count: number, population: number | null | undefined): number | null {
  return population ? Math.round((count / population) * 10_000 * 100) / 100 : null;
}

/** The child level of a region code: province 2 → city 4 → county 6 → town 9 → village 12. */
export function childCodeLength(regionCode: string): number | null {
  return ({ 2: 4, 4: 6, 6: 9, 9: 12 } as Record<number, number>)[regionCode.length] ?? null;
}

// Every agency's block may break a figure down: one type, resolved by each agency for its own block.
@Directive('@shareable')
@ObjectType('IndicatorBreakdown', { description: '一项指标按某一维度(渠道、类别、层级、等级等)的分组计数' })
export class IndicatorBreakdown {
  @Field(() => String, { description: '分组(代码或中文名称)' })
  key!: string;

  @Field(() => Int, { description: '数量' })
  count!: number;
}

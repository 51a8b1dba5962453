import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { namedPeriod, rangeLabel, type Granularity, type Period } from '@jiefen/calendar';
import { FieldErrors } from '../validate.js';

/** The longest period one indicator request may cover (a trend by day over it is still bounded). */
export const MAX_INDICATOR_PERIOD_MS = 5 * 366 * 86_400_000;

export const GranularityEnum: Record<Granularity, Granularity> = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH', QUARTER: 'QUARTER', YEAR: 'YEAR' };
registerEnumType(GranularityEnum, {
  name: 'Granularity',
  description: '趋势的时间粒度(北京时间的日历单位)Granularity of a trend',
  valuesConfig: {
    DAY: { description: '日' },
    WEEK: { description: '周(ISO 周,周一至周日)' },
    MONTH: { description: '月' },
    QUARTER: { description: '季度' },
    YEAR: { description: '年' },
  },
});

@InputType('IndicatorPeriod', {
  description:
    '统计期间:或给起止(from 含、to 不含),或给年份(可加季度、月份或 ISO 周之一),按北京时间。A statistics period: from/to, or a year with an optional quarter, month or ISO week',
})
export class IndicatorPeriodInput {
  @Field(() => Date, { nullable: true, description: '起(含)From, inclusive' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '止(不含)To, exclusive' })
  to?: Date | null;

  @Field(() => Int, { nullable: true, description: '年份(周为 ISO 周年)Year' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: '季度 1–4' })
  quarter?: number | null;

  @Field(() => Int, { nullable: true, description: '月份 1–12' })
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'ISO 周 1–53' })
  week?: number | null;
}

/**
 * The [from, to) a period input names, with its label; every wrong field refused at once as
 * `VALIDATION_FAILED` naming `<field>.<part>` (a range and a year together, an end before the start,
 * week 53 of a year without it, more than five years).
 */
export function resolveIndicatorPeriod(input: IndicatorPeriodInput, field = 'period'): Period {
  const errors = new FieldErrors();
  const named = input.year != null || input.quarter != null || input.month != null || input.week != null;
  const ranged = input.from != null || input.to != null;
  let period: Period | null = null;
  if (named && ranged) errors.add(field, '统计期间须为起止或年份(季度、月份、周)之一,不能同时给出');
  else if (ranged) {
    if (!input.from) errors.add(`${field}.from`, '统计期间须给出起');
    if (!input.to) errors.add(`${field}.to`, '统计期间须给出止');
    if (input.from && input.to) {
      if (input.to.getTime() <= input.from.getTime()) errors.add(`${field}.to`, '统计期间止须晚于起');
      else period = { from: input.from, to: input.to, label: rangeLabel(input.from, input.to) };
    }
  } else if (named) {
    if (input.year == null) errors.add(`${field}.year`, '按季度、月份或周统计须给出年份');
    else if ([input.quarter, input.month, input.week].filter((v) => v != null).length > 1) errors.add(field, '季度、月份、周只能给出其一');
    else {
      period = namedPeriod({ year: input.year, quarter: input.quarter, month: input.month, week: input.week });
      if (!period) {
        const part = input.week != null ? 'week' : input.month != null ? 'month' : input.quarter != null ? 'quarter' : 'year';
        errors.add(`${field}.${part}`, '该年份没有这一期间');
      }
    }
  } else errors.add(field, '须给出统计期间');
  if (period && period.to.getTime() - period.from.getTime() > MAX_INDICATOR_PERIOD_MS) errors.add(`${field}.to`, '统计期间不能超过 5 年');
  errors.done();
  return period!;
}

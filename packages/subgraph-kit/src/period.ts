import { Field, InputType } from 'type-graphql';
import { FieldErrors } from './validate.js';

/** A period of a list filter: from (inclusive) to (exclusive); either end may be open. */
@InputType('PeriodFilter', { description: '期间筛选:起(含)至止(不含),可只填一端 A period: from (inclusive) to (exclusive)' })
export class PeriodFilter {
  @Field(() => Date, { nullable: true, description: '起(含)From, inclusive' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '止(不含)To, exclusive' })
  to?: Date | null;
}

/**
 * The SQL conditions of a list's period filters, keyed by argument name with the column's
 * property: `{ registered: ['registeredAt', args.registered] }` → `[{ registeredAt: { $gte, $lt } }]`.
 * A period whose end is before its start is refused as `VALIDATION_FAILED` naming `<argument>.to`,
 * every such argument listed at once; an absent or empty period adds no condition.
 */
export function periodConditions(periods: Record<string, readonly [property: string, period: PeriodFilter | null | undefined]>): Record<string, unknown>[] {
  const errors = new FieldErrors();
  const conditions: Record<string, unknown>[] = [];
  for (const [name, [property, period]] of Object.entries(periods)) {
    if (!period || (!period.from && !period.to)) continue;
    if (period.from && period.to && period.from.getTime() > period.to.getTime()) {
      errors.add(`${name}.to`, '期间止不能早于期间起');
      continue;
    }
    const range: Record<string, Date> = {};
    if (period.from) range.$gte = period.from;
    if (period.to) range.$lt = period.to;
    conditions.push({ [property]: range });
  }
  errors.done();
  return conditions;
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 编号计数器 — the last number given in one series (a scope such as a county and day, or a year).
 * Taken by {@link nextNumber} in the numbering transaction under the row's lock: concurrent
 * registrations queue on it instead of racing for the same number, and a rolled-back one gives its
 * number back (gap-free).
 */
@Entity({ tableName: 'number_counter' })
export class NumberCounter {
  @PrimaryKey({ type: 'string', length: 80 })
  scope!: string;

  @Property({ type: 'integer' })
  last!: number;
}

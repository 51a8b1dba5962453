import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last unified number given per town and year. Incremented in the registering transaction
 * (row lock): concurrent registrations queue, and a rolled-back one gives its number back — gap-free.
 */
@Entity({ tableName: 'dispute_number_counter' })
export class DisputeNumberCounter {
  @PrimaryKey({ type: 'string', length: 9 })
  scope!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}

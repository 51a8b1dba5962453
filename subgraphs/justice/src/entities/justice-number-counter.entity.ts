import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last number given per series and year (调解案号, 协议书编号, 法援编号). Incremented in the
 * creating transaction (row lock): gap-free, and a rolled-back creation gives its number back.
 */
@Entity({ tableName: 'justice_number_counter' })
export class JusticeNumberCounter {
  @PrimaryKey({ type: 'string', length: 20 })
  series!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}

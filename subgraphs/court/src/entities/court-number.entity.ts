import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last sequence issued per case series, court and year: case numbers without gaps or duplicates. */
@Entity({ tableName: 'court_number' })
export class CourtNumber {
  @PrimaryKey({ type: 'string', length: 30 })
  series!: string;

  @PrimaryKey({ type: 'string', length: 10 })
  courtCode!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}

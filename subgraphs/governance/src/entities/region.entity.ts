import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 行政区划: GB/T 2260 (6 digits) and 统计用区划代码 (9-digit towns, 12-digit villages/communities). */
@Entity({ tableName: 'region' })
export class Region {
  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 10 })
  level!: string;

  @Index()
  @Property({ type: 'string', length: 12, nullable: true })
  parentCode?: string | null;

  @Property({ type: 'integer', nullable: true })
  population?: number | null;
}

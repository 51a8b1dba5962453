import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** 法律援助中心 — the county's (or a city's) legal aid institution. */
@Entity({ tableName: 'legal_aid_center' })
export class LegalAidCenter {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Unique()
  @Property({ type: 'string', length: 18 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The region it serves (a prefix of its cases' regions). */
  @Property({ type: 'string', length: 12 })
  regionCode!: string;
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 服务清单 — one item of the hub's public service list, drawn on for the one-time notification. */
@Entity({ tableName: 'service_item' })
export class ServiceItem {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Unique()
  @Property({ type: 'string', length: 20 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The region whose hub publishes the item (county or town): it applies to disputes there, and only that jurisdiction changes it. */
  @Index()
  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  /** VILLAGE / TOWN / COUNTY: where it is handled. */
  @Property({ type: 'string', length: 10 })
  level!: string;

  @Property({ type: 'string', length: 100 })
  handlingBody!: string;

  @Property({ type: 'text' })
  conditions!: string;

  @Property({ type: 'text' })
  materials!: string;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

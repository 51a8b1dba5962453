import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 矛盾纠纷 — the unified record every channel registers once (统一受理). */
@Entity({ tableName: 'dispute' })
@Index({ properties: ['registeredAt', 'id'] })
@Index({ properties: ['regionCode', 'registeredAt'] })
export class Dispute {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** 统一编号: region + year + sequence. */
  @Unique()
  @Property({ type: 'string', length: 40 })
  number!: string;

  @Property({ type: 'string', length: 20 })
  category!: string;

  @Property({ type: 'string', length: 20 })
  channel!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'integer' })
  peopleInvolved!: number;

  @Property({ type: 'string', length: 10 })
  tier: string & Opt = 'VILLAGE';

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'REGISTERED';

  @Property({ type: 'string', length: 10 })
  riskLevel: string & Opt = 'LOW';

  @Property({ type: 'datetime' })
  registeredAt!: Date;

  /** 首接负责: who took the dispute in at the front desk. */
  @Property({ type: 'string', length: 100, nullable: true })
  firstContactSubject?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  firstContactName?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  firstContactOrganization?: string | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

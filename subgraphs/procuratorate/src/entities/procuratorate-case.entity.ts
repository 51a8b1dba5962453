import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 检察案件 — a criminal reconciliation (刑事和解) or civil supervision (民事监督) case the procuratorate received. */
@Entity({ tableName: 'procuratorate_case' })
@Index({ properties: ['receivedAt', 'id'] })
export class ProcuratorateCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The hub's dispute this case belongs to (another agency's id: no foreign key). */
  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** 案号, e.g. 兴检刑和〔2026〕12号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  caseNumber!: string;

  @Property({ type: 'string', length: 30 })
  kind!: string;

  /** 涉嫌罪名, criminal cases only. */
  @Property({ type: 'string', length: 100, nullable: true })
  charge?: string | null;

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'RECEIVED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

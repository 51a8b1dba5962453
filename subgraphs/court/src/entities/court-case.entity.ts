import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 法院案件 — a civil case the court received, before or after filing (立案). */
@Entity({ tableName: 'court_case' })
@Index({ properties: ['receivedAt', 'id'] })
export class CourtCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The hub's dispute this case belongs to (another agency's id: no foreign key). */
  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** 案号, e.g. (2026)苏1281民诉前调123号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  caseNumber!: string;

  @Property({ type: 'string', length: 100 })
  cause!: string;

  @Property({ type: 'string', length: 20 })
  stage: string & Opt = 'PRE_FILING';

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'RECEIVED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

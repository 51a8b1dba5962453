import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 调解案件 — a dispute a people's mediation organization (调委会, 调解室) accepted. */
@Entity({ tableName: 'mediation_case' })
@Index({ properties: ['acceptedAt', 'id'] })
export class MediationCase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The hub's dispute this case belongs to (another agency's id: no foreign key). */
  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** 调解案号, e.g. 兴司调〔2026〕0123号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  caseNumber!: string;

  /** The committee or stationed room that mediates, e.g. 戴南镇人民调解委员会. */
  @Property({ type: 'string', length: 100 })
  organizationName!: string;

  @Property({ type: 'string', length: 50 })
  mediatorName!: string;

  /** How the case reached mediation: applied for, screened, or sent by court, police, procuratorate, petition office. */
  @Property({ type: 'string', length: 30 })
  source!: string;

  /** A case is created when the organization accepts it (受理), hence the initial state. */
  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'ACCEPTED';

  /** Set when the case is concluded. */
  @Property({ type: 'string', length: 20, nullable: true })
  outcome?: string | null;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  acceptedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

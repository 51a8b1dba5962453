import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 人民调解组织 — a committee, stationed room or lawyer studio on the published roster (机构名册). */
@Entity({ tableName: 'mediation_organization' })
@Index({ properties: ['regionCode', 'name', 'id'] })
@Index({ properties: ['type', 'regionCode'] })
export class MediationOrganization {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** 统一社会信用代码 (GB 32100); the `org` claim of its mediators' tokens. */
  @Unique()
  @Property({ type: 'string', length: 18 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** See `ORGANIZATION_TYPES`. */
  @Property({ type: 'string', length: 40 })
  type!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  /** For a 行业性专业性 committee: its field (医疗, 道路交通事故 …). */
  @Property({ type: 'string', length: 30, nullable: true })
  sector?: string | null;

  /** For a stationed room (派驻调解室): the unit it sits in … */
  @Property({ type: 'string', length: 100, nullable: true })
  stationedAt?: string | null;

  /** … and that unit's agency (POLICE, COURT, PETITION, PROCURATORATE). */
  @Property({ type: 'string', length: 20, nullable: true })
  stationedAgency?: string | null;

  @Property({ type: 'string', length: 200 })
  address!: string;

  /** The office's public telephone (not personal data). */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Property({ type: 'date' })
  establishedOn!: string;

  /** On the published roster. */
  @Property({ type: 'boolean' })
  published: boolean & Opt = true;
}

import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 当事人 of a mediation case, as the organization recorded them. Personal data: masked unless the justice bureau reads it. */
@Entity({ tableName: 'mediation_party' })
export class MediationParty {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'smallint' })
  position!: number;

  /** APPLICANT 申请人 / RESPONDENT 被申请人 / THIRD_PARTY 第三人. */
  @Property({ type: 'string', length: 20 })
  role!: string;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Property({ type: 'string', length: 6, nullable: true })
  sex?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  idNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Property({ type: 'date', nullable: true })
  birthDate?: string | null;
}

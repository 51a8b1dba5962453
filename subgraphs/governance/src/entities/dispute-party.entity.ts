import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 当事人 — a party of a dispute as registered at the hub. Personal data: masked unless the hub reads it. */
@Entity({ tableName: 'dispute_party' })
export class DisputeParty {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** APPLICANT 申请人 / RESPONDENT 被申请人 / THIRD_PARTY 第三人. */
  @Property({ type: 'string', length: 20 })
  role!: string;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Property({ type: 'string', length: 18, nullable: true })
  idNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Property({ type: 'date', nullable: true })
  birthDate?: string | null;

  /** Keyed HMAC of the ID number (see `personKey`): joins across agencies without the number itself. */
  @Index()
  @Property({ type: 'string', length: 64, nullable: true })
  personKey?: string | null;

  @Property({ type: 'smallint' })
  position!: number;
}

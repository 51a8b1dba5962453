import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** A training a mediator attended (人民调解法 Art 14: trained by the county justice bureau). */
export interface TrainingRecord {
  date: string;
  title: string;
  hours: number;
  organizer: string;
}

/** 人民调解员 on the published roster (人员名册). Phone and ID number are personal data. */
@Entity({ tableName: 'mediator' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['organizationId', 'name'] })
export class Mediator {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Property({ type: 'string', length: 6 })
  sex!: string;

  /** 主任 / 副主任 / 委员 of a committee; null for a mediator who is not a committee member. */
  @Property({ type: 'string', length: 20, nullable: true })
  committeeRole?: string | null;

  /** FULL_TIME 专职 / PART_TIME 兼职. */
  @Property({ type: 'string', length: 20 })
  employment!: string;

  /** 特邀调解员 of a court. */
  @Property({ type: 'boolean' })
  invitedByCourt: boolean & Opt = false;

  @Property({ type: 'boolean' })
  lawyer: boolean & Opt = false;

  @Property({ type: 'text[]' })
  specialties!: string[];

  @Property({ type: 'json' })
  trainings!: TrainingRecord[];

  @Property({ type: 'date' })
  termStart!: string;

  /** Three years after the start (`termEndOf`): after it the mediator takes no new case. */
  @Property({ type: 'date' })
  termEnd!: string;

  /** The organization's region, for jurisdiction filters. */
  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  idNumber?: string | null;

  /** The login (`sub` claim) of this mediator, when they use the system. */
  @Unique()
  @Property({ type: 'string', length: 100, nullable: true })
  accountSubject?: string | null;
}

import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** 排查发现 — a dispute found by screening: cause, time, place, unit, people, key persons, forecast. */
@Entity({ tableName: 'screening_finding' })
export class ScreeningFinding {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  reportId!: string;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string', length: 20 })
  category!: string;

  /** 起因. */
  @Property({ type: 'text' })
  cause!: string;

  /** 发生时间 (a date; the exact hour is rarely known). */
  @Property({ type: 'date' })
  occurredOn!: string;

  @Property({ type: 'string', length: 200 })
  place!: string;

  /** 涉及单位. */
  @Property({ type: 'string', length: 200, nullable: true })
  unit?: string | null;

  @Property({ type: 'integer' })
  peopleInvolved!: number;

  /** 重点人员 (names as the grid worker wrote them; personal data). */
  @Property({ type: 'text', nullable: true })
  keyPersons?: string | null;

  /** STABLE / MAY_ESCALATE / LIKELY_ESCALATE. */
  @Property({ type: 'string', length: 20 })
  forecast!: string;

  /** The dispute registered from this finding. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

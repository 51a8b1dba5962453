import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** 排查报告 — one region's report for one period (weekly village, half-monthly town); no findings = 零报告. */
@Entity({ tableName: 'screening_report' })
@Unique({ properties: ['periodKey', 'regionCode'] })
@Index({ properties: ['regionCode', 'periodKey'] })
export class ScreeningReport {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string', length: 12 })
  periodKey!: string;

  /** WEEKLY or HALF_MONTHLY. */
  @Property({ type: 'string', length: 12 })
  cadence!: string;

  @Property({ type: 'boolean' })
  zeroReport!: boolean;

  @Property({ type: 'integer' })
  findingCount!: number;

  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Property({ type: 'string', length: 100 })
  submittedBySubject!: string;

  @Property({ type: 'string', length: 50 })
  submittedByName!: string;
}

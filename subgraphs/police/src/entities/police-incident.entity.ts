import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { IncidentParty } from '../domain/incident-intake.rules.js';

/** 警情 — a call to the police (110 接警) about a dispute, and how the police dealt with it. */
@Entity({ tableName: 'police_incident' })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'police_incident_region_code_pattern_index',
  expression: 'create index "police_incident_region_code_pattern_index" on "police_incident" ("region_code" varchar_pattern_ops, "reported_at")',
})
@Index({ properties: ['reportedAt', 'id'] })
// 警情编号 of a station's own system: one incident per number per station (the batch import's idempotency key).
@Unique({ properties: ['stationCode', 'externalNumber'] })
export class PoliceIncident {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The hub's dispute this incident belongs to, once registered there (another agency's id: no foreign key). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId?: string | null;

  /** The hub dispute's 统一编号, as the hub answered it (一案一号). */
  @Property({ type: 'string', length: 40, nullable: true })
  disputeNumber?: string | null;

  /** 警情编号: J + county code + date + sequence, e.g. J3212812026112800123. */
  @Unique()
  @Property({ type: 'string', length: 40 })
  incidentNumber!: string;

  /** 接处警单位, e.g. 兴化市公安局戴南派出所. */
  @Property({ type: 'string', length: 100 })
  station!: string;

  @Property({ type: 'string', length: 20 })
  category!: string;

  /** 非警务警情: a civil matter the police hand over to mediation or other departments. */
  @Property({ type: 'boolean' })
  nonPolice!: boolean;

  /** 非警务警情类别 (e.g. 民事纠纷, 求助), when nonPolice. */
  @Property({ type: 'string', length: 20, nullable: true })
  nonPoliceCategory?: string | null;

  /**
   * 纠纷类别 of the hub's list (Chinese name) the officer chose for a reported incident; null when
   * none was given and the hub gets the category mapped from 非警务类别 (incident-intake.rules.ts).
   */
  @Property({ type: 'string', length: 20, nullable: true })
  disputeCategory?: string | null;

  @Property({ type: 'text' })
  summary!: string;

  /** 报警人 — personal data, masked outside the police. */
  @Property({ type: 'string', length: 50, nullable: true })
  reporterName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  reporterPhone?: string | null;

  /** 报警人公民身份号码, when the reporter gave it (optional at 接警). */
  @Property({ type: 'string', length: 18, nullable: true })
  reporterIdNumber?: string | null;

  /** How it came in: see `INCIDENT_CHANNELS` (110 接警, 来所报警…). */
  @Property({ type: 'string', length: 20 })
  channel: string & Opt = 'CALL_110';

  /** 当事人 — personal data (names, ID numbers, phones), masked outside the police. */
  @Property({ type: 'json', nullable: true })
  parties?: IncidentParty[] | null;

  /** 发案地点 (address or description of the place). */
  @Property({ type: 'string', length: 200, nullable: true })
  place?: string | null;

  /** 发案时间, when known; `reportedAt` is when the police received it. */
  @Property({ type: 'datetime', nullable: true })
  occurredAt?: Date | null;

  /** 接处警单位's organization code (统一社会信用代码), the scope of `externalNumber`. */
  @Property({ type: 'string', length: 18, nullable: true })
  stationCode?: string | null;

  /** 警情编号 in the station's own system, for imported incidents. */
  @Property({ type: 'string', length: 40, nullable: true })
  externalNumber?: string | null;

  /** Digest of the imported content: a re-import of the same number compares against it. */
  @Property({ type: 'string', length: 64, nullable: true })
  importDigest?: string | null;

  /** The officer who registered it. */
  @Property({ type: 'string', length: 100, nullable: true })
  officerSubject?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  officerName?: string | null;

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'RECEIVED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  reportedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

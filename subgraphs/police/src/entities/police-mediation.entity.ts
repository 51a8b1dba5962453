import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { PoliceMediationFacts } from '../domain/police-mediation.rules.js';

/** 治安调解 — police mediation of a minor public-security case (治安管理处罚法 Art 9). */
@Entity({ tableName: 'police_mediation' })
export class PoliceMediation {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'string', length: 20 })
  status!: string;

  /** The eligibility facts the officer recorded when starting (all exclusions checked false). */
  @Property({ type: 'json' })
  facts!: PoliceMediationFacts;

  @Property({ type: 'text', nullable: true })
  agreementTerms?: string | null;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  /** Whether a penalty follows (not performed / not reached), per Art 9. */
  @Property({ type: 'boolean', nullable: true })
  penalty?: boolean | null;

  @Property({ type: 'string', length: 100 })
  officerSubject!: string;

  @Property({ type: 'string', length: 50 })
  officerName!: string;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  concludedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

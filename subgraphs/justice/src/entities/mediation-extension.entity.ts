import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 延期 — an extension of the conclude-by clock, with the parties' recorded consent. */
@Entity({ tableName: 'mediation_extension' })
export class MediationExtension {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'smallint' })
  days!: number;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  /** Every party of the case, each having consented. */
  @Property({ type: 'text[]' })
  consentingPartyIds!: string[];

  /** How consent was given (书面同意书, 笔录签字 …). */
  @Property({ type: 'string', length: 500 })
  consentRecord!: string;

  @Property({ type: 'datetime' })
  previousDueAt!: Date;

  @Property({ type: 'datetime' })
  newDueAt!: Date;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'string', length: 50 })
  recordedBy!: string;
}

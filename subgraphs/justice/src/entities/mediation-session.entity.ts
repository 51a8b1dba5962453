import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** 调解笔录 — one mediation session: when, where, who, the focus of the dispute and what each side said. */
@Entity({ tableName: 'mediation_session' })
@Unique({ properties: ['caseId', 'sequence'] })
export class MediationSession {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'smallint' })
  sequence!: number;

  @Property({ type: 'datetime' })
  heldAt!: Date;

  @Property({ type: 'string', length: 200 })
  place!: string;

  @Property({ type: 'text[]' })
  participants!: string[];

  /** 争议焦点. */
  @Property({ type: 'text' })
  focus!: string;

  /** 各方意见. */
  @Property({ type: 'text' })
  opinions!: string;

  /** 调解情况 / next steps. */
  @Property({ type: 'text', nullable: true })
  progress?: string | null;

  @Property({ type: 'string', length: 50 })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}

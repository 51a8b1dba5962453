import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 信访事项 — a petition (letter, visit, online or phone) registered by the petition bureau. */
@Entity({ tableName: 'petition_item' })
// Jurisdiction filters are LIKE prefixes (region_code like '321281%'): under a non-C collation (C.UTF-8, zh_CN…)
// only a pattern-ops index serves them as a range (it serves equality too).
@Index({
  name: 'petition_item_region_code_pattern_index',
  expression: 'create index "petition_item_region_code_pattern_index" on "petition_item" ("region_code" varchar_pattern_ops, "registered_at")',
})
@Index({ properties: ['registeredAt', 'id'] })
@Index({ properties: ['dueAt', 'id'] })
export class PetitionItem {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /**
   * The hub's dispute this petition belongs to (another agency's id: no foreign key): given at
   * registration (verified at the hub), or answered by the hub after the item was reported (一案一号).
   */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId!: string | null;

  /** The hub dispute's 统一编号, once the hub answered a report of the item. */
  @Property({ type: 'string', length: 40, nullable: true })
  disputeNumber?: string | null;

  /** 信访件编号, e.g. 兴访〔2026〕0456号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  itemNumber!: string;

  /** 信访形式: letter, visit, online, phone. */
  @Property({ type: 'string', length: 10 })
  form!: string;

  /** 信访事由 as registered. */
  @Property({ type: 'text' })
  subject!: string;

  /** 纠纷类别 of the hub's list (Chinese name) given at registration; sent with the 访调 hand-over. */
  @Property({ type: 'string', length: 20, nullable: true })
  category?: string | null;

  /** See `petition-item.workflow.ts`. */
  @Property({ type: 'string', length: 30 })
  status: string & Opt = 'REGISTERED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  registeredAt!: Date;

  /** 信访人 — personal data, masked outside the petition bureau. */
  @Property({ type: 'string', length: 50, nullable: true })
  petitionerName?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  petitionerIdNumber?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  petitionerPhone?: string | null;

  /** The clock running now (route, handle, review, re-review); null when none runs. */
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  routeDueAt?: Date | null;

  /** When the item was accepted, transferred or declined (及时受理). */
  @Property({ type: 'datetime', nullable: true })
  routedAt?: Date | null;

  /** 承办单位 (accepted) or the organ it was transferred to. */
  @Property({ type: 'string', length: 100, nullable: true })
  handlingUnit?: string | null;

  @Property({ type: 'text', nullable: true })
  declineReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  handleDueAt?: Date | null;

  @Property({ type: 'integer' })
  extensionDays: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  extensionReason?: string | null;

  /** 移交调解; the hand-over itself (organization, docking id, answers) is the record's outgoing docking (`docking_outgoing`). */
  @Property({ type: 'datetime', nullable: true })
  referredAt?: Date | null;

  /** SUCCEEDED or FAILED. */
  @Property({ type: 'string', length: 20, nullable: true })
  mediationOutcome?: string | null;

  /** 处理意见, or the mediation agreement that closed the item. */
  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  @Index()
  @Property({ type: 'datetime', nullable: true })
  concludedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  reviewRequestedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  reviewOpinion?: string | null;

  @Property({ type: 'datetime', nullable: true })
  reviewAnsweredAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  reReviewRequestedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  reReviewOpinion?: string | null;

  @Property({ type: 'datetime', nullable: true })
  reReviewAnsweredAt?: Date | null;

  /** 满意 / 基本满意 / 不满意. */
  @Property({ type: 'string', length: 20, nullable: true })
  satisfaction?: string | null;

  @Index()
  @Property({ type: 'datetime', nullable: true })
  ratedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

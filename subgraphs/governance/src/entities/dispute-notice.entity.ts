import { ArrayType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 一次性告知 — what the parties were told at once, drawn from the service list. */
@Entity({ tableName: 'dispute_notice' })
export class DisputeNotice {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** Codes of the service-list items given (服务清单). */
  @Property({ type: ArrayType })
  serviceItemCodes!: string[];

  /** WRITTEN 书面 or ORAL 口头. */
  @Property({ type: 'string', length: 10 })
  form!: string;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime' })
  givenAt!: Date;

  @Property({ type: 'string', length: 50 })
  givenByName!: string;
}

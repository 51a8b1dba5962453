import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 档案 — metadata of a document in the dispute's archive (the file itself lives in the document store). */
@Entity({ tableName: 'dispute_document' })
export class DisputeDocument {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** CLAIM 申请材料 / EVIDENCE 证据 / RECORD 调解笔录 / AGREEMENT 调解协议 / CLOSING_OPINION 结案意见 / SIGNATURE 签字确认 / PHOTO 照片 / OTHER. */
  @Property({ type: 'string', length: 20 })
  kind!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  fileName?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  mediaType?: string | null;

  @Property({ type: 'integer', nullable: true })
  sizeBytes?: number | null;

  /** SHA-256 of the file (hex): the archive proves the file was not changed. */
  @Property({ type: 'string', length: 64, nullable: true })
  sha256?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  storageUri?: string | null;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'string', length: 50 })
  recordedByName!: string;
}

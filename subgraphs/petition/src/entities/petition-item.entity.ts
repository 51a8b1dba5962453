import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 信访事项 — a petition (letter, visit, online or phone) registered by the petition bureau. */
@Entity({ tableName: 'petition_item' })
@Index({ properties: ['registeredAt', 'id'] })
export class PetitionItem {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The hub's dispute this petition belongs to (another agency's id: no foreign key). */
  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

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

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'REGISTERED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  registeredAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 专家库 — an expert the bureau may ask for a neutral evaluation (中立评估). */
@Entity({ tableName: 'expert' })
@Index({ properties: ['field', 'name'] })
export class Expert {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 50 })
  name!: string;

  /** 医学, 建设工程, 道路交通, 劳动保障, 法律 … */
  @Property({ type: 'string', length: 30 })
  field!: string;

  /** 主任医师, 高级工程师, 律师 … */
  @Property({ type: 'string', length: 50 })
  title!: string;

  @Property({ type: 'string', length: 100 })
  employer!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;
}

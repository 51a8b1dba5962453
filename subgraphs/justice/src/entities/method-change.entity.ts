import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 调解方式调整 (动态调整): from which method to which, why, by whom. */
@Entity({ tableName: 'mediation_method_change' })
export class MethodChange {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'string', length: 30 })
  fromMethod!: string;

  @Property({ type: 'string', length: 30 })
  toMethod!: string;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;

  @Property({ type: 'string', length: 50 })
  changedBy!: string;
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 强制执行申请 — a party applies to enforce a confirmed agreement the other side did not perform. */
@Entity({ tableName: 'enforcement_application' })
@Index({ properties: ['appliedAt', 'id'] })
export class EnforcementApplication {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Unique()
  @Property({ type: 'uuid' })
  confirmationId!: string;

  /** 执行案号, e.g. (2026)苏1281执123号. */
  @Unique()
  @Property({ type: 'string', length: 60 })
  caseNumber!: string;

  /** The applying party — personal data, masked outside the court. */
  @Property({ type: 'string', length: 50 })
  applicantName!: string;

  @Property({ type: 'text' })
  unperformedTerms!: string;

  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'APPLIED';

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'datetime' })
  appliedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

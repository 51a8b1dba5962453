import { ArrayType, Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * 个人信息访问记录 — one unmasked read of personal data (PIPL: records of processing). Append-only:
 * the migration adds a trigger that refuses UPDATE and DELETE, and the API offers neither.
 */
@Entity({ tableName: 'personal_data_access' })
@Index({ properties: ['accessedAt', 'id'] })
@Index({ properties: ['recordType', 'recordId'] })
export class PersonalDataAccess {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  accessedAt!: Date & Opt;

  @Property({ type: 'string', length: 100 })
  subject!: string;

  @Property({ type: 'string', length: 50 })
  callerName!: string;

  @Property({ type: 'string', length: 20 })
  agency!: string;

  @Property({ type: 'string', length: 40 })
  organization!: string;

  @Property({ type: 'string', length: 40 })
  recordType!: string;

  @Property({ type: 'string', length: 64 })
  recordId!: string;

  @Property({ type: ArrayType })
  fields!: string[];

  @Property({ type: 'string', length: 100 })
  requestId!: string;
}

/** SQL for a migration: makes `personal_data_access` append-only at the database level. */
export const PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL = [
  `create or replace function jiefen_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'personal_data_access is append-only' using errcode = 'insufficient_privilege';
end $$;`,
  `create trigger personal_data_access_append_only before update or delete on "personal_data_access"
  for each row execute function jiefen_refuse_change();`,
  `create trigger personal_data_access_no_truncate before truncate on "personal_data_access"
  for each statement execute function jiefen_refuse_change();`,
];

import { Migration } from '@mikro-orm/migrations';
import { PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL } from '@jiefen/subgraph-kit';

export class Migration20261128170845 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dispute_party" ("id" uuid not null, "dispute_id" uuid not null, "role" varchar(20) not null, "name" varchar(50) not null, "id_number" varchar(18) null, "phone" varchar(20) null, "address" varchar(200) null, "birth_date" date null, "person_key" varchar(64) null, "position" smallint not null, constraint "dispute_party_pkey" primary key ("id"));`);
    this.addSql(`create index "dispute_party_dispute_id_index" on "dispute_party" ("dispute_id");`);
    this.addSql(`create index "dispute_party_person_key_index" on "dispute_party" ("person_key");`);

    this.addSql(`create table "personal_data_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" varchar(100) not null, "caller_name" varchar(50) not null, "agency" varchar(20) not null, "organization" varchar(40) not null, "record_type" varchar(40) not null, "record_id" varchar(64) not null, "fields" text[] not null, "request_id" varchar(100) not null);`);
    this.addSql(`create index "personal_data_access_record_type_record_id_index" on "personal_data_access" ("record_type", "record_id");`);
    this.addSql(`create index "personal_data_access_accessed_at_id_index" on "personal_data_access" ("accessed_at", "id");`);
    // PIPL access records are append-only, whatever the API does.
    for (const sql of PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dispute_party" cascade;`);

    this.addSql(`drop table if exists "personal_data_access" cascade;`);
  }

}

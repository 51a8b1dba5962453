import { Migration } from '@mikro-orm/migrations';
import { PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL } from '@jiefen/subgraph-kit';

export class Migration20261128172428 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "personal_data_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" varchar(100) not null, "caller_name" varchar(50) not null, "agency" varchar(20) not null, "organization" varchar(40) not null, "record_type" varchar(40) not null, "record_id" varchar(64) not null, "fields" text[] not null, "request_id" varchar(100) not null);`);
    this.addSql(`create index "personal_data_access_record_type_record_id_index" on "personal_data_access" ("record_type", "record_id");`);
    this.addSql(`create index "personal_data_access_accessed_at_id_index" on "personal_data_access" ("accessed_at", "id");`);

    this.addSql(`create table "police_mediation" ("id" uuid not null, "incident_id" uuid not null, "status" varchar(20) not null, "facts" jsonb not null, "agreement_terms" text null, "failure_reason" text null, "penalty" boolean null, "officer_subject" varchar(100) not null, "officer_name" varchar(50) not null, "started_at" timestamptz not null, "concluded_at" timestamptz null, "version" int not null default 1, constraint "police_mediation_pkey" primary key ("id"));`);
    this.addSql(`create index "police_mediation_incident_id_index" on "police_mediation" ("incident_id");`);

    this.addSql(`alter table "police_incident" add column "non_police_category" varchar(20) null, add column "reporter_name" varchar(50) null, add column "reporter_phone" varchar(20) null, add column "officer_subject" varchar(100) null, add column "officer_name" varchar(50) null;`);
    this.addSql(`alter table "police_incident" alter column "dispute_id" drop default;`);
    this.addSql(`alter table "police_incident" alter column "dispute_id" type uuid using ("dispute_id"::text::uuid);`);
    this.addSql(`alter table "police_incident" alter column "dispute_id" drop not null;`);
    // PIPL access records are append-only, whatever the API does.
    for (const sql of PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personal_data_access" cascade;`);

    this.addSql(`drop table if exists "police_mediation" cascade;`);

    this.addSql(`alter table "police_incident" drop column "non_police_category", drop column "reporter_name", drop column "reporter_phone", drop column "officer_subject", drop column "officer_name";`);

    this.addSql(`alter table "police_incident" alter column "dispute_id" drop default;`);
    this.addSql(`alter table "police_incident" alter column "dispute_id" type uuid using ("dispute_id"::text::uuid);`);
    this.addSql(`alter table "police_incident" alter column "dispute_id" set not null;`);
  }

}

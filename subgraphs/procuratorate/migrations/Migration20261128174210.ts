import { Migration } from '@mikro-orm/migrations';
import { PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL } from '@jiefen/subgraph-kit';

export class Migration20261128174210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "personal_data_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" varchar(100) not null, "caller_name" varchar(50) not null, "agency" varchar(20) not null, "organization" varchar(40) not null, "record_type" varchar(40) not null, "record_id" varchar(64) not null, "fields" text[] not null, "request_id" varchar(100) not null);`);
    this.addSql(`create index "personal_data_access_record_type_record_id_index" on "personal_data_access" ("record_type", "record_id");`);
    this.addSql(`create index "personal_data_access_accessed_at_id_index" on "personal_data_access" ("accessed_at", "id");`);

    this.addSql(`alter table "procuratorate_case" add column "suspect_name" varchar(50) null, add column "suspect_id_number" varchar(18) null, add column "victim_name" varchar(50) null, add column "victim_phone" varchar(20) null, add column "applicant_name" varchar(50) null, add column "applicant_phone" varchar(20) null, add column "eligibility" jsonb null, add column "mediation_organization" varchar(100) null, add column "referred_at" timestamptz null, add column "outcome" varchar(20) null, add column "outcome_at" timestamptz null, add column "agreement_summary" text null, add column "decision" varchar(30) null, add column "decision_note" text null, add column "concluded_at" timestamptz null;`);
    this.addSql(`alter table "procuratorate_case" alter column "status" type varchar(30) using ("status"::varchar(30));`);
    this.addSql(`create index "procuratorate_case_outcome_at_index" on "procuratorate_case" ("outcome_at");`);
    this.addSql(`create index "procuratorate_case_concluded_at_index" on "procuratorate_case" ("concluded_at");`);
    this.addSql(`create index "procuratorate_case_referred_at_id_index" on "procuratorate_case" ("referred_at", "id");`);
    // PIPL access records are append-only, whatever the API does.
    for (const sql of PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personal_data_access" cascade;`);

    this.addSql(`drop index "procuratorate_case_outcome_at_index";`);
    this.addSql(`drop index "procuratorate_case_concluded_at_index";`);
    this.addSql(`drop index "procuratorate_case_referred_at_id_index";`);
    this.addSql(`alter table "procuratorate_case" drop column "suspect_name", drop column "suspect_id_number", drop column "victim_name", drop column "victim_phone", drop column "applicant_name", drop column "applicant_phone", drop column "eligibility", drop column "mediation_organization", drop column "referred_at", drop column "outcome", drop column "outcome_at", drop column "agreement_summary", drop column "decision", drop column "decision_note", drop column "concluded_at";`);

    this.addSql(`alter table "procuratorate_case" alter column "status" type varchar(20) using ("status"::varchar(20));`);
  }

}

import { Migration } from '@mikro-orm/migrations';
import { PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL } from '@jiefen/subgraph-kit';

export class Migration20261128173552 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "court_number" ("series" varchar(30) not null, "court_code" varchar(10) not null, "year" int not null, "last" int not null, constraint "court_number_pkey" primary key ("series", "court_code", "year"));`);

    this.addSql(`create table "enforcement_application" ("id" uuid not null, "confirmation_id" uuid not null, "case_number" varchar(60) not null, "applicant_name" varchar(50) not null, "unperformed_terms" text not null, "status" varchar(20) not null default 'APPLIED', "region_code" varchar(12) not null, "applied_at" timestamptz not null, "version" int not null default 1, constraint "enforcement_application_pkey" primary key ("id"));`);
    this.addSql(`alter table "enforcement_application" add constraint "enforcement_application_confirmation_id_unique" unique ("confirmation_id");`);
    this.addSql(`alter table "enforcement_application" add constraint "enforcement_application_case_number_unique" unique ("case_number");`);
    this.addSql(`create index "enforcement_application_applied_at_id_index" on "enforcement_application" ("applied_at", "id");`);

    this.addSql(`create table "judicial_confirmation" ("id" uuid not null, "application_id" varchar(64) not null, "dispute_id" uuid not null, "court_case_id" uuid null, "agreement_id" uuid not null, "mediation_organization" varchar(100) not null, "agreement_summary" text not null, "matters" text[] not null, "agreement_effective_at" timestamptz not null, "applicants" jsonb not null, "joint_application" boolean not null, "status" varchar(30) not null default 'APPLIED', "region_code" varchar(12) not null, "applied_at" timestamptz not null, "accept_due_at" timestamptz not null, "case_number" varchar(60) null, "accepted_at" timestamptz null, "refusal_reasons" text[] null, "refusal_note" text null, "refused_at" timestamptz null, "rule_due_at" timestamptz null, "ruling_extended" boolean not null default false, "extension_approved_by" varchar(50) null, "extension_reason" text null, "ruled_at" timestamptz null, "ruling_note" text null, "performed_at" timestamptz null, "next_deadline_at" timestamptz null, "version" int not null default 1, constraint "judicial_confirmation_pkey" primary key ("id"));`);
    this.addSql(`alter table "judicial_confirmation" add constraint "judicial_confirmation_application_id_unique" unique ("application_id");`);
    this.addSql(`create index "judicial_confirmation_dispute_id_index" on "judicial_confirmation" ("dispute_id");`);
    this.addSql(`create index "judicial_confirmation_court_case_id_index" on "judicial_confirmation" ("court_case_id");`);
    this.addSql(`alter table "judicial_confirmation" add constraint "judicial_confirmation_case_number_unique" unique ("case_number");`);
    this.addSql(`create index "judicial_confirmation_applied_at_id_index" on "judicial_confirmation" ("applied_at", "id");`);
    this.addSql(`create index "judicial_confirmation_next_deadline_at_id_index" on "judicial_confirmation" ("next_deadline_at", "id");`);

    this.addSql(`create table "personal_data_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" varchar(100) not null, "caller_name" varchar(50) not null, "agency" varchar(20) not null, "organization" varchar(40) not null, "record_type" varchar(40) not null, "record_id" varchar(64) not null, "fields" text[] not null, "request_id" varchar(100) not null);`);
    this.addSql(`create index "personal_data_access_record_type_record_id_index" on "personal_data_access" ("record_type", "record_id");`);
    this.addSql(`create index "personal_data_access_accessed_at_id_index" on "personal_data_access" ("accessed_at", "id");`);

    this.addSql(`alter table "court_case" add column "plaintiff_name" varchar(50) null, add column "plaintiff_id_number" varchar(18) null, add column "plaintiff_phone" varchar(20) null, add column "defendant_name" varchar(50) null, add column "diverted_at" timestamptz null, add column "pre_filing_outcome" varchar(20) null, add column "pre_filing_outcome_at" timestamptz null, add column "mediation_mode" varchar(20) null, add column "mediation_organization" varchar(100) null, add column "mediation_sent_at" timestamptz null, add column "mediation_due_at" timestamptz null, add column "mediation_outcome" varchar(20) null, add column "mediation_outcome_at" timestamptz null, add column "mediation_outcome_note" text null, add column "agreement_id" uuid null, add column "procedure" varchar(10) null, add column "filing_number" varchar(60) null, add column "filed_at" timestamptz null;`);
    this.addSql(`alter table "court_case" alter column "status" type varchar(30) using ("status"::varchar(30));`);
    this.addSql(`create index "court_case_diverted_at_index" on "court_case" ("diverted_at");`);
    this.addSql(`alter table "court_case" add constraint "court_case_filing_number_unique" unique ("filing_number");`);
    this.addSql(`create index "court_case_filed_at_index" on "court_case" ("filed_at");`);
    this.addSql(`create index "court_case_mediation_due_at_id_index" on "court_case" ("mediation_due_at", "id");`);
    this.addSql(`create index "court_case_mediation_sent_at_id_index" on "court_case" ("mediation_sent_at", "id");`);
    // PIPL access records are append-only, whatever the API does.
    for (const sql of PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "court_number" cascade;`);

    this.addSql(`drop table if exists "enforcement_application" cascade;`);

    this.addSql(`drop table if exists "judicial_confirmation" cascade;`);

    this.addSql(`drop table if exists "personal_data_access" cascade;`);

    this.addSql(`drop index "court_case_diverted_at_index";`);
    this.addSql(`alter table "court_case" drop constraint "court_case_filing_number_unique";`);
    this.addSql(`drop index "court_case_filed_at_index";`);
    this.addSql(`drop index "court_case_mediation_due_at_id_index";`);
    this.addSql(`drop index "court_case_mediation_sent_at_id_index";`);
    this.addSql(`alter table "court_case" drop column "plaintiff_name", drop column "plaintiff_id_number", drop column "plaintiff_phone", drop column "defendant_name", drop column "diverted_at", drop column "pre_filing_outcome", drop column "pre_filing_outcome_at", drop column "mediation_mode", drop column "mediation_organization", drop column "mediation_sent_at", drop column "mediation_due_at", drop column "mediation_outcome", drop column "mediation_outcome_at", drop column "mediation_outcome_note", drop column "agreement_id", drop column "procedure", drop column "filing_number", drop column "filed_at";`);

    this.addSql(`alter table "court_case" alter column "status" type varchar(20) using ("status"::varchar(20));`);
  }

}

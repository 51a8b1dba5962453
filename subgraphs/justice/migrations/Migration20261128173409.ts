import { Migration } from '@mikro-orm/migrations';
import { PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL } from '@jiefen/subgraph-kit';

export class Migration20261128173409 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "expert" ("id" uuid not null, "name" varchar(50) not null, "field" varchar(30) not null, "title" varchar(50) not null, "employer" varchar(100) not null, "region_code" varchar(12) not null, constraint "expert_pkey" primary key ("id"));`);
    this.addSql(`create index "expert_field_name_index" on "expert" ("field", "name");`);

    this.addSql(`create table "justice_number_counter" ("series" varchar(20) not null, "year" int not null, "last" int not null, constraint "justice_number_counter_pkey" primary key ("series", "year"));`);

    this.addSql(`create table "legal_aid_case" ("id" uuid not null, "application_number" varchar(60) not null, "center_id" uuid not null, "center_code" varchar(18) not null, "center_name" varchar(100) not null, "dispute_id" uuid null, "source" varchar(30) not null, "source_mediation_case_id" uuid null, "applicant_name" varchar(50) not null, "applicant_sex" varchar(6) null, "applicant_id_number" varchar(18) null, "applicant_phone" varchar(20) null, "applicant_address" varchar(200) null, "matter" text not null, "category" varchar(20) not null, "region_code" varchar(12) not null, "status" varchar(30) not null default 'APPLIED', "applied_at" timestamptz not null, "review_due_at" timestamptz not null, "reviewed_at" timestamptz null, "denial_reason" varchar(500) null, "assign_due_at" timestamptz null, "assigned_at" timestamptz null, "lawyer_name" varchar(50) null, "law_firm" varchar(100) null, "closed_at" timestamptz null, "closing_note" varchar(1000) null, "referred_mediation_case_id" uuid null, "version" int not null default 1, constraint "legal_aid_case_pkey" primary key ("id"));`);
    this.addSql(`alter table "legal_aid_case" add constraint "legal_aid_case_application_number_unique" unique ("application_number");`);
    this.addSql(`create index "legal_aid_case_dispute_id_index" on "legal_aid_case" ("dispute_id");`);
    this.addSql(`create index "legal_aid_case_source_mediation_case_id_index" on "legal_aid_case" ("source_mediation_case_id");`);
    this.addSql(`create index "legal_aid_case_status_assign_due_at_index" on "legal_aid_case" ("status", "assign_due_at");`);
    this.addSql(`create index "legal_aid_case_status_review_due_at_index" on "legal_aid_case" ("status", "review_due_at");`);
    this.addSql(`create index "legal_aid_case_region_code_applied_at_index" on "legal_aid_case" ("region_code", "applied_at");`);
    this.addSql(`create index "legal_aid_case_applied_at_id_index" on "legal_aid_case" ("applied_at", "id");`);

    this.addSql(`create table "legal_aid_center" ("id" uuid not null, "code" varchar(18) not null, "name" varchar(100) not null, "region_code" varchar(12) not null, constraint "legal_aid_center_pkey" primary key ("id"));`);
    this.addSql(`alter table "legal_aid_center" add constraint "legal_aid_center_code_unique" unique ("code");`);

    this.addSql(`create table "mediation_agreement" ("id" uuid not null, "case_id" uuid not null, "number" varchar(60) not null, "form" varchar(10) not null, "facts" text not null, "matters_in_dispute" text not null, "responsibilities" text not null, "terms" text[] not null, "performance_method" text not null, "performance_deadline" date not null, "amount" numeric(14,2) null, "signatures" jsonb not null, "mediator_signed_at" timestamptz null, "sealed_at" timestamptz null, "effective_date" date null, "confirmation_deadline" date null, "performance_status" varchar(30) not null default 'PENDING', "region_code" varchar(12) not null, "recorded_at" timestamptz not null, "recorded_by" varchar(50) not null, "version" int not null default 1, constraint "mediation_agreement_pkey" primary key ("id"));`);
    this.addSql(`alter table "mediation_agreement" add constraint "mediation_agreement_case_id_unique" unique ("case_id");`);
    this.addSql(`alter table "mediation_agreement" add constraint "mediation_agreement_number_unique" unique ("number");`);
    this.addSql(`create index "mediation_agreement_performance_status_performance_9fd69_index" on "mediation_agreement" ("performance_status", "performance_deadline");`);
    this.addSql(`create index "mediation_agreement_region_code_effective_date_index" on "mediation_agreement" ("region_code", "effective_date");`);

    this.addSql(`create table "mediation_extension" ("id" uuid not null, "case_id" uuid not null, "days" smallint not null, "reason" varchar(500) not null, "consenting_party_ids" text[] not null, "consent_record" varchar(500) not null, "previous_due_at" timestamptz not null, "new_due_at" timestamptz not null, "recorded_at" timestamptz not null, "recorded_by" varchar(50) not null, constraint "mediation_extension_pkey" primary key ("id"));`);
    this.addSql(`create index "mediation_extension_case_id_index" on "mediation_extension" ("case_id");`);

    this.addSql(`create table "mediation_organization" ("id" uuid not null, "code" varchar(18) not null, "name" varchar(100) not null, "type" varchar(40) not null, "region_code" varchar(12) not null, "sector" varchar(30) null, "stationed_at" varchar(100) null, "stationed_agency" varchar(20) null, "address" varchar(200) not null, "phone" varchar(20) null, "established_on" date not null, "published" boolean not null default true, constraint "mediation_organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "mediation_organization" add constraint "mediation_organization_code_unique" unique ("code");`);
    this.addSql(`create index "mediation_organization_type_region_code_index" on "mediation_organization" ("type", "region_code");`);
    this.addSql(`create index "mediation_organization_region_code_name_id_index" on "mediation_organization" ("region_code", "name", "id");`);

    this.addSql(`create table "mediation_party" ("id" uuid not null, "case_id" uuid not null, "position" smallint not null, "role" varchar(20) not null, "name" varchar(50) not null, "sex" varchar(6) null, "id_number" varchar(18) null, "phone" varchar(20) null, "address" varchar(200) null, "birth_date" date null, constraint "mediation_party_pkey" primary key ("id"));`);
    this.addSql(`create index "mediation_party_case_id_index" on "mediation_party" ("case_id");`);

    this.addSql(`create table "mediation_session" ("id" uuid not null, "case_id" uuid not null, "sequence" smallint not null, "held_at" timestamptz not null, "place" varchar(200) not null, "participants" text[] not null, "focus" text not null, "opinions" text not null, "progress" text null, "recorded_by" varchar(50) not null, "recorded_at" timestamptz not null, constraint "mediation_session_pkey" primary key ("id"));`);
    this.addSql(`create index "mediation_session_case_id_index" on "mediation_session" ("case_id");`);
    this.addSql(`alter table "mediation_session" add constraint "mediation_session_case_id_sequence_unique" unique ("case_id", "sequence");`);

    this.addSql(`create table "mediator" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(50) not null, "sex" varchar(6) not null, "committee_role" varchar(20) null, "employment" varchar(20) not null, "invited_by_court" boolean not null default false, "lawyer" boolean not null default false, "specialties" text[] not null, "trainings" jsonb not null, "term_start" date not null, "term_end" date not null, "region_code" varchar(12) not null, "phone" varchar(20) null, "id_number" varchar(18) null, "account_subject" varchar(100) null, constraint "mediator_pkey" primary key ("id"));`);
    this.addSql(`alter table "mediator" add constraint "mediator_account_subject_unique" unique ("account_subject");`);
    this.addSql(`create index "mediator_organization_id_name_index" on "mediator" ("organization_id", "name");`);
    this.addSql(`create index "mediator_name_id_index" on "mediator" ("name", "id");`);

    this.addSql(`create table "mediation_method_change" ("id" uuid not null, "case_id" uuid not null, "from_method" varchar(30) not null, "to_method" varchar(30) not null, "reason" varchar(500) not null, "changed_at" timestamptz not null, "changed_by" varchar(50) not null, constraint "mediation_method_change_pkey" primary key ("id"));`);
    this.addSql(`create index "mediation_method_change_case_id_index" on "mediation_method_change" ("case_id");`);

    this.addSql(`create table "neutral_evaluation" ("id" uuid not null, "case_id" uuid not null, "expert_id" uuid not null, "expert_name" varchar(50) not null, "question" text not null, "requested_at" timestamptz not null, "opinion" text null, "completed_at" timestamptz null, "version" int not null default 1, constraint "neutral_evaluation_pkey" primary key ("id"));`);
    this.addSql(`create index "neutral_evaluation_case_id_index" on "neutral_evaluation" ("case_id");`);

    this.addSql(`create table "personal_data_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" varchar(100) not null, "caller_name" varchar(50) not null, "agency" varchar(20) not null, "organization" varchar(40) not null, "record_type" varchar(40) not null, "record_id" varchar(64) not null, "fields" text[] not null, "request_id" varchar(100) not null);`);
    this.addSql(`create index "personal_data_access_record_type_record_id_index" on "personal_data_access" ("record_type", "record_id");`);
    this.addSql(`create index "personal_data_access_accessed_at_id_index" on "personal_data_access" ("accessed_at", "id");`);
    // The access log refuses UPDATE, DELETE and TRUNCATE (PIPL: records of processing).
    for (const sql of PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL) this.addSql(sql);

    this.addSql(`create table "return_visit" ("id" uuid not null, "case_id" uuid not null, "agreement_id" uuid null, "reason" varchar(30) not null, "scheduled_for" date not null, "status" varchar(20) not null default 'SCHEDULED', "visited_at" timestamptz null, "method" varchar(20) null, "performance" varchar(30) null, "satisfaction" varchar(20) null, "notes" text null, "visitor" varchar(50) null, "version" int not null default 1, constraint "return_visit_pkey" primary key ("id"));`);
    this.addSql(`create index "return_visit_case_id_index" on "return_visit" ("case_id");`);
    this.addSql(`create index "return_visit_status_scheduled_for_index" on "return_visit" ("status", "scheduled_for");`);

    this.addSql(`drop index "mediation_case_accepted_at_id_index";`);

    this.addSql(`alter table "mediation_case" add column "docking_id" uuid null, add column "organization_id" uuid not null, add column "organization_code" varchar(18) not null, add column "mediator_id" uuid null, add column "mode" varchar(20) null, add column "procedure" varchar(20) null, add column "category" varchar(20) not null, add column "summary" text not null, add column "method" varchar(30) not null default 'PEOPLES_MEDIATION', add column "rejection_reason" varchar(500) null, add column "conclusion_note" varchar(1000) null, add column "parties_informed_of_litigation" boolean null, add column "received_at" timestamptz not null, add column "due_at" timestamptz null, add column "concluded_at" timestamptz null;`);
    this.addSql(`alter table "mediation_case" alter column "dispute_id" drop default;`);
    this.addSql(`alter table "mediation_case" alter column "dispute_id" type uuid using ("dispute_id"::text::uuid);`);
    this.addSql(`alter table "mediation_case" alter column "dispute_id" drop not null;`);
    this.addSql(`alter table "mediation_case" alter column "mediator_name" type varchar(50) using ("mediator_name"::varchar(50));`);
    this.addSql(`alter table "mediation_case" alter column "mediator_name" drop not null;`);
    this.addSql(`alter table "mediation_case" alter column "status" type varchar(20) using ("status"::varchar(20));`);
    this.addSql(`alter table "mediation_case" alter column "status" set default 'PENDING';`);
    this.addSql(`alter table "mediation_case" alter column "accepted_at" type timestamptz using ("accepted_at"::timestamptz);`);
    this.addSql(`alter table "mediation_case" alter column "accepted_at" drop not null;`);
    this.addSql(`create index "mediation_case_docking_id_index" on "mediation_case" ("docking_id");`);
    this.addSql(`create index "mediation_case_status_due_at_index" on "mediation_case" ("status", "due_at");`);
    this.addSql(`create index "mediation_case_organization_code_status_received_at_index" on "mediation_case" ("organization_code", "status", "received_at");`);
    this.addSql(`create index "mediation_case_region_code_received_at_index" on "mediation_case" ("region_code", "received_at");`);
    this.addSql(`create index "mediation_case_received_at_id_index" on "mediation_case" ("received_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "expert" cascade;`);

    this.addSql(`drop table if exists "justice_number_counter" cascade;`);

    this.addSql(`drop table if exists "legal_aid_case" cascade;`);

    this.addSql(`drop table if exists "legal_aid_center" cascade;`);

    this.addSql(`drop table if exists "mediation_agreement" cascade;`);

    this.addSql(`drop table if exists "mediation_extension" cascade;`);

    this.addSql(`drop table if exists "mediation_organization" cascade;`);

    this.addSql(`drop table if exists "mediation_party" cascade;`);

    this.addSql(`drop table if exists "mediation_session" cascade;`);

    this.addSql(`drop table if exists "mediator" cascade;`);

    this.addSql(`drop table if exists "mediation_method_change" cascade;`);

    this.addSql(`drop table if exists "neutral_evaluation" cascade;`);

    this.addSql(`drop table if exists "personal_data_access" cascade;`);

    this.addSql(`drop table if exists "return_visit" cascade;`);

    this.addSql(`drop index "mediation_case_docking_id_index";`);
    this.addSql(`drop index "mediation_case_status_due_at_index";`);
    this.addSql(`drop index "mediation_case_organization_code_status_received_at_index";`);
    this.addSql(`drop index "mediation_case_region_code_received_at_index";`);
    this.addSql(`drop index "mediation_case_received_at_id_index";`);
    this.addSql(`alter table "mediation_case" drop column "docking_id", drop column "organization_id", drop column "organization_code", drop column "mediator_id", drop column "mode", drop column "procedure", drop column "category", drop column "summary", drop column "method", drop column "rejection_reason", drop column "conclusion_note", drop column "parties_informed_of_litigation", drop column "received_at", drop column "due_at", drop column "concluded_at";`);

    this.addSql(`alter table "mediation_case" alter column "dispute_id" drop default;`);
    this.addSql(`alter table "mediation_case" alter column "dispute_id" type uuid using ("dispute_id"::text::uuid);`);
    this.addSql(`alter table "mediation_case" alter column "dispute_id" set not null;`);
    this.addSql(`alter table "mediation_case" alter column "mediator_name" type varchar(50) using ("mediator_name"::varchar(50));`);
    this.addSql(`alter table "mediation_case" alter column "mediator_name" set not null;`);
    this.addSql(`alter table "mediation_case" alter column "status" type varchar(20) using ("status"::varchar(20));`);
    this.addSql(`alter table "mediation_case" alter column "status" set default 'ACCEPTED';`);
    this.addSql(`alter table "mediation_case" alter column "accepted_at" type timestamptz(6) using ("accepted_at"::timestamptz(6));`);
    this.addSql(`alter table "mediation_case" alter column "accepted_at" set not null;`);
    this.addSql(`create index "mediation_case_accepted_at_id_index" on "mediation_case" ("accepted_at", "id");`);
  }

}

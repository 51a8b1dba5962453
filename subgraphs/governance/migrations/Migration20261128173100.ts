import { Migration } from '@mikro-orm/migrations';

export class Migration20261128173100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dispute_activity" ("id" uuid not null, "dispute_id" uuid not null, "sequence" int not null, "type" varchar(30) not null, "from_status" varchar(30) null, "to_status" varchar(30) not null, "at" timestamptz not null, "actor_subject" varchar(100) not null, "actor_name" varchar(50) not null, "summary" text not null, constraint "dispute_activity_pkey" primary key ("id"));`);
    this.addSql(`alter table "dispute_activity" add constraint "dispute_activity_dispute_id_sequence_unique" unique ("dispute_id", "sequence");`);

    this.addSql(`create table "dispute_document" ("id" uuid not null, "dispute_id" uuid not null, "kind" varchar(20) not null, "title" varchar(200) not null, "file_name" varchar(200) null, "media_type" varchar(100) null, "size_bytes" int null, "sha256" varchar(64) null, "storage_uri" varchar(500) null, "recorded_at" timestamptz not null, "recorded_by_name" varchar(50) not null, constraint "dispute_document_pkey" primary key ("id"));`);
    this.addSql(`create index "dispute_document_dispute_id_index" on "dispute_document" ("dispute_id");`);

    this.addSql(`create table "dispute_notice" ("id" uuid not null, "dispute_id" uuid not null, "service_item_codes" text[] not null, "form" varchar(10) not null, "note" text null, "given_at" timestamptz not null, "given_by_name" varchar(50) not null, constraint "dispute_notice_pkey" primary key ("id"));`);
    this.addSql(`create index "dispute_notice_dispute_id_index" on "dispute_notice" ("dispute_id");`);

    this.addSql(`create table "docking" ("id" uuid not null, "kind" varchar(20) not null, "mode" varchar(20) not null, "status" varchar(20) not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "from_organization_code" varchar(40) not null, "from_organization_name" varchar(100) null, "to_organization_code" varchar(40) null, "to_organization_name" varchar(100) null, "dispute_id" uuid null, "region_code" varchar(12) not null, "sent_at" timestamptz not null, "accept_by" timestamptz null, "conclude_by" timestamptz null, "confirm_by" timestamptz null, "concluded_at" timestamptz null, "outcome" varchar(20) null, "outcome_summary" text null, "due_at" timestamptz null, "last_sequence" int not null default 0, "version" int not null default 1, constraint "docking_pkey" primary key ("id"));`);
    this.addSql(`create index "docking_from_organization_code_index" on "docking" ("from_organization_code");`);
    this.addSql(`create index "docking_to_organization_code_index" on "docking" ("to_organization_code");`);
    this.addSql(`create index "docking_dispute_id_index" on "docking" ("dispute_id");`);
    this.addSql(`create index "docking_due_at_index" on "docking" ("due_at");`);
    this.addSql(`create index "docking_status_sent_at_index" on "docking" ("status", "sent_at");`);
    this.addSql(`create index "docking_kind_sent_at_index" on "docking" ("kind", "sent_at");`);
    this.addSql(`create index "docking_region_code_sent_at_index" on "docking" ("region_code", "sent_at");`);
    this.addSql(`create index "docking_sent_at_id_index" on "docking" ("sent_at", "id");`);

    this.addSql(`create table "docking_event" ("id" uuid not null, "docking_id" uuid not null, "sequence" int not null, "type" varchar(40) not null, "at" timestamptz not null, "summary" text not null, constraint "docking_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "docking_event" add constraint "docking_event_docking_id_sequence_unique" unique ("docking_id", "sequence");`);

    this.addSql(`create table "escalation" ("id" uuid not null, "dispute_id" uuid not null, "from_tier" varchar(10) not null, "to_tier" varchar(10) not null, "attempts_at_from_tier" int not null, "override" boolean not null, "reason" text null, "risk_level" varchar(10) not null, "escalated_at" timestamptz not null, "escalated_by_name" varchar(50) not null, constraint "escalation_pkey" primary key ("id"));`);
    this.addSql(`create index "escalation_dispute_id_index" on "escalation" ("dispute_id");`);

    this.addSql(`create table "mediation_attempt" ("id" uuid not null, "dispute_id" uuid not null, "sequence" int not null, "tier" varchar(10) not null, "attempted_at" timestamptz not null, "mediator_name" varchar(50) not null, "summary" text not null, "recorded_by_name" varchar(50) not null, constraint "mediation_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "mediation_attempt_dispute_id_index" on "mediation_attempt" ("dispute_id");`);
    this.addSql(`alter table "mediation_attempt" add constraint "mediation_attempt_dispute_id_sequence_unique" unique ("dispute_id", "sequence");`);

    this.addSql(`create table "risk_alert" ("id" uuid not null, "dispute_id" uuid null, "region_code" varchar(12) not null, "level" varchar(10) not null, "rule" varchar(20) not null, "reason" text not null, "status" varchar(10) not null default 'OPEN', "raised_at" timestamptz not null, "raised_by_name" varchar(50) null, "handled_at" timestamptz null, "handling_note" text null, "version" int not null default 1, constraint "risk_alert_pkey" primary key ("id"));`);
    this.addSql(`create index "risk_alert_dispute_id_index" on "risk_alert" ("dispute_id");`);
    this.addSql(`create index "risk_alert_raised_at_id_index" on "risk_alert" ("raised_at", "id");`);
    this.addSql(`create index "risk_alert_status_level_region_code_index" on "risk_alert" ("status", "level", "region_code");`);

    this.addSql(`create table "screening_finding" ("id" uuid not null, "report_id" uuid not null, "position" smallint not null, "region_code" varchar(12) not null, "category" varchar(20) not null, "cause" text not null, "occurred_on" date not null, "place" varchar(200) not null, "unit" varchar(200) null, "people_involved" int not null, "key_persons" text null, "forecast" varchar(20) not null, "dispute_id" uuid null, "version" int not null default 1, constraint "screening_finding_pkey" primary key ("id"));`);
    this.addSql(`create index "screening_finding_report_id_index" on "screening_finding" ("report_id");`);
    this.addSql(`create index "screening_finding_dispute_id_index" on "screening_finding" ("dispute_id");`);

    this.addSql(`create table "screening_report" ("id" uuid not null, "region_code" varchar(12) not null, "period_key" varchar(12) not null, "cadence" varchar(12) not null, "zero_report" boolean not null, "finding_count" int not null, "submitted_at" timestamptz not null, "submitted_by_subject" varchar(100) not null, "submitted_by_name" varchar(50) not null, constraint "screening_report_pkey" primary key ("id"));`);
    this.addSql(`create index "screening_report_region_code_period_key_index" on "screening_report" ("region_code", "period_key");`);
    this.addSql(`alter table "screening_report" add constraint "screening_report_period_key_region_code_unique" unique ("period_key", "region_code");`);

    this.addSql(`create table "service_item" ("id" uuid not null, "code" varchar(20) not null, "name" varchar(100) not null, "legal_basis" text not null, "level" varchar(10) not null, "handling_body" varchar(100) not null, "conditions" text not null, "materials" text not null, "active" boolean not null default true, "version" int not null default 1, constraint "service_item_pkey" primary key ("id"));`);
    this.addSql(`alter table "service_item" add constraint "service_item_code_unique" unique ("code");`);

    this.addSql(`create table "supervision_item" ("id" uuid not null, "subject_type" varchar(10) not null, "subject_id" uuid not null, "region_code" varchar(12) not null, "due_at" timestamptz not null, "reason" text not null, "level" varchar(10) not null, "status" varchar(10) not null default 'OPEN', "reminder_count" int not null default 0, "last_reminded_at" timestamptz null, "last_reminder_note" text null, "escalation_count" int not null default 0, "created_at" timestamptz not null, "cleared_at" timestamptz null, "version" int not null default 1, constraint "supervision_item_pkey" primary key ("id"));`);
    this.addSql(`create index "supervision_item_subject_id_index" on "supervision_item" ("subject_id");`);
    this.addSql(`create index "supervision_item_created_at_id_index" on "supervision_item" ("created_at", "id");`);
    this.addSql(`create index "supervision_item_status_region_code_index" on "supervision_item" ("status", "region_code");`);
    this.addSql(`alter table "supervision_item" add constraint "supervision_item_subject_type_subject_id_due_at_unique" unique ("subject_type", "subject_id", "due_at");`);

    this.addSql(`alter table "dispute" add column "claims" text null, add column "state_since" timestamptz null, add column "due_at" timestamptz null, add column "responsible_unit_kind" varchar(30) null, add column "responsible_unit_name" varchar(100) null, add column "responsible_unit_code" varchar(40) null, add column "routing_reason" text null, add column "routed_at" timestamptz null, add column "method" varchar(30) null, add column "consent" varchar(10) null, add column "consent_note" text null, add column "consent_at" timestamptz null, add column "attempts_at_tier" int not null default 0, add column "timeline_length" int not null default 0, add column "outcome" varchar(12) null, add column "outcome_summary" text null, add column "resolved_at" timestamptz null, add column "review_opinion" text null, add column "reviewer_name" varchar(50) null, add column "reviewed_at" timestamptz null, add column "closing_opinion" text null, add column "closed_at" timestamptz null;`);
    this.addSql(`create index "dispute_due_at_index" on "dispute" ("due_at");`);
    this.addSql(`create index "dispute_resolved_at_index" on "dispute" ("resolved_at");`);
    this.addSql(`create index "dispute_risk_level_registered_at_index" on "dispute" ("risk_level", "registered_at");`);
    this.addSql(`create index "dispute_channel_registered_at_index" on "dispute" ("channel", "registered_at");`);
    this.addSql(`create index "dispute_tier_registered_at_index" on "dispute" ("tier", "registered_at");`);
    this.addSql(`create index "dispute_status_registered_at_index" on "dispute" ("status", "registered_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dispute_activity" cascade;`);

    this.addSql(`drop table if exists "dispute_document" cascade;`);

    this.addSql(`drop table if exists "dispute_notice" cascade;`);

    this.addSql(`drop table if exists "docking" cascade;`);

    this.addSql(`drop table if exists "docking_event" cascade;`);

    this.addSql(`drop table if exists "escalation" cascade;`);

    this.addSql(`drop table if exists "mediation_attempt" cascade;`);

    this.addSql(`drop table if exists "risk_alert" cascade;`);

    this.addSql(`drop table if exists "screening_finding" cascade;`);

    this.addSql(`drop table if exists "screening_report" cascade;`);

    this.addSql(`drop table if exists "service_item" cascade;`);

    this.addSql(`drop table if exists "supervision_item" cascade;`);

    this.addSql(`drop index "dispute_due_at_index";`);
    this.addSql(`drop index "dispute_resolved_at_index";`);
    this.addSql(`drop index "dispute_risk_level_registered_at_index";`);
    this.addSql(`drop index "dispute_channel_registered_at_index";`);
    this.addSql(`drop index "dispute_tier_registered_at_index";`);
    this.addSql(`drop index "dispute_status_registered_at_index";`);
    this.addSql(`alter table "dispute" drop column "claims", drop column "state_since", drop column "due_at", drop column "responsible_unit_kind", drop column "responsible_unit_name", drop column "responsible_unit_code", drop column "routing_reason", drop column "routed_at", drop column "method", drop column "consent", drop column "consent_note", drop column "consent_at", drop column "attempts_at_tier", drop column "timeline_length", drop column "outcome", drop column "outcome_summary", drop column "resolved_at", drop column "review_opinion", drop column "reviewer_name", drop column "reviewed_at", drop column "closing_opinion", drop column "closed_at";`);
  }

}

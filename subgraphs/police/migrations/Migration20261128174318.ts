import { Migration } from '@mikro-orm/migrations';

export class Migration20261128174318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "docking_inbox_cursor" ("from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "last_sequence" int not null, constraint "docking_inbox_cursor_pkey" primary key ("from_agency", "to_agency", "docking_id"));`);

    this.addSql(`create table "docking_inbox" ("event_id" uuid not null, "type" varchar(64) not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "sequence" int not null, "content_hash" varchar(64) not null, "occurred_at" timestamptz not null, "applied_at" timestamptz not null default now(), constraint "docking_inbox_pkey" primary key ("event_id"));`);
    this.addSql(`alter table "docking_inbox" add constraint "docking_inbox_from_agency_to_agency_docking_id_sequence_unique" unique ("from_agency", "to_agency", "docking_id", "sequence");`);

    this.addSql(`create table "docking_outbox" ("id" bigserial primary key, "event_id" uuid not null, "recipient" varchar(20) not null, "type" varchar(64) not null, "docking_id" varchar(64) not null, "sequence" int not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "state" varchar(12) not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "docking_outbox_state_id_index" on "docking_outbox" ("state", "id");`);
    this.addSql(`create index "docking_outbox_recipient_docking_id_to_agency_sequence_index" on "docking_outbox" ("recipient", "docking_id", "to_agency", "sequence");`);
    this.addSql(`alter table "docking_outbox" add constraint "docking_outbox_event_id_recipient_unique" unique ("event_id", "recipient");`);

    this.addSql(`create table "docking_outbox_sequence" ("from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "last_sequence" int not null, constraint "docking_outbox_sequence_pkey" primary key ("from_agency", "to_agency", "docking_id"));`);

    this.addSql(`create table "police_transfer" ("id" uuid not null, "docking_id" uuid not null, "incident_id" uuid not null, "region_code" varchar(12) not null, "to_organization_code" varchar(18) not null, "to_organization_name" varchar(100) null, "reason" text not null, "status" varchar(20) not null default 'SENT', "outcome" varchar(20) null, "outcome_summary" text null, "mediation_case_number" varchar(60) null, "rejection_reason" text null, "officer_name" varchar(50) not null, "sent_at" timestamptz not null, "accepted_at" timestamptz null, "concluded_at" timestamptz null, "version" int not null default 1, constraint "police_transfer_pkey" primary key ("id"));`);
    this.addSql(`alter table "police_transfer" add constraint "police_transfer_docking_id_unique" unique ("docking_id");`);
    this.addSql(`create index "police_transfer_incident_id_index" on "police_transfer" ("incident_id");`);
    this.addSql(`create index "police_transfer_sent_at_id_index" on "police_transfer" ("sent_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "docking_inbox_cursor" cascade;`);

    this.addSql(`drop table if exists "docking_inbox" cascade;`);

    this.addSql(`drop table if exists "docking_outbox" cascade;`);

    this.addSql(`drop table if exists "docking_outbox_sequence" cascade;`);

    this.addSql(`drop table if exists "police_transfer" cascade;`);
  }

}

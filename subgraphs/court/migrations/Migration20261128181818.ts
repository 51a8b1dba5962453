import { Migration } from '@mikro-orm/migrations';

export class Migration20261128181818 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "docking_inbox_cursor" ("from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "last_sequence" int not null, constraint "docking_inbox_cursor_pkey" primary key ("from_agency", "to_agency", "docking_id"));`);

    this.addSql(`create table "docking_inbox" ("event_id" uuid not null, "type" varchar(64) not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "sequence" int not null, "content_hash" varchar(64) not null, "occurred_at" timestamptz not null, "applied_at" timestamptz not null default now(), constraint "docking_inbox_pkey" primary key ("event_id"));`);
    this.addSql(`alter table "docking_inbox" add constraint "docking_inbox_from_agency_to_agency_docking_id_sequence_unique" unique ("from_agency", "to_agency", "docking_id", "sequence");`);

    this.addSql(`create table "docking_outbox" ("id" bigserial primary key, "event_id" uuid not null, "recipient" varchar(20) not null, "type" varchar(64) not null, "docking_id" varchar(64) not null, "sequence" int not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "state" varchar(12) not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "docking_outbox_state_id_index" on "docking_outbox" ("state", "id");`);
    this.addSql(`create index "docking_outbox_recipient_docking_id_to_agency_sequence_index" on "docking_outbox" ("recipient", "docking_id", "to_agency", "sequence");`);
    this.addSql(`alter table "docking_outbox" add constraint "docking_outbox_event_id_recipient_unique" unique ("event_id", "recipient");`);

    this.addSql(`create table "docking_outbox_sequence" ("from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "last_sequence" int not null, constraint "docking_outbox_sequence_pkey" primary key ("from_agency", "to_agency", "docking_id"));`);

    this.addSql(`alter table "court_case" add column "mediation_organization_code" varchar(18) null, add column "docking_id" uuid null, add column "mediation_accepted_at" timestamptz null, add column "mediation_case_number" varchar(60) null, add column "mediation_rejection_reason" text null;`);
    this.addSql(`alter table "court_case" add constraint "court_case_docking_id_unique" unique ("docking_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "docking_inbox_cursor" cascade;`);

    this.addSql(`drop table if exists "docking_inbox" cascade;`);

    this.addSql(`drop table if exists "docking_outbox" cascade;`);

    this.addSql(`drop table if exists "docking_outbox_sequence" cascade;`);

    this.addSql(`alter table "court_case" drop constraint "court_case_docking_id_unique";`);
    this.addSql(`alter table "court_case" drop column "mediation_organization_code", drop column "docking_id", drop column "mediation_accepted_at", drop column "mediation_case_number", drop column "mediation_rejection_reason";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261201144226 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "docking_incoming" ("id" uuid not null, "docking_id" uuid not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "dispute_id" varchar(64) null, "source_number" varchar(80) not null, "source_organization_name" varchar(200) not null, "officer_name" varchar(100) not null, "region_code" varchar(12) not null, "category" varchar(40) null, "summary" text not null, "organization_code" varchar(40) not null, "organization_name" varchar(200) null, "parties" jsonb not null, "sent_at" timestamptz not null, "received_at" timestamptz not null, "status" varchar(12) not null default 'RECEIVED', "case_number" varchar(80) null, "handler_name" varchar(100) null, "accepted_at" timestamptz null, "rejected_at" timestamptz null, "rejection_reason" text null, "concluded_at" timestamptz null, "outcome" varchar(20) null, "outcome_summary" text null, "version" int not null default 1, constraint "docking_incoming_pkey" primary key ("id"));`);
    this.addSql(`alter table "docking_incoming" add constraint "docking_incoming_docking_id_unique" unique ("docking_id");`);
    this.addSql(`create index "docking_incoming_received_at_id_index" on "docking_incoming" ("received_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "docking_incoming" cascade;`);
  }

}

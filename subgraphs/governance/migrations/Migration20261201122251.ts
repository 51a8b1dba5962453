import { Migration } from '@mikro-orm/migrations';

export class Migration20261201122251 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "docking_outgoing" ("id" uuid not null, "docking_id" uuid not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "kind" varchar(20) not null, "mode" varchar(20) not null, "record_type" varchar(60) not null, "record_id" varchar(64) not null, "record_number" varchar(80) not null, "region_code" varchar(12) not null, "organization_code" varchar(40) null, "organization_name" varchar(200) null, "officer_name" varchar(100) null, "reason" text null, "sent_at" timestamptz not null, "status" varchar(12) not null default 'SENT', "accepted_at" timestamptz null, "case_number" varchar(80) null, "rejected_at" timestamptz null, "rejection_reason" text null, "concluded_at" timestamptz null, "outcome" varchar(20) null, "outcome_summary" text null, "created_at" timestamptz not null default now(), "version" int not null default 1, constraint "docking_outgoing_pkey" primary key ("id"));`);
    this.addSql(`alter table "docking_outgoing" add constraint "docking_outgoing_docking_id_unique" unique ("docking_id");`);
    this.addSql(`create index "docking_outgoing_sent_at_id_index" on "docking_outgoing" ("sent_at", "id");`);
    this.addSql(`create index "docking_outgoing_record_type_record_id_sent_at_index" on "docking_outgoing" ("record_type", "record_id", "sent_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "docking_outgoing" cascade;`);
  }

}

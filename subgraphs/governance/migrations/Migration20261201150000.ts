import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dispute_report" ("id" uuid not null, "dispute_id" uuid not null, "agency" varchar(20) not null, "record_type" varchar(60) not null, "record_id" varchar(64) not null, "record_number" varchar(80) not null, "organization_name" varchar(200) null, "docking_id" varchar(64) not null, "decision" varchar(12) not null, "reason" text not null, "reported_at" timestamptz not null, "answered_at" timestamptz not null, constraint "dispute_report_pkey" primary key ("id"));`);
    this.addSql(`create index "dispute_report_dispute_id_index" on "dispute_report" ("dispute_id");`);
    this.addSql(`alter table "dispute_report" add constraint "dispute_report_agency_record_type_record_id_unique" unique ("agency", "record_type", "record_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dispute_report" cascade;`);
  }

}

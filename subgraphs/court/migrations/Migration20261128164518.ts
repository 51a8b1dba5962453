import { Migration } from '@mikro-orm/migrations';

export class Migration20261128164518 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "court_case" ("id" uuid not null, "dispute_id" uuid not null, "case_number" varchar(60) not null, "cause" varchar(100) not null, "stage" varchar(20) not null default 'PRE_FILING', "status" varchar(20) not null default 'RECEIVED', "region_code" varchar(12) not null, "received_at" timestamptz not null, "version" int not null default 1, constraint "court_case_pkey" primary key ("id"));`);
    this.addSql(`create index "court_case_dispute_id_index" on "court_case" ("dispute_id");`);
    this.addSql(`alter table "court_case" add constraint "court_case_case_number_unique" unique ("case_number");`);
    this.addSql(`create index "court_case_received_at_id_index" on "court_case" ("received_at", "id");`);
  }

}

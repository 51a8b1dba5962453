import { Migration } from '@mikro-orm/migrations';

export class Migration20261128165222 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "procuratorate_case" ("id" uuid not null, "dispute_id" uuid not null, "case_number" varchar(60) not null, "kind" varchar(30) not null, "charge" varchar(100) null, "status" varchar(20) not null default 'RECEIVED', "region_code" varchar(12) not null, "received_at" timestamptz not null, "version" int not null default 1, constraint "procuratorate_case_pkey" primary key ("id"));`);
    this.addSql(`create index "procuratorate_case_dispute_id_index" on "procuratorate_case" ("dispute_id");`);
    this.addSql(`alter table "procuratorate_case" add constraint "procuratorate_case_case_number_unique" unique ("case_number");`);
    this.addSql(`create index "procuratorate_case_received_at_id_index" on "procuratorate_case" ("received_at", "id");`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261128164453 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dispute" ("id" uuid not null, "number" varchar(40) not null, "category" varchar(20) not null, "channel" varchar(20) not null, "summary" text not null, "region_code" varchar(12) not null, "people_involved" int not null, "tier" varchar(10) not null default 'VILLAGE', "status" varchar(20) not null default 'REGISTERED', "risk_level" varchar(10) not null default 'LOW', "registered_at" timestamptz not null, "version" int not null default 1, constraint "dispute_pkey" primary key ("id"));`);
    this.addSql(`alter table "dispute" add constraint "dispute_number_unique" unique ("number");`);
    this.addSql(`create index "dispute_region_code_registered_at_index" on "dispute" ("region_code", "registered_at");`);
    this.addSql(`create index "dispute_registered_at_id_index" on "dispute" ("registered_at", "id");`);

    this.addSql(`create table "region" ("code" varchar(12) not null, "name" varchar(100) not null, "level" varchar(10) not null, "parent_code" varchar(12) null, "population" int null, constraint "region_pkey" primary key ("code"));`);
    this.addSql(`create index "region_parent_code_index" on "region" ("parent_code");`);
  }

}

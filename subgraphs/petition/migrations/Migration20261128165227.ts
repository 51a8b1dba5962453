import { Migration } from '@mikro-orm/migrations';

export class Migration20261128165227 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "petition_item" ("id" uuid not null, "dispute_id" uuid not null, "item_number" varchar(60) not null, "form" varchar(10) not null, "subject" text not null, "status" varchar(20) not null default 'REGISTERED', "region_code" varchar(12) not null, "registered_at" timestamptz not null, "version" int not null default 1, constraint "petition_item_pkey" primary key ("id"));`);
    this.addSql(`create index "petition_item_dispute_id_index" on "petition_item" ("dispute_id");`);
    this.addSql(`alter table "petition_item" add constraint "petition_item_item_number_unique" unique ("item_number");`);
    this.addSql(`create index "petition_item_registered_at_id_index" on "petition_item" ("registered_at", "id");`);
  }

}

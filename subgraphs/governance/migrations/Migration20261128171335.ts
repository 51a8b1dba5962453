import { Migration } from '@mikro-orm/migrations';

export class Migration20261128171335 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "dispute_number_counter" ("scope" varchar(9) not null, "year" int not null, "last" int not null, constraint "dispute_number_counter_pkey" primary key ("scope", "year"));`);

    this.addSql(`alter table "dispute" add column "first_contact_subject" varchar(100) null, add column "first_contact_name" varchar(50) null, add column "first_contact_organization" varchar(40) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dispute_number_counter" cascade;`);

    this.addSql(`alter table "dispute" drop column "first_contact_subject", drop column "first_contact_name", drop column "first_contact_organization";`);
  }

}

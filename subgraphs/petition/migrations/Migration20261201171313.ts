import { Migration } from '@mikro-orm/migrations';

// Numbers are taken from a row-locked counter per series (NumberCounter in the kit): concurrent registrations queue instead of racing.
export class Migration20261201171313 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "number_counter" ("scope" varchar(80) not null, "last" int not null, constraint "number_counter_pkey" primary key ("scope"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "number_counter" cascade;`);
  }

}

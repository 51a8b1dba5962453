import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "petition_item" alter column "dispute_id" drop not null;`);
    this.addSql(`alter table "petition_item" add column "dispute_number" varchar(40) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "petition_item" drop column "dispute_number";`);
    this.addSql(`alter table "petition_item" alter column "dispute_id" set not null;`);
  }

}

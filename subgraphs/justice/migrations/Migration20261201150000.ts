import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "mediation_case" add column "dispute_number" varchar(40) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mediation_case" drop column "dispute_number";`);
  }

}

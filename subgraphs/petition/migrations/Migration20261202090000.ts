import { Migration } from '@mikro-orm/migrations';

// 纠纷类别 given at registration, sent with the 访调 hand-over.
export class Migration20261202090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "petition_item" add column "category" varchar(20) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "petition_item" drop column "category";`);
  }

}

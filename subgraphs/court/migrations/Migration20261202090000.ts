import { Migration } from '@mikro-orm/migrations';

// 纠纷类别 given at 收案, sent with the 委派/委托 hand-over.
export class Migration20261202090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "court_case" add column "category" varchar(20) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "court_case" drop column "category";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

// 纠纷类别 given at 审查起诉 intake, for the hub's report and the 检调 hand-over.
export class Migration20261202090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "procuratorate_case" add column "dispute_category" varchar(20) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "procuratorate_case" drop column "dispute_category";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

// 纠纷类别 an officer may give a reported incident (民间纠纷 spans several of the hub's categories).
export class Migration20261202090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "police_incident" add column "dispute_category" varchar(20) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "police_incident" drop column "dispute_category";`);
  }

}

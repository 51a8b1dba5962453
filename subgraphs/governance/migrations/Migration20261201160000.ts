import { Migration } from '@mikro-orm/migrations';

// Region prefix filters (region_code like '321281%') use an index under any collation: varchar_pattern_ops.
export class Migration20261201160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "dispute_region_code_registered_at_index";`);
    this.addSql(`create index "dispute_region_code_pattern_index" on "dispute" ("region_code" varchar_pattern_ops, "registered_at");`);
    this.addSql(`drop index if exists "docking_region_code_sent_at_index";`);
    this.addSql(`create index "docking_region_code_pattern_index" on "docking" ("region_code" varchar_pattern_ops, "sent_at");`);
    this.addSql(`create index "risk_alert_region_code_pattern_index" on "risk_alert" ("region_code" varchar_pattern_ops, "raised_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "dispute_region_code_pattern_index";`);
    this.addSql(`create index "dispute_region_code_registered_at_index" on "dispute" ("region_code", "registered_at");`);
    this.addSql(`drop index "docking_region_code_pattern_index";`);
    this.addSql(`create index "docking_region_code_sent_at_index" on "docking" ("region_code", "sent_at");`);
    this.addSql(`drop index "risk_alert_region_code_pattern_index";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

// Region prefix filters (region_code like '321281%') use an index under any collation: varchar_pattern_ops.
export class Migration20261201160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "police_incident_region_code_pattern_index" on "police_incident" ("region_code" varchar_pattern_ops, "reported_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "police_incident_region_code_pattern_index";`);
  }

}

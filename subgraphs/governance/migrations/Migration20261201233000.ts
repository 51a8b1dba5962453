import { Migration } from '@mikro-orm/migrations';

// The indicator figures that read the clock (overdue now, overdue among a period's registrations, a
// funnel step past its clock) are counted from the records at every request, never kept in the
// totals. Only a record with a running clock can be overdue (`due_at` is null once a dispute or a
// docking is closed), so these partial indexes hold the open ones alone: a county's overdue count reads
// its open records, not its three years of history.
export class Migration20261201233000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "dispute_open_indicator_index" on "dispute" ("region_code" varchar_pattern_ops) include ("registered_at", "due_at") where "due_at" is not null;`);
    this.addSql(`create index if not exists "docking_open_indicator_index" on "docking" ("region_code" varchar_pattern_ops) include ("sent_at", "due_at", "kind", "mode", "status") where "due_at" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "dispute_open_indicator_index";`);
    this.addSql(`drop index if exists "docking_open_indicator_index";`);
  }

}

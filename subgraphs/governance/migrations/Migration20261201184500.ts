import { Migration } from '@mikro-orm/migrations';

// Covering indexes for the indicator statements (packages/subgraph-kit/src/indicators/sql.ts): a region
// prefix (varchar_pattern_ops, as the LIKE needs under any collation) with every column a source's
// figures read INCLUDEd, so a county's rows are read as an index-only scan of one contiguous range
// instead of thousands of scattered heap pages. Keep the INCLUDE list in step with the sources'
// measures (a column missing sends PostgreSQL back to the heap).
export class Migration20261201184500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "dispute_indicator_index" on "dispute" ("region_code" varchar_pattern_ops) include ("registered_at", "resolved_at", "due_at", "channel", "category", "tier");`);
    this.addSql(`create index if not exists "docking_indicator_index" on "docking" ("region_code" varchar_pattern_ops) include ("sent_at", "due_at", "kind", "mode", "status", "concluded_at", "outcome");`);
    this.addSql(`create index if not exists "risk_alert_indicator_index" on "risk_alert" ("region_code" varchar_pattern_ops) include ("raised_at", "status", "level");`);
    this.addSql(`create index if not exists "supervision_item_indicator_index" on "supervision_item" ("region_code" varchar_pattern_ops) include ("created_at", "cleared_at", "status");`);
    this.addSql(`create index if not exists "screening_report_indicator_index" on "screening_report" ("region_code" varchar_pattern_ops, "period_key") include ("id", "zero_report");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "dispute_indicator_index";`);
    this.addSql(`drop index if exists "docking_indicator_index";`);
    this.addSql(`drop index if exists "risk_alert_indicator_index";`);
    this.addSql(`drop index if exists "supervision_item_indicator_index";`);
    this.addSql(`drop index if exists "screening_report_indicator_index";`);
  }

}

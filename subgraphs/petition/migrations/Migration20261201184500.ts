import { Migration } from '@mikro-orm/migrations';

// Covering indexes for the indicator statements (packages/subgraph-kit/src/indicators/sql.ts): a region
// prefix (varchar_pattern_ops, as the LIKE needs under any collation) with every column a source's
// figures read INCLUDEd, so a county's rows are read as an index-only scan of one contiguous range
// instead of thousands of scattered heap pages. Keep the INCLUDE list in step with the sources'
// measures (a column missing sends PostgreSQL back to the heap).
export class Migration20261201184500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "petition_item_indicator_index" on "petition_item" ("region_code" varchar_pattern_ops) include ("registered_at", "routed_at", "route_due_at", "concluded_at", "handle_due_at", "rated_at", "satisfaction", "referred_at", "mediation_outcome");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "petition_item_indicator_index";`);
  }

}

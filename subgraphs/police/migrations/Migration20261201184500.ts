import { Migration } from '@mikro-orm/migrations';

// Covering indexes for the indicator statements (packages/subgraph-kit/src/indicators/sql.ts): a region
// prefix (varchar_pattern_ops, as the LIKE needs under any collation) with every column a source's
// figures read INCLUDEd, so a county's rows are read as an index-only scan of one contiguous range
// instead of thousands of scattered heap pages. Keep the INCLUDE list in step with the sources'
// measures (a column missing sends PostgreSQL back to the heap).
export class Migration20261201184500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "police_incident_indicator_index" on "police_incident" ("region_code" varchar_pattern_ops) include ("id", "reported_at", "non_police", "dispute_id");`);
    this.addSql(`create index if not exists "police_mediation_indicator_index" on "police_mediation" ("incident_id") include ("status", "concluded_at");`);
    this.addSql(`create index if not exists "docking_outgoing_indicator_index" on "docking_outgoing" ("region_code" varchar_pattern_ops) include ("kind", "sent_at", "accepted_at", "rejected_at", "concluded_at", "outcome");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "police_incident_indicator_index";`);
    this.addSql(`drop index if exists "police_mediation_indicator_index";`);
    this.addSql(`drop index if exists "docking_outgoing_indicator_index";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

// Covering indexes for the indicator statements (packages/subgraph-kit/src/indicators/sql.ts): a region
// prefix (varchar_pattern_ops, as the LIKE needs under any collation) with every column a source's
// figures read INCLUDEd, so a county's rows are read as an index-only scan of one contiguous range
// instead of thousands of scattered heap pages. Keep the INCLUDE list in step with the sources'
// measures (a column missing sends PostgreSQL back to the heap).
export class Migration20261201184500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "court_case_indicator_index" on "court_case" ("region_code" varchar_pattern_ops) include ("received_at", "diverted_at", "pre_filing_outcome_at", "pre_filing_outcome", "filed_at", "mediation_sent_at", "mediation_mode", "mediation_outcome_at", "mediation_outcome");`);
    this.addSql(`create index if not exists "judicial_confirmation_indicator_index" on "judicial_confirmation" ("region_code" varchar_pattern_ops) include ("applied_at", "accepted_at", "refused_at", "ruled_at", "status", "performed_at");`);
    this.addSql(`create index if not exists "enforcement_application_indicator_index" on "enforcement_application" ("region_code" varchar_pattern_ops) include ("applied_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "court_case_indicator_index";`);
    this.addSql(`drop index if exists "judicial_confirmation_indicator_index";`);
    this.addSql(`drop index if exists "enforcement_application_indicator_index";`);
  }

}

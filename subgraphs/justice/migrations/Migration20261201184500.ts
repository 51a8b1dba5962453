import { Migration } from '@mikro-orm/migrations';

// Covering indexes for the indicator statements (packages/subgraph-kit/src/indicators/sql.ts): a region
// prefix (varchar_pattern_ops, as the LIKE needs under any collation) with every column a source's
// figures read INCLUDEd, so a county's rows are read as an index-only scan of one contiguous range
// instead of thousands of scattered heap pages. Keep the INCLUDE list in step with the sources'
// measures (a column missing sends PostgreSQL back to the heap).
export class Migration20261201184500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "mediation_case_indicator_index" on "mediation_case" ("region_code" varchar_pattern_ops) include ("id", "received_at", "concluded_at", "status", "outcome");`);
    this.addSql(`create index if not exists "mediation_agreement_indicator_index" on "mediation_agreement" ("case_id") include ("amount", "region_code");`);
    this.addSql(`create index if not exists "mediation_agreement_region_indicator_index" on "mediation_agreement" ("region_code" varchar_pattern_ops) include ("case_id", "amount", "effective_date", "performance_status", "performance_deadline");`);
    this.addSql(`create index if not exists "return_visit_indicator_index" on "return_visit" ("case_id") include ("reason", "status", "scheduled_for");`);
    this.addSql(`create index if not exists "legal_aid_case_indicator_index" on "legal_aid_case" ("region_code" varchar_pattern_ops) include ("applied_at", "reviewed_at", "review_due_at", "assigned_at", "assign_due_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "mediation_case_indicator_index";`);
    this.addSql(`drop index if exists "mediation_agreement_indicator_index";`);
    this.addSql(`drop index if exists "mediation_agreement_region_indicator_index";`);
    this.addSql(`drop index if exists "return_visit_indicator_index";`);
    this.addSql(`drop index if exists "legal_aid_case_indicator_index";`);
  }

}

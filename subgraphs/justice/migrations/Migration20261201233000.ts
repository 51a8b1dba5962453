import { Migration } from '@mikro-orm/migrations';

// The figures that read the clock — agreements due and not performed, return visits due and not
// done — are counted from the records at every request, never kept in the totals. Performed
// agreements and done visits can never count there, so these partial indexes hold the others alone: a
// county's overdue agreements read its unperformed ones, not its three years of history.
export class Migration20261201233000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "mediation_agreement_unperformed_indicator_index" on "mediation_agreement" ("region_code" varchar_pattern_ops) include ("effective_date", "performance_status", "performance_deadline") where "performance_status" <> 'PERFORMED';`);
    this.addSql(`create index if not exists "return_visit_not_done_indicator_index" on "return_visit" ("case_id") include ("reason", "status", "scheduled_for") where "status" <> 'DONE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "mediation_agreement_unperformed_indicator_index";`);
    this.addSql(`drop index if exists "return_visit_not_done_indicator_index";`);
  }

}

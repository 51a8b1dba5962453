import { Migration } from '@mikro-orm/migrations';

export class Migration20261201131244 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "procuratorate_case" add column "suspect_birth_date" varchar(10) null, add column "victim_id_number" varchar(18) null, add column "chapter" smallint null, add column "negligent" boolean null, add column "statutory_maximum_months" smallint null, add column "intentional_crime_within_five_years" boolean null, add column "arises_from_civil_dispute" boolean null;`);
    // A case taken in at the procuratorate's own door has no hub dispute until the hub answers.
    this.addSql(`alter table "procuratorate_case" alter column "dispute_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "procuratorate_case" drop column "suspect_birth_date", drop column "victim_id_number", drop column "chapter", drop column "negligent", drop column "statutory_maximum_months", drop column "intentional_crime_within_five_years", drop column "arises_from_civil_dispute";`);
    this.addSql(`alter table "procuratorate_case" alter column "dispute_id" set not null;`);
  }

}

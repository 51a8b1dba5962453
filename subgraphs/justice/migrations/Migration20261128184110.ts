import { Migration } from '@mikro-orm/migrations';

export class Migration20261128184110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "mediation_agreement" add column "confirmation_application_id" uuid null, add column "confirmation_applied_at" timestamptz null, add column "confirmation_ruling" varchar(10) null, add column "confirmation_case_number" varchar(60) null, add column "confirmation_ruled_at" timestamptz null, add column "confirmation_reason" text null;`);
    this.addSql(`alter table "mediation_agreement" add constraint "mediation_agreement_confirmation_application_id_unique" unique ("confirmation_application_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mediation_agreement" drop constraint "mediation_agreement_confirmation_application_id_unique";`);
    this.addSql(`alter table "mediation_agreement" drop column "confirmation_application_id", drop column "confirmation_applied_at", drop column "confirmation_ruling", drop column "confirmation_case_number", drop column "confirmation_ruled_at", drop column "confirmation_reason";`);
  }

}

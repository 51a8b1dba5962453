import { Migration } from '@mikro-orm/migrations';

export class Migration20261201143541 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "docking_outgoing" add column "confirmation_ruling" varchar(12) null, add column "confirmation_case_number" varchar(80) null, add column "confirmation_ruled_at" timestamptz null, add column "confirmation_reason" text null, add column "enforcement_case_number" varchar(80) null, add column "enforcement_applied_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "docking_outgoing" drop column "confirmation_ruling", drop column "confirmation_case_number", drop column "confirmation_ruled_at", drop column "confirmation_reason", drop column "enforcement_case_number", drop column "enforcement_applied_at";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261128184102 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "judicial_confirmation" add column "docking_id" uuid null;`);
    this.addSql(`create index "judicial_confirmation_docking_id_index" on "judicial_confirmation" ("docking_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "judicial_confirmation_docking_id_index";`);
    this.addSql(`alter table "judicial_confirmation" drop column "docking_id";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130600 extends Migration {
  override async up(): Promise<void> {
    // An application the court did not send (公调、访调、检调、direct) may come without the hub's dispute id.
    this.addSql(`alter table "judicial_confirmation" alter column "dispute_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "judicial_confirmation" alter column "dispute_id" set not null;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Service-list items get an owning region (the county or town whose hub publishes them): the list
 * is read per region, and only a supervisor whose jurisdiction covers the item may withdraw it.
 * Items published before belong to the deployment's county (the only hub that could have published
 * them); without a county in the region table the migration stops rather than guess an owner.
 */
export class Migration20261201120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "service_item" add column "region_code" varchar(12) null;`);
    this.addSql(`update "service_item" set "region_code" = (select "code" from "region" where "level" = 'COUNTY' order by "code" limit 1) where "region_code" is null;`);
    this.addSql(`alter table "service_item" alter column "region_code" set not null;`);
    this.addSql(`create index "service_item_region_code_index" on "service_item" ("region_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "service_item_region_code_index";`);
    this.addSql(`alter table "service_item" drop column "region_code";`);
  }

}

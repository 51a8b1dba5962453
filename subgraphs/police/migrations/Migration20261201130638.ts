import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130638 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "police_incident" add column "reporter_id_number" varchar(18) null, add column "channel" varchar(20) not null default 'CALL_110', add column "parties" jsonb null, add column "place" varchar(200) null, add column "occurred_at" timestamptz null, add column "station_code" varchar(18) null, add column "external_number" varchar(40) null, add column "import_digest" varchar(64) null;`);
    this.addSql(`alter table "police_incident" add constraint "police_incident_station_code_external_number_unique" unique ("station_code", "external_number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "police_incident" drop constraint "police_incident_station_code_external_number_unique";`);
    this.addSql(`alter table "police_incident" drop column "reporter_id_number", drop column "channel", drop column "parties", drop column "place", drop column "occurred_at", drop column "station_code", drop column "external_number", drop column "import_digest";`);
  }

}

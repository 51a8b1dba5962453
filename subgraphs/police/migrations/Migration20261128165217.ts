import { Migration } from '@mikro-orm/migrations';

export class Migration20261128165217 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "police_incident" ("id" uuid not null, "dispute_id" uuid not null, "incident_number" varchar(40) not null, "station" varchar(100) not null, "category" varchar(20) not null, "non_police" boolean not null, "summary" text not null, "status" varchar(20) not null default 'RECEIVED', "region_code" varchar(12) not null, "reported_at" timestamptz not null, "version" int not null default 1, constraint "police_incident_pkey" primary key ("id"));`);
    this.addSql(`create index "police_incident_dispute_id_index" on "police_incident" ("dispute_id");`);
    this.addSql(`alter table "police_incident" add constraint "police_incident_incident_number_unique" unique ("incident_number");`);
    this.addSql(`create index "police_incident_reported_at_id_index" on "police_incident" ("reported_at", "id");`);
  }

}

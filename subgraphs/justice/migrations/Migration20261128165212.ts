import { Migration } from '@mikro-orm/migrations';

export class Migration20261128165212 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mediation_case" ("id" uuid not null, "dispute_id" uuid not null, "case_number" varchar(60) not null, "organization_name" varchar(100) not null, "mediator_name" varchar(50) not null, "source" varchar(30) not null, "status" varchar(20) not null default 'ACCEPTED', "outcome" varchar(20) null, "region_code" varchar(12) not null, "accepted_at" timestamptz not null, "version" int not null default 1, constraint "mediation_case_pkey" primary key ("id"));`);
    this.addSql(`create index "mediation_case_dispute_id_index" on "mediation_case" ("dispute_id");`);
    this.addSql(`alter table "mediation_case" add constraint "mediation_case_case_number_unique" unique ("case_number");`);
    this.addSql(`create index "mediation_case_accepted_at_id_index" on "mediation_case" ("accepted_at", "id");`);
  }

}

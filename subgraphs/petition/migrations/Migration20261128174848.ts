import { Migration } from '@mikro-orm/migrations';
import { PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL } from '@jiefen/subgraph-kit';

export class Migration20261128174848 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "personal_data_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" varchar(100) not null, "caller_name" varchar(50) not null, "agency" varchar(20) not null, "organization" varchar(40) not null, "record_type" varchar(40) not null, "record_id" varchar(64) not null, "fields" text[] not null, "request_id" varchar(100) not null);`);
    this.addSql(`create index "personal_data_access_record_type_record_id_index" on "personal_data_access" ("record_type", "record_id");`);
    this.addSql(`create index "personal_data_access_accessed_at_id_index" on "personal_data_access" ("accessed_at", "id");`);

    this.addSql(`alter table "petition_item" add column "petitioner_name" varchar(50) null, add column "petitioner_id_number" varchar(18) null, add column "petitioner_phone" varchar(20) null, add column "due_at" timestamptz null, add column "route_due_at" timestamptz null, add column "routed_at" timestamptz null, add column "handling_unit" varchar(100) null, add column "decline_reason" text null, add column "accepted_at" timestamptz null, add column "handle_due_at" timestamptz null, add column "extension_days" int not null default 0, add column "extension_reason" text null, add column "mediation_organization" varchar(100) null, add column "referred_at" timestamptz null, add column "mediation_outcome" varchar(20) null, add column "answer" text null, add column "concluded_at" timestamptz null, add column "review_requested_at" timestamptz null, add column "review_opinion" text null, add column "review_answered_at" timestamptz null, add column "re_review_requested_at" timestamptz null, add column "re_review_opinion" text null, add column "re_review_answered_at" timestamptz null, add column "satisfaction" varchar(20) null, add column "rated_at" timestamptz null;`);
    this.addSql(`alter table "petition_item" alter column "status" type varchar(30) using ("status"::varchar(30));`);
    this.addSql(`create index "petition_item_concluded_at_index" on "petition_item" ("concluded_at");`);
    this.addSql(`create index "petition_item_rated_at_index" on "petition_item" ("rated_at");`);
    this.addSql(`create index "petition_item_due_at_id_index" on "petition_item" ("due_at", "id");`);
    // PIPL access records are append-only, whatever the API does.
    for (const sql of PERSONAL_DATA_ACCESS_APPEND_ONLY_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personal_data_access" cascade;`);

    this.addSql(`drop index "petition_item_concluded_at_index";`);
    this.addSql(`drop index "petition_item_rated_at_index";`);
    this.addSql(`drop index "petition_item_due_at_id_index";`);
    this.addSql(`alter table "petition_item" drop column "petitioner_name", drop column "petitioner_id_number", drop column "petitioner_phone", drop column "due_at", drop column "route_due_at", drop column "routed_at", drop column "handling_unit", drop column "decline_reason", drop column "accepted_at", drop column "handle_due_at", drop column "extension_days", drop column "extension_reason", drop column "mediation_organization", drop column "referred_at", drop column "mediation_outcome", drop column "answer", drop column "concluded_at", drop column "review_requested_at", drop column "review_opinion", drop column "review_answered_at", drop column "re_review_requested_at", drop column "re_review_opinion", drop column "re_review_answered_at", drop column "satisfaction", drop column "rated_at";`);

    this.addSql(`alter table "petition_item" alter column "status" type varchar(20) using ("status"::varchar(20));`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261201121348 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "docking_outgoing" ("id" uuid not null, "docking_id" uuid not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "kind" varchar(20) not null, "mode" varchar(20) not null, "record_type" varchar(60) not null, "record_id" varchar(64) not null, "record_number" varchar(80) not null, "region_code" varchar(12) not null, "organization_code" varchar(40) null, "organization_name" varchar(200) null, "officer_name" varchar(100) null, "reason" text null, "sent_at" timestamptz not null, "status" varchar(12) not null default 'SENT', "accepted_at" timestamptz null, "case_number" varchar(80) null, "rejected_at" timestamptz null, "rejection_reason" text null, "concluded_at" timestamptz null, "outcome" varchar(20) null, "outcome_summary" text null, "created_at" timestamptz not null default now(), "version" int not null default 1, constraint "docking_outgoing_pkey" primary key ("id"));`);
    this.addSql(`alter table "docking_outgoing" add constraint "docking_outgoing_docking_id_unique" unique ("docking_id");`);
    this.addSql(`create index "docking_outgoing_sent_at_id_index" on "docking_outgoing" ("sent_at", "id");`);
    this.addSql(`create index "docking_outgoing_record_type_record_id_sent_at_index" on "docking_outgoing" ("record_type", "record_id", "sent_at");`);

    // 公调 transfers become the docking package's outgoing dockings, with their ids (the API's
    // PoliceTransfer.id, the access log's record ids and the idempotency keys' results keep them).
    this.addSql(`insert into "docking_outgoing" ("id", "docking_id", "from_agency", "to_agency", "kind", "mode", "record_type", "record_id", "record_number", "region_code", "organization_code", "organization_name", "officer_name", "reason", "sent_at", "status", "accepted_at", "case_number", "rejected_at", "rejection_reason", "concluded_at", "outcome", "outcome_summary", "created_at", "version")
      select t."id", t."docking_id", 'POLICE', 'JUSTICE', 'POLICE', 'TRANSFER', 'PoliceIncident', t."incident_id"::text, i."incident_number", t."region_code", t."to_organization_code", t."to_organization_name", t."officer_name", t."reason", t."sent_at", t."status", t."accepted_at", t."mediation_case_number", null, t."rejection_reason", t."concluded_at", t."outcome", t."outcome_summary", t."sent_at", t."version"
      from "police_transfer" t join "police_incident" i on i."id" = t."incident_id";`);
    this.addSql(`update "idempotent_request" set "result" = jsonb_set("result", '{type}', '"DockingOutgoing"') where "result"->>'type' = 'PoliceTransfer';`);
    this.addSql(`drop table if exists "police_transfer" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "police_transfer" ("id" uuid not null, "docking_id" uuid not null, "incident_id" uuid not null, "region_code" varchar(12) not null, "to_organization_code" varchar(18) not null, "to_organization_name" varchar(100) null, "reason" text not null, "status" varchar(20) not null default 'SENT', "outcome" varchar(20) null, "outcome_summary" text null, "mediation_case_number" varchar(60) null, "rejection_reason" text null, "officer_name" varchar(50) not null, "sent_at" timestamptz(6) not null, "accepted_at" timestamptz(6) null, "concluded_at" timestamptz(6) null, "version" int4 not null default 1, constraint "police_transfer_pkey" primary key ("id"));`);
    this.addSql(`alter table "police_transfer" add constraint "police_transfer_docking_id_unique" unique ("docking_id");`);
    this.addSql(`create index "police_transfer_incident_id_index" on "police_transfer" ("incident_id");`);
    this.addSql(`create index "police_transfer_sent_at_id_index" on "police_transfer" ("sent_at", "id");`);
    this.addSql(`insert into "police_transfer" ("id", "docking_id", "incident_id", "region_code", "to_organization_code", "to_organization_name", "reason", "status", "outcome", "outcome_summary", "mediation_case_number", "rejection_reason", "officer_name", "sent_at", "accepted_at", "concluded_at", "version")
      select "id", "docking_id", "record_id"::uuid, "region_code", left(coalesce("organization_code", ''), 18), left("organization_name", 100), coalesce("reason", ''), "status", "outcome", "outcome_summary", left("case_number", 60), "rejection_reason", left(coalesce("officer_name", ''), 50), "sent_at", "accepted_at", "concluded_at", "version"
      from "docking_outgoing" where "from_agency" = 'POLICE' and "record_type" = 'PoliceIncident';`);
    this.addSql(`update "idempotent_request" set "result" = jsonb_set("result", '{type}', '"PoliceTransfer"') where "result"->>'type' = 'DockingOutgoing';`);

    this.addSql(`drop table if exists "docking_outgoing" cascade;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261201121720 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "docking_outgoing" ("id" uuid not null, "docking_id" uuid not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "kind" varchar(20) not null, "mode" varchar(20) not null, "record_type" varchar(60) not null, "record_id" varchar(64) not null, "record_number" varchar(80) not null, "region_code" varchar(12) not null, "organization_code" varchar(40) null, "organization_name" varchar(200) null, "officer_name" varchar(100) null, "reason" text null, "sent_at" timestamptz not null, "status" varchar(12) not null default 'SENT', "accepted_at" timestamptz null, "case_number" varchar(80) null, "rejected_at" timestamptz null, "rejection_reason" text null, "concluded_at" timestamptz null, "outcome" varchar(20) null, "outcome_summary" text null, "created_at" timestamptz not null default now(), "version" int not null default 1, constraint "docking_outgoing_pkey" primary key ("id"));`);
    this.addSql(`alter table "docking_outgoing" add constraint "docking_outgoing_docking_id_unique" unique ("docking_id");`);
    this.addSql(`create index "docking_outgoing_sent_at_id_index" on "docking_outgoing" ("sent_at", "id");`);
    this.addSql(`create index "docking_outgoing_record_type_record_id_sent_at_index" on "docking_outgoing" ("record_type", "record_id", "sent_at");`);

    // The hand-over facts move from the case to its outgoing docking (the latest docking of each case:
    // the only one the case kept). Who sent it is read from the DockingRequested in the outbox.
    this.addSql(`insert into "docking_outgoing" ("id", "docking_id", "from_agency", "to_agency", "kind", "mode", "record_type", "record_id", "record_number", "region_code", "organization_code", "organization_name", "officer_name", "sent_at", "status", "accepted_at", "case_number", "rejection_reason", "concluded_at", "outcome", "outcome_summary", "created_at")
      select gen_random_uuid(), c."docking_id", 'COURT', 'JUSTICE', 'COURT', case when c."mediation_mode" = 'ENTRUSTED' then 'COMMISSION' else 'ENTRUST' end, 'CourtCase', c."id"::text, coalesce(c."filing_number", c."case_number"), c."region_code",
        c."mediation_organization_code", c."mediation_organization", (select o."payload"->'source'->>'officerName' from "docking_outbox" o where o."docking_id" = c."docking_id"::text and o."type" = 'DockingRequested' limit 1),
        coalesce(c."mediation_sent_at", c."received_at"),
        case when c."mediation_rejection_reason" is not null then 'REJECTED' when c."status" in ('DIVERTED_TO_MEDIATION', 'IN_ENTRUSTED_MEDIATION') or c."mediation_outcome" is null then (case when c."mediation_accepted_at" is null then 'SENT' else 'ACCEPTED' end) else 'CONCLUDED' end,
        c."mediation_accepted_at", c."mediation_case_number", c."mediation_rejection_reason",
        case when c."mediation_rejection_reason" is null and c."status" not in ('DIVERTED_TO_MEDIATION', 'IN_ENTRUSTED_MEDIATION') then c."mediation_outcome_at" end,
        case when c."mediation_rejection_reason" is null and c."status" not in ('DIVERTED_TO_MEDIATION', 'IN_ENTRUSTED_MEDIATION') then (case c."mediation_outcome" when 'SUCCEEDED' then 'AGREEMENT' when 'FAILED' then 'NO_AGREEMENT' end) end,
        case when c."mediation_rejection_reason" is null and c."status" not in ('DIVERTED_TO_MEDIATION', 'IN_ENTRUSTED_MEDIATION') then c."mediation_outcome_note" end,
        coalesce(c."mediation_sent_at", c."received_at")
      from "court_case" c where c."docking_id" is not null;`);
    this.addSql(`alter table "court_case" drop constraint "court_case_docking_id_unique";`);
    this.addSql(`alter table "court_case" drop column "mediation_organization", drop column "mediation_organization_code", drop column "docking_id", drop column "mediation_accepted_at", drop column "mediation_case_number", drop column "mediation_rejection_reason";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "court_case" add column "mediation_organization" varchar(100) null, add column "mediation_organization_code" varchar(18) null, add column "docking_id" uuid null, add column "mediation_accepted_at" timestamptz(6) null, add column "mediation_case_number" varchar(60) null, add column "mediation_rejection_reason" text null;`);
    this.addSql(`alter table "court_case" add constraint "court_case_docking_id_unique" unique ("docking_id");`);
    this.addSql(`update "court_case" c set "docking_id" = d."docking_id", "mediation_organization" = left(d."organization_name", 100), "mediation_organization_code" = left(d."organization_code", 18), "mediation_accepted_at" = d."accepted_at", "mediation_case_number" = left(d."case_number", 60), "mediation_rejection_reason" = d."rejection_reason"
      from (select distinct on ("record_id") * from "docking_outgoing" where "from_agency" = 'COURT' and "record_type" = 'CourtCase' order by "record_id", "sent_at" desc, "created_at" desc) d where c."id"::text = d."record_id";`);
    this.addSql(`drop table if exists "docking_outgoing" cascade;`);
  }

}

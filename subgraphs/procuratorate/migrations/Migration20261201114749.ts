import { Migration } from '@mikro-orm/migrations';

export class Migration20261201114749 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotent_request" ("subject" varchar(100) not null, "key" varchar(64) not null, "operation" varchar(64) not null, "request_hash" varchar(64) not null, "result" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotent_request_pkey" primary key ("subject", "key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotent_request" cascade;`);
  }

}

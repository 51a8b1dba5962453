import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EntityManager } from '@mikro-orm/core';
import type { Agency, Key } from '@jiefen/auth';
import { Migration, migrationList, type DatabaseModule } from '@jiefen/database';
import { createTestDatabase, freePort, until, type TestDatabase } from '@jiefen/testing';
import { createEventHandler, DOCKING_ENTITIES, generateDockingKeyPair, type DockingEvent, type DockingKeyRing, type DockingLogEntry } from '../src/index.js';
import { TestReceived, TestTransfer } from './business.js';

/** The protocol's tables as `npm run migration:create` generates them for a subgraph, plus the test's business tables. */
class DockingTestMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "docking_inbox_cursor" ("from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "last_sequence" int not null, constraint "docking_inbox_cursor_pkey" primary key ("from_agency", "to_agency", "docking_id"));`,
    );
    this.addSql(
      `create table "docking_inbox" ("event_id" uuid not null, "type" varchar(64) not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "sequence" int not null, "content_hash" varchar(64) not null, "occurred_at" timestamptz not null, "applied_at" timestamptz not null default now(), constraint "docking_inbox_pkey" primary key ("event_id"));`,
    );
    this.addSql(
      `alter table "docking_inbox" add constraint "docking_inbox_from_agency_to_agency_docking_id_sequence_unique" unique ("from_agency", "to_agency", "docking_id", "sequence");`,
    );
    this.addSql(
      `create table "docking_outbox" ("id" bigserial primary key, "event_id" uuid not null, "recipient" varchar(20) not null, "type" varchar(64) not null, "docking_id" varchar(64) not null, "sequence" int not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "state" varchar(12) not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "docking_outbox_state_id_index" on "docking_outbox" ("state", "id");`);
    this.addSql(
      `create index "docking_outbox_recipient_docking_id_to_agency_sequence_index" on "docking_outbox" ("recipient", "docking_id", "to_agency", "sequence");`,
    );
    this.addSql(`alter table "docking_outbox" add constraint "docking_outbox_event_id_recipient_unique" unique ("event_id", "recipient");`);
    this.addSql(
      `create table "docking_outbox_sequence" ("from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "docking_id" varchar(64) not null, "last_sequence" int not null, constraint "docking_outbox_sequence_pkey" primary key ("from_agency", "to_agency", "docking_id"));`,
    );
    this.addSql(
      `create table "idempotent_request" ("subject" varchar(100) not null, "key" varchar(64) not null, "operation" varchar(64) not null, "request_hash" varchar(64) not null, "result" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotent_request_pkey" primary key ("subject", "key"));`,
    );
    this.addSql(
      `create table "docking_outgoing" ("id" uuid not null, "docking_id" uuid not null, "from_agency" varchar(20) not null, "to_agency" varchar(20) not null, "kind" varchar(20) not null, "mode" varchar(20) not null, "record_type" varchar(60) not null, "record_id" varchar(64) not null, "record_number" varchar(80) not null, "region_code" varchar(12) not null, "organization_code" varchar(40) null, "organization_name" varchar(200) null, "officer_name" varchar(100) null, "reason" text null, "sent_at" timestamptz not null, "status" varchar(12) not null default 'SENT', "accepted_at" timestamptz null, "case_number" varchar(80) null, "rejected_at" timestamptz null, "rejection_reason" text null, "concluded_at" timestamptz null, "outcome" varchar(20) null, "outcome_summary" text null, "confirmation_ruling" varchar(12) null, "confirmation_case_number" varchar(80) null, "confirmation_ruled_at" timestamptz null, "confirmation_reason" text null, "enforcement_case_number" varchar(80) null, "enforcement_applied_at" timestamptz null, "created_at" timestamptz not null default now(), "version" int not null default 1, constraint "docking_outgoing_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "docking_outgoing" add constraint "docking_outgoing_docking_id_unique" unique ("docking_id");`);
    this.addSql(`create index "docking_outgoing_sent_at_id_index" on "docking_outgoing" ("sent_at", "id");`);
    this.addSql(`create index "docking_outgoing_record_type_record_id_sent_at_index" on "docking_outgoing" ("record_type", "record_id", "sent_at");`);
    this.addSql(
      `create table "test_received" ("id" bigserial primary key, "event_id" uuid not null, "docking_id" varchar(64) not null, "sequence" int not null, "type" varchar(64) not null);`,
    );
    this.addSql(
      `create table "test_transfer" ("id" uuid not null, "docking_id" varchar(64) not null, "summary" varchar(200) not null, constraint "test_transfer_pkey" primary key ("id"));`,
    );
  }
}

export function dockingTestModule(name: string): DatabaseModule {
  return { name, entities: [...DOCKING_ENTITIES, TestTransfer, TestReceived], migrations: migrationList(DockingTestMigration) };
}

/** A database with the protocol's tables (outbox, inbox). */
export async function agencyDatabase(name: string): Promise<TestDatabase> {
  return createTestDatabase(dockingTestModule(name));
}

/** Collects log entries instead of printing them. */
export function collectLogs(): { entries: DockingLogEntry[]; log: (entry: DockingLogEntry) => void } {
  const entries: DockingLogEntry[] = [];
  return { entries, log: (entry) => entries.push(entry) };
}

/** Polls until `condition` holds (never a fixed sleep); fails after `timeoutMs`. The package's workers poll fast, so do its tests. */
export function waitFor<T>(
  what: string,
  condition: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  return until(what, condition, { timeoutMs, intervalMs: 25 });
}

/** Records the applied event as the receiver's business effect. */
export async function recordEffect(em: EntityManager, event: DockingEvent): Promise<void> {
  em.create(TestReceived, { eventId: event.id, dockingId: event.dockingId, sequence: event.sequence, type: event.type });
}

/** Fresh Ed25519 keys for some agencies: private keys and the public key ring. */
export async function agencyKeys(...agencies: Agency[]): Promise<{ privateKeys: Partial<Record<Agency, Key>>; keyRing: DockingKeyRing }> {
  const privateKeys: Partial<Record<Agency, Key>> = {};
  const keyRing: DockingKeyRing = {};
  for (const agency of agencies) {
    const pair = await generateDockingKeyPair();
    privateKeys[agency] = pair.privateKey;
    keyRing[agency] = pair.publicKey;
  }
  return { privateKeys, keyRing };
}

/** A receiving agency's event endpoint on a fixed port that can be stopped and started again. */
export interface Receiver {
  agency: Agency;
  db: TestDatabase;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  received(): Promise<TestReceived[]>;
}

export async function startReceiver(
  agency: Agency,
  db: TestDatabase,
  keyRing: DockingKeyRing,
  options: { running?: boolean; log?: (e: DockingLogEntry) => void; apply?: (em: EntityManager, event: DockingEvent) => Promise<void> } = {},
): Promise<Receiver> {
  const port = await freePort();
  const handler = createEventHandler({ orm: db.orm, agency, keyRing, apply: options.apply ?? recordEffect, log: options.log ?? (() => undefined) });
  let server: Server | null = null;
  const receiver: Receiver = {
    agency,
    db,
    url: `http://127.0.0.1:${port}/events`,
    async start() {
      const s = createServer((req: IncomingMessage, res: ServerResponse) => {
        // Like a subgraph: `/ready` answers while the receiver is up (the sender probes it).
        if (req.method === 'GET' && (req.url === '/ready' || req.url === '/health')) {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}');
          return;
        }
        void handler(req, res);
      });
      await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
      server = s;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
    received: () => db.orm.em.fork().find(TestReceived, {}, { orderBy: { id: 'asc' } }),
  };
  if (options.running !== false) await receiver.start();
  return receiver;
}

/** Counts of a query's rows. */
export async function count(db: TestDatabase, sql: string): Promise<number> {
  const [row] = await db.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${sql}`);
  return Number(row.n);
}

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/core';
import { freePort, type TestDatabase } from '@jiefen/testing';
import {
  BATCH_TYP,
  canonicalJson,
  createEventHandler,
  EVENT_TYP,
  publishEvent,
  SIGNATURE_HEADER,
  signDelivery,
  startDeliveryWorker,
  type BatchAnswer,
  type DeliveryWorker,
  type DockingEvent,
} from '../src/index.js';
import { TestTransfer } from './business.js';
import { agencyDatabase, agencyKeys, collectLogs, count, recordEffect, startReceiver, waitFor, type Receiver } from './harness.js';

// Batches: the worker sends a recipient's due events of many streams in one signed request, and
// the inbox applies each event once, in a transaction of its own, each stream in order — an event
// that is not applied holds back the rest of its stream (in the batch and after it), never another
// stream.
let keys: Awaited<ReturnType<typeof agencyKeys>>;
let police: TestDatabase;
let justiceDb: TestDatabase;
let justice: Server;
let justiceUrl: string;
let hub: Receiver;
/** Event ids whose effect fails once more each (a receiver's transient failure: 500, retried). */
const failOnce = new Set<string>();
/** The requests justice answered, each with the event ids it carried. */
const requests: string[][] = [];
/** Each request's streams (docking ids) and when it came and was answered. */
const timeline: { dockings: Set<string>; from: number; to: number }[] = [];
/** How long justice takes before it applies a request (a slow receiver). */
let delayMs = 0;
const logs = collectLogs();
const workers: DeliveryWorker[] = [];

beforeAll(async () => {
  keys = await agencyKeys('POLICE', 'JUSTICE', 'GOVERNANCE');
  [police, justiceDb] = await Promise.all([agencyDatabase('batch_police'), agencyDatabase('batch_justice')]);
  hub = await startReceiver('GOVERNANCE', await agencyDatabase('batch_hub'), keys.keyRing);
  const handler = createEventHandler({
    orm: justiceDb.orm,
    agency: 'JUSTICE',
    keyRing: keys.keyRing,
    log: () => undefined,
    apply: async (em, e) => {
      await recordEffect(em, e);
      await em.flush();
      if (failOnce.delete(e.id)) throw new Error('the business effect failed');
    },
  });
  const port = await freePort();
  justice = createServer((req, res) => {
    const chunks: Buffer[] = [];
    // Counts what each request carried, then hands the same bytes to the inbox.
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as { events?: DockingEvent[] } & DockingEvent;
      const events = parsed.events ?? [parsed];
      requests.push(events.map((e) => e.id));
      const span = { dockings: new Set(events.map((e) => e.dockingId)), from: performance.now(), to: Infinity };
      timeline.push(span);
      res.on('finish', () => (span.to = performance.now()));
      const replay = Object.assign(
        (async function* () {
          yield Buffer.from(body);
        })(),
        { headers: req.headers },
      );
      setTimeout(() => void handler(replay as never, res), delayMs);
    });
  });
  await new Promise<void>((resolve) => justice.listen(port, '127.0.0.1', resolve));
  justiceUrl = `http://127.0.0.1:${port}/events`;
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

afterAll(async () => {
  await new Promise((resolve) => justice?.close(resolve));
  await hub?.stop();
  await Promise.all([police?.drop(), justiceDb?.drop(), hub?.db.drop()]);
});

function event(dockingId: string, sequence: number): DockingEvent {
  return {
    id: randomUUID(),
    type: 'DockingUpdated',
    dockingId,
    sequence,
    from: 'POLICE',
    to: 'JUSTICE',
    occurredAt: new Date().toISOString(),
    payload: { n: sequence },
  };
}

async function postBatch(events: DockingEvent[], typ = BATCH_TYP, body = `{"events":[${events.map((e) => canonicalJson(e)).join(',')}]}`) {
  const signature = await signDelivery(body, { from: 'POLICE', recipient: 'JUSTICE', privateKey: keys.privateKeys.POLICE!, typ });
  const response = await fetch(justiceUrl, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
  return { status: response.status, body: (await response.json()) as BatchAnswer & { error?: { code: string } } };
}

const applied = async (dockingId: string) =>
  (
    await justiceDb.orm.em
      .fork()
      .getConnection()
      .execute<{ sequence: number }[]>(`select sequence from test_received where docking_id = ? order by id`, [dockingId])
  ).map((r) => r.sequence);

describe('inbox: a batch', () => {
  it('applies each event once, each stream in order; an event not applied holds back the rest of its stream only, and a later batch applies the rest', async () => {
    const a = [event('B-a', 1), event('B-a', 2), event('B-a', 3)];
    const b = [event('B-b', 1), event('B-b', 2)];
    failOnce.add(a[1]!.id);
    // Interleaved as a sender's id order would have them.
    const first = await postBatch([a[0]!, b[0]!, a[1]!, a[2]!, b[1]!]);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => [r.eventId, r.status])).toEqual([
      [a[0]!.id, 200],
      [b[0]!.id, 200],
      [a[1]!.id, 500],
      [a[2]!.id, null],
      [b[1]!.id, 200],
    ]);
    expect(await applied('B-a')).toEqual([1]);
    expect(await applied('B-b')).toEqual([1, 2]);
    // The sender retries from the stream's head; an event already applied is acknowledged, not applied again.
    const second = await postBatch([a[0]!, a[1]!, a[2]!]);
    expect(second.body.results.map((r) => (r.status === 200 ? r.body.status : r.status))).toEqual(['already-applied', 'applied', 'applied']);
    expect(await applied('B-a')).toEqual([1, 2, 3]);
  });

  it('an event refused for good (a sequence taken by another event) is answered on its own; its stream waits, the others go on', async () => {
    await postBatch([event('B-c', 1)]);
    const [taken, next, other] = [event('B-c', 1), event('B-c', 2), event('B-d', 1)];
    const answer = await postBatch([taken, next, other]);
    expect(answer.body.results.map((r) => r.status)).toEqual([422, null, 200]);
    expect(answer.body.results[0]).toMatchObject({ body: { error: { code: 'SEQUENCE_REUSED' } } });
    expect(await applied('B-c')).toEqual([1]);
  });

  it('a signature is for an event or for a batch, not both', async () => {
    const e = event('B-typ', 1);
    // A batch's bytes signed as one event: read as an event, which it is not.
    expect(await postBatch([e], EVENT_TYP)).toMatchObject({ status: 400, body: { error: { code: 'BAD_EVENT' } } });
    // One event's bytes signed as a batch.
    expect(await postBatch([], BATCH_TYP, canonicalJson(e))).toMatchObject({ status: 400, body: { error: { code: 'BAD_BATCH' } } });
    expect(await applied('B-typ')).toEqual([]);
  });
});

async function transfer(em: EntityManager, dockingId: string) {
  em.create(TestTransfer, { id: randomUUID(), dockingId, summary: `移交 ${dockingId}` });
  return publishEvent(em, { type: 'DockingUpdated', dockingId, from: 'POLICE', to: 'JUSTICE', payload: { dockingId } });
}

async function worker(overrides: Partial<Parameters<typeof startDeliveryWorker>[0]> = {}): Promise<DeliveryWorker> {
  const w = await startDeliveryWorker({
    orm: police.orm,
    agency: 'POLICE',
    privateKey: keys.privateKeys.POLICE!,
    endpoints: { JUSTICE: justiceUrl, GOVERNANCE: hub.url },
    maxAttempts: 100,
    backoff: { initialMs: 20, factor: 2, maxMs: 200 },
    // Long: only the outbox's notification can wake the worker within a test's time.
    pollIntervalMs: 60_000,
    log: logs.log,
    ...overrides,
  });
  workers.push(w);
  return w;
}

const outboxRows = (dockingPrefix: string) =>
  police.orm.em
    .fork()
    .getConnection()
    .execute<{ docking_id: string; sequence: number; state: string; attempts: number }[]>(
      `select docking_id, sequence, state, attempts from docking_outbox where recipient = 'JUSTICE' and docking_id like ? order by docking_id, sequence`,
      [`${dockingPrefix}%`],
    );

describe('delivery in batches', () => {
  it('woken at commit, one request carries every stream; an event not applied is retried with the rest of its stream only, in order', async () => {
    await worker();
    requests.length = 0;
    // One transaction: its commit wakes the worker once, and every event is due at once.
    const published = await police.orm.em.fork().transactional(async (em) => {
      const events: DockingEvent[] = [];
      for (const dockingId of ['W-a', 'W-a', 'W-a', 'W-b', 'W-b']) events.push(await transfer(em, dockingId));
      // W-a's second event fails at the receiver on its first attempt (marked before the commit wakes the worker).
      failOnce.add(events[1]!.id);
      return events;
    });
    const [a1, a2, a3, b1, b2] = published as [DockingEvent, DockingEvent, DockingEvent, DockingEvent, DockingEvent];
    await waitFor('every event delivered', async () => (await outboxRows('W-')).every((r) => r.state === 'DELIVERED'));
    expect(await applied('W-a')).toEqual([1, 2, 3]);
    expect(await applied('W-b')).toEqual([1, 2]);
    // The first request carried all five; the retry only the failed event and the one held back behind it.
    expect(requests[0]).toEqual([a1.id, a2.id, a3.id, b1.id, b2.id]);
    expect(requests.slice(1)).toEqual([[a2.id, a3.id]]);
    // Attempts count what the receiver tried: the held-back event was tried once, when it went through.
    expect((await outboxRows('W-')).map((r) => `${r.docking_id}#${r.sequence}:${r.attempts}`)).toEqual(['W-a#1:1', 'W-a#2:2', 'W-a#3:1', 'W-b#1:1', 'W-b#2:1']);
    const failures = logs.entries.filter((e) => e.message === 'docking event delivery failed' && String(e.dockingId).startsWith('W-'));
    expect(failures.map((e) => [e.eventId, e.state, e.attempts])).toEqual([[a2.id, 'FAILING', 1]]);
    expect(String(failures[0]!.error)).toMatch(/^HTTP 500/);
  });

  it('sends at most batchSize events per request, each stream still in order', async () => {
    await worker({ batchSize: 2 });
    requests.length = 0;
    await police.orm.em.fork().transactional(async (em) => {
      for (const dockingId of ['S-a', 'S-b', 'S-a', 'S-b', 'S-a']) await transfer(em, dockingId);
    });
    await waitFor('every event delivered', async () => (await outboxRows('S-')).every((r) => r.state === 'DELIVERED'));
    expect(requests.map((r) => r.length)).toEqual([2, 2, 1]);
    expect(await applied('S-a')).toEqual([1, 2, 3]);
    expect(await applied('S-b')).toEqual([1, 2]);
  });

  it('keeps several requests in flight to a slow receiver, a stream in one of them at a time', async () => {
    await worker({ batchSize: 2, requestsInFlight: 3 });
    delayMs = 150;
    timeline.length = 0;
    try {
      await police.orm.em.fork().transactional(async (em) => {
        for (let round = 0; round < 3; round += 1) for (const dockingId of ['P-a', 'P-b', 'P-c', 'P-d', 'P-e', 'P-f']) await transfer(em, dockingId);
      });
      await waitFor('every event delivered', async () => (await outboxRows('P-')).every((r) => r.state === 'DELIVERED'));
    } finally {
      delayMs = 0;
    }
    for (const dockingId of ['P-a', 'P-b', 'P-c', 'P-d', 'P-e', 'P-f']) expect(await applied(dockingId)).toEqual([1, 2, 3]);
    const overlapping = timeline.flatMap((x, i) =>
      timeline
        .slice(i + 1)
        .filter((y) => y.from < x.to && x.from < y.to)
        .map((y) => [x, y] as const),
    );
    // Three requests at once at first (each with two streams' heads), never one stream in two of them.
    expect(overlapping.length).toBeGreaterThanOrEqual(3);
    expect(overlapping.every(([x, y]) => [...x.dockings].every((d) => !y.dockings.has(d)))).toBe(true);
  });

  it('an event whose notification was lost goes out on the timer', async () => {
    await worker({ pollIntervalMs: 300 });
    // Written as publish writes it, without the notification (as if the listener had been down).
    await police.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into docking_outbox (event_id, recipient, type, docking_id, sequence, from_agency, to_agency, occurred_at, payload)
         values (?, 'JUSTICE', 'DockingUpdated', 'T-lost', 1, 'POLICE', 'JUSTICE', now(), '{}')`,
        [randomUUID()],
      );
    await waitFor('delivery on the timer', async () => (await count(police, `docking_outbox where docking_id = 'T-lost' and state = 'DELIVERED'`)) === 1);
    expect(await applied('T-lost')).toEqual([1]);
  });
});

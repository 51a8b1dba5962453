import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/core';
import type { TestDatabase } from '@jiefen/testing';
import { deliveryCounts, listDeliveries, publishEvent, redeliver, startDeliveryWorker, type DeliveryWorker } from '../src/index.js';
import { TestTransfer } from './business.js';
import { agencyDatabase, agencyKeys, collectLogs, count, startReceiver, waitFor, type Receiver } from './harness.js';

// Police (sender) transfers to justice (counterpart); every event is copied to the hub.
let police: TestDatabase;
let justice: Receiver;
let hub: Receiver;
let keys: Awaited<ReturnType<typeof agencyKeys>>;
const workers: DeliveryWorker[] = [];
const logs = collectLogs();

async function transfer(em: EntityManager, dockingId: string, type = 'DockingRequested') {
  em.create(TestTransfer, { id: randomUUID(), dockingId, summary: `移交 ${dockingId}` });
  return publishEvent(em, { type, dockingId, from: 'POLICE', to: 'JUSTICE', payload: { summary: `移交 ${dockingId}`, parties: ['张三', '李四'] } });
}

async function worker(overrides: Partial<Parameters<typeof startDeliveryWorker>[0]> = {}): Promise<DeliveryWorker> {
  const w = await startDeliveryWorker({
    orm: police.orm,
    agency: 'POLICE',
    privateKey: keys.privateKeys.POLICE!,
    endpoints: { JUSTICE: justice.url, GOVERNANCE: hub.url },
    maxAttempts: 1000,
    backoff: { initialMs: 20, factor: 2, maxMs: 300 },
    pollIntervalMs: 500,
    log: logs.log,
    ...overrides,
  });
  workers.push(w);
  return w;
}

async function stopWorkers() {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
}

beforeAll(async () => {
  keys = await agencyKeys('POLICE', 'JUSTICE', 'GOVERNANCE');
  police = await agencyDatabase('police');
  const [justiceDb, hubDb] = await Promise.all([agencyDatabase('justice'), agencyDatabase('governance')]);
  justice = await startReceiver('JUSTICE', justiceDb, keys.keyRing);
  hub = await startReceiver('GOVERNANCE', hubDb, keys.keyRing);
});

// A test that fails midway must not leave its workers delivering into the next one.
afterEach(stopWorkers);

afterAll(async () => {
  await stopWorkers();
  await Promise.all([justice?.stop(), hub?.stop()]);
  await Promise.all([police?.drop(), justice?.db.drop(), hub?.db.drop()]);
});

async function undelivered(): Promise<number> {
  return count(police, `docking_outbox where state <> 'DELIVERED'`);
}

describe('delivery', () => {
  it('delivers a committed event to the counterpart and the hub, signed, once', async () => {
    await worker();
    const event = await police.orm.em.fork().transactional((em) => transfer(em, 'D-happy'));
    expect(event).toMatchObject({ dockingId: 'D-happy', sequence: 1, from: 'POLICE', to: 'JUSTICE' });
    await waitFor('delivery', async () => (await undelivered()) === 0 && (await count(police, 'docking_outbox')) === 2);
    for (const receiver of [justice, hub]) {
      const received = await receiver.received();
      expect(received.map((r) => [r.eventId, r.sequence, r.type])).toEqual([[event.id, 1, 'DockingRequested']]);
    }
    const delivered = logs.entries.filter((e) => e.message === 'docking event delivered' && e.eventId === event.id);
    expect(delivered.map((e) => e.recipient).sort()).toEqual(['GOVERNANCE', 'JUSTICE']);
    expect(delivered[0]).toMatchObject({ state: 'DELIVERED', previous: 'PENDING', attempts: 1, dockingId: 'D-happy', sequence: 1 });
    await stopWorkers();
  });

  it('a sender that fails before commit emits nothing and consumes no sequence number', async () => {
    const before = await count(police, 'docking_outbox');
    await expect(
      police.orm.em.fork().transactional(async (em) => {
        await transfer(em, 'D-crash');
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await count(police, 'docking_outbox')).toBe(before);
    expect(await count(police, `test_transfer where docking_id = 'D-crash'`)).toBe(0);
    const event = await police.orm.em.fork().transactional((em) => transfer(em, 'D-crash'));
    expect(event.sequence).toBe(1);
    await worker();
    await waitFor('delivery after the crash', async () => (await undelivered()) === 0);
    const received = (await justice.received()).filter((r) => r.dockingId === 'D-crash');
    expect(received.map((r) => r.eventId)).toEqual([event.id]);
    await stopWorkers();
  });

  it('publish refuses to run outside a transaction', async () => {
    await expect(transfer(police.orm.em.fork(), 'D-no-tx')).rejects.toThrow(/inside the business transaction/);
  });

  it('with the receivers down, 200 events queue as FAILING with backoff; once they are up all arrive exactly once, in order per docking', async () => {
    await Promise.all([justice.stop(), hub.stop()]);
    // Two instances share the work.
    await worker();
    await worker();
    const dockings = Array.from({ length: 20 }, (_, i) => `D-bulk-${String(i).padStart(2, '0')}`);
    const published: { id: string; dockingId: string; sequence: number }[] = [];
    for (let round = 0; round < 10; round += 1) {
      await Promise.all(
        dockings.map(async (dockingId) => {
          const event = await police.orm.em.fork().transactional((em) => transfer(em, dockingId, round === 0 ? 'DockingRequested' : 'DockingUpdated'));
          published.push(event);
        }),
      );
    }
    expect(published).toHaveLength(200);
    for (const dockingId of dockings) {
      expect(
        published
          .filter((e) => e.dockingId === dockingId)
          .map((e) => e.sequence)
          .sort((a, b) => a - b),
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    // Each stream's head fails and retries with a growing wait; nothing behind it is attempted.
    await waitFor('every stream failing at least twice', async () => (await count(police, `docking_outbox where state = 'FAILING' and attempts >= 2`)) === 40);
    const failing = await listDeliveries(police.orm.em.fork(), { states: ['FAILING'], limit: 500 });
    expect(failing).toHaveLength(40);
    expect(failing.every((d) => d.sequence === 1 && d.lastError?.startsWith('network:') && d.nextAttemptAt)).toBe(true);
    const counts = await deliveryCounts(police.orm.em.fork());
    expect(counts.total).toMatchObject({ FAILING: 40, PENDING: 360, DEAD: 0 });
    const retries = logs.entries.filter((e) => e.message === 'docking event delivery failed' && e.dockingId === 'D-bulk-00' && e.recipient === 'JUSTICE');
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.every((e) => e.state === 'FAILING' && typeof e.nextAttemptAt === 'string')).toBe(true);

    await Promise.all([justice.start(), hub.start()]);
    await waitFor(
      'all 400 deliveries',
      async () => (await count(police, `docking_outbox where docking_id like 'D-bulk-%' and state = 'DELIVERED'`)) === 400,
      25_000,
    );
    for (const receiver of [justice, hub]) {
      const received = (await receiver.received()).filter((r) => r.dockingId.startsWith('D-bulk-'));
      expect(received).toHaveLength(200);
      expect(new Set(received.map((r) => r.eventId)).size).toBe(200);
      expect(new Set(received.map((r) => r.eventId))).toEqual(new Set(published.map((e) => e.id)));
      for (const dockingId of dockings) {
        // Rows are numbered in the order they were applied.
        expect(received.filter((r) => r.dockingId === dockingId).map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      }
    }
    expect((await deliveryCounts(police.orm.em.fork())).total).toMatchObject({ FAILING: 0, PENDING: 0, DEAD: 0 });
    await stopWorkers();
  });

  it('an event goes DEAD after N attempts, holds back the rest of its docking, and an operator can redeliver it', async () => {
    await justice.stop();
    await worker({ maxAttempts: 3, backoff: { initialMs: 10, factor: 2, maxMs: 40 } });
    const first = await police.orm.em.fork().transactional((em) => transfer(em, 'D-dead'));
    const second = await police.orm.em.fork().transactional((em) => transfer(em, 'D-dead', 'DockingWithdrawn'));
    const [dead] = await waitFor('dead letter', async () => {
      const rows = await listDeliveries(police.orm.em.fork(), { states: ['DEAD'], dockingId: 'D-dead' });
      return rows.length > 0 && rows;
    });
    expect(dead).toMatchObject({ eventId: first.id, recipient: 'JUSTICE', attempts: 3, state: 'DEAD' });
    expect(dead.lastError).toMatch(/^network:/);
    expect(logs.entries.some((e) => e.message === 'docking event dead' && e.eventId === first.id && e.level === 'error')).toBe(true);
    // The hub was up: its copies went through; justice's second event waits behind the dead one.
    await waitFor(
      'hub copies',
      async () => (await count(police, `docking_outbox where docking_id = 'D-dead' and recipient = 'GOVERNANCE' and state = 'DELIVERED'`)) === 2,
    );
    const [waiting] = await listDeliveries(police.orm.em.fork(), { states: ['PENDING'], dockingId: 'D-dead' });
    expect(waiting).toMatchObject({ eventId: second.id, attempts: 0 });

    await justice.start();
    expect(await redeliver(police.orm.em.fork(), dead.id)).toBe(true);
    expect(await redeliver(police.orm.em.fork(), dead.id)).toBe(false);
    await waitFor('redelivery', async () => (await count(police, `docking_outbox where docking_id = 'D-dead' and state = 'DELIVERED'`)) === 4);
    expect((await justice.received()).filter((r) => r.dockingId === 'D-dead').map((r) => r.eventId)).toEqual([first.id, second.id]);
    await stopWorkers();
  });

  it('a permanent refusal (the receiver does not know the sender key) is dead at once', async () => {
    const stranger = await agencyKeys('POLICE');
    await worker({ privateKey: stranger.privateKeys.POLICE! });
    const event = await police.orm.em.fork().transactional((em) => transfer(em, 'D-unknown-key'));
    const dead = await waitFor('refused delivery', async () => {
      const rows = await listDeliveries(police.orm.em.fork(), { states: ['DEAD'], dockingId: 'D-unknown-key' });
      return rows.length === 2 && rows;
    });
    expect(dead.every((d) => d.eventId === event.id && d.attempts === 1 && d.lastError?.includes('BAD_SIGNATURE'))).toBe(true);
    expect((await justice.received()).some((r) => r.dockingId === 'D-unknown-key')).toBe(false);
    await stopWorkers();
  });
});

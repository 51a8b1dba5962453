import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/core';
import type { TestDatabase } from '@jiefen/testing';
import { publishEvent, startDeliveryWorker, type DeliveryWorker } from '../src/index.js';
import { TestTransfer } from './business.js';
import { agencyDatabase, agencyKeys, count, startReceiver, waitFor, type Receiver } from './harness.js';

// The publish/sweep deadlock: a later event of a docking published while earlier ones wait for a
// receiver that is down, with the delivery sweep re-queuing those streams at the same moment.
let police: TestDatabase;
let justice: Receiver;
let hub: Receiver;
let keys: Awaited<ReturnType<typeof agencyKeys>>;
let worker: DeliveryWorker | undefined;

const DOCKINGS = Array.from({ length: 12 }, (_, i) => `S-${String(i).padStart(2, '0')}`);
const ROUNDS = 6;

async function transfer(em: EntityManager, dockingId: string, type: string) {
  em.create(TestTransfer, { id: randomUUID(), dockingId, summary: `移交 ${dockingId}` });
  return publishEvent(em, { type, dockingId, from: 'POLICE', to: 'JUSTICE', payload: { summary: `移交 ${dockingId}` } });
}

beforeAll(async () => {
  keys = await agencyKeys('POLICE', 'JUSTICE', 'GOVERNANCE');
  police = await agencyDatabase('sweep');
  const [justiceDb, hubDb] = await Promise.all([agencyDatabase('sweep_justice'), agencyDatabase('sweep_hub')]);
  // Both receivers down: every stream's head fails and waits in a backoff.
  justice = await startReceiver('JUSTICE', justiceDb, keys.keyRing, { running: false });
  hub = await startReceiver('GOVERNANCE', hubDb, keys.keyRing, { running: false });
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all([justice?.stop(), hub?.stop()]);
  await Promise.all([police?.drop(), justice?.db.drop(), hub?.db.drop()]);
});

describe('publish while the sweep runs', () => {
  it(
    `${DOCKINGS.length} dockings × ${ROUNDS} later events, published concurrently with the receivers down and a sweep every few ms: no deadlock, every event delivered once`,
    { timeout: 240_000 },
    async () => {
      worker = await startDeliveryWorker({
        orm: police.orm,
        agency: 'POLICE',
        privateKey: keys.privateKeys.POLICE!,
        endpoints: { JUSTICE: justice.url, GOVERNANCE: hub.url },
        maxAttempts: 1000,
        backoff: { initialMs: 20, factor: 2, maxMs: 200 },
        pollIntervalMs: 200,
        // As tight as it goes: the sweep is (nearly) always running while the publishers commit.
        sweepIntervalMs: 10,
        probeIntervalMs: 100,
        log: () => undefined,
      });
      for (const dockingId of DOCKINGS) await police.orm.em.fork().transactional((em) => transfer(em, dockingId, 'DockingRequested'));
      await waitFor('every stream failing', async () => (await count(police, `docking_outbox where state = 'FAILING'`)) === DOCKINGS.length * 2, 60_000);

      const failures: unknown[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        // Every docking's next event at once (the ORM's pool runs five transactions at a time).
        const results = await Promise.allSettled(
          DOCKINGS.map((dockingId) => police.orm.em.fork().transactional((em) => transfer(em, dockingId, 'DockingUpdated'))),
        );
        for (const r of results) if (r.status === 'rejected') failures.push(String(r.reason));
      }
      expect(failures).toEqual([]);
      const published = DOCKINGS.length * (ROUNDS + 1);
      expect(await count(police, 'docking_outbox')).toBe(published * 2);

      await Promise.all([justice.start(), hub.start()]);
      await waitFor('all deliveries', async () => (await count(police, `docking_outbox where state = 'DELIVERED'`)) === published * 2, 30_000);
      for (const receiver of [justice, hub]) {
        const received = await receiver.received();
        expect(received).toHaveLength(published);
        expect(new Set(received.map((r) => r.eventId)).size).toBe(published);
        for (const dockingId of DOCKINGS) {
          expect(received.filter((r) => r.dockingId === dockingId).map((r) => r.sequence)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
        }
      }
    },
  );
});

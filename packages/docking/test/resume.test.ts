import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '@jiefen/testing';
import { publishEvent, startDeliveryWorker, type DeliveryWorker, type DockingLogEntry } from '../src/index.js';
import { TestTransfer } from './business.js';
import { agencyDatabase, agencyKeys, count, startReceiver, waitFor, type Receiver } from './harness.js';

// A receiver that was down long enough for a long backoff gets its events within seconds of coming
// back: the worker probes its /ready and releases the waiting streams.
let police: TestDatabase;
let justice: Receiver;
let hub: Receiver;
let worker: DeliveryWorker | undefined;
const logs: DockingLogEntry[] = [];

beforeAll(async () => {
  const keys = await agencyKeys('POLICE', 'JUSTICE', 'GOVERNANCE');
  police = await agencyDatabase('resume');
  const [justiceDb, hubDb] = await Promise.all([agencyDatabase('resume_justice'), agencyDatabase('resume_hub')]);
  justice = await startReceiver('JUSTICE', justiceDb, keys.keyRing, { running: false });
  hub = await startReceiver('GOVERNANCE', hubDb, keys.keyRing);
  worker = await startDeliveryWorker({
    orm: police.orm,
    agency: 'POLICE',
    privateKey: keys.privateKeys.POLICE!,
    endpoints: { JUSTICE: justice.url, GOVERNANCE: hub.url },
    maxAttempts: 50,
    // 0.3 s, 3 s, then 30 s and more: the third failure parks the stream for half a minute.
    backoff: { initialMs: 300, factor: 10, maxMs: 5 * 60_000, jitter: 0 },
    pollIntervalMs: 500,
    probeIntervalMs: 500,
    log: (entry) => logs.push(entry),
  });
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all([justice?.stop(), hub?.stop()]);
  await Promise.all([police?.drop(), justice?.db.drop(), hub?.db.drop()]);
});

describe('a receiver that comes back', () => {
  it('gets its waiting events within seconds, not after the backoff', { timeout: 90_000 }, async () => {
    const dockings = ['B-1', 'B-2', 'B-3'];
    for (const dockingId of dockings) {
      for (const type of ['DockingRequested', 'DockingUpdated']) {
        await police.orm.em.fork().transactional(async (em) => {
          em.create(TestTransfer, { id: randomUUID(), dockingId, summary: `移交 ${dockingId}` });
          await publishEvent(em, { type, dockingId, from: 'POLICE', to: 'JUSTICE', payload: { dockingId } });
        });
      }
    }
    await waitFor(
      'every stream parked in a long backoff',
      async () =>
        (await count(
          police,
          `docking_outbox where recipient = 'JUSTICE' and state = 'FAILING' and attempts >= 3 and next_attempt_at > now() + interval '20 seconds'`,
        )) === dockings.length,
      30_000,
    );
    await justice.start();
    const back = Date.now();
    await waitFor(
      'delivery after the receiver came back',
      async () => (await count(police, `docking_outbox where recipient = 'JUSTICE' and state = 'DELIVERED'`)) === 6,
      15_000,
    );
    const elapsed = Date.now() - back;
    // Without the probe the next attempt was ≥ 20 s away.
    expect(elapsed).toBeLessThan(5000);
    expect((await justice.received()).map((r) => `${r.dockingId}#${r.sequence}`).sort()).toEqual(['B-1#1', 'B-1#2', 'B-2#1', 'B-2#2', 'B-3#1', 'B-3#2']);
    expect(logs.some((e) => e.message === 'docking recipient is back, waiting streams released' && e.recipient === 'JUSTICE')).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startRestartablePostgres, type RestartablePostgres, type TestDatabase } from '@jiefen/testing';
import { publishEvent, startDeliveryWorker, type DeliveryWorker, type DockingLogEntry } from '../src/index.js';
import { TestTransfer } from './business.js';
import { agencyDatabase, agencyKeys, count, dockingTestModule, startReceiver, waitFor, type Receiver } from './harness.js';

// The sender's PostgreSQL restarts while its worker delivers: the process lives on (an unhandled
// 'error' event or rejection would end it — and fail this file), the worker comes back by itself,
// and every committed event reaches each receiver exactly once.
let server: RestartablePostgres;
let police: TestDatabase;
let justice: Receiver;
let hub: Receiver;
let worker: DeliveryWorker | undefined;
const logs: DockingLogEntry[] = [];
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error instanceof Error ? error.stack : error);

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const keys = await agencyKeys('POLICE', 'JUSTICE', 'GOVERNANCE');
  server = await startRestartablePostgres();
  police = await createTestDatabase(dockingTestModule('restart'), server);
  const [justiceDb, hubDb] = await Promise.all([agencyDatabase('restart_justice'), agencyDatabase('restart_hub')]);
  justice = await startReceiver('JUSTICE', justiceDb, keys.keyRing);
  hub = await startReceiver('GOVERNANCE', hubDb, keys.keyRing);
  worker = await startDeliveryWorker({
    orm: police.orm,
    agency: 'POLICE',
    privateKey: keys.privateKeys.POLICE!,
    endpoints: { JUSTICE: justice.url, GOVERNANCE: hub.url },
    maxAttempts: 1000,
    backoff: { initialMs: 20, factor: 2, maxMs: 500 },
    pollIntervalMs: 200,
    sweepIntervalMs: 200,
    restartDelayMs: 100,
    log: (entry) => logs.push(entry),
  });
});

afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await worker?.stop();
  await Promise.all([justice?.stop(), hub?.stop()]);
  await Promise.all([police?.orm.close(), justice?.db.drop(), hub?.db.drop()]);
  await server?.stop();
});

/** Publishes one event per docking, concurrently; resolves with the outcome of each. */
async function burst(dockings: string[]): Promise<PromiseSettledResult<unknown>[]> {
  return Promise.allSettled(
    dockings.map((dockingId) =>
      police.orm.em.fork().transactional(async (em) => {
        em.create(TestTransfer, { id: randomUUID(), dockingId, summary: `移交 ${dockingId}` });
        return publishEvent(em, { type: 'DockingUpdated', dockingId, from: 'POLICE', to: 'JUSTICE', payload: { n: dockingId } });
      }),
    ),
  );
}

describe('the sender database restarts during deliveries', () => {
  it('keeps the process alive, restarts the worker and delivers every committed event exactly once', { timeout: 180_000 }, async () => {
    const dockings = Array.from({ length: 10 }, (_, i) => `R-${i}`);
    const outcomes: PromiseSettledResult<unknown>[] = [];
    for (let round = 0; round < 3; round += 1) outcomes.push(...(await burst(dockings)));
    // Mid-burst: the worker is delivering what just committed when the server goes away.
    const during = burst(dockings);
    await server.stopServer();
    outcomes.push(...(await during));
    outcomes.push(...(await burst(dockings))); // all refused: the server is down
    await server.startServer();
    for (let round = 0; round < 3; round += 1) outcomes.push(...(await burst(dockings)));

    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(60);
    // Whatever committed (the outbox is the truth, whichever side of the restart) is delivered.
    const committed = await waitFor('the police database back', async () => count(police, 'docking_outbox').catch(() => 0), 30_000);
    await waitFor('every committed event delivered', async () => (await count(police, `docking_outbox where state = 'DELIVERED'`)) === committed, 60_000).catch(
      async (e) => {
        console.log(JSON.stringify(logs.filter((l) => l.level !== 'info' || l.message.includes('runner')).slice(-40), null, 1));
        console.log(await police.orm.em.getConnection().execute('select state, count(*) from docking_outbox group by state'));
        console.log(
          await police.orm.em
            .getConnection()
            .execute(`select id, recipient, docking_id, state, attempts, next_attempt_at, last_error from docking_outbox where state <> 'DELIVERED'`),
        );
        throw e;
      },
    );
    const events = await police.orm.em.getConnection().execute<{ event_id: string; recipient: string }[]>('select event_id, recipient from docking_outbox');
    for (const receiver of [justice, hub]) {
      const received = await receiver.received();
      const expected = events
        .filter((e) => e.recipient === receiver.agency)
        .map((e) => e.event_id)
        .sort();
      expect(received.map((r) => r.eventId).sort()).toEqual(expected);
    }
    expect(crashes).toEqual([]);
    // The wake-up listener reconnects on its own backoff (the timer delivers meanwhile), so it may
    // come back after the last event went out: wait for it rather than expect it already.
    await waitFor('the worker listening again', async () => logs.some((e) => e.message === 'docking job runner restarted'), 60_000);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { retryConflicts } from '@jiefen/subgraph-kit';
import type { TestDatabase } from '@jiefen/testing';
import { idempotent, publishEvent } from '../src/index.js';
import { TestTransfer } from './business.js';
import { agencyDatabase, count, waitFor } from './harness.js';

// A police hand-over as the subgraphs write it: the record, then `DockingRequested` in its transaction.
let police: TestDatabase;

const officer: Caller = {
  subject: 'officer-1',
  name: '王警官',
  agency: 'POLICE',
  organization: '11321281MB0000001X',
  roles: ['STAFF'],
  jurisdiction: '321281',
};
const colleague: Caller = { ...officer, subject: 'officer-2', name: '李警官' };

interface HandOver {
  incidentId: string;
  summary: string;
}

/** The service: its own transaction, as every hand-over service has (nested as a savepoint under a key). */
function handOver(em: EntityManager, input: HandOver, gate?: Promise<void>): Promise<TestTransfer> {
  return em.transactional(async (tx) => {
    await gate;
    if (input.summary === '') throw new Error('refused by the service');
    const transfer = tx.create(TestTransfer, { id: randomUUID(), dockingId: randomUUID(), summary: input.summary });
    await tx.flush();
    await publishEvent(tx, {
      type: 'DockingRequested',
      dockingId: transfer.dockingId,
      from: 'POLICE',
      to: 'JUSTICE',
      payload: { incidentId: input.incidentId, summary: input.summary },
    });
    return transfer;
  });
}

function call(caller: Caller, key: string | null, input: HandOver, gate?: Promise<void>): Promise<TestTransfer> {
  return idempotent(police.orm.em.fork(), { caller, operation: 'transferToMediation', key, input }, (em) => handOver(em, input, gate));
}

async function written(): Promise<{ transfers: number; outbox: number; keys: number }> {
  const [transfers, outbox, keys] = await Promise.all([count(police, 'test_transfer'), count(police, 'docking_outbox'), count(police, 'idempotent_request')]);
  return { transfers, outbox, keys };
}

beforeAll(async () => {
  police = await agencyDatabase('police_idem');
});

afterAll(() => police?.drop());

beforeEach(async () => {
  await police.orm.em.getConnection().execute('truncate test_transfer, docking_outbox, docking_outbox_sequence, idempotent_request');
});

const input: HandOver = { incidentId: 'e5a0c1d2-0000-4000-8000-000000000001', summary: '邻里噪音纠纷,移交人民调解' };

describe('idempotent hand-overs', () => {
  it('returns the first result for the same key and arguments: one record, one event (counterpart + hub copy)', async () => {
    const key = randomUUID();
    const first = await call(officer, key, input);
    const again = await call(officer, key, { ...input });
    expect(again.id).toBe(first.id);
    expect(again.dockingId).toBe(first.dockingId);
    expect(await written()).toEqual({ transfers: 1, outbox: 2, keys: 1 });
  });

  it('refuses the same key with different arguments or for another operation, writing nothing', async () => {
    const key = randomUUID();
    await call(officer, key, input);
    const before = await written();
    await expect(call(officer, key, { ...input, summary: '另一项移交' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { field: 'idempotencyKey' },
    });
    await expect(
      idempotent(police.orm.em.fork(), { caller: officer, operation: 'referForReconciliation', key, input }, (em) => handOver(em, input)),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringMatching(/幂等键/) });
    expect(await written()).toEqual(before);
  });

  it('without a key behaves as before: every call hands over again', async () => {
    const a = await call(officer, null, input);
    const b = await call(officer, null, input);
    expect(b.id).not.toBe(a.id);
    expect(await written()).toEqual({ transfers: 2, outbox: 4, keys: 0 });
  });

  it('keeps keys per caller: the same key from another caller is another request', async () => {
    const key = randomUUID();
    const mine = await call(officer, key, input);
    const theirs = await call(colleague, key, input);
    expect(theirs.id).not.toBe(mine.id);
    expect(await written()).toEqual({ transfers: 2, outbox: 4, keys: 2 });
  });

  it('keeps no key when the run fails: the retry runs afresh', async () => {
    const key = randomUUID();
    await expect(call(officer, key, { ...input, summary: '' })).rejects.toThrow('refused by the service');
    expect(await written()).toEqual({ transfers: 0, outbox: 0, keys: 0 });
    await expect(call(officer, key, { ...input, summary: '' })).rejects.toThrow('refused by the service');
    const fixedKey = randomUUID();
    const done = await call(officer, fixedKey, input);
    expect((await call(officer, fixedKey, input)).id).toBe(done.id);
  });

  it("reruns a keyed hand-over whose transaction was a deadlock's victim under the same key: not a duplicate, done once", async () => {
    const key = randomUUID();
    let runs = 0;
    // As the subgraph kit runs a mutation: PostgreSQL aborts the first attempt's transaction after
    // the key's claim and the whole hand-over are written (SQLSTATE 40P01, raised on cue).
    const transfer = await retryConflicts(police.orm.em, (em) =>
      idempotent(em, { caller: officer, operation: 'transferToMediation', key, input }, async (tx) => {
        runs += 1;
        const done = await handOver(tx, input);
        if (runs === 1) {
          await tx
            .getConnection()
            .execute(`do $$ begin raise exception 'deadlock on cue' using errcode = '40P01'; end $$`, [], 'all', tx.getTransactionContext());
        }
        return done;
      }),
    );
    expect(runs).toBe(2);
    expect(await written()).toEqual({ transfers: 1, outbox: 2, keys: 1 });
    expect((await call(officer, key, input)).id).toBe(transfer.id);
    expect(await written()).toEqual({ transfers: 1, outbox: 2, keys: 1 });
  });

  it.each(['short', 'x'.repeat(65), '带中文的幂等键12345', 'key with spaces', 'nul\u0000key-000'])(
    'refuses the malformed key %j before writing anything',
    async (key) => {
      await expect(call(officer, key, input)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'idempotencyKey' } });
      expect(await written()).toEqual({ transfers: 0, outbox: 0, keys: 0 });
    },
  );

  it('hands over once when two duplicates arrive together: the second waits for the first and returns its result', async () => {
    const key = randomUUID();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first claims the key (its transaction's first statement) and holds the transaction open at the gate.
    const first = call(officer, key, input, gate);
    await waitFor(
      'the first call to claim the key',
      async () => (await count(police, `pg_stat_activity where datname = current_database() and state = 'idle in transaction'`)) > 0,
    );
    const second = call(officer, key, input);
    // The second is blocked on the first's uncommitted claim (a lock wait), not refused.
    await waitFor(
      'the duplicate to wait on the claim',
      async () =>
        (await count(
          police,
          `pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into idempotent_request%'`,
        )) > 0,
    );
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(b.id).toBe(a.id);
    expect(await written()).toEqual({ transfers: 1, outbox: 2, keys: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency, Key } from '@jiefen/auth';
import { freePort, type TestDatabase } from '@jiefen/testing';
import { canonicalJson, createEventHandler, SIGNATURE_HEADER, signDelivery, type DockingEvent } from '../src/index.js';
import { agencyDatabase, agencyKeys, collectLogs, count, recordEffect, startReceiver, type Receiver } from './harness.js';

let keys: Awaited<ReturnType<typeof agencyKeys>>;
let justice: Receiver;
let hub: Receiver;
const logs = collectLogs();

beforeAll(async () => {
  keys = await agencyKeys('POLICE', 'JUSTICE', 'COURT', 'GOVERNANCE');
  const [justiceDb, hubDb] = await Promise.all([agencyDatabase('inbox_justice'), agencyDatabase('inbox_hub')]);
  justice = await startReceiver('JUSTICE', justiceDb, keys.keyRing, { log: logs.log });
  hub = await startReceiver('GOVERNANCE', hubDb, keys.keyRing);
});

afterAll(async () => {
  await Promise.all([justice?.stop(), hub?.stop()]);
  await Promise.all([justice?.db.drop(), hub?.db.drop()]);
});

function event(dockingId: string, sequence: number, overrides: Partial<DockingEvent> = {}): DockingEvent {
  return {
    id: randomUUID(),
    type: 'DockingRequested',
    dockingId,
    sequence,
    from: 'POLICE',
    to: 'JUSTICE',
    occurredAt: new Date().toISOString(),
    payload: { summary: '邻里纠纷' },
    ...overrides,
  };
}

interface SendOptions {
  key?: Key;
  signer?: Agency;
  recipient?: Agency;
  signedAt?: Date;
  /** Changes the body after signing. */
  tamper?: (body: string) => string;
  signature?: string | null;
  url?: string;
}

async function sign(e: DockingEvent, o: SendOptions = {}): Promise<{ body: string; signature: string | null }> {
  const body = canonicalJson(e);
  const signer = o.signer ?? e.from;
  const signature =
    o.signature !== undefined
      ? o.signature
      : await signDelivery(body, { from: signer, recipient: o.recipient ?? 'JUSTICE', privateKey: o.key ?? keys.privateKeys[signer]!, now: o.signedAt });
  return { body: o.tamper ? o.tamper(body) : body, signature };
}

async function post(
  request: { body: string; signature: string | null },
  url = justice.url,
): Promise<{ status: number; body: { status?: string; error?: { code: string; expected?: number } } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(request.signature ? { [SIGNATURE_HEADER]: request.signature } : {}) },
    body: request.body,
  });
  return { status: response.status, body: (await response.json()) as never };
}

async function send(e: DockingEvent, o: SendOptions = {}) {
  return post(await sign(e, o), o.url);
}

const effects = () => count(justice.db, 'test_received');
const inbox = () => count(justice.db, 'docking_inbox');

describe('inbox: redelivery is harmless', () => {
  it('applies an event once; a redelivery (signed afresh, or the same request again) is acknowledged without a second effect', async () => {
    const e = event('I-once', 1);
    expect(await send(e)).toEqual({ status: 200, body: { status: 'applied', eventId: e.id } });
    expect(await send(e)).toEqual({ status: 200, body: { status: 'already-applied', eventId: e.id } });
    const captured = await sign(e);
    expect((await post(captured)).body.status).toBe('already-applied');
    expect((await post(captured)).body.status).toBe('already-applied');
    expect((await justice.received()).filter((r) => r.eventId === e.id)).toHaveLength(1);
    expect(logs.entries.filter((l) => l.message === 'docking event applied' && l.eventId === e.id)).toHaveLength(1);
  });

  it('concurrent deliveries of one event apply it exactly once', async () => {
    const e = event('I-race', 1);
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(e)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.status === 'applied')).toHaveLength(1);
    expect((await justice.received()).filter((r) => r.eventId === e.id)).toHaveLength(1);
  });

  it('the hub takes the copy of an event addressed to the counterpart', async () => {
    const e = event('I-hub', 1);
    expect((await send(e, { recipient: 'GOVERNANCE', url: hub.url })).body.status).toBe('applied');
    expect((await send(e)).body.status).toBe('applied');
    expect((await hub.received()).map((r) => r.eventId)).toEqual([e.id]);
  });
});

describe('inbox: a transaction PostgreSQL aborts over a conflict', () => {
  // PostgreSQL aborting an apply's transaction as a deadlock's victim (SQLSTATE 40P01), on cue,
  // after the effect was written in it: the inbox runs the event again from a fresh entity manager.
  let conflicted: Receiver;
  const aborts = new Map<string, number>();
  const conflictLogs = collectLogs();

  beforeAll(async () => {
    conflicted = await startReceiver('JUSTICE', await agencyDatabase('inbox_conflict'), keys.keyRing, {
      log: conflictLogs.log,
      apply: async (em, e) => {
        await recordEffect(em, e);
        await em.flush();
        const left = aborts.get(e.id) ?? 0;
        if (left > 0) {
          aborts.set(e.id, left - 1);
          await em
            .getConnection()
            .execute(`do $$ begin raise exception 'conflict on cue' using errcode = '40P01'; end $$`, [], 'all', em.getTransactionContext());
        }
      },
    });
  });

  afterAll(async () => {
    await conflicted?.stop();
    await conflicted?.db.drop();
  });

  it('applies the event once when an attempt was aborted', async () => {
    const e = event(randomUUID(), 1);
    aborts.set(e.id, 2);
    expect(await send(e, { url: conflicted.url })).toMatchObject({ status: 200, body: { status: 'applied' } });
    expect((await conflicted.received()).filter((r) => r.eventId === e.id)).toHaveLength(1);
    expect(await count(conflicted.db, `docking_inbox where event_id = '${e.id}'`)).toBe(1);
    const retried = conflictLogs.entries.filter((l) => l.message === 'docking event transaction aborted over a conflict' && l.eventId === e.id);
    expect(retried.map((l) => l.retrying)).toEqual([true, true]);
  });

  it('answers 503 CONFLICT with nothing applied when every attempt was aborted; the redelivery applies it', async () => {
    const e = event(randomUUID(), 1);
    aborts.set(e.id, 3);
    expect(await send(e, { url: conflicted.url })).toMatchObject({ status: 503, body: { error: { code: 'CONFLICT' } } });
    expect((await conflicted.received()).filter((r) => r.eventId === e.id)).toHaveLength(0);
    expect(await count(conflicted.db, `docking_inbox where event_id = '${e.id}'`)).toBe(0);
    expect(await send(e, { url: conflicted.url })).toMatchObject({ status: 200, body: { status: 'applied' } });
    expect((await conflicted.received()).filter((r) => r.eventId === e.id)).toHaveLength(1);
  });
});

describe('inbox: forged and replayed events are refused, with nothing written', () => {
  async function refused(e: DockingEvent, o: SendOptions, status: number, code: string) {
    const [beforeEffects, beforeInbox] = [await effects(), await inbox()];
    const answer = await send(e, o);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
    expect([await effects(), await inbox()]).toEqual([beforeEffects, beforeInbox]);
  }

  it('unsigned', () => refused(event('I-forged', 1), { signature: null }, 401, 'UNSIGNED'));
  it('a forged signature', async () => {
    const real = (await sign(event('I-forged', 1))).signature!;
    const [header] = real.split('.');
    await refused(event('I-forged', 1), { signature: `${header}..${Buffer.alloc(64, 7).toString('base64url')}` }, 401, 'BAD_SIGNATURE');
  });
  it('signed with a key that is not the sender’s', () => refused(event('I-forged', 1), { key: keys.privateKeys.COURT }, 401, 'BAD_SIGNATURE'));
  it('signed by another agency in its own name, claiming to come from the sender', () =>
    refused(event('I-forged', 1), { signer: 'COURT' }, 401, 'BAD_SIGNATURE'));
  it('signed by an agency the receiver has no key for', async () => {
    const stranger = await agencyKeys('PETITION');
    await refused(event('I-forged', 1, { from: 'PETITION' }), { key: stranger.privateKeys.PETITION }, 401, 'UNKNOWN_SIGNER');
  });
  it('a payload tampered with after signing', () =>
    refused(event('I-forged', 1), { tamper: (body) => body.replace('邻里纠纷', '已调解成功') }, 401, 'BAD_SIGNATURE'));
  it('a sequence number tampered with after signing', () =>
    refused(event('I-forged', 1), { tamper: (body) => body.replace('"sequence":1', '"sequence":2') }, 401, 'BAD_SIGNATURE'));
  it('signed for another recipient', () => refused(event('I-forged', 1), { recipient: 'COURT' }, 401, 'WRONG_RECIPIENT'));
  it('a malformed envelope, even when signed', () => refused({ ...event('I-forged', 1), sequence: 0 }, {}, 400, 'BAD_EVENT'));

  it('a replay of an applied event with a changed payload under its id (validly signed)', async () => {
    const e = event('I-replay', 1);
    expect((await send(e)).body.status).toBe('applied');
    await refused({ ...e, payload: { summary: '调解不成' } }, {}, 422, 'EVENT_ID_REUSED');
    await refused({ ...e, type: 'DockingRejected' }, {}, 422, 'EVENT_ID_REUSED');
  });

  it("an applied event's id replayed on another stream, where it would be the next one, is refused and moves nothing", async () => {
    const e = event('I-moved', 1);
    expect((await send(e)).body.status).toBe('applied');
    await refused({ ...e, dockingId: 'I-elsewhere' }, {}, 422, 'EVENT_ID_REUSED');
    expect(await count(justice.db, `docking_inbox_cursor where docking_id = 'I-elsewhere'`)).toBe(0);
    // The stream is untouched: its real first event still applies.
    expect((await send(event('I-elsewhere', 1))).body.status).toBe('applied');
  });

  it('an old captured request, replayed outside the window — even of an applied event', async () => {
    const e = event('I-stale', 1);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await refused(e, { signedAt: tenMinutesAgo }, 401, 'STALE_SIGNATURE');
    expect((await send(e)).body.status).toBe('applied');
    await refused(e, { signedAt: tenMinutesAgo }, 401, 'STALE_SIGNATURE');
    await refused(e, { signedAt: new Date(Date.now() + 10 * 60_000) }, 401, 'STALE_SIGNATURE');
  });

  it('a different event claiming a sequence number already applied', async () => {
    expect((await send(event('I-seq', 1))).body.status).toBe('applied');
    await refused(event('I-seq', 1), {}, 422, 'SEQUENCE_REUSED');
  });
});

describe('inbox: order', () => {
  it('holds back an event that arrives before its predecessor (409, retryable) and applies the stream in sequence', async () => {
    const [first, second, third] = [event('I-order', 1), event('I-order', 2), event('I-order', 3)];
    expect(await send(first)).toMatchObject({ status: 200 });
    const early = await send(third);
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'OUT_OF_ORDER', expected: 2 } } });
    expect((await send(second)).status).toBe(200);
    expect((await send(third)).status).toBe(200);
    expect((await justice.received()).filter((r) => r.dockingId === 'I-order').map((r) => r.sequence)).toEqual([1, 2, 3]);
  });

  it('streams are independent per sender and per docking', async () => {
    expect((await send(event('I-streams-a', 1))).status).toBe(200);
    expect((await send(event('I-streams-b', 1))).status).toBe(200);
    expect((await send(event('I-streams-a', 1, { from: 'COURT' }))).status).toBe(200);
  });
});

describe('inbox: the effect and the inbox row commit together', () => {
  let server: Server;
  let url: string;
  let db: TestDatabase;
  let failures = 1;

  beforeAll(async () => {
    db = await agencyDatabase('inbox_effect');
    const handler = createEventHandler({
      orm: db.orm,
      agency: 'JUSTICE',
      keyRing: keys.keyRing,
      log: () => undefined,
      apply: async (em, e) => {
        await recordEffect(em, e);
        await em.flush();
        if (failures-- > 0) throw new Error('the business effect failed');
      },
    });
    const port = await freePort();
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${port}/events`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
  });

  it('a failing effect answers 500 (retryable) and records nothing; the retry applies it', async () => {
    const e = event('I-effect', 1);
    expect((await send(e, { url })).status).toBe(500);
    expect([await count(db, 'test_received'), await count(db, 'docking_inbox'), await count(db, 'docking_inbox_cursor')]).toEqual([0, 0, 0]);
    expect((await send(e, { url })).body.status).toBe('applied');
    expect([await count(db, 'test_received'), await count(db, 'docking_inbox')]).toEqual([1, 1]);
  });
});

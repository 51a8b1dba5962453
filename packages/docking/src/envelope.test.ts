import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { dockingSettingsFromEnv, loadOrCreateDevDockingKeys } from './config.js';
import { canonicalJson, contentHash, envelopeProblem, recipientsOf, type DockingEvent } from './envelope.js';
import { signDelivery, verifyDelivery } from './signing.js';

const event: DockingEvent = {
  id: '0b6f1c1e-8a8d-4c8e-9a57-3f0c2a1e5d10',
  type: 'DockingRequested',
  dockingId: 'D-1',
  sequence: 1,
  from: 'POLICE',
  to: 'JUSTICE',
  occurredAt: '2026-11-28T08:00:00.000Z',
  payload: { b: [1, { d: 2, c: null }], a: '张三' },
};

describe('envelope', () => {
  it('serializes canonically: key order does not change the bytes or the hash', () => {
    const { payload: _payload, ...rest } = event;
    const reordered = { payload: { a: '张三', b: [1, { c: null, d: 2 }] }, ...rest };
    expect(canonicalJson(reordered)).toBe(canonicalJson(event));
    expect(canonicalJson(event)).toBe(
      '{"dockingId":"D-1","from":"POLICE","id":"0b6f1c1e-8a8d-4c8e-9a57-3f0c2a1e5d10","occurredAt":"2026-11-28T08:00:00.000Z","payload":{"a":"张三","b":[1,{"c":null,"d":2}]},"sequence":1,"to":"JUSTICE","type":"DockingRequested"}',
    );
    expect(contentHash(reordered)).toBe(contentHash(event));
    expect(contentHash({ ...event, payload: { a: '李四' } })).not.toBe(contentHash(event));
  });

  it('copies every event to the hub unless the hub is a party', () => {
    expect(recipientsOf('POLICE', 'JUSTICE')).toEqual(['JUSTICE', 'GOVERNANCE']);
    expect(recipientsOf('POLICE', 'GOVERNANCE')).toEqual(['GOVERNANCE']);
    expect(recipientsOf('GOVERNANCE', 'JUSTICE')).toEqual(['JUSTICE']);
  });

  it('names what is wrong with a malformed envelope', () => {
    expect(envelopeProblem(event)).toBeNull();
    expect(envelopeProblem({ ...event, id: 'x' })).toMatch(/id/);
    expect(envelopeProblem({ ...event, sequence: 1.5 })).toMatch(/sequence/);
    expect(envelopeProblem({ ...event, from: 'ARMY' })).toMatch(/from/);
    expect(envelopeProblem({ ...event, to: 'POLICE' })).toMatch(/differ/);
    expect(envelopeProblem({ ...event, payload: [] })).toMatch(/payload/);
    expect(envelopeProblem({ ...event, extra: 1 })).toMatch(/extra/);
  });
});

describe('configuration', () => {
  it('reads endpoints and retry settings from the environment, with the default ports', () => {
    const settings = dockingSettingsFromEnv({
      JUSTICE_EVENTS_URL: 'http://justice:4102/events',
      JIEFEN_DOCKING_MAX_ATTEMPTS: '5',
      JIEFEN_DOCKING_BACKOFF_MS: '50',
      JIEFEN_DOCKING_CONCURRENCY: '32',
      JIEFEN_DOCKING_BATCH_SIZE: '20',
      JIEFEN_DOCKING_REQUESTS_IN_FLIGHT: '2',
    });
    expect(settings.endpoints).toMatchObject({
      JUSTICE: 'http://justice:4102/events',
      GOVERNANCE: 'http://127.0.0.1:4101/events',
      PETITION: 'http://127.0.0.1:4106/events',
    });
    expect(settings).toMatchObject({
      maxAttempts: 5,
      replayWindowSeconds: 300,
      backoff: { initialMs: 50, maxMs: 300_000 },
      concurrency: 32,
      batchSize: 20,
      requestsInFlight: 2,
    });
    expect(dockingSettingsFromEnv({})).toMatchObject({ concurrency: 6, batchSize: 100, requestsInFlight: 4 });
    expect(dockingSettingsFromEnv({ JIEFEN_DOCKING_BATCH_SIZE: '10000' }).batchSize).toBe(500);
    expect(() => dockingSettingsFromEnv({ JIEFEN_DOCKING_MAX_ATTEMPTS: '-1' })).toThrow(/JIEFEN_DOCKING_MAX_ATTEMPTS/);
    expect(() => dockingSettingsFromEnv({ JIEFEN_DOCKING_CONCURRENCY: 'many' })).toThrow(/JIEFEN_DOCKING_CONCURRENCY/);
    expect(() => dockingSettingsFromEnv({ JIEFEN_DOCKING_BATCH_SIZE: '0' })).toThrow(/JIEFEN_DOCKING_BATCH_SIZE/);
  });

  it('keeps development keys across restarts; a key signs what its public half verifies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docking-keys-'));
    try {
      const first = await loadOrCreateDevDockingKeys(dir);
      const again = await loadOrCreateDevDockingKeys(dir);
      const body = canonicalJson(event);
      const signature = await signDelivery(body, { from: 'POLICE', recipient: 'JUSTICE', privateKey: first.privateKeys.POLICE! });
      await expect(verifyDelivery(body, signature, { keyRing: again.keyRing, recipient: 'JUSTICE', windowSeconds: 60 })).resolves.toBe('POLICE');
      // The wire format is a standard detached JWS (RFC 7515, EdDSA): a generic JOSE library verifies
      // ours, and ours verifies what it signs — with the payload, or any byte of it, changed, it fails.
      const [header, , sig] = signature.split('.');
      const attached = `${header}.${Buffer.from(body, 'utf8').toString('base64url')}.${sig}`;
      await expect(compactVerify(attached, again.keyRing.POLICE!, { algorithms: ['EdDSA'] })).resolves.toBeTruthy();
      const iat = Math.floor(Date.now() / 1000);
      const theirs = await new CompactSign(new TextEncoder().encode(body))
        .setProtectedHeader({ alg: 'EdDSA', typ: 'jiefen-docking-event+jws', kid: 'POLICE', iss: 'POLICE', aud: 'JUSTICE', iat })
        .sign(first.privateKeys.POLICE!);
      const detached = theirs.replace(/\.[^.]*\./, '..');
      await expect(verifyDelivery(body, detached, { keyRing: again.keyRing, recipient: 'JUSTICE', windowSeconds: 60 })).resolves.toBe('POLICE');
      await expect(
        verifyDelivery(body.replace('张三', '李四'), detached, { keyRing: again.keyRing, recipient: 'JUSTICE', windowSeconds: 60 }),
      ).rejects.toMatchObject({
        problem: 'BAD_SIGNATURE',
      });
      await expect(
        verifyDelivery(body, signature, { keyRing: { POLICE: again.keyRing.COURT }, recipient: 'JUSTICE', windowSeconds: 60 }),
      ).rejects.toMatchObject({ problem: 'BAD_SIGNATURE' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

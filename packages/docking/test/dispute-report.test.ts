import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '@jiefen/testing';
import {
  applyDisputeAnswer,
  decodeDockingEvent,
  reportDispute,
  type DisputeHolder,
  type DisputeReportAnsweredPayload,
  type DisputeReportedPayload,
  type DockingEvent,
  type TypedDockingEvent,
} from '../src/index.js';
import { agencyDatabase, collectLogs } from './harness.js';

// 一案一号, the agency's side: the report published in the intake's transaction, and the one
// applier of the hub's answer with its idempotency and staleness policy, against a real database.
let police: TestDatabase;

beforeAll(async () => {
  police = await agencyDatabase('docking_dispute_report_test');
});
afterAll(() => police?.drop());

const reported = (recordId: string): DisputeReportedPayload => ({
  source: {
    agency: 'POLICE',
    recordType: 'PoliceIncident',
    recordId,
    number: 'J001',
    organizationCode: '11321281MB0000001X',
    organizationName: '戴南派出所',
    officerName: '王警官',
  },
  regionCode: '321281123201',
  category: '邻里',
  channel: 'CALL_110',
  summary: '邻里因排水沟发生争执',
  place: '董北村三组',
  occurredAt: null,
  reportedAt: new Date().toISOString(),
  parties: [{ role: 'APPLICANT', name: '张三', idNumber: null }],
});

const answered = (recordId: string, overrides: Partial<DisputeReportAnsweredPayload> = {}): TypedDockingEvent => ({
  id: randomUUID(),
  type: 'DisputeReportAnswered',
  dockingId: recordId,
  sequence: 1,
  from: 'GOVERNANCE',
  to: 'POLICE',
  occurredAt: new Date().toISOString(),
  payload: {
    recordType: 'PoliceIncident',
    recordId,
    disputeId: '6f1c0e0a-8f7e-4a57-9b8e-3d0d7c1c2a11',
    disputeNumber: '321281123-2026-000001',
    decision: 'REGISTERED',
    reason: '登记为新纠纷',
    answeredAt: new Date().toISOString(),
    ...overrides,
  },
});

describe('reportDispute', () => {
  it('publishes DisputeReported to the hub only, on the record’s stream, inside the transaction', async () => {
    const recordId = randomUUID();
    const stream = await police.orm.em.fork().transactional((tx) => reportDispute(tx, { payload: reported(recordId) }));
    expect(stream).toBe(recordId);
    const rows = await police.orm.em
      .getConnection()
      .execute<{ recipient: string; type: string; payload: DisputeReportedPayload }[]>(
        `select recipient, type, payload from docking_outbox where docking_id = ?`,
        [recordId],
      );
    expect(rows.map((r) => [r.recipient, r.type])).toEqual([['GOVERNANCE', 'DisputeReported']]);
    // What was published is what the hub's decoder accepts.
    const decoded = decodeDockingEvent({
      id: randomUUID(),
      type: 'DisputeReported',
      dockingId: recordId,
      sequence: 1,
      from: 'POLICE',
      to: 'GOVERNANCE',
      occurredAt: new Date().toISOString(),
      payload: rows[0]!.payload,
    } as DockingEvent);
    expect(decoded.problem).toBeUndefined();
  });

  it('emits nothing when the intake’s transaction rolls back', async () => {
    const recordId = randomUUID();
    await expect(
      police.orm.em.fork().transactional(async (tx) => {
        await reportDispute(tx, { payload: reported(recordId) });
        throw new Error('intake refused');
      }),
    ).rejects.toThrow('intake refused');
    const [row] = await police.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from docking_outbox where docking_id = ?`, [recordId]);
    expect(Number(row!.n)).toBe(0);
  });

  it('the contract refuses a category outside the one list', () => {
    const payload = { ...reported(randomUUID()), category: '民间纠纷' };
    const decoded = decodeDockingEvent({
      id: randomUUID(),
      type: 'DisputeReported',
      dockingId: 'x',
      sequence: 1,
      from: 'POLICE',
      to: 'GOVERNANCE',
      occurredAt: new Date().toISOString(),
      payload,
    } as unknown as DockingEvent);
    expect(decoded.problem).toMatch(/^payload\.category/);
  });
});

describe('applyDisputeAnswer', () => {
  const records = new Map<string, DisputeHolder>();
  const apply = async (event: TypedDockingEvent) => {
    const logs = collectLogs();
    const result = await police.orm.em
      .fork()
      .transactional((em) => applyDisputeAnswer(em, 'POLICE', event, { PoliceIncident: { load: async (_em, id) => records.get(id) ?? null } }, logs.log));
    return { result, warnings: logs.entries.filter((e) => e.level === 'warn') };
  };

  it('stores the dispute id and 统一编号 once; the same answer again changes nothing', async () => {
    const id = randomUUID();
    records.set(id, { disputeId: null, disputeNumber: null });
    const event = answered(id);
    expect(await apply(event)).toEqual({ result: 'applied', warnings: [] });
    expect(records.get(id)).toEqual({ disputeId: '6f1c0e0a-8f7e-4a57-9b8e-3d0d7c1c2a11', disputeNumber: '321281123-2026-000001' });
    expect(await apply(answered(id))).toEqual({ result: 'unchanged', warnings: [] });
  });

  it.each([
    ['an unknown record', () => answered(randomUUID()), 'unknown record'],
    ['an unknown record type', () => answered(randomUUID(), { recordType: 'Other' }), 'no record type Other'],
  ])('logs an answer about %s as stale', async (_what, make, reason) => {
    const { result, warnings } = await apply(make());
    expect(result).toBe('stale');
    expect(warnings).toEqual([expect.objectContaining({ message: 'dispute answer not applied', reason })]);
  });

  it('keeps a record’s dispute when an answer names another one (stale)', async () => {
    const id = randomUUID();
    records.set(id, { disputeId: 'a0000000-0000-4000-8000-000000000001', disputeNumber: '321281123-2026-000009' });
    const { result } = await apply(answered(id));
    expect(result).toBe('stale');
    expect(records.get(id)!.disputeNumber).toBe('321281123-2026-000009');
  });

  it('gives a hand-over’s receiver the answer about the sender’s record, by the docking it came on; retried until the hand-over arrived', async () => {
    const dockingId = randomUUID();
    const received = new Map<string, DisputeHolder>();
    const event = { ...answered(randomUUID(), { recordType: 'CourtCase' }), to: 'JUSTICE', dockingId } as TypedDockingEvent;
    const run = () =>
      police.orm.em.fork().transactional((em) =>
        applyDisputeAnswer(em, 'JUSTICE', event, { MediationCase: { load: async () => null } }, collectLogs().log, {
          load: async (_em, id) => received.get(id) ?? null,
        }),
      );
    await expect(run()).rejects.toThrow(/not received yet/);
    await police.orm.em
      .getConnection()
      .execute(
        `insert into docking_inbox (event_id, type, from_agency, to_agency, docking_id, sequence, content_hash, occurred_at) values (?, 'DockingRequested', 'COURT', 'JUSTICE', ?, 1, 'x', now())`,
        [randomUUID(), dockingId],
      );
    // Arrived, but no case was opened from it: stale.
    expect(await run()).toBe('stale');
    received.set(dockingId, { disputeId: null, disputeNumber: null });
    expect(await run()).toBe('applied');
    expect(received.get(dockingId)!.disputeNumber).toBe('321281123-2026-000001');
  });

  it('ignores events that are no answer', async () => {
    const event = { ...answered(randomUUID()), type: 'DockingRejected', payload: { rejectedAt: new Date().toISOString(), reason: 'x' } } as TypedDockingEvent;
    expect((await apply(event)).result).toBe('not-answer');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '@jiefen/testing';
import {
  applyDockingFeedback,
  DockingOutgoing,
  openOutgoingDocking,
  type DockingFeedbackHooks,
  type DockingRequestedPayload,
  type TypedDockingEvent,
} from '../src/index.js';
import { agencyDatabase, collectLogs, count } from './harness.js';

// The sender's side of a hand-over: the outgoing row opened with its event, and the one feedback
// applier with its staleness policy, against a real database.
let police: TestDatabase;

beforeAll(async () => {
  police = await agencyDatabase('docking_outgoing_test');
});
afterAll(() => police?.drop());

const request = (recordId: string): DockingRequestedPayload => ({
  kind: 'POLICE',
  mode: 'TRANSFER',
  disputeId: null,
  regionCode: '321281',
  category: null,
  summary: '邻里纠纷',
  sentAt: new Date().toISOString(),
  source: {
    agency: 'POLICE',
    recordType: 'PoliceIncident',
    recordId,
    number: 'J001',
    organizationCode: '11321281MB0000001X',
    organizationName: '戴南派出所',
    officerName: '王警官',
  },
  target: { organizationCode: '54321281MJ12345677', organizationName: null },
  parties: [{ role: 'APPLICANT', name: '张三' }],
});

const answer = <T extends 'DockingAccepted' | 'DockingRejected' | 'MediationConcluded'>(
  dockingId: string,
  sequence: number,
  type: T,
  payload: TypedDockingEvent<T>['payload'],
) => ({ id: randomUUID(), type, dockingId, sequence, from: 'JUSTICE', to: 'POLICE', occurredAt: new Date().toISOString(), payload }) as TypedDockingEvent;

const accepted = (dockingId: string) =>
  answer(dockingId, 1, 'DockingAccepted', {
    acceptedAt: new Date().toISOString(),
    caseId: randomUUID(),
    caseNumber: '兴司调〔2026〕1号',
    organizationName: '戴南镇人民调解委员会',
    mediatorName: null,
  });
const rejected = (dockingId: string, sequence = 1) => answer(dockingId, sequence, 'DockingRejected', { rejectedAt: new Date().toISOString(), reason: ' ' });
const concluded = (dockingId: string, sequence = 2) =>
  answer(dockingId, sequence, 'MediationConcluded', { concludedAt: new Date().toISOString(), outcome: 'AGREEMENT', summary: '达成协议', agreement: null });

async function open(): Promise<DockingOutgoing> {
  return police.orm.em.fork().transactional((tx) => openOutgoingDocking(tx, { to: 'JUSTICE', payload: request(randomUUID()), reason: '不属于治安案件' }));
}

/** Applies in a transaction, as the inbox does, with hooks that record what they were told. */
async function apply(event: TypedDockingEvent, awaits = true) {
  const calls: string[] = [];
  const hooks: DockingFeedbackHooks = {
    awaits: () => awaits,
    onAccepted: async (_em, d) => void calls.push(`accepted ${d.caseNumber}`),
    onRejected: async (_em, d) => void calls.push(`rejected ${d.rejectionReason}`),
    onConcluded: async (_em, d) => void calls.push(`concluded ${d.outcome}`),
  };
  const logs = collectLogs();
  const result = await police.orm.em.fork().transactional((em) => applyDockingFeedback(em, 'POLICE', event, hooks, logs.log));
  const row = await police.orm.em.fork().findOneOrFail(DockingOutgoing, { dockingId: event.dockingId });
  return { result, calls, row, warnings: logs.entries.filter((e) => e.level === 'warn') };
}

describe('outgoing dockings', () => {
  it('opens the row and publishes DockingRequested in one transaction, or neither', async () => {
    const before = await count(police, 'docking_outbox');
    const d = await open();
    expect(d).toMatchObject({
      fromAgency: 'POLICE',
      toAgency: 'JUSTICE',
      recordType: 'PoliceIncident',
      status: 'SENT',
      organizationCode: '54321281MJ12345677',
      officerName: '王警官',
      reason: '不属于治安案件',
    });
    expect(await count(police, 'docking_outbox')).toBe(before + 2);
    await expect(
      police.orm.em.fork().transactional(async (tx) => {
        await openOutgoingDocking(tx, { to: 'JUSTICE', payload: request(randomUUID()) });
        throw new Error('the record change failed');
      }),
    ).rejects.toThrow('the record change failed');
    expect(await count(police, 'docking_outbox')).toBe(before + 2);
  });

  it('keeps acceptance and conclusion on the row and calls the hooks', async () => {
    const d = await open();
    const first = await apply(accepted(d.dockingId));
    expect(first).toMatchObject({
      result: 'applied',
      calls: ['accepted 兴司调〔2026〕1号'],
      row: { status: 'ACCEPTED', organizationName: '戴南镇人民调解委员会' },
    });
    const second = await apply(concluded(d.dockingId));
    expect(second).toMatchObject({
      result: 'applied',
      calls: ['concluded AGREEMENT'],
      row: { status: 'CONCLUDED', outcome: 'AGREEMENT', outcomeSummary: '达成协议' },
    });
  });

  it('gives a refusal without a reason the default one', async () => {
    const d = await open();
    expect(await apply(rejected(d.dockingId))).toMatchObject({ result: 'applied', calls: ['rejected 调解组织不予受理'], row: { status: 'REJECTED' } });
  });

  it('logs and ignores an answer to a hand-over no longer running, or whose record no longer waits', async () => {
    const d = await open();
    await apply(rejected(d.dockingId));
    const late = await apply(concluded(d.dockingId));
    expect(late).toMatchObject({ result: 'stale', calls: [], row: { status: 'REJECTED', outcome: null } });
    expect(late.warnings).toMatchObject([{ message: 'docking event not applied', reason: 'hand-over is REJECTED' }]);
    const other = await open();
    const moved = await apply(accepted(other.dockingId), false);
    expect(moved).toMatchObject({ result: 'stale', calls: [], row: { status: 'SENT', acceptedAt: null } });
  });

  it('leaves reports that are no answer (a session, a return visit) to the agency, on a hand-over it opened: nothing changes', async () => {
    const d = await open();
    await apply(accepted(d.dockingId));
    const session = {
      ...accepted(d.dockingId),
      sequence: 2,
      type: 'MediationSessionRecorded',
      payload: {
        sessionId: randomUUID(),
        caseId: randomUUID(),
        sequence: 1,
        heldAt: new Date().toISOString(),
        mediatorName: null,
        organizationName: '戴南镇人民调解委员会',
        summary: '第 1 次调解',
      },
    } as TypedDockingEvent;
    const visit = {
      ...accepted(d.dockingId),
      sequence: 3,
      type: 'AgreementPerformanceRecorded',
      payload: { agreementNumber: '兴司调协〔2026〕1号', performance: 'PERFORMED', visitedAt: new Date().toISOString() },
    } as TypedDockingEvent;
    for (const event of [session, visit]) expect(await apply(event)).toMatchObject({ result: 'not-feedback', calls: [], row: { status: 'ACCEPTED' } });
  });

  it("keeps the court's ruling and an enforcement of the agreement a hand-over ended with, whatever the record did since; anything else is stale", async () => {
    const ruled = (dockingId: string, sequence: number, ruling: 'CONFIRMED' | 'REJECTED', ruledAt: string) =>
      ({
        ...accepted(dockingId),
        sequence,
        type: 'JudicialConfirmationRuled',
        payload: {
          applicationId: randomUUID(),
          confirmationId: randomUUID(),
          caseNumber: ruling === 'CONFIRMED' ? '(2026)苏1281民特12号' : null,
          ruling,
          ruledAt,
          reason: ruling === 'REJECTED' ? ' 协议内容违反法律 ' : null,
        },
      }) as TypedDockingEvent;
    const enforcement = (dockingId: string, sequence: number) =>
      ({
        ...accepted(dockingId),
        sequence,
        type: 'EnforcementApplied',
        payload: { confirmationId: randomUUID(), caseNumber: '(2026)苏1281执88号', appliedAt: '2026-12-20T02:00:00.000Z' },
      }) as TypedDockingEvent;
    // Not concluded yet, or concluded without an agreement: no ruling can be about it.
    const running = await open();
    await apply(accepted(running.dockingId));
    const early = await apply(ruled(running.dockingId, 2, 'CONFIRMED', '2026-12-10T02:00:00.000Z'));
    expect(early).toMatchObject({ result: 'stale', calls: [], row: { confirmationRuling: null } });
    expect(early.warnings).toMatchObject([{ reason: 'hand-over is ACCEPTED without an agreement' }]);

    const d = await open();
    await apply(accepted(d.dockingId));
    await apply(concluded(d.dockingId));
    // Enforcement before a confirmation is stale; a rejection, then (a new application) a confirmation, replace each other; an older one does not.
    const unconfirmed = await apply(enforcement(d.dockingId, 3));
    expect(unconfirmed).toMatchObject({
      result: 'stale',
      row: { enforcementCaseNumber: null },
      warnings: [{ reason: 'the agreement is not judicially confirmed' }],
    });
    // `awaits` false: the record moved on (the incident closed); the ruling is about the agreement and applies all the same.
    expect(await apply(ruled(d.dockingId, 4, 'REJECTED', '2026-12-05T02:00:00.000Z'), false)).toMatchObject({
      result: 'applied',
      calls: [],
      row: { confirmationRuling: 'REJECTED', confirmationCaseNumber: null, confirmationReason: '协议内容违反法律' },
    });
    const confirmed = await apply(ruled(d.dockingId, 5, 'CONFIRMED', '2026-12-10T02:00:00.000Z'));
    expect(confirmed.row).toMatchObject({ confirmationRuling: 'CONFIRMED', confirmationCaseNumber: '(2026)苏1281民特12号', confirmationReason: null });
    expect(confirmed.row.confirmationRuledAt!.toISOString()).toBe('2026-12-10T02:00:00.000Z');
    const older = await apply(ruled(d.dockingId, 6, 'REJECTED', '2026-12-01T02:00:00.000Z'));
    expect(older).toMatchObject({ result: 'stale', row: { confirmationRuling: 'CONFIRMED' } });
    expect(older.warnings).toMatchObject([{ reason: 'a later ruling is recorded' }]);
    expect(await apply(enforcement(d.dockingId, 7))).toMatchObject({
      result: 'applied',
      row: { status: 'CONCLUDED', enforcementCaseNumber: '(2026)苏1281执88号' },
    });
  });

  it('leaves answers about dockings it did not open to the agency', async () => {
    const result = await police.orm.em.fork().transactional((em) => applyDockingFeedback(em, 'POLICE', accepted(randomUUID()), {}));
    expect(result).toBe('not-feedback');
  });
});

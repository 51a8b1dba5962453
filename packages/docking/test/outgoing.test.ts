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

  it('leaves answers about dockings it did not open to the agency', async () => {
    const result = await police.orm.em.fork().transactional((em) => applyDockingFeedback(em, 'POLICE', accepted(randomUUID()), {}));
    expect(result).toBe('not-feedback');
  });
});

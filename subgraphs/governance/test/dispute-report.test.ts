import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '@jiefen/auth';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DisputeReportedPayload, type DockingEvent, type DockingRequestedPayload } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';
import { freshIdNumber } from './hub-helpers.js';

// 一案一号 at the hub, on a real database: every record another agency brings without a hub dispute
// (a `DisputeReported`, or a `DockingRequested` that named none) is registered or linked by ONE
// decision, recorded in dispute_report and answered to the sender (`DisputeReportAnswered` in the
// hub's outbox). The events are posted to the hub's inbox signed as their senders would.

const REPORTS = `query($id: ID!) { dispute(id: $id) {
  id number category regionCode status
  reports { agency recordType recordNumber decision reason reportedAt answeredAt }
  handling { timeline { type summary } }
} }`;
type View = {
  id: string;
  number: string;
  category: string;
  regionCode: string;
  status: string;
  reports: { agency: string; recordType: string; recordNumber: string; decision: string; reason: string }[];
  handling: { timeline: { type: string; summary: string }[] };
};
type Answer = { recordType: string; recordId: string; disputeId: string; disputeNumber: string; decision: string; reason: string };

describe('一案一号: the hub registers or links what agencies report, and answers', () => {
  let stack: Stack;

  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.governance!.orm.em.getConnection().execute<T[]>(query, params);
  const post = async (event: DockingEvent) => {
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: event.from, recipient: 'GOVERNANCE', privateKey: stack.docking.keys.privateKeys[event.from]! });
    const res = await fetch(stack.docking.settings.endpoints.GOVERNANCE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const event = (from: Agency, to: Agency, dockingId: string, type: string, payload: object): DockingEvent =>
    ({ id: randomUUID(), type, dockingId, sequence: 1, from, to, occurredAt: new Date().toISOString(), payload }) as unknown as DockingEvent;

  /** A report of one record; its id is its stream. */
  const report = (agency: Agency, ids: (string | null)[], overrides: Partial<DisputeReportedPayload> = {}) => {
    const recordId = randomUUID();
    const payload: DisputeReportedPayload = {
      source: {
        agency,
        recordType: agency === 'POLICE' ? 'PoliceIncident' : 'PetitionItem',
        recordId,
        number: `N-${recordId.slice(0, 8)}`,
        organizationCode: '11321281014090020U',
        organizationName: '兴化市公安局戴南派出所',
        officerName: '王建国',
      },
      regionCode: '321281123201',
      category: '邻里',
      channel: 'CALL_110',
      summary: '两户因院墙排水问题发生争执',
      place: '戴南镇董北村三组',
      occurredAt: null,
      reportedAt: new Date().toISOString(),
      parties: ids.map((idNumber, i) => ({ role: i === 0 ? 'APPLICANT' : 'RESPONDENT', name: `当事人${i}`, idNumber })),
      ...overrides,
    };
    return { recordId, payload, event: event(agency, 'GOVERNANCE', recordId, 'DisputeReported', payload) };
  };
  /** The hub's answers about a record (from its outbox), oldest first. */
  const answers = async (recordId: string): Promise<(Answer & { recipient: string })[]> =>
    (
      await sql<{ recipient: string; payload: Answer }>(
        `select recipient, payload from docking_outbox where type = 'DisputeReportAnswered' and payload->>'recordId' = ? order by occurred_at, event_id`,
        [recordId],
      )
    ).map((r) => ({ ...r.payload, recipient: r.recipient }));
  const reported = async (agency: Agency, ids: (string | null)[], overrides: Partial<DisputeReportedPayload> = {}) => {
    const r = report(agency, ids, overrides);
    await post(r.event);
    const [answer] = await answers(r.recordId);
    expect(answer).toBeDefined();
    return { ...r, answer: answer! };
  };
  const view = async (id: string) => (await stack.querySubgraph<{ dispute: View }>('governance', REPORTS, { id }, 'hub-coordinator')).body.data!.dispute;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('registers a new dispute and answers the sender with its id and 统一编号', async () => {
    const { recordId, payload, answer } = await reported('POLICE', [freshIdNumber(), freshIdNumber()]);
    expect(answer).toMatchObject({ recipient: 'POLICE', recordType: 'PoliceIncident', recordId, decision: 'REGISTERED' });
    const dispute = await view(answer.disputeId);
    expect(dispute).toMatchObject({ number: answer.disputeNumber, category: '邻里', regionCode: '321281123201', status: 'REGISTERED' });
    expect(dispute.reports).toEqual([
      expect.objectContaining({ agency: 'POLICE', recordType: 'PoliceIncident', recordNumber: payload.source.number, decision: 'REGISTERED' }),
    ]);
  });

  it('links a report sharing a party, the category and the town to the open dispute, with the reason and a timeline entry', async () => {
    const shared = freshIdNumber();
    const first = await reported('POLICE', [shared, freshIdNumber()]);
    // Another village of the same town (戴南镇), another agency, only one of the parties in common.
    const second = await reported('PETITION', [freshIdNumber(), shared], { regionCode: '321281123202' });
    expect(second.answer).toMatchObject({
      recipient: 'PETITION',
      decision: 'LINKED',
      disputeId: first.answer.disputeId,
      disputeNumber: first.answer.disputeNumber,
    });
    expect(second.answer.reason).toContain(first.answer.disputeNumber);
    expect(second.answer.reason).toContain('戴南镇');
    expect(second.answer.reason).not.toContain(shared);
    const dispute = await view(first.answer.disputeId);
    expect(dispute.reports.map((r) => [r.agency, r.decision])).toEqual([
      ['POLICE', 'REGISTERED'],
      ['PETITION', 'LINKED'],
    ]);
    expect(dispute.handling.timeline.at(-1)).toMatchObject({ type: 'REPORT_LINKED' });
    expect(dispute.handling.timeline.at(-1)!.summary).toContain(second.payload.source.number);
  });

  it.each([
    ['another category', { category: '合同' as const }],
    ['another town', { regionCode: '321281121201' }],
  ])('does not link a report of %s', async (_why, overrides) => {
    const shared = freshIdNumber();
    const first = await reported('POLICE', [shared]);
    const second = await reported('PETITION', [shared], overrides);
    expect(second.answer.decision).toBe('REGISTERED');
    expect(second.answer.disputeId).not.toBe(first.answer.disputeId);
  });

  it('does not link to a closed dispute, nor a report without ID numbers or without a category', async () => {
    const shared = freshIdNumber();
    const closed = await reported('POLICE', [shared]);
    await sql(`update dispute set status = 'CLOSED' where id = ?`, [closed.answer.disputeId]);
    const after = await reported('PETITION', [shared]);
    expect(after.answer.decision).toBe('REGISTERED');
    expect(after.answer.disputeId).not.toBe(closed.answer.disputeId);
    // `after` is open: only ID numbers (and a category) make two reports one dispute.
    const nameless = await reported('PETITION', [null, null]);
    expect(nameless.answer).toMatchObject({ decision: 'REGISTERED' });
    expect(nameless.answer.reason).toContain('不作关联');
    const uncategorized = await reported('PETITION', [shared], { category: null });
    expect(uncategorized.answer.decision).toBe('REGISTERED');
    expect((await view(uncategorized.answer.disputeId)).category).toBe('其他');
  });

  it('gives a record reported twice (reported, then handed over without the id) the same dispute, answered on each stream', async () => {
    const first = await reported('POLICE', [freshIdNumber()]);
    const before = await sql<{ n: string }>(`select count(*) as n from dispute`);
    // The incident is transferred (公调) before the answer reached the police: the DockingRequested names no dispute.
    const dockingId = randomUUID();
    const requested: DockingRequestedPayload = {
      kind: 'POLICE',
      mode: 'TRANSFER',
      disputeId: null,
      regionCode: first.payload.regionCode,
      category: '邻里',
      summary: first.payload.summary,
      sentAt: new Date().toISOString(),
      source: first.payload.source,
      target: { organizationCode: '54321281MJ12345677', organizationName: '戴南镇人民调解委员会' },
      parties: first.payload.parties,
    };
    await post(event('POLICE', 'JUSTICE', dockingId, 'DockingRequested', requested));
    expect(await sql(`select count(*) as n from dispute`)).toEqual(before);
    expect(await sql(`select dispute_id from docking where id = ?`, [dockingId])).toEqual([{ dispute_id: first.answer.disputeId }]);
    const all = await answers(first.recordId);
    expect(all.map((a) => [a.recipient, a.disputeId, a.decision]).sort()).toEqual(
      [
        ['POLICE', first.answer.disputeId, 'REGISTERED'],
        ['POLICE', first.answer.disputeId, 'REGISTERED'],
        // The hand-over's receiver (justice's case from the 公调) learns the dispute too.
        ['JUSTICE', first.answer.disputeId, 'REGISTERED'],
      ].sort(),
    );
    expect(await sql(`select count(*)::int as n from dispute_report where record_id = ?`, [first.recordId])).toEqual([{ n: 1 }]);
    const streams = await sql<{ recipient: string; docking_id: string }>(
      `select recipient, docking_id from docking_outbox where type = 'DisputeReportAnswered' and payload->>'recordId' = ? order by occurred_at, recipient`,
      [first.recordId],
    );
    expect(streams.map((s) => `${s.recipient} ${s.docking_id}`).sort()).toEqual(
      [`JUSTICE ${dockingId}`, `POLICE ${dockingId}`, `POLICE ${first.recordId}`].sort(),
    );
  });

  it('answers a hand-over that named no dispute (the incident behind a 公调 learns its dispute)', async () => {
    const dockingId = randomUUID();
    const recordId = randomUUID();
    const requested: DockingRequestedPayload = {
      kind: 'POLICE',
      mode: 'TRANSFER',
      disputeId: null,
      regionCode: '321281123201',
      category: '民间纠纷',
      summary: '邻里因琐事发生口角',
      sentAt: new Date().toISOString(),
      source: {
        agency: 'POLICE',
        recordType: 'PoliceIncident',
        recordId,
        number: 'J32128120261201000001',
        organizationCode: '11321281014090020U',
        organizationName: '兴化市公安局戴南派出所',
        officerName: '王建国',
      },
      target: { organizationCode: '54321281MJ12345677', organizationName: '戴南镇人民调解委员会' },
      parties: [{ role: 'APPLICANT', name: '张三', idNumber: freshIdNumber() }],
    };
    await post(event('POLICE', 'JUSTICE', dockingId, 'DockingRequested', requested));
    const [answer, ...more] = await answers(recordId);
    expect(answer).toMatchObject({ decision: 'REGISTERED', recordType: 'PoliceIncident' });
    expect([answer!.recipient, ...more.map((a) => a.recipient)].sort()).toEqual(['JUSTICE', 'POLICE']);
    // A category outside the one list registers as 其他.
    expect((await view(answer!.disputeId)).category).toBe('其他');
  });
});

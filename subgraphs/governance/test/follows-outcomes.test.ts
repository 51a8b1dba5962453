import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '@jiefen/auth';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DockingEvent, type DockingRequestedPayload } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';
import { mutate, registration } from './hub-helpers.js';

// The ledger's effect on disputes, event by event, with the copies the hub receives posted straight
// to its inbox (signed as their senders would): several hand-overs of one dispute whose reports
// arrive in any order, redeliveries, a dispute the hub moved on, an acceptance without a region.

const VIEW = `query($id: ID!) { dispute(id: $id) {
  status tier attemptsAtTier outcome resolvedAt
  handling { attempts { tier mediatorName } timeline { type fromStatus toStatus actorName } }
} }`;
type View = {
  status: string;
  tier: string;
  attemptsAtTier: number;
  outcome: string | null;
  resolvedAt: string | null;
  handling: {
    attempts: { tier: string; mediatorName: string }[];
    timeline: { type: string; fromStatus: string | null; toStatus: string; actorName: string }[];
  };
};

describe('the hub follows outcomes: the ledger moves the dispute of each docking', () => {
  let stack: Stack;
  /** Each stream's next sequence number: (from, to, docking). */
  const sequences = new Map<string, number>();

  const post = async (event: DockingEvent) => {
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: event.from, recipient: 'GOVERNANCE', privateKey: stack.docking.keys.privateKeys[event.from]! });
    const res = await fetch(stack.docking.settings.endpoints.GOVERNANCE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { status: string };
  };
  const send = (from: Agency, to: Agency, dockingId: string, type: string, payload: Record<string, unknown>) => {
    const stream = `${from}|${to}|${dockingId}`;
    const sequence = (sequences.get(stream) ?? 0) + 1;
    sequences.set(stream, sequence);
    const event = { id: randomUUID(), type, dockingId, sequence, from, to, occurredAt: new Date().toISOString(), payload } as unknown as DockingEvent;
    return post(event).then((result) => ({ event, result }));
  };
  /** A hand-over of the dispute by `from` to justice (the sender's DockingRequested, copied to the hub). */
  const handOver = async (disputeId: string, from: 'POLICE' | 'COURT'): Promise<string> => {
    const dockingId = randomUUID();
    const payload: DockingRequestedPayload = {
      kind: from,
      mode: from === 'COURT' ? 'ENTRUST' : 'TRANSFER',
      disputeId,
      regionCode: '321281123201',
      category: '邻里',
      summary: '两户因院墙排水问题发生争执',
      sentAt: new Date().toISOString(),
      source: {
        agency: from,
        recordType: from === 'COURT' ? 'CourtCase' : 'PoliceIncident',
        recordId: randomUUID(),
        number: 'N-1',
        organizationCode: '11321281014090020U',
        organizationName: '送出单位',
        officerName: '王建国',
      },
      target: { organizationCode: '54321281MJ12345677', organizationName: '戴南镇人民调解委员会' },
      parties: [],
    };
    await send(from, 'JUSTICE', dockingId, 'DockingRequested', payload);
    return dockingId;
  };
  const accepted = (to: Agency, dockingId: string, organizationName: string, organizationRegionCode?: string) =>
    send('JUSTICE', to, dockingId, 'DockingAccepted', {
      acceptedAt: new Date().toISOString(),
      caseId: randomUUID(),
      caseNumber: '兴司调〔2026〕0901号',
      organizationName,
      mediatorName: '顾秀英',
      ...(organizationRegionCode ? { organizationRegionCode } : {}),
    });
  const session = (to: Agency, dockingId: string, sequence: number) =>
    send('JUSTICE', to, dockingId, 'MediationSessionRecorded', {
      sessionId: randomUUID(),
      caseId: randomUUID(),
      sequence,
      heldAt: new Date().toISOString(),
      mediatorName: '顾秀英',
      organizationName: '中迎村人民调解委员会',
      summary: `第 ${sequence} 次调解:排水沟疏通`,
    });
  const concluded = (to: Agency, dockingId: string, outcome: 'AGREEMENT' | 'NO_AGREEMENT' | 'TERMINATED') =>
    send('JUSTICE', to, dockingId, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome,
      summary: outcome === 'AGREEMENT' ? '双方达成协议' : '双方分歧较大',
      agreement: null,
    });
  const view = async (id: string) => (await stack.querySubgraph<{ dispute: View }>('governance', VIEW, { id }, 'hub-coordinator')).body.data!.dispute;
  const registered = async () =>
    (await mutate<{ id: string }>(stack, 'registerDispute', 'RegisterDisputeInput', registration('WINDOW'), 'hub-coordinator', 'id')).id;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('follows two hand-overs of one dispute whose reports interleave: the first acceptance sets the tier, the last word that the state allows wins', async () => {
    const id = await registered();
    const police = await handOver(id, 'POLICE');
    const court = await handOver(id, 'COURT');
    // The court's hand-over is accepted first, by a village committee (12-digit region).
    await accepted('COURT', court, '中迎村人民调解委员会', '321281123201');
    expect(await view(id)).toMatchObject({ status: 'IN_MEDIATION', tier: 'VILLAGE', attemptsAtTier: 0 });
    // The police's, by the town committee: the dispute is already in mediation, its tier stays.
    await accepted('POLICE', police, '戴南镇人民调解委员会', '321281123');
    await session('COURT', court, 1);
    await session('COURT', court, 2);
    let v = await view(id);
    expect(v).toMatchObject({ status: 'IN_MEDIATION', tier: 'VILLAGE', attemptsAtTier: 2 });
    expect(v.handling.attempts).toEqual([
      { tier: 'VILLAGE', mediatorName: '顾秀英' },
      { tier: 'VILLAGE', mediatorName: '顾秀英' },
    ]);
    // The court's case fails, then the police's settles: unresolved, then resolved.
    await concluded('COURT', court, 'NO_AGREEMENT');
    expect(await view(id)).toMatchObject({ status: 'UNRESOLVED', outcome: 'UNRESOLVED', resolvedAt: null });
    await concluded('POLICE', police, 'AGREEMENT');
    v = await view(id);
    expect(v).toMatchObject({ status: 'RESOLVED', outcome: 'RESOLVED' });
    expect(v.resolvedAt).toBeTruthy();
    expect(v.handling.timeline.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['REGISTER', null, 'REGISTERED'],
      ['DOCKING_ACCEPTED', 'REGISTERED', 'IN_MEDIATION'],
      ['DOCKING_ACCEPTED', 'IN_MEDIATION', 'IN_MEDIATION'],
      ['RECORD_ATTEMPT', 'IN_MEDIATION', 'IN_MEDIATION'],
      ['RECORD_ATTEMPT', 'IN_MEDIATION', 'IN_MEDIATION'],
      ['DOCKING_CONCLUDED_NO_AGREEMENT', 'IN_MEDIATION', 'UNRESOLVED'],
      ['DOCKING_CONCLUDED_AGREEMENT', 'UNRESOLVED', 'RESOLVED'],
    ]);
    expect(v.handling.timeline[1]!.actorName).toBe('中迎村人民调解委员会');
  });

  it('changes nothing on a redelivery, nor on reports about a dispute the hub moved on or closed', async () => {
    const id = await registered();
    const first = await handOver(id, 'POLICE');
    const { event } = await accepted('POLICE', first, '戴南镇人民调解委员会', '321281123');
    expect(await post(event)).toMatchObject({ status: 'already-applied' });
    await concluded('POLICE', first, 'AGREEMENT');
    await mutate(stack, 'requestClosingReview', 'RequestDisputeReviewInput', { disputeId: id, note: '已达成协议' });
    const before = await view(id);
    expect(before).toMatchObject({ status: 'UNDER_REVIEW', tier: 'TOWN' });

    // Another hand-over of the same dispute reports late: acceptance, a session, a failure — all ignored.
    const late = await handOver(id, 'COURT');
    await accepted('COURT', late, '中迎村人民调解委员会', '321281123201');
    await session('COURT', late, 1);
    await concluded('COURT', late, 'NO_AGREEMENT');
    expect(await view(id)).toEqual(before);

    // Closed: nothing reopens it.
    await stack.subgraphs.governance!.orm.em.getConnection().execute(`update dispute set status = 'CLOSED' where id = ?`, [id]);
    const again = await handOver(id, 'POLICE');
    await accepted('POLICE', again, '戴南镇人民调解委员会', '321281123');
    await concluded('POLICE', again, 'AGREEMENT');
    expect(await view(id)).toEqual({ ...before, status: 'CLOSED' });
  });

  it('keeps the tier the dispute has when an acceptance does not say where the organization sits', async () => {
    const id = await registered();
    const docking = await handOver(id, 'POLICE');
    await accepted('POLICE', docking, '戴南镇人民调解委员会');
    expect(await view(id)).toMatchObject({ status: 'IN_MEDIATION', tier: 'VILLAGE' });
  });

  it('ends a terminated mediation as unresolved, straight from registration when no acceptance came first', async () => {
    const id = await registered();
    const docking = await handOver(id, 'POLICE');
    await concluded('POLICE', docking, 'TERMINATED');
    expect(await view(id)).toMatchObject({ status: 'UNRESOLVED', outcome: 'UNRESOLVED' });
  });

  it('clears the supervision item of a dispute overdue at registration once a hand-over is accepted (督办 follows)', async () => {
    const id = await registered();
    const sql = (q: string, params: unknown[]) => stack.subgraphs.governance!.orm.em.getConnection().execute<Record<string, unknown>[]>(q, params);
    // Registered long ago and never routed at the hub: past the routing clock.
    await sql(`update dispute set due_at = now() - interval '1 day' where id = ?`, [id]);
    const scan = () => stack.querySubgraph('governance', 'mutation { scanOverdueDisputes { created cleared } }', {}, 'hub-coordinator');
    const items = () => sql(`select status from supervision_item where subject_type = 'DISPUTE' and subject_id = ?`, [id]);
    await scan();
    expect(await items()).toEqual([{ status: 'OPEN' }]);
    const docking = await handOver(id, 'POLICE');
    await accepted('POLICE', docking, '戴南镇人民调解委员会', '321281123');
    const overdue = await stack.querySubgraph<{ dispute: { overdue: boolean; status: string } }>(
      'governance',
      'query($id: ID!) { dispute(id: $id) { overdue status } }',
      { id },
      'hub-coordinator',
    );
    expect(overdue.body.data!.dispute).toEqual({ overdue: false, status: 'IN_MEDIATION' });
    await scan();
    expect(await items()).toEqual([{ status: 'CLEARED' }]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DockingEvent } from '@jiefen/docking';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

const TRANSFER = `mutation($id: ID!, $input: TransferToMediationInput!) {
  transferToMediation(incidentId: $id, input: $input) { id dockingId status statusLabel receivingOrganization { creditCode name } }
}`;
const INCIDENT = `query($id: ID!) { policeIncident(id: $id) { status transfers { dockingId status outcome outcomeSummary mediationCaseNumber rejectionReason } } }`;
const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const input = () => ({
  receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
  reason: '邻里排水纠纷,不属于治安案件,双方同意人民调解',
  parties: [
    { role: 'APPLICANT', name: '张小三', phone: '13812345678' },
    { role: 'RESPONDENT', name: '李四' },
  ],
});

describe('公调: transferToMediation and the outcome fed back', () => {
  let stack: Stack;
  const officer = callerOf('police-officer', { jurisdiction: '321281' });
  const incidents = demoDisputes()
    .filter((d) => d.agencies.police)
    .map((d) => demoId('police-incident', d.n));
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.police!.orm.em.getConnection().execute<T[]>(query, params);
  const outboxCount = async () => Number((await sql<{ n: string }>('select count(*) as n from docking_outbox'))[0]!.n);
  const openIncident = async () => {
    const [row] = await sql<{ id: string }>(
      `select id from police_incident i where id in (${incidents.map(() => '?').join(',')}) and not exists (select 1 from docking_outgoing t where t.record_id = i.id::text) and not exists (select 1 from police_mediation m where m.incident_id = i.id) limit 1`,
      incidents,
    );
    await sql(`update police_incident set status = 'DISPATCHED' where id = ?`, [row!.id]);
    return row!.id;
  };
  /** Posts an event to the police's inbox as justice would, signed with justice's key. */
  const fromJustice = async (dockingId: string, sequence: number, type: string, payload: Record<string, unknown>) => {
    const event: DockingEvent = {
      id: randomUUID(),
      type,
      dockingId,
      sequence,
      from: 'JUSTICE',
      to: 'POLICE',
      occurredAt: new Date().toISOString(),
      payload,
    } as DockingEvent;
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: 'JUSTICE', recipient: 'POLICE', privateKey: stack.docking.keys.privateKeys.JUSTICE! });
    const url = stack.docking.settings.endpoints.POLICE;
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('writes the transfer, the incident status and one event per recipient (justice and the hub) together', async () => {
    const id = await openIncident();
    // The officer said which of the hub's categories this 民间纠纷 is: the hand-over carries it.
    await sql(`update police_incident set non_police = true, non_police_category = '民间纠纷', dispute_category = '邻里' where id = ?`, [id]);
    const before = await outboxCount();
    const { body } = await stack.querySubgraph<{ transferToMediation: { dockingId: string; status: string } }>(
      'police',
      TRANSFER,
      { id, input: input() },
      officer,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.transferToMediation).toMatchObject({
      status: 'SENT',
      statusLabel: '已移交待接收',
      receivingOrganization: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
    });
    const { dockingId } = body.data!.transferToMediation;
    const rows = await sql<{ recipient: string; type: string; sequence: number; payload: { category: string | null } }>(
      'select recipient, type, sequence, payload from docking_outbox where docking_id = ? order by recipient',
      [dockingId],
    );
    expect(rows.map((r) => [r.recipient, r.type, Number(r.sequence), r.payload.category])).toEqual([
      ['GOVERNANCE', 'DockingRequested', 1, '邻里'],
      ['JUSTICE', 'DockingRequested', 1, '邻里'],
    ]);
    expect(await outboxCount()).toBe(before + 2);
  });

  it('shows the officer the organization accepting and the outcome on the incident', async () => {
    const id = await openIncident();
    const sent = await stack.querySubgraph<{ transferToMediation: { dockingId: string } }>('police', TRANSFER, { id, input: input() }, officer);
    const { dockingId } = sent.body.data!.transferToMediation;
    expect(
      (
        await fromJustice(dockingId, 1, 'DockingAccepted', {
          acceptedAt: new Date().toISOString(),
          caseId: randomUUID(),
          caseNumber: '兴司调〔2026〕0901号',
          organizationName: '戴南镇人民调解委员会',
          mediatorName: '顾秀英',
        })
      ).status,
    ).toBe(200);
    // A session held by the committee is for the hub's 三三制 count: the police accept it and change nothing.
    expect(
      (
        await fromJustice(dockingId, 2, 'MediationSessionRecorded', {
          sessionId: randomUUID(),
          caseId: randomUUID(),
          sequence: 1,
          heldAt: new Date().toISOString(),
          mediatorName: '顾秀英',
          organizationName: '戴南镇人民调解委员会',
          summary: '第 1 次调解:排水沟疏通及损失赔偿',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await fromJustice(dockingId, 3, 'MediationConcluded', {
          concludedAt: new Date().toISOString(),
          outcome: 'AGREEMENT',
          summary: '双方达成协议,疏通排水沟并赔偿损失500元',
          agreement: null,
        })
      ).status,
    ).toBe(200);
    const { body } = await stack.querySubgraph<{ policeIncident: { status: string; transfers: Record<string, string | null>[] } }>(
      'police',
      INCIDENT,
      { id },
      officer,
    );
    expect(body.data!.policeIncident.status).toBe('CLOSED');
    expect(body.data!.policeIncident.transfers[0]).toMatchObject({
      dockingId,
      status: 'CONCLUDED',
      outcome: 'AGREEMENT',
      mediationCaseNumber: '兴司调〔2026〕0901号',
    });
  });

  it('hands a rejected transfer back to the officer with the reason', async () => {
    const id = await openIncident();
    const sent = await stack.querySubgraph<{ transferToMediation: { dockingId: string } }>('police', TRANSFER, { id, input: input() }, officer);
    const { dockingId } = sent.body.data!.transferToMediation;
    await fromJustice(dockingId, 1, 'DockingRejected', { rejectedAt: new Date().toISOString(), reason: '纠纷已起诉至人民法院' });
    const { body } = await stack.querySubgraph<{ policeIncident: { status: string; transfers: Record<string, string | null>[] } }>(
      'police',
      INCIDENT,
      { id },
      officer,
    );
    expect(body.data!.policeIncident).toMatchObject({ status: 'DISPATCHED', transfers: [{ status: 'REJECTED', rejectionReason: '纠纷已起诉至人民法院' }] });
  });

  it.each([
    ['a bad organization code', { receiver: { creditCode: '54321281MJ12345670' } }, 'receiver.creditCode'],
    ['an empty reason', { reason: ' ' }, 'reason'],
    ['no parties', { parties: [] }, 'parties'],
    ['a bad party ID number', { parties: [{ role: 'APPLICANT', name: '张三', idNumber: '321281198001011231' }] }, 'parties[0].idNumber'],
  ])('refuses %s, writing no transfer and no event', async (_label, change, field) => {
    const id = await openIncident();
    const before = await outboxCount();
    const { body } = await stack.querySubgraph('police', TRANSFER, { id, input: { ...input(), ...change } }, officer);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(await outboxCount()).toBe(before);
    expect((await sql<{ status: string }>('select status from police_incident where id = ?', [id]))[0]!.status).toBe('DISPATCHED');
  });

  it('lists every invalid field of a transfer at once, writing nothing', async () => {
    const id = await openIncident();
    const before = await outboxCount();
    const change = { receiver: { creditCode: '5432' }, reason: '', parties: [{ role: 'APPLICANT', name: '张三', phone: '12' }] };
    const { body } = await stack.querySubgraph('police', TRANSFER, { id, input: { ...input(), ...change } }, officer);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['receiver.creditCode', 'reason', 'parties[0].phone'] });
    expect(await outboxCount()).toBe(before);
    expect((await sql<{ status: string }>('select status from police_incident where id = ?', [id]))[0]!.status).toBe('DISPATCHED');
  });

  it('lets only police officers of the jurisdiction transfer', async () => {
    const id = await openIncident();
    for (const who of ['mediator', 'leader', callerOf('police-officer', { jurisdiction: '321282' })]) {
      const { body } = await stack.querySubgraph('police', TRANSFER, { id, input: input() }, who);
      expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });
});

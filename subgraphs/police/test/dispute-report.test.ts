import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DisputeReportedPayload, type DockingEvent } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

// 一案一号 at the police, on a real database: an incident that is a dispute is reported to the hub
// with its registration (and only then); the hub's answer, posted to the police inbox signed as the
// hub, sets the incident's dispute id and 统一编号 once.

const REGISTER = `mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id incidentNumber disputeId disputeNumber } }`;
const IMPORT = `mutation($input: [ImportIncidentInput!]!) { importIncidents(input: $input) { created items { incident { id } } } }`;
const INCIDENT = `query($id: ID!) { policeIncident(id: $id) { disputeId disputeNumber } }`;

const incident = (over: Record<string, unknown> = {}) => ({
  channel: 'CALL_110',
  category: 'CIVIL_DISPUTE',
  nonPolice: true,
  nonPoliceCategory: 'LABOUR_DISPUTE',
  summary: '务工人员称老板拖欠三个月工资,双方争执',
  reporter: { name: '张建国', phone: '13912345678', idNumber: '321281198003150014' },
  parties: [
    { role: 'APPLICANT', name: '张建国', phone: '13912345678', idNumber: '321281198003150014' },
    { role: 'RESPONDENT', name: '李红梅' },
  ],
  place: '戴南镇董北村三组',
  regionCode: '321281123201',
  station: '兴化市公安局戴南派出所',
  reportedAt: '2026-11-30T08:20:00.000Z',
  ...over,
});

describe('police: incidents that are disputes are reported to the hub, and the answer is kept', () => {
  let stack: Stack;
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.police!.orm.em.getConnection().execute<T[]>(query, params);
  const reports = (recordId: string) =>
    sql<{ recipient: string; payload: DisputeReportedPayload }>(
      `select recipient, payload from docking_outbox where type = 'DisputeReported' and docking_id = ?`,
      [recordId],
    );
  const call = async <T>(query: string, variables: Record<string, unknown>) => {
    const { body } = await stack.querySubgraph<T>('police', query, variables, 'police-officer');
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const answer = (recordId: string, sequence: number, disputeId: string, recordType = 'PoliceIncident') =>
    ({
      id: randomUUID(),
      type: 'DisputeReportAnswered',
      dockingId: recordId,
      sequence,
      from: 'GOVERNANCE',
      to: 'POLICE',
      occurredAt: new Date().toISOString(),
      payload: {
        recordType,
        recordId,
        disputeId,
        disputeNumber: '321281123-2026-000042',
        decision: 'REGISTERED',
        reason: '登记为新纠纷',
        answeredAt: new Date().toISOString(),
      },
    }) as DockingEvent;
  const post = async (event: DockingEvent) => {
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: 'GOVERNANCE', recipient: 'POLICE', privateKey: stack.docking.keys.privateKeys.GOVERNANCE! });
    const res = await fetch(stack.docking.settings.endpoints.POLICE!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { status: string }).status;
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: false });
  });
  afterAll(() => stack?.stop());

  it('reports a 劳资纠纷 incident with its parties, place and the hub category; not a police incident', async () => {
    const { registerIncident: dispute } = await call<{ registerIncident: { id: string; incidentNumber: string; disputeId: null } }>(REGISTER, {
      input: incident(),
    });
    const [report, ...more] = await reports(dispute.id);
    expect(more).toEqual([]);
    expect(report).toMatchObject({
      recipient: 'GOVERNANCE',
      payload: {
        source: {
          agency: 'POLICE',
          recordType: 'PoliceIncident',
          recordId: dispute.id,
          number: dispute.incidentNumber,
          organizationName: '兴化市公安局戴南派出所',
        },
        category: '劳动争议',
        channel: 'CALL_110',
        place: '戴南镇董北村三组',
        regionCode: '321281123201',
        parties: [
          expect.objectContaining({ role: 'APPLICANT', idNumber: '321281198003150014' }),
          expect.objectContaining({ role: 'RESPONDENT', name: '李红梅' }),
        ],
      },
    });
    const { registerIncident: order } = await call<{ registerIncident: { id: string } }>(REGISTER, {
      input: incident({ nonPolice: false, nonPoliceCategory: null, category: 'PUBLIC_ORDER' }),
    });
    expect(await reports(order.id)).toEqual([]);
  });

  it('reports what a batch import created, once: a re-imported incident is not reported again', async () => {
    const item = incident({ externalNumber: 'DN-2026-0001', nonPoliceCategory: 'CIVIL_DISPUTE' });
    const first = await call<{ importIncidents: { created: number; items: { incident: { id: string } }[] } }>(IMPORT, { input: [item] });
    const id = first.importIncidents.items[0]!.incident.id;
    expect((await reports(id)).map((r) => r.payload.category)).toEqual([null]);
    await call(IMPORT, { input: [item] });
    expect(await reports(id)).toHaveLength(1);
  });

  it('keeps the hub’s answer once; a repeated answer changes nothing; an answer about an unknown record is ignored', async () => {
    const { registerIncident: created } = await call<{ registerIncident: { id: string } }>(REGISTER, { input: incident() });
    const disputeId = randomUUID();
    const event = answer(created.id, 1, disputeId);
    expect(await post(event)).toBe('applied');
    expect(await call(INCIDENT, { id: created.id })).toEqual({ policeIncident: { disputeId, disputeNumber: '321281123-2026-000042' } });
    expect(await post(event)).toBe('already-applied');
    // The same answer on the incident's 公调 stream (the hub answers every stream a record came on).
    expect(await post(answer(created.id, 2, disputeId))).toBe('applied');
    // Another dispute for an incident that has one: stale, the incident keeps its dispute.
    expect(await post(answer(created.id, 3, randomUUID()))).toBe('applied');
    expect(await call(INCIDENT, { id: created.id })).toEqual({ policeIncident: { disputeId, disputeNumber: '321281123-2026-000042' } });
    const unknown = randomUUID();
    expect(await post(answer(unknown, 1, randomUUID()))).toBe('applied');
    expect(await sql(`select id from police_incident where dispute_id is not null and id <> ?`, [created.id])).toEqual([]);
  });
});

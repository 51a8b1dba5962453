import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoPeople, DEMO_TOWN_DAINAN } from '@jiefen/demo-data';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DisputeReportedPayload, type DockingEvent } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { courtSubgraph } from '../src/subgraph.js';

// 一案一号 at the court: 诉前收案 without a hub id reports the case to the hub in the intake's
// transaction and keeps the hub's answer; with a hub id it is verified as before and not reported;
// bad input lists every invalid field and writes nothing.

const person = demoPeople(200)[151]!;
const RECEIVE = `mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id caseNumber disputeId disputeNumber } }`;
const CASE = `query($id: ID!) { courtCase(id: $id) { disputeId disputeNumber } }`;
type Received = { id: string; caseNumber: string; disputeId: string | null; disputeNumber: string | null };

describe('court intake reports to the hub what it received without a hub dispute', () => {
  let stack: Stack;
  const known = demoDisputes().find((d) => d.agencies.court && d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const input = (over: Record<string, unknown> = {}) => ({
    cause: '买卖合同纠纷',
    regionCode: '321281123201',
    plaintiffName: person.name,
    plaintiffIdNumber: person.idNumber,
    plaintiffPhone: person.phone,
    defendantName: '兴化市戴南某不锈钢制品有限公司',
    category: 'CONTRACT',
    place: '戴南镇董北村',
    ...over,
  });
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.court!.orm.em.getConnection().execute<T[]>(query, params);
  const receive = (variables: Record<string, unknown>) => stack.querySubgraph<{ receiveCivilCase: Received }>('court', RECEIVE, variables, 'court-staff');
  const reports = (id: string) =>
    sql<{ payload: DisputeReportedPayload }>(`select payload from docking_outbox where type = 'DisputeReported' and docking_id = ?`, [id]);
  const counts = async () =>
    (await sql<{ cases: string; events: string }>(`select (select count(*) from court_case) as cases, (select count(*) from docking_outbox) as events`))[0];

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [courtSubgraph], gateway: false, seed: true, hubRegister: demoDisputes() });
  });
  afterAll(() => stack?.stop());

  it('reports a case received without a hub id, and keeps the hub’s answer', async () => {
    const { body } = await receive({ input: input() });
    expect(body.errors).toBeUndefined();
    const c = body.data!.receiveCivilCase;
    expect(c).toMatchObject({ disputeId: null, disputeNumber: null });
    const [report, ...more] = await reports(c.id);
    expect(more).toEqual([]);
    expect(report!.payload).toMatchObject({
      source: { agency: 'COURT', recordType: 'CourtCase', recordId: c.id, number: c.caseNumber },
      category: '合同',
      place: '戴南镇董北村',
      regionCode: '321281123201',
      parties: [expect.objectContaining({ role: 'APPLICANT', idNumber: person.idNumber }), expect.objectContaining({ role: 'RESPONDENT' })],
    });
    const disputeId = randomUUID();
    const event = {
      id: randomUUID(),
      type: 'DisputeReportAnswered',
      dockingId: c.id,
      sequence: 1,
      from: 'GOVERNANCE',
      to: 'COURT',
      occurredAt: new Date().toISOString(),
      payload: {
        recordType: 'CourtCase',
        recordId: c.id,
        disputeId,
        disputeNumber: '321281123-2026-000077',
        decision: 'LINKED',
        reason: '关联',
        answeredAt: new Date().toISOString(),
      },
    } as DockingEvent;
    const text = canonicalJson(event);
    const signature = await signDelivery(text, { from: 'GOVERNANCE', recipient: 'COURT', privateKey: stack.docking.keys.privateKeys.GOVERNANCE! });
    const res = await fetch(stack.docking.settings.endpoints.COURT!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body: text,
    });
    expect(res.status).toBe(200);
    const read = await stack.querySubgraph<{ courtCase: Received }>('court', CASE, { id: c.id }, 'court-staff');
    expect(read.body.data!.courtCase).toEqual({ disputeId, disputeNumber: '321281123-2026-000077' });
  });

  it('verifies a given hub id as before and reports nothing', async () => {
    const { body } = await receive({ input: input({ disputeId: known.id, regionCode: known.regionCode, category: null }) });
    expect(body.errors).toBeUndefined();
    expect(body.data!.receiveCivilCase.disputeId).toBe(known.id);
    expect(await reports(body.data!.receiveCivilCase.id)).toEqual([]);
  });

  it('lists every invalid field at once and writes nothing', async () => {
    const before = await counts();
    const { body } = await receive({
      input: input({ category: null, plaintiffIdNumber: '321281198003150015', regionCode: '32128', cause: '', place: 'x'.repeat(201) }),
    });
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['regionCode', 'cause', 'plaintiffIdNumber', 'category', 'place'],
    });
    const wrongId = await receive({ input: input({ disputeId: 'not-a-uuid' }) });
    expect(wrongId.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['disputeId'] });
    // A category outside the list is refused by the schema's enum, in Chinese, naming the field.
    const wrongCategory = await receive({ input: input({ category: 'CIVIL' }) });
    expect(wrongCategory.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
    expect(wrongCategory.body.errors![0]!.message).toBe('输入有误:category 取值 CIVIL 不是 DisputeCategory 的可选值(可选值见接口文档)');
    expect(await counts()).toEqual(before);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoPeople, DEMO_TOWN_DAINAN } from '@jiefen/demo-data';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DisputeReportedPayload, type DockingEvent } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { petitionSubgraph } from '../src/subgraph.js';

// 一案一号 at the petition bureau: an item registered without a hub id is reported to the hub in the
// registering transaction and keeps the hub's answer; with a hub id it is verified as before; bad
// input lists every invalid field and writes nothing.

const person = demoPeople(320)[311]!;
const REGISTER = `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id itemNumber disputeId disputeNumber } }`;
const ITEM = `query($id: ID!) { petitionItem(id: $id) { disputeId disputeNumber } }`;
type Item = { id: string; itemNumber: string; disputeId: string | null; disputeNumber: string | null };

describe('petition intake reports to the hub what it registered without a hub dispute', () => {
  let stack: Stack;
  const known = demoDisputes().find((d) => d.agencies.petition && d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const input = (over: Record<string, unknown> = {}) => ({
    form: 'VISIT',
    subject: '反映邻居建房占用公共通道,多次协商未果',
    regionCode: '321281123201',
    petitionerName: person.name,
    petitionerIdNumber: person.idNumber,
    petitionerPhone: person.phone,
    category: 'NEIGHBOURHOOD',
    place: '戴南镇董北村三组',
    ...over,
  });
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.petition!.orm.em.getConnection().execute<T[]>(query, params);
  const register = (variables: Record<string, unknown>) => stack.querySubgraph<{ registerPetition: Item }>('petition', REGISTER, variables, 'petition-officer');
  const reports = (id: string) =>
    sql<{ payload: DisputeReportedPayload }>(`select payload from docking_outbox where type = 'DisputeReported' and docking_id = ?`, [id]);
  const counts = async () =>
    (await sql<{ items: string; events: string }>(`select (select count(*) from petition_item) as items, (select count(*) from docking_outbox) as events`))[0];

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [petitionSubgraph], gateway: false, seed: true, hubRegister: demoDisputes() });
  });
  afterAll(() => stack?.stop());

  it('numbers 20 concurrent registrations: all succeed, distinct and consecutive, after the items already there', async () => {
    const last = async () =>
      Number((await sql<{ n: number | null }>(`select max(substring(item_number from '〕(\\d+)号$')::int) as n from petition_item`))[0]!.n ?? 400);
    const before = await last();
    const answers = await Promise.all(Array.from({ length: 20 }, () => register({ input: input() })));
    expect(answers.flatMap((a) => a.body.errors ?? [])).toEqual([]);
    const serials = answers.map((a) => Number(/〕(\d+)号$/.exec(a.body.data!.registerPetition.itemNumber)![1])).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    expect(await last()).toBe(before + 20);
  });

  it('reports an item registered without a hub id, and keeps the hub’s answer', async () => {
    const { body } = await register({ input: input() });
    expect(body.errors).toBeUndefined();
    const item = body.data!.registerPetition;
    expect(item).toMatchObject({ disputeId: null, disputeNumber: null });
    const [report, ...more] = await reports(item.id);
    expect(more).toEqual([]);
    expect(report!.payload).toMatchObject({
      source: { agency: 'PETITION', recordType: 'PetitionItem', recordId: item.id, number: item.itemNumber },
      category: '邻里',
      channel: 'VISIT',
      place: '戴南镇董北村三组',
      parties: [expect.objectContaining({ role: 'APPLICANT', idNumber: person.idNumber })],
    });
    const disputeId = randomUUID();
    const event = {
      id: randomUUID(),
      type: 'DisputeReportAnswered',
      dockingId: item.id,
      sequence: 1,
      from: 'GOVERNANCE',
      to: 'PETITION',
      occurredAt: new Date().toISOString(),
      payload: {
        recordType: 'PetitionItem',
        recordId: item.id,
        disputeId,
        disputeNumber: '321281123-2026-000078',
        decision: 'REGISTERED',
        reason: '登记',
        answeredAt: new Date().toISOString(),
      },
    } as DockingEvent;
    const text = canonicalJson(event);
    const signature = await signDelivery(text, { from: 'GOVERNANCE', recipient: 'PETITION', privateKey: stack.docking.keys.privateKeys.GOVERNANCE! });
    const res = await fetch(stack.docking.settings.endpoints.PETITION!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body: text,
    });
    expect(res.status).toBe(200);
    const read = await stack.querySubgraph<{ petitionItem: Item }>('petition', ITEM, { id: item.id }, 'petition-officer');
    expect(read.body.data!.petitionItem).toEqual({ disputeId, disputeNumber: '321281123-2026-000078' });
  });

  it('verifies a given hub id as before and reports nothing', async () => {
    const { body } = await register({ input: input({ disputeId: known.id, regionCode: known.regionCode, category: null }) });
    expect(body.errors).toBeUndefined();
    expect(body.data!.registerPetition.disputeId).toBe(known.id);
    expect(await reports(body.data!.registerPetition.id)).toEqual([]);
  });

  it('lists every invalid field at once and writes nothing', async () => {
    const before = await counts();
    const { body } = await register({ input: input({ category: null, subject: '短', petitionerIdNumber: '321281198003150015', regionCode: '32128' }) });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['subject', 'regionCode', 'petitionerIdNumber', 'category'] });
    const wrong = await register({ input: input({ disputeId: 'x' }) });
    expect(wrong.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['disputeId'] });
    const wrongCategory = await register({ input: input({ category: '信访' }) });
    expect(wrongCategory.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
    expect(wrongCategory.body.errors![0]!.message).toMatch(/^输入有误:category 取值 信访 不是 DisputeCategory 的可选值/);
    expect(await counts()).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

// 接警登记 and a station's batch import on a real, migrated database.

const DAINAN_VILLAGE = '321281123201';
const FIELDS =
  'id incidentNumber status channel category nonPolice nonPoliceCategory place regionCode externalNumber disputeId reporterName reporterIdNumber reporterPhone parties { role name idNumber phone }';
const REGISTER = `mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { ${FIELDS} } }`;
const IMPORT = `mutation($input: [ImportIncidentInput!]!) { importIncidents(input: $input) { created unchanged items { externalNumber created incident { id incidentNumber status } } } }`;

type Incident = Record<string, unknown> & { id: string; incidentNumber: string; parties: Record<string, string | null>[] };
type Gql<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const incident = (over: Record<string, unknown> = {}) => ({
  channel: 'CALL_110',
  category: 'CIVIL_DISPUTE',
  nonPolice: true,
  nonPoliceCategory: 'CIVIL_DISPUTE',
  summary: '报警人称邻居砌墙占用通道,双方争执,请求民警到场',
  reporter: { name: '张建国', phone: '13912345678', idNumber: '321281198003150014' },
  parties: [
    { role: 'APPLICANT', name: '张建国', phone: '13912345678' },
    { role: 'RESPONDENT', name: '李红梅' },
  ],
  place: '戴南镇董北村三组',
  regionCode: DAINAN_VILLAGE,
  station: '兴化市公安局戴南派出所',
  occurredAt: '2026-11-30T08:00:00.000Z',
  reportedAt: '2026-11-30T08:20:00.000Z',
  ...over,
});

describe('police intake: 接警登记 and batch import', () => {
  let stack: Stack;
  const rows = async () =>
    Number((await stack.subgraphs.police!.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from police_incident'))[0]!.n);
  const call = async <T>(query: string, variables: Record<string, unknown>, as: Parameters<Stack['querySubgraph']>[3] = 'police-officer') =>
    (await stack.querySubgraph<T>('police', query, variables, as)).body as Gql<T>;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: false });
  });
  afterAll(() => stack?.stop());

  it('registers a 110 incident, numbered, received, without a hub dispute yet; the officer reads it in full', async () => {
    const { data, errors } = await call<{ registerIncident: Incident }>(REGISTER, {
      input: incident({ nonPolice: false, nonPoliceCategory: null, category: 'PUBLIC_ORDER' }),
    });
    expect(errors).toBeUndefined();
    expect(data!.registerIncident).toMatchObject({
      status: 'RECEIVED',
      channel: 'CALL_110',
      category: 'PUBLIC_ORDER',
      nonPolice: false,
      nonPoliceCategory: null,
      regionCode: DAINAN_VILLAGE,
      place: '戴南镇董北村三组',
      disputeId: null,
      externalNumber: null,
      reporterIdNumber: '321281198003150014',
      parties: [
        { role: 'APPLICANT', name: '张建国', idNumber: null, phone: '13912345678' },
        { role: 'RESPONDENT', name: '李红梅', idNumber: null, phone: null },
      ],
    });
    expect(data!.registerIncident.incidentNumber).toMatch(/^J32128120261130\d{5}$/);
    // The leader sees it masked.
    const masked = await call<{ policeIncident: Incident }>(
      `query($id: ID!) { policeIncident(id: $id) { reporterName reporterIdNumber place parties { name } } }`,
      { id: data!.registerIncident.id },
      'leader',
    );
    expect(masked.data!.policeIncident).toEqual({
      reporterName: '张*国',
      reporterIdNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/),
      place: '戴南镇****',
      parties: [{ name: '张*国' }, { name: '李*梅' }],
    });
  });

  it('stores the 非警务警情 category by its Chinese name, numbers consecutively', async () => {
    const first = await call<{ registerIncident: Incident }>(REGISTER, { input: incident({ channel: 'WALK_IN', nonPoliceCategory: 'LABOUR_DISPUTE' }) });
    const second = await call<{ registerIncident: Incident }>(REGISTER, { input: incident() });
    expect(first.data!.registerIncident).toMatchObject({ channel: 'WALK_IN', nonPolice: true, nonPoliceCategory: '劳资纠纷' });
    expect(Number(second.data!.registerIncident.incidentNumber.slice(-5))).toBe(Number(first.data!.registerIncident.incidentNumber.slice(-5)) + 1);
  });

  it('numbers 20 concurrent registrations at one station: all succeed, distinct and consecutive', async () => {
    const day = { occurredAt: '2026-11-29T08:00:00.000Z', reportedAt: '2026-11-29T08:20:00.000Z' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => call<{ registerIncident: Incident }>(REGISTER, { input: incident(day) })));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const numbers = answers.map((a) => a.data!.registerIncident.incidentNumber).sort();
    expect(new Set(numbers).size).toBe(20);
    const serials = numbers.map((n) => Number(n.slice(-5)));
    expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => serials[0]! + i));
    expect(numbers.every((n) => n.startsWith('J32128120261129'))).toBe(true);
  });

  it('continues a day whose incidents were numbered before its counter existed', async () => {
    const em = stack.subgraphs.police!.orm.em;
    const first = await call<{ registerIncident: Incident }>(REGISTER, {
      input: incident({ occurredAt: '2026-11-28T08:00:00.000Z', reportedAt: '2026-11-28T08:20:00.000Z' }),
    });
    // As a bulk loader leaves it: a later number written directly, no counter for the day.
    await em.getConnection().execute(`update police_incident set incident_number = 'J3212812026112800041' where id = ?`, [first.data!.registerIncident.id]);
    await em.getConnection().execute(`delete from number_counter where scope = 'police-incident:J32128120261128'`);
    const next = await call<{ registerIncident: Incident }>(REGISTER, {
      input: incident({ occurredAt: '2026-11-28T09:00:00.000Z', reportedAt: '2026-11-28T09:20:00.000Z' }),
    });
    expect(next.errors).toBeUndefined();
    expect(next.data!.registerIncident.incidentNumber).toBe('J3212812026112800042');
  });

  it('answers a retried registration (same idempotency key) with the first incident', async () => {
    const KEYED = `mutation($input: RegisterIncidentInput!, $key: String) { registerIncident(input: $input, idempotencyKey: $key) { id incidentNumber } }`;
    const before = await rows();
    const first = await call<{ registerIncident: Incident }>(KEYED, { input: incident(), key: 'intake-retry-1' });
    const retry = await call<{ registerIncident: Incident }>(KEYED, { input: incident(), key: 'intake-retry-1' });
    expect(retry.data!.registerIncident).toEqual(first.data!.registerIncident);
    expect(await rows()).toBe(before + 1);
    const reused = await call(KEYED, { input: incident({ place: '戴南镇董北村四组' }), key: 'intake-retry-1' });
    expect(reused.errors![0]!.extensions!.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('reports every invalid field at once and writes nothing', async () => {
    const before = await rows();
    const { errors } = await call(REGISTER, {
      input: incident({
        nonPoliceCategory: null,
        summary: '吵',
        reporter: { name: '', phone: '12345', idNumber: '321281198003150015' },
        parties: [{ role: 'RESPONDENT', name: '李红梅', phone: '000' }],
        regionCode: '321281101',
        occurredAt: '2026-11-30T09:00:00.000Z',
      }),
    });
    expect(errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'nonPoliceCategory',
      fields: ['nonPoliceCategory', 'summary', 'reporter.name', 'reporter.idNumber', 'reporter.phone', 'parties[0].phone', 'regionCode', 'occurredAt'],
    });
    expect(errors![0]!.message).toMatch(/^输入有误\(8 处\):nonPoliceCategory:非警务警情须写明类别;/);
    expect(await rows()).toBe(before);
  });

  it('refuses other agencies and other roles', async () => {
    for (const who of ['mediator', 'leader', 'procurator'])
      expect((await call(REGISTER, { input: incident() }, who)).errors![0]!.extensions!.code, who).toBe('FORBIDDEN');
    const importer = callerOf('police-officer', { roles: ['SUPERVISOR'] });
    expect((await call(IMPORT, { input: [{ ...incident(), externalNumber: 'X1' }] }, importer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('imports a batch idempotently by the station’s number; changed content is refused and nothing is written', async () => {
    const batch = [1, 2, 3].map((n) => ({ ...incident({ reportedAt: `2026-11-29T0${n}:00:00.000Z`, occurredAt: null }), externalNumber: `DN2026112900${n}` }));
    const first = await call<{ importIncidents: { created: number; unchanged: number; items: { created: boolean; incident: Incident }[] } }>(IMPORT, {
      input: batch,
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importIncidents).toMatchObject({ created: 3, unchanged: 0 });
    const count = await rows();
    const again = await call<{ importIncidents: { created: number; unchanged: number; items: { created: boolean; incident: Incident }[] } }>(IMPORT, {
      input: [...batch, { ...incident({ reportedAt: '2026-11-29T05:00:00.000Z', occurredAt: null }), externalNumber: 'DN20261129004' }],
    });
    expect(again.data!.importIncidents).toMatchObject({ created: 1, unchanged: 3 });
    expect(again.data!.importIncidents.items.slice(0, 3).map((i) => i.incident.id)).toEqual(first.data!.importIncidents.items.map((i) => i.incident.id));
    expect(await rows()).toBe(count + 1);

    const changed = await call(IMPORT, {
      input: [
        { ...batch[0]!, summary: '报警人称邻居砌墙占用通道,已动手推搡' },
        { ...batch[1]!, externalNumber: 'DN20261129099' },
        { ...batch[1]!, externalNumber: 'DN20261129099' },
      ],
    });
    expect(changed.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['input[0].externalNumber', 'input[2].externalNumber'] });
    const conflict = await call(IMPORT, {
      input: [
        { ...batch[0]!, summary: '报警人称邻居砌墙占用通道,已动手推搡' },
        { ...batch[1]!, externalNumber: 'DN20261129099' },
      ],
    });
    expect(conflict.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['input[0].externalNumber'] });
    expect(conflict.errors![0]!.message).toContain('内容与本次不同');
    expect(await rows()).toBe(count + 1);
  });

  it('reports every invalid field of every item of a batch', async () => {
    const before = await rows();
    const { errors } = await call(IMPORT, {
      input: [
        { ...incident(), externalNumber: 'OK-1' },
        { ...incident({ reportedAt: null, place: '' }), externalNumber: '编号' },
        { ...incident({ reporter: { name: '王五', phone: '1' } }), externalNumber: 'OK-1' },
      ],
    });
    expect(errors![0]!.extensions!.fields).toEqual([
      'input[1].externalNumber',
      'input[1].reportedAt',
      'input[1].place',
      'input[2].externalNumber',
      'input[2].reporter.phone',
    ]);
    expect(await rows()).toBe(before);
  });
});

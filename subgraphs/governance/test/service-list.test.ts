import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';
import { mutate, refused, registration, rowCount } from './hub-helpers.js';

type Item = { code: string; regionCode: string; active: boolean };
const ITEM_FIELDS = 'code regionCode active';
const item = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: '人民调解',
  legalBasis: '《中华人民共和国人民调解法》',
  level: 'TOWN',
  handlingBody: '戴南镇人民调解委员会',
  conditions: '双方自愿',
  materials: '身份证明',
  ...overrides,
});
/** 兴化市's hub supervisor, and the supervisor of the neighbouring county (泰兴市 321283). */
const XINGHUA = 'hub-coordinator';
const neighbour = callerOf('hub-coordinator', { jurisdiction: '321283', subject: 'neighbour-supervisor', name: '邻县督办员' });
const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会

describe('the service list (服务清单) by region, and the codes triage stores', () => {
  let stack: Stack;
  const list = async (regionCode?: string) =>
    (
      await stack.querySubgraph<{ serviceItems: Item[] }>('governance', `query($r: String) { serviceItems(regionCode: $r) { ${ITEM_FIELDS} } }`, {
        r: regionCode ?? null,
      })
    ).body.data!.serviceItems;
  const publish = (input: Record<string, unknown>, as: Parameters<typeof mutate>[4] = XINGHUA) =>
    stack.querySubgraph<{ publishServiceItem: Item }>(
      'governance',
      `mutation($input: ServiceItemInput!) { publishServiceItem(input: $input) { ${ITEM_FIELDS} } }`,
      { input },
      as,
    );
  const withdraw = (code: string, as: Parameters<typeof mutate>[4] = XINGHUA) =>
    stack.querySubgraph<{ withdrawServiceItem: Item }>(
      'governance',
      `mutation($code: String!) { withdrawServiceItem(code: $code) { ${ITEM_FIELDS} } }`,
      { code },
      as,
    );
  const items = async () =>
    stack.subgraphs
      .governance!.orm.em.fork()
      .getConnection()
      .execute<{ code: string; active: boolean; version: number }[]>('select code, active, version, region_code from service_item order by code');
  const register = () => mutate<{ id: string }>(stack, 'registerDispute', 'RegisterDisputeInput', registration('WINDOW'));
  const route = (disputeId: string, overrides: Record<string, unknown> = {}) => ({
    disputeId,
    unitKind: 'MEDIATION_ORGANIZATION',
    unitName: '戴南镇人民调解委员会',
    tier: 'TOWN',
    reason: '涉及多户,镇级调解',
    ...overrides,
  });

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('gives every item an owning region and lists by region (items of enclosing regions apply below)', async () => {
    const all = await list();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i) => i.regionCode === '321281')).toBe(true);
    expect((await list('321281123201')).map((i) => i.code)).toEqual(all.map((i) => i.code));
    expect(await list('321283')).toEqual([]);
    const town = (await publish(item('DN-001', { regionCode: '321281123' }))).body.data!.publishServiceItem;
    expect(town).toEqual({ code: 'DN-001', regionCode: '321281123', active: true });
    expect((await list('321281123201')).map((i) => i.code)).toContain('DN-001');
    expect((await list('321281')).map((i) => i.code)).toContain('DN-001');
    expect((await list('321281001')).map((i) => i.code)).not.toContain('DN-001');
    const bad = await stack.querySubgraph('governance', '{ serviceItems(regionCode: "32A") { code } }');
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'regionCode' });
  });

  it("refuses a neighbouring county's supervisor: no withdrawal of 兴化市's items, no publishing into 兴化市; nothing changes", async () => {
    const before = await items();
    const withdrawn = await withdraw('FW-001', neighbour);
    expect(withdrawn.body.data).toBeNull();
    expect(withdrawn.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const planted = await publish(item('TX-001', { regionCode: '321281' }), neighbour);
    expect(planted.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // A town's supervisor may not withdraw the county's items either; plain staff may not withdraw at all.
    expect((await withdraw('FW-001', callerOf('hub-coordinator', { jurisdiction: '321281123' }))).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await withdraw('FW-001', callerOf('hub-coordinator', { roles: ['STAFF'] }))).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await items()).toEqual(before);
    expect((await list('321281')).map((i) => i.code)).toContain('FW-001');
  });

  it('publishes only to a region of the register, with a well-formed code', async () => {
    const before = await items();
    expect((await publish(item('XX-001', { regionCode: '321281999' }))).body.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'regionCode',
    });
    for (const code of ['', '  ', 'FW 009', 'FW-0001-TOO-LONG-CODE-X']) {
      expect((await publish(item(code))).body.errors![0]!.extensions, code).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    }
    expect(await items()).toEqual(before);
  });

  it("lets 兴化市's supervisor withdraw its own item", async () => {
    await publish(item('DN-002', { regionCode: '321281123' }));
    expect((await withdraw('DN-002')).body.data!.withdrawServiceItem).toEqual({ code: 'DN-002', regionCode: '321281123', active: false });
    expect((await list('321281123')).map((i) => i.code)).not.toContain('DN-002');
  });

  it("notifies only with items on the list that apply to the dispute's region: empty, unknown, withdrawn or foreign codes are refused", async () => {
    const d = await register();
    await mutate(stack, 'routeDispute', 'RouteDisputeInput', route(d.id));
    await publish(item('DN-003', { regionCode: '321281001' }));
    await publish(item('DN-004', { regionCode: '321281123' }));
    await withdraw('DN-004');
    const before = await rowCount(stack, 'dispute_notice', 'dispute_activity');
    const cases: [string[], RegExp][] = [
      [[''], /不能为空/],
      [['FW-001', ''], /不能为空/],
      [['NOPE-404'], /NOPE-404/],
      [['DN-004'], /DN-004/],
      [['DN-003'], /DN-003/],
      [[], /至少/],
    ];
    for (const [codes, message] of cases) {
      const error = await refused(stack, 'notifyParties', 'NotifyPartiesInput', { disputeId: d.id, serviceItemCodes: codes, form: 'WRITTEN' });
      expect(error.extensions, JSON.stringify(codes)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'serviceItemCodes' });
      expect(error.message).toMatch(message);
    }
    expect(await rowCount(stack, 'dispute_notice', 'dispute_activity')).toBe(before);
    await mutate(stack, 'notifyParties', 'NotifyPartiesInput', { disputeId: d.id, serviceItemCodes: ['FW-001', 'fw-003'], form: 'ORAL' });
    const [notice] = await stack.subgraphs
      .governance!.orm.em.fork()
      .getConnection()
      .execute<{ service_item_codes: string[] }[]>('select service_item_codes from dispute_notice where dispute_id = ?', [d.id]);
    expect(notice!.service_item_codes).toEqual(['FW-001', 'FW-003']);
  });

  it('stores a routing unit code only as a valid 统一社会信用代码', async () => {
    const d = await register();
    const before = await rowCount(stack, 'dispute_activity');
    for (const unitCode of ['戴南调委会', '54321281MJ12345670', '321281123', '1'.repeat(18)]) {
      const error = await refused(stack, 'routeDispute', 'RouteDisputeInput', route(d.id, { unitCode }));
      expect(error.extensions, unitCode).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unitCode' });
    }
    expect(await rowCount(stack, 'dispute_activity')).toBe(before);
    const [stored] = await stack.subgraphs
      .governance!.orm.em.fork()
      .getConnection()
      .execute<{ responsible_unit_code: string | null; status: string }[]>('select responsible_unit_code, status from dispute where id = ?', [d.id]);
    expect(stored).toEqual({ responsible_unit_code: null, status: 'REGISTERED' });
    await mutate(stack, 'routeDispute', 'RouteDisputeInput', route(d.id, { unitCode: COMMITTEE.toLowerCase() }));
    const [routed] = await stack.subgraphs
      .governance!.orm.em.fork()
      .getConnection()
      .execute<{ responsible_unit_code: string }[]>('select responsible_unit_code from dispute where id = ?', [d.id]);
    expect(routed!.responsible_unit_code).toBe(COMMITTEE);
  });
});

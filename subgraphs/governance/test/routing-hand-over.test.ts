import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';
import { mutate, refused, registration, rowCount } from './hub-helpers.js';

// 分流转办 as a hand-over: the routing, the notification and the consent that open the docking, with
// idempotency keys (a retry answers with the first result, another request under the same key is
// refused), and routing to an agency (信访局, 公安, 法院, 司法局) as well as to a mediation organization.

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const POLICE_STATION = '11321281014090020U'; // 兴化市公安局戴南派出所

type Gql<T> = { data?: T | null; errors?: { message: string; extensions: Record<string, unknown> }[] };

describe('分流转办: the hub hands a routed dispute over', () => {
  let stack: Stack;
  const register = async () =>
    (await mutate<{ id: string }>(stack, 'registerDispute', 'RegisterDisputeInput', registration('WINDOW'), 'hub-coordinator', 'id')).id;
  const keyed = async <T = { id: string; status: string; version: number }>(field: string, type: string, input: Record<string, unknown>, key: string | null) =>
    (
      await stack.querySubgraph<Record<string, T>>(
        'governance',
        `mutation($input: ${type}!, $key: String) { ${field}(input: $input, idempotencyKey: $key) { id status version } }`,
        { input, key },
        'hub-coordinator',
      )
    ).body as Gql<Record<string, T>>;
  const route = (disputeId: string, overrides: Record<string, unknown> = {}) => ({
    disputeId,
    unitKind: 'MEDIATION_ORGANIZATION',
    receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
    tier: 'TOWN',
    reason: '邻里纠纷,适宜镇级调解',
    ...overrides,
  });
  const notify = (disputeId: string) => ({ disputeId, serviceItemCodes: ['FW-001'], form: 'WRITTEN' });
  const outgoing = (disputeId: string) =>
    stack.subgraphs
      .governance!.orm.em.fork()
      .getConnection()
      .execute<{ to_agency: string; organization_code: string; status: string }[]>(
        'select to_agency, organization_code, status from docking_outgoing where record_id = ? order by sent_at, created_at',
        [disputeId],
      );

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('answers a retried routing, notification and consent (same key, same input) with the first result: one notice, one hand-over', async () => {
    const id = await register();
    const routed = await keyed('routeDispute', 'RouteDisputeInput', route(id), 'route-retry-0001');
    const again = await keyed('routeDispute', 'RouteDisputeInput', route(id), 'route-retry-0001');
    expect(routed.errors).toBeUndefined();
    expect(again).toEqual(routed);
    const activities = await rowCount(stack, 'dispute_activity');
    expect(await keyed('routeDispute', 'RouteDisputeInput', route(id), 'route-retry-0001')).toEqual(routed);
    expect(await rowCount(stack, 'dispute_activity')).toBe(activities);
    // Without a key the same request is a second step (another routing on the timeline, a new version).
    const unkeyed = await keyed<{ version: number }>('routeDispute', 'RouteDisputeInput', route(id), null);
    expect(unkeyed.data!.routeDispute!.version).toBeGreaterThan(routed.data!.routeDispute!.version);

    const notices = await rowCount(stack, 'dispute_notice');
    const notified = await keyed('notifyParties', 'NotifyPartiesInput', notify(id), 'notify-retry-0001');
    expect(await keyed('notifyParties', 'NotifyPartiesInput', notify(id), 'notify-retry-0001')).toEqual(notified);
    expect(await rowCount(stack, 'dispute_notice')).toBe(notices + 1);

    const consent = { disputeId: id, consented: true, note: '双方同意调解' };
    const first = await keyed('recordConsent', 'RecordDisputeConsentInput', consent, 'consent-retry-0001');
    expect(first.data!.recordConsent).toMatchObject({ status: 'IN_MEDIATION' });
    const retry = await keyed('recordConsent', 'RecordDisputeConsentInput', consent, 'consent-retry-0001');
    expect(retry).toEqual(first);
    expect(await outgoing(id)).toEqual([{ to_agency: 'JUSTICE', organization_code: COMMITTEE, status: 'SENT' }]);
  });

  it('refuses a key reused for another input or another operation with IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
    const id = await register();
    await keyed('routeDispute', 'RouteDisputeInput', route(id), 'route-reuse-0001');
    const before = await rowCount(stack, 'dispute_activity', 'dispute_notice', 'docking_outgoing');
    const other = await keyed('routeDispute', 'RouteDisputeInput', route(id, { tier: 'VILLAGE' }), 'route-reuse-0001');
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    const elsewhere = await keyed('notifyParties', 'NotifyPartiesInput', notify(id), 'route-reuse-0001');
    expect(elsewhere.errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', operation: 'routeDispute' });
    const consent = await keyed('recordConsent', 'RecordDisputeConsentInput', { disputeId: id, consented: true }, 'route-reuse-0001');
    expect(consent.errors![0]!.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await rowCount(stack, 'dispute_activity', 'dispute_notice', 'docking_outgoing')).toBe(before);
    // A malformed key is a validation error on its field.
    expect((await keyed('notifyParties', 'NotifyPartiesInput', notify(id), 'short')).errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'idempotencyKey',
    });
  });

  /** The receiving agency's answer on the hub's docking, posted to the hub's inbox signed as that agency would. */
  const answer = async (from: 'POLICE', dockingId: string, sequence: number, type: string, payload: Record<string, unknown>) => {
    const event = { id: randomUUID(), type, dockingId, sequence, from, to: 'GOVERNANCE', occurredAt: new Date().toISOString(), payload };
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from, recipient: 'GOVERNANCE', privateKey: stack.docking.keys.privateKeys[from]! });
    const res = await fetch(stack.docking.settings.endpoints.GOVERNANCE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const toPolice = (disputeId: string, overrides: Record<string, unknown> = {}) =>
    route(disputeId, { unitKind: 'AGENCY', agency: 'POLICE', receiver: { creditCode: POLICE_STATION, name: '兴化市公安局戴南派出所' }, ...overrides });
  const status = async (id: string) =>
    (
      await stack.querySubgraph<{ dispute: { status: string; handling: { timeline: { type: string; summary: string }[] } } }>(
        'governance',
        'query($id: ID!) { dispute(id: $id) { status handling { timeline { type summary } } } }',
        { id },
        'hub-coordinator',
      )
    ).body.data!.dispute;

  it('routes to an agency (公安) by its code: handed over at consent to the police; the police decline, the dispute is back at the hub for re-routing', async () => {
    const id = await register();
    await mutate(stack, 'routeDispute', 'RouteDisputeInput', toPolice(id));
    expect(await outgoing(id)).toEqual([]);
    await mutate(stack, 'notifyParties', 'NotifyPartiesInput', notify(id));
    await mutate(stack, 'recordConsent', 'RecordDisputeConsentInput', { disputeId: id, consented: true });
    expect(await outgoing(id)).toEqual([{ to_agency: 'POLICE', organization_code: POLICE_STATION, status: 'SENT' }]);
    const [{ docking_id: dockingId }] = await stack.subgraphs
      .governance!.orm.em.fork()
      .getConnection()
      .execute<{ docking_id: string }[]>('select docking_id from docking_outgoing where record_id = ?', [id]);
    // The police decline it: the hand-over refused, the dispute back to ROUTED with the reason on its timeline.
    await answer('POLICE', dockingId!, 1, 'DockingRejected', { rejectedAt: new Date().toISOString(), reason: '不属于治安案件,建议人民调解' });
    expect(await outgoing(id)).toEqual([{ to_agency: 'POLICE', organization_code: POLICE_STATION, status: 'REJECTED' }]);
    const back = await status(id);
    expect(back.status).toBe('ROUTED');
    expect(back.handling.timeline.at(-1)).toMatchObject({ type: 'HAND_BACK' });
    expect(back.handling.timeline.at(-1)!.summary).toContain('不属于治安案件');
    // Routed again (to the committee): handed over at once, the consent being on record.
    await mutate(stack, 'routeDispute', 'RouteDisputeInput', route(id));
    expect((await outgoing(id)).map((d) => [d.to_agency, d.status])).toEqual([
      ['POLICE', 'REJECTED'],
      ['JUSTICE', 'SENT'],
    ]);
  });

  it('hands nothing over to an agency without a code, and refuses an unknown agency or one given for another kind, listing every invalid field', async () => {
    const id = await register();
    await mutate(stack, 'routeDispute', 'RouteDisputeInput', toPolice(id, { receiver: null, unitName: '兴化市公安局戴南派出所' }));
    await mutate(stack, 'notifyParties', 'NotifyPartiesInput', notify(id));
    expect(await mutate(stack, 'recordConsent', 'RecordDisputeConsentInput', { disputeId: id, consented: true })).toMatchObject({ status: 'IN_MEDIATION' });
    expect(await outgoing(id)).toEqual([]);

    const other = await register();
    const before = await rowCount(stack, 'dispute_activity', 'docking_outgoing');
    const wrong = await refused(stack, 'routeDispute', 'RouteDisputeInput', toPolice(other, { agency: 'TAX', receiver: { creditCode: '1' } }));
    expect(wrong.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    // No name in the receiver and no unitName: the unit is unnamed as well.
    expect((wrong.extensions.invalid as { field: string }[]).map((f) => f.field).sort()).toEqual(['agency', 'receiver.creditCode', 'unitName']);
    // The deprecated unitCode beside a receiver is refused (one way to name the unit).
    const both = await refused(stack, 'routeDispute', 'RouteDisputeInput', toPolice(other, { unitCode: POLICE_STATION }));
    expect(both.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unitCode' });
    // A tier outside the enum is refused by the schema itself, in Chinese, naming the field.
    const wrongTier = await refused(stack, 'routeDispute', 'RouteDisputeInput', toPolice(other, { tier: 'STATE' }));
    expect(wrongTier.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tier' });
    const kindMismatch = await refused(stack, 'routeDispute', 'RouteDisputeInput', route(other, { agency: 'POLICE' }));
    expect(kindMismatch.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'agency' });
    expect(await rowCount(stack, 'dispute_activity', 'docking_outgoing')).toBe(before);
  });

  it('refuses to route to 司法局 as an agency for legal aid (a party applies for it), with the reason, with every other invalid field', async () => {
    const id = await register();
    const before = await rowCount(stack, 'dispute_activity', 'docking_outgoing');
    const legalAid = await refused(
      stack,
      'routeDispute',
      'RouteDisputeInput',
      toPolice(id, { agency: 'JUSTICE', receiver: { creditCode: '1', name: '兴化市法律援助中心' }, reason: '  ' }),
    );
    expect(legalAid.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    const invalid = legalAid.extensions.invalid as { field: string; message: string }[];
    expect(invalid.map((f) => f.field).sort()).toEqual(['agency', 'reason', 'receiver.creditCode']);
    expect(invalid.find((f) => f.field === 'agency')!.message).toMatch(/^法律援助须由当事人本人申请/);
    expect(await rowCount(stack, 'dispute_activity', 'docking_outgoing')).toBe(before);
    expect((await status(id)).status).toBe('REGISTERED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';
import { mutate, registration, rowCount } from './hub-helpers.js';

// 分流转办 as a hand-over: the routing, the notification and the consent that open the docking, with
// idempotency keys (a retry answers with the first result, another request under the same key is
// refused), and routing to an agency (信访局, 公安, 法院, 司法局) as well as to a mediation organization.

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会

type Gql<T> = { data?: T | null; errors?: { message: string; extensions: Record<string, unknown> }[] };

describe('分流转办: the hub hands a routed dispute over', () => {
  let stack: Stack;
  const register = async () => (await mutate<{ id: string }>(stack, 'registerDispute', 'RegisterDisputeInput', registration('WINDOW'), 'hub-coordinator', 'id')).id;
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
    unitName: '戴南镇人民调解委员会',
    unitCode: COMMITTEE,
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
});

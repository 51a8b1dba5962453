import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';
import { mutate, refused, registration, rowCount, WORKFLOW_TABLES } from './hub-helpers.js';

type D = { id: string; status: string; tier: string; riskLevel: string; channel: string; attemptsAtTier: number; version: number; dueAt: string | null };
const CHANNELS = ['WINDOW', 'ONLINE', 'HOTLINE_12348', 'GRID_SCREENING', 'AGENCY_TRANSFER'];
const HANDLING = `query($id: ID!) { dispute(id: $id) { id status tier closedAt handling {
  claims routingReason consent reviewOpinion closingOpinion
  timeline { sequence type fromStatus toStatus actorName }
  attempts { sequence tier mediatorName } escalations { fromTier toTier attemptsAtFromTier override reason }
  notices { serviceItemCodes form } documents { kind title } riskAlerts { rule level } } } }`;

describe('the hub’s dispute workflow (统一受理 → 研判分流 → 分层化解 → 研判结案)', () => {
  let stack: Stack;
  const register = async (channel = 'WINDOW', overrides: Record<string, unknown> = {}) =>
    mutate<D>(stack, 'registerDispute', 'RegisterDisputeInput', registration(channel, overrides));
  const step = (field: string, type: string, input: Record<string, unknown>, as?: Parameters<typeof mutate>[4]) => mutate<D>(stack, field, type, input, as);
  const toMediation = async (id: string, tier = 'VILLAGE') => {
    await step('routeDispute', 'RouteDisputeInput', {
      disputeId: id,
      unitKind: 'MEDIATION_ORGANIZATION',
      unitName: '中迎村人民调解委员会',
      tier,
      reason: '邻里纠纷,事实清楚,适宜村级调解',
    });
    await step('notifyParties', 'NotifyPartiesInput', { disputeId: id, serviceItemCodes: ['FW-001', 'FW-003'], form: 'WRITTEN' });
    return step('recordConsent', 'RecordDisputeConsentInput', { disputeId: id, consented: true, note: '双方同意调解' });
  };
  const attempt = (id: string, n: number) =>
    step('recordMediationAttempt', 'RecordDisputeAttemptInput', { disputeId: id, mediatorName: '顾秀英', summary: `第 ${n} 次调解,双方仍有分歧` });

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it.each(CHANNELS)('takes a dispute from %s through routing, three village attempts, the town, review and closing', async (channel) => {
    const d = await register(channel, { documents: [{ kind: 'CLAIM', title: '调解申请书', fileName: 'a.pdf', sha256: 'a'.repeat(64) }] });
    expect(d).toMatchObject({ status: 'REGISTERED', tier: 'VILLAGE', channel });
    expect(await toMediation(d.id)).toMatchObject({ status: 'IN_MEDIATION', tier: 'VILLAGE' });
    for (const n of [1, 2, 3]) expect((await attempt(d.id, n)).attemptsAtTier).toBe(n);
    const up = await step('escalateDispute', 'EscalateDisputeInput', { disputeId: d.id });
    expect(up).toMatchObject({ status: 'IN_MEDIATION', tier: 'TOWN', attemptsAtTier: 0, riskLevel: 'MEDIUM' });
    await attempt(d.id, 4);
    expect(await step('resolveDispute', 'DisputeOutcomeInput', { disputeId: d.id, summary: '双方达成协议,当场履行' })).toMatchObject({ status: 'RESOLVED' });
    expect(await step('requestClosingReview', 'RequestDisputeReviewInput', { disputeId: d.id })).toMatchObject({ status: 'UNDER_REVIEW' });
    expect(await step('reviewDispute', 'ReviewDisputeInput', { disputeId: d.id, approve: true, opinion: '化解过程完整,同意终结' })).toMatchObject({
      status: 'REVIEWED',
    });
    const closed = await step('closeDispute', 'CloseDisputeInput', { disputeId: d.id, closingOpinion: '纠纷已化解,归档' });
    expect(closed).toMatchObject({ status: 'CLOSED', dueAt: null });

    const { body } = await stack.querySubgraph<{ dispute: { handling: Record<string, unknown[]> & { consent: string; closingOpinion: string } } }>(
      'governance',
      HANDLING,
      { id: d.id },
      'hub-coordinator',
    );
    const h = body.data!.dispute.handling;
    expect(h.timeline.map((t) => (t as { type: string }).type)).toEqual([
      'REGISTER',
      'ROUTE',
      'NOTIFY',
      'CONSENT',
      'RECORD_ATTEMPT',
      'RECORD_ATTEMPT',
      'RECORD_ATTEMPT',
      'ESCALATE',
      'RECORD_ATTEMPT',
      'RESOLVE',
      'REQUEST_REVIEW',
      'APPROVE',
      'CLOSE',
    ]);
    expect(h.attempts.map((a) => (a as { tier: string }).tier)).toEqual(['VILLAGE', 'VILLAGE', 'VILLAGE', 'TOWN']);
    expect(h.escalations).toEqual([{ fromTier: 'VILLAGE', toTier: 'TOWN', attemptsAtFromTier: 3, override: false, reason: null }]);
    expect(h.notices).toEqual([{ serviceItemCodes: ['FW-001', 'FW-003'], form: 'WRITTEN' }]);
    expect(h.documents).toEqual([{ kind: 'CLAIM', title: '调解申请书' }]);
    expect(h.riskAlerts).toEqual([{ rule: 'ESCALATION', level: 'MEDIUM' }]);
    expect(h).toMatchObject({ consent: 'CONSENTED', closingOpinion: '纠纷已化解,归档' });
  });

  it('refuses escalation before three attempts, writing nothing, and allows the override for a high risk with a reason', async () => {
    const low = await register();
    await toMediation(low.id);
    await attempt(low.id, 1);
    const before = await rowCount(stack, ...WORKFLOW_TABLES);
    const early = await refused(stack, 'escalateDispute', 'EscalateDisputeInput', { disputeId: low.id });
    expect(early.extensions).toMatchObject({ code: 'ESCALATION_REFUSED', attempts: 1, required: 3 });
    expect(early.message).toMatch(/至少调解 3 次/);
    const lowRisk = await refused(stack, 'escalateDispute', 'EscalateDisputeInput', { disputeId: low.id, overrideReason: '当事人情绪激动' });
    expect(lowRisk.extensions.code).toBe('ESCALATION_REFUSED');
    expect(lowRisk.message).toMatch(/不足以提前上交/);
    expect(await rowCount(stack, ...WORKFLOW_TABLES)).toBe(before);

    const crowd = await register('HOTLINE_12348', { peopleInvolved: 30, category: 'LABOUR', summary: '三十名工人集体讨要拖欠工资' });
    expect(crowd.riskLevel).toBe('HIGH');
    await toMediation(crowd.id);
    const up = await step('escalateDispute', 'EscalateDisputeInput', { disputeId: crowd.id, overrideReason: '涉及 30 人,村级无力化解' });
    expect(up).toMatchObject({ tier: 'TOWN', attemptsAtTier: 0 });
    const { body } = await stack.querySubgraph<{ dispute: { handling: { escalations: unknown[] } } }>(
      'governance',
      HANDLING,
      { id: crowd.id },
      'hub-coordinator',
    );
    expect(body.data!.dispute.handling.escalations).toEqual([
      { fromTier: 'VILLAGE', toTier: 'TOWN', attemptsAtFromTier: 0, override: true, reason: '涉及 30 人,村级无力化解' },
    ]);
  });

  it('refuses illegal transitions, consent before the notification, and closing without a supervisor — writing nothing', async () => {
    const d = await register('ONLINE');
    const before = await rowCount(stack, ...WORKFLOW_TABLES);
    const closing = await refused(stack, 'closeDispute', 'CloseDisputeInput', { disputeId: d.id, closingOpinion: '直接结案' });
    expect(closing.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'REGISTERED', event: 'CLOSE' });
    expect(closing.message).toMatch(/不允许执行“结案”/);
    expect((await refused(stack, 'resolveDispute', 'DisputeOutcomeInput', { disputeId: d.id, summary: '已化解' })).extensions.code).toBe('ILLEGAL_TRANSITION');
    await step('routeDispute', 'RouteDisputeInput', {
      disputeId: d.id,
      unitKind: 'MEDIATION_ORGANIZATION',
      unitName: '戴南镇人民调解委员会',
      tier: 'TOWN',
      reason: '涉及多户,镇级调解',
    });
    const consent = await refused(stack, 'recordConsent', 'RecordDisputeConsentInput', { disputeId: d.id, consented: true });
    expect(consent.extensions.code).toBe('ILLEGAL_TRANSITION');
    expect(consent.message).toMatch(/一次性告知/);
    const middle = await rowCount(stack, ...WORKFLOW_TABLES);
    expect(middle).toBe(before + 1);
    // Review is the coordination post's: plain staff may not, leaders and other agencies may do nothing.
    const staffOnly = callerOf('hub-coordinator', { roles: ['STAFF'] });
    await step('notifyParties', 'NotifyPartiesInput', { disputeId: d.id, serviceItemCodes: ['FW-001'], form: 'ORAL' }, staffOnly);
    await step('recordConsent', 'RecordDisputeConsentInput', { disputeId: d.id, consented: true }, staffOnly);
    for (const n of [1, 2]) await attempt(d.id, n);
    await step('reportDisputeUnresolved', 'DisputeOutcomeInput', { disputeId: d.id, summary: '双方分歧较大' }, staffOnly);
    await step('requestClosingReview', 'RequestDisputeReviewInput', { disputeId: d.id }, staffOnly);
    const now = await rowCount(stack, ...WORKFLOW_TABLES);
    expect((await refused(stack, 'reviewDispute', 'ReviewDisputeInput', { disputeId: d.id, approve: true, opinion: '同意' }, staffOnly)).extensions.code).toBe(
      'FORBIDDEN',
    );
    for (const who of ['leader', 'court-staff', 'mediator']) {
      expect((await refused(stack, 'reviewDispute', 'ReviewDisputeInput', { disputeId: d.id, approve: true, opinion: '同意' }, who)).extensions.code).toBe(
        'FORBIDDEN',
      );
    }
    expect((await refused(stack, 'reviewDispute', 'ReviewDisputeInput', { disputeId: d.id, approve: true, opinion: '' })).extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'opinion',
    });
    expect(await rowCount(stack, ...WORKFLOW_TABLES)).toBe(now);
    // Sent back to mediation, then guided to litigation after the review.
    expect(await step('reviewDispute', 'ReviewDisputeInput', { disputeId: d.id, approve: false, opinion: '再组织一次调解' })).toMatchObject({
      status: 'IN_MEDIATION',
    });
    await step('reportDisputeUnresolved', 'DisputeOutcomeInput', { disputeId: d.id, summary: '仍未达成一致' });
    await step('requestClosingReview', 'RequestDisputeReviewInput', { disputeId: d.id });
    await step('reviewDispute', 'ReviewDisputeInput', { disputeId: d.id, approve: true, opinion: '调解不成,同意终结' });
    expect(await step('closeDispute', 'CloseDisputeInput', { disputeId: d.id, closingOpinion: '告知诉讼途径', guideToLitigation: true })).toMatchObject({
      status: 'GUIDED_TO_LITIGATION',
    });
  });

  it('guides a refusing party to litigation and records a change of method', async () => {
    const refusing = await register('WINDOW');
    await step('routeDispute', 'RouteDisputeInput', {
      disputeId: refusing.id,
      unitKind: 'MEDIATION_ORGANIZATION',
      unitName: '中迎村人民调解委员会',
      tier: 'VILLAGE',
      reason: '适宜调解',
    });
    await step('notifyParties', 'NotifyPartiesInput', { disputeId: refusing.id, serviceItemCodes: ['FW-001', 'FW-002'], form: 'WRITTEN' });
    expect(await step('recordConsent', 'RecordDisputeConsentInput', { disputeId: refusing.id, consented: false, note: '申请人坚持起诉' })).toMatchObject({
      status: 'GUIDED_TO_LITIGATION',
      dueAt: null,
    });

    const d = await register('AGENCY_TRANSFER');
    await toMediation(d.id);
    const changed = await mutate<{ method: string }>(
      stack,
      'changeDisputeMethod',
      'ChangeDisputeMethodInput',
      { disputeId: d.id, method: 'ADMINISTRATIVE_MEDIATION', reason: '涉及行政管理事项' },
      'hub-coordinator',
      'method',
    );
    expect(changed.method).toBe('ADMINISTRATIVE_MEDIATION');
    const { body } = await stack.querySubgraph<{ dispute: { handling: { timeline: { type: string }[] } } }>(
      'governance',
      HANDLING,
      { id: d.id },
      'hub-coordinator',
    );
    expect(body.data!.dispute.handling.timeline.at(-1)!.type).toBe('CHANGE_METHOD');
    const same = await refused(stack, 'changeDisputeMethod', 'ChangeDisputeMethodInput', {
      disputeId: d.id,
      method: 'ADMINISTRATIVE_MEDIATION',
      reason: '再次调整',
    });
    expect(same.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'method' });
  });

  it('detects concurrent edits (optimistic locking)', async () => {
    const d = await register();
    await toMediation(d.id);
    const fresh = await attempt(d.id, 1);
    const stale = await refused(stack, 'recordMediationAttempt', 'RecordDisputeAttemptInput', {
      disputeId: d.id,
      expectedVersion: fresh.version - 1,
      mediatorName: '顾秀英',
      summary: '基于旧版本的记录',
    });
    expect(stale.extensions.code).toBe('CONFLICT');
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        stack.querySubgraph(
          'governance',
          'mutation($input: RecordDisputeAttemptInput!) { recordMediationAttempt(input: $input) { attemptsAtTier } }',
          { input: { disputeId: d.id, expectedVersion: fresh.version, mediatorName: '顾秀英', summary: `并发记录 ${n}` } },
          'hub-coordinator',
        ),
      ),
    );
    expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(3);
    // Without an expected version, concurrent steps queue on the dispute and all count.
    const queued = await Promise.all(
      [1, 2, 3].map(() =>
        stack.querySubgraph<{ recordMediationAttempt: { attemptsAtTier: number } }>(
          'governance',
          'mutation($input: RecordDisputeAttemptInput!) { recordMediationAttempt(input: $input) { attemptsAtTier } }',
          { input: { disputeId: d.id, mediatorName: '顾秀英', summary: '并发记录' } },
          'hub-coordinator',
        ),
      ),
    );
    expect(queued.map((r) => r.body.data!.recordMediationAttempt.attemptsAtTier).sort()).toEqual([3, 4, 5]);
  });

  it('shows the handling to the hub and leaders only', async () => {
    const d = await register();
    const read = async (who: string) =>
      (await stack.querySubgraph<{ dispute: { handling: { claims: string | null } | null } }>('governance', HANDLING, { id: d.id }, who)).body.data!.dispute
        .handling;
    expect((await read('hub-coordinator'))!.claims).toBe('请求对方疏通排水沟并赔偿损失');
    expect(await read('leader')).not.toBeNull();
    expect(await read('court-staff')).toBeNull();
    expect(await read('police-officer')).toBeNull();
  });
});

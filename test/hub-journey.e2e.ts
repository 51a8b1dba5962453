import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

const CHANNELS = ['WINDOW', 'ONLINE', 'HOTLINE_12348', 'GRID_SCREENING', 'AGENCY_TRANSFER'];

function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const VIEW = `query($id: ID!) { dispute(id: $id) {
  number channel status tier region { name }
  handling { timeline { type toStatus } escalations { fromTier toTier attemptsAtFromTier } notices { serviceItemCodes } }
  dockings { kind }
} }`;

describe('the hub journey through the gateway (统一受理 → 分流 → 三三制 → 研判 → 结案)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  async function step(field: string, inputType: string, input: Record<string, unknown>): Promise<{ id: string; status: string; tier: string }> {
    const { status, body } = await stack.query<Record<string, { id: string; status: string; tier: string }>>(
      `mutation($input: ${inputType}!) { ${field}(input: $input) { id status tier } }`,
      { input },
      'hub-coordinator',
    );
    expect(status, field).toBe(200);
    expect(body.errors, `${field}: ${JSON.stringify(body.errors)}`).toBeUndefined();
    return body.data![field]!;
  }

  it.each(CHANNELS)('takes a dispute from %s to closing', async (channel) => {
    const n = CHANNELS.indexOf(channel);
    const registered = await step('registerDispute', 'RegisterDisputeInput', {
      category: 'NEIGHBOURHOOD',
      channel,
      summary: '相邻两户因排水沟渠堵塞互相指责',
      regionCode: '321281123201',
      peopleInvolved: 2,
      parties: [
        { role: 'APPLICANT', name: '张小三', idNumber: idNumber(`32128119900101${n}12`) },
        { role: 'RESPONDENT', name: '李四' },
      ],
    });
    const disputeId = registered.id;
    expect(registered).toMatchObject({ status: 'REGISTERED', tier: 'VILLAGE' });
    await step('routeDispute', 'RouteDisputeInput', {
      disputeId,
      unitKind: 'MEDIATION_ORGANIZATION',
      unitName: '中迎村人民调解委员会',
      tier: 'VILLAGE',
      reason: '邻里纠纷,适宜村级调解',
    });
    await step('notifyParties', 'NotifyPartiesInput', { disputeId, serviceItemCodes: ['FW-001', 'FW-003'], form: 'WRITTEN' });
    expect(await step('recordConsent', 'RecordDisputeConsentInput', { disputeId, consented: true })).toMatchObject({ status: 'IN_MEDIATION' });
    for (const k of [1, 2, 3])
      await step('recordMediationAttempt', 'RecordDisputeAttemptInput', { disputeId, mediatorName: '顾秀英', summary: `第 ${k} 次村级调解` });
    expect(await step('escalateDispute', 'EscalateDisputeInput', { disputeId })).toMatchObject({ tier: 'TOWN' });
    expect(await step('resolveDispute', 'DisputeOutcomeInput', { disputeId, summary: '镇调委会调解成功,双方签订协议' })).toMatchObject({ status: 'RESOLVED' });
    await step('requestClosingReview', 'RequestDisputeReviewInput', { disputeId });
    expect(await step('reviewDispute', 'ReviewDisputeInput', { disputeId, approve: true, opinion: '同意终结' })).toMatchObject({ status: 'REVIEWED' });
    expect(await step('closeDispute', 'CloseDisputeInput', { disputeId, closingOpinion: '已化解,归档' })).toMatchObject({ status: 'CLOSED' });

    const { body } = await stack.query<{
      dispute: {
        channel: string;
        status: string;
        tier: string;
        region: { name: string };
        handling: { timeline: { type: string }[]; escalations: unknown[]; notices: unknown[] };
        dockings: unknown[];
      };
    }>(VIEW, { id: disputeId }, 'hub-coordinator');
    expect(body.errors).toBeUndefined();
    const view = body.data!.dispute;
    expect(view).toMatchObject({ channel, status: 'CLOSED', tier: 'TOWN', dockings: [] });
    expect(view.handling.timeline).toHaveLength(12);
    expect(view.handling.escalations).toEqual([{ fromTier: 'VILLAGE', toTier: 'TOWN', attemptsAtFromTier: 3 }]);
    expect(view.handling.notices).toEqual([{ serviceItemCodes: ['FW-001', 'FW-003'] }]);

    const leader = await stack.query<{ dispute: { handling: unknown } }>(VIEW, { id: disputeId }, 'leader');
    expect(leader.body.data!.dispute.handling).not.toBeNull();
    const court = await stack.query<{ dispute: { handling: unknown; status: string } }>(VIEW, { id: disputeId }, 'court-staff');
    expect(court.body.data!.dispute).toMatchObject({ handling: null, status: 'CLOSED' });
  });

  it('refuses an escalation before three attempts through the gateway with a coded Chinese error', async () => {
    const { body } = await stack.query<{ disputes: { edges: { node: { id: string } }[] } }>(
      '{ disputes(first: 1, status: IN_MEDIATION, tier: VILLAGE) { edges { node { id attemptsAtTier } } } }',
      {},
      'hub-coordinator',
    );
    const id = body.data!.disputes.edges[0]!.node.id;
    const refused = await stack.query(
      'mutation($input: EscalateDisputeInput!) { escalateDispute(input: $input) { id } }',
      { input: { disputeId: id } },
      'hub-coordinator',
    );
    expect(refused.body.errors![0]!.extensions!.code).toBe('ESCALATION_REFUSED');
    expect(refused.body.errors![0]!.message).toMatch(/三三制/);
  });
});

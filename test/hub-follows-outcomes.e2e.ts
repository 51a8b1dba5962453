// The hub follows outcomes, through the gateway: what the mediation committee reports about a
// hand-over moves the hub's dispute — accepted → in mediation at the committee's tier, each session
// a 三三制 attempt there, an agreement → resolved (counted in 化解率), no agreement → unresolved —
// and judicial confirmation, performance and enforcement land on the dispute's timeline. A late report about a dispute the hub
// already moved on changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { journeys, startStack, type Journeys, type Stack, until } from '@jiefen/testing';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会, region 321281123: the town tier
const DAINAN = '321281123';
const DAY = 86_400_000;

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
type Dispute = {
  id: string;
  regionCode: string;
  status: string;
  tier: string;
  attemptsAtTier: number;
  outcome: string | null;
  resolvedAt: string | null;
  overdue: boolean;
  dueAt: string | null;
  method: string | null;
  handling: { attempts: { tier: string; mediatorName: string }[]; timeline: { type: string; fromStatus: string | null; toStatus: string; summary: string }[] };
};

const DISPUTE = `query($id: ID!) { dispute(id: $id) {
  id regionCode status tier attemptsAtTier outcome resolvedAt overdue dueAt method
  handling { attempts { tier mediatorName } timeline { type fromStatus toStatus summary } }
} }`;
const COUNTS = `query($code: String!, $from: DateTimeISO!, $to: DateTimeISO!) { indicators(regionCode: $code, period: { from: $from, to: $to }) { hub { registered resolved resolutionRate overdue } } }`;

describe('the hub follows outcomes: docking events move the dispute', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown>, as: string): Promise<Gql> => {
    const { status, body } = await stack.query(query, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as Gql;
  };
  const ok = async (query: string, variables: Record<string, unknown>, as: string) => {
    const body = await q(query, variables, as);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };
  const dispute = async (id: string) => (await ok(DISPUTE, { id }, 'hub-coordinator')).dispute as Dispute;
  const disputeWhen = (what: string, id: string, test: (d: Dispute) => boolean) =>
    until(what, async () => {
      const d = await dispute(id);
      return test(d) ? d : null;
    });

  let journey: Journeys | null = null;
  const j = () => (journey ??= journeys(stack));

  // The persona steps (公调, the inbox, acceptance, sessions, the signed agreement) are the journeys helper's.
  const inboxed = async (dockingId: string) => (await j().mediator.inboxed(dockingId)).id as string;
  const accept = (caseId: string) => j().mediator.accept(caseId);
  const session = (caseId: string, focus: string) => j().mediator.session(caseId, focus);
  /** A written agreement signed by every party (effective at once). */
  const agree = (caseId: string) => j().mediator.agree(caseId);

  /** 公调: an officer transfers an incident of 戴南镇 to the committee; the hub registers the dispute from the docking. */
  const transferIncident = async (offset: number) => {
    // Not yet reported to the hub (a demo incident may carry a demo dispute in any state): the transfer registers it.
    const incidentId = await j().police.demoIncident(DAINAN, { offset, unreported: true });
    const { dockingId } = await j().police.transfer(incidentId);
    const disputeId = await until('the dispute the hub registered from the transfer', async () => {
      const data = await ok('query($id: ID!) { docking(id: $id) { disputeId } }', { id: dockingId }, 'hub-coordinator');
      return (data.docking as { disputeId: string | null } | null)?.disputeId;
    });
    return { dockingId, disputeId, caseId: await inboxed(dockingId) };
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police', 'court'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('公调: accepted → in mediation at the town tier, two sessions → two attempts there, the agreement → resolved and counted in 化解率', async () => {
    const { disputeId, caseId } = await transferIncident(0);
    const registered = await dispute(disputeId);
    expect(registered).toMatchObject({ status: 'REGISTERED', attemptsAtTier: 0, outcome: null });
    const period = { code: registered.regionCode, from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
    const before = (await ok(COUNTS, period, 'hub-coordinator')).indicators.hub as { registered: number; resolved: number };

    await accept(caseId);
    const inMediation = await disputeWhen('the dispute in mediation', disputeId, (d) => d.status === 'IN_MEDIATION');
    // The committee sits in 戴南镇 (a 9-digit region): the town tier, whatever the dispute's village.
    expect(inMediation).toMatchObject({ tier: 'TOWN', attemptsAtTier: 0, method: 'PEOPLES_MEDIATION', overdue: false });
    expect(inMediation.handling.timeline.at(-1)).toMatchObject({ type: 'DOCKING_ACCEPTED', fromStatus: 'REGISTERED', toStatus: 'IN_MEDIATION' });
    expect(inMediation.handling.timeline.at(-1)!.summary).toContain('戴南镇人民调解委员会受理(镇(街道)层级)');
    // The town's clock (30 days) from the acceptance.
    expect(Date.parse(inMediation.dueAt!)).toBeGreaterThan(Date.now() + 29 * DAY);

    await session(caseId, '排水沟渠疏通');
    await session(caseId, '费用分担');
    const attempted = await disputeWhen('two attempts at the hub', disputeId, (d) => d.attemptsAtTier === 2);
    expect(attempted.status).toBe('IN_MEDIATION');
    expect(attempted.handling.attempts).toEqual([
      { tier: 'TOWN', mediatorName: '顾秀英' },
      { tier: 'TOWN', mediatorName: '顾秀英' },
    ]);
    expect(attempted.handling.timeline.filter((e) => e.type === 'RECORD_ATTEMPT').map((e) => e.summary)).toEqual([
      '镇(街道)第 1 次调解(顾秀英):第 1 次调解:排水沟渠疏通',
      '镇(街道)第 2 次调解(顾秀英):第 2 次调解:费用分担',
    ]);

    const agreement = await agree(caseId);
    const resolved = await disputeWhen('the dispute resolved', disputeId, (d) => d.status === 'RESOLVED');
    expect(resolved).toMatchObject({ outcome: 'RESOLVED', overdue: false, attemptsAtTier: 2 });
    expect(resolved.resolvedAt).toBeTruthy();
    expect(resolved.handling.timeline.at(-1)).toMatchObject({ type: 'DOCKING_CONCLUDED_AGREEMENT', fromStatus: 'IN_MEDIATION', toStatus: 'RESOLVED' });
    expect(resolved.handling.timeline.at(-1)!.summary).toContain(agreement.number);
    // Waiting for the closing review: its clock runs (5 days to request it).
    expect(Date.parse(resolved.dueAt!) - Date.parse(resolved.resolvedAt!)).toBe(5 * DAY);

    const after = (await ok(COUNTS, period, 'hub-coordinator')).indicators.hub as { registered: number; resolved: number; resolutionRate: number };
    expect(after.registered).toBe(before.registered);
    expect(after.resolved).toBe(before.resolved + 1);
    expect(after.resolutionRate).toBe(Math.round((after.resolved / after.registered) * 10_000) / 10_000);

    // The hub's own closing steps take it from there.
    const review = await ok(
      'mutation($input: RequestDisputeReviewInput!) { requestClosingReview(input: $input) { status } }',
      { input: { disputeId, note: '调解组织反馈已达成协议' } },
      'hub-coordinator',
    );
    expect(review.requestClosingReview.status).toBe('UNDER_REVIEW');
  });

  it('公调 without agreement: the dispute is unresolved, with escalation or litigation as the next steps', async () => {
    const { disputeId, caseId } = await transferIncident(1);
    await accept(caseId);
    await disputeWhen('the dispute in mediation', disputeId, (d) => d.status === 'IN_MEDIATION');
    await ok(
      'mutation($input: ConcludeMediationInput!) { concludeMediation(input: $input) { status } }',
      { input: { caseId, outcome: 'NO_AGREEMENT', note: '双方分歧较大,未能达成协议', partiesInformedOfLitigation: true } },
      'mediator',
    );
    const unresolved = await disputeWhen('the dispute unresolved', disputeId, (d) => d.status === 'UNRESOLVED');
    expect(unresolved).toMatchObject({ outcome: 'UNRESOLVED', resolvedAt: null });
    const last = unresolved.handling.timeline.at(-1)!;
    expect(last).toMatchObject({ type: 'DOCKING_CONCLUDED_NO_AGREEMENT', toStatus: 'UNRESOLVED' });
    expect(last.summary).toContain('调解不成');
    expect(last.summary).toContain('引导当事人诉讼');
  });

  it('诉调 委派: the same for a court case; judicial confirmation, performance and enforcement on the timeline; a late hand-over changes nothing', async () => {
    const registered = await ok(
      'mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id status } }',
      {
        input: {
          category: 'CONTRACT',
          channel: 'WINDOW',
          summary: '买卖合同货款纠纷,李四尚欠货款未付',
          regionCode: '321281123201',
          peopleInvolved: 2,
          parties: [
            { role: 'APPLICANT', name: '张小三' },
            { role: 'RESPONDENT', name: '李四' },
          ],
        },
      },
      'hub-coordinator',
    );
    const disputeId = registered.registerDispute.id as string;
    const plaintiff = demoPeople(200)[153]!;
    /** The court receives a case of the dispute and entrusts it (委派) to the committee: the committee's case. */
    const entrust = async () => {
      const received = await ok(
        'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id } }',
        {
          input: {
            disputeId,
            cause: '买卖合同纠纷',
            regionCode: '321281123201',
            plaintiffName: plaintiff.name,
            plaintiffIdNumber: plaintiff.idNumber,
            defendantName: '李四',
          },
        },
        'court-staff',
      );
      const sent = await ok(
        'mutation($id: ID!, $code: String!) { divertToMediation(id: $id, receiver: { creditCode: $code, name: "戴南镇人民调解委员会" }) { dockingId } }',
        { id: received.receiveCivilCase.id, code: COMMITTEE },
        'court-staff',
      );
      return inboxed(sent.divertToMediation.dockingId as string);
    };

    const caseId = await entrust();
    await accept(caseId);
    await session(caseId, '货款数额');
    await disputeWhen('one attempt at the town tier', disputeId, (d) => d.status === 'IN_MEDIATION' && d.tier === 'TOWN' && d.attemptsAtTier === 1);
    const agreement = await agree(caseId);
    await disputeWhen('the dispute resolved', disputeId, (d) => d.status === 'RESOLVED');

    // 司法确认: the application and the court's ruling on the dispute's timeline; the state stays.
    await ok('mutation($a: ID!) { applyForJudicialConfirmation(agreementId: $a) { judicialConfirmationAppliedAt } }', { a: agreement.id }, 'mediator');
    const due = await until("the application among the court's confirmations due", async () => {
      const data = await ok('{ confirmationsDue(first: 50) { edges { node { id agreementId } } } }', {}, 'court-staff');
      return (data.confirmationsDue.edges as { node: { id: string; agreementId: string } }[]).map((e) => e.node).find((n) => n.agreementId === agreement.id);
    });
    await ok('mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { caseNumber } }', { id: due.id }, 'court-staff');
    await ok('mutation($id: ID!) { ruleOnJudicialConfirmation(id: $id, confirmed: true, note: "协议合法有效") { status } }', { id: due.id }, 'court-staff');
    // Application (justice's stream) and ruling (the court's) reach the hub on two streams: in either order.
    const confirmed = await disputeWhen('the application and the ruling on the timeline', disputeId, (d) =>
      ['CONFIRMATION_REQUESTED', 'CONFIRMATION_RULED'].every((type) => d.handling.timeline.some((e) => e.type === type)),
    );
    const entries = confirmed.handling.timeline.filter((e) => e.type.startsWith('CONFIRMATION_')).sort((a, b) => a.type.localeCompare(b.type));
    expect(entries.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['CONFIRMATION_REQUESTED', 'RESOLVED', 'RESOLVED'],
      ['CONFIRMATION_RULED', 'RESOLVED', 'RESOLVED'],
    ]);
    expect(entries[0]!.summary).toContain(agreement.number);
    expect(entries[1]!.summary).toContain('裁定确认调解协议有效');
    expect(confirmed.status).toBe('RESOLVED');

    // Performance found on the return visit, then enforcement of the confirmed agreement: on the timeline too.
    const visits = await ok('query($id: ID!) { mediationCase(id: $id) { returnVisits { id status } } }', { id: caseId }, 'mediator');
    const visit = (visits.mediationCase.returnVisits as { id: string; status: string }[]).find((v) => v.status === 'SCHEDULED')!;
    await ok(
      'mutation($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { status } }',
      { input: { returnVisitId: visit.id, method: 'PHONE', performance: 'NOT_PERFORMED', satisfaction: 'DISSATISFIED' } },
      'mediator',
    );
    await ok(
      'mutation($id: ID!, $name: String!) { applyForEnforcement(confirmationId: $id, applicantName: $name, unperformedTerms: "李四逾期未支付费用") { caseNumber } }',
      { id: due.id, name: plaintiff.name },
      'court-staff',
    );
    const followed = await disputeWhen('performance and enforcement on the timeline', disputeId, (d) =>
      ['PERFORMANCE_RECORDED', 'ENFORCEMENT_APPLIED'].every((type) => d.handling.timeline.some((e) => e.type === type)),
    );
    expect(followed.status).toBe('RESOLVED');
    expect(followed.handling.timeline.find((e) => e.type === 'PERFORMANCE_RECORDED')!.summary).toBe(`回访:调解协议 ${agreement.number} 未履行`);
    expect(followed.handling.timeline.find((e) => e.type === 'ENFORCEMENT_APPLIED')!.summary).toContain('执');

    // A second hand-over of the same dispute, accepted after the first one resolved it: the dispute stays as it is.
    const lateCase = await entrust();
    await accept(lateCase);
    await session(lateCase, '补充协商');
    // Wait until the hub's ledger has the late session (the last event sent), then compare.
    await until('the late session in the ledger', async () => {
      const rows = await stack.subgraphs
        .governance!.orm.em.getConnection()
        .execute<{ n: string }[]>(
          `select count(*) as n from docking_event e join docking d on d.id = e.docking_id where d.dispute_id = ? and e.type = 'MediationSessionRecorded'`,
          [disputeId],
        );
      return rows[0]!.n === '2';
    });
    const after = await dispute(disputeId);
    expect(after).toMatchObject({ status: 'RESOLVED', tier: 'TOWN', attemptsAtTier: 1, outcome: 'RESOLVED', resolvedAt: confirmed.resolvedAt });
    expect(after.handling.timeline).toEqual(followed.handling.timeline);
  });
});

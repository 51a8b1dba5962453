// 诉调 (委派) end to end through the gateway: court staff divert a case received before filing to
// 戴南镇人民调解委员会; the committee's mediator finds it in the inbox, accepts, mediates and signs an
// agreement; the outcome flows back by docking events and the court sees it on the case, while the
// hub's ledger shows the docking with its clock. Then 司法确认 across agencies: the mediator applies
// with the agreement, the court accepts (调确字) and confirms it, the ruling comes back onto the
// agreement, and the confirmed agreement not performed goes to enforcement (强制执行).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

/** Waits for a condition (events travel asynchronously), failing after a timeout; never a fixed sleep. */
describe("诉调 through the gateway: court → people's mediation → outcome back on the court case", () => {
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

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'court'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('carries a 委派 from the court to the committee and the agreement back to the court', async () => {
    const dispute = demoDisputes().find((d) => d.agencies.court && d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
    const plaintiff = demoPeople(200)[152]!;
    const received = await ok(
      'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id status } }',
      {
        input: {
          disputeId: dispute.id,
          cause: '买卖合同纠纷',
          regionCode: dispute.regionCode,
          plaintiffName: plaintiff.name,
          plaintiffIdNumber: plaintiff.idNumber,
          plaintiffPhone: plaintiff.phone,
          defendantName: '李四',
        },
      },
      'court-staff',
    );
    const courtCaseId = received.receiveCivilCase.id as string;
    const sent = await ok(
      'mutation($id: ID!, $code: String!) { divertToMediation(id: $id, receiver: { creditCode: $code, name: "戴南镇人民调解委员会" }) { status dockingId mediationSentAt } }',
      { id: courtCaseId, code: COMMITTEE },
      'court-staff',
    );
    expect(sent.divertToMediation.status).toBe('DIVERTED_TO_MEDIATION');
    const { dockingId } = sent.divertToMediation as { dockingId: string };

    // The committee's inbox shows it once the event has arrived.
    const inboxed = await until("the 委派 in the mediator's inbox", async () => {
      const data = await ok('{ mediationInbox(first: 50) { edges { node { id dockingId status source mode parties { name } } } } }', {}, 'mediator');
      return (data.mediationInbox.edges as { node: Record<string, any> }[]).map((e) => e.node).find((n) => n.dockingId === dockingId); // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path
    });
    expect(inboxed).toMatchObject({ status: 'PENDING', source: 'COURT', mode: 'PRE_FILING_DELEGATION', parties: [{ name: plaintiff.name }, { name: '李四' }] });
    const caseId = inboxed.id as string;

    const accepted = await ok('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status caseNumber } }', { c: caseId }, 'mediator');
    const { caseNumber } = accepted.acceptMediationCase as { caseNumber: string };
    const CASE = 'query($id: ID!) { courtCase(id: $id) { status mediationOutcome mediationOutcomeNote mediationCaseNumber mediationAcceptedAt } }';
    await until(
      'the acceptance on the court case',
      async () => (await ok(CASE, { id: courtCaseId }, 'court-staff')).courtCase.mediationCaseNumber === caseNumber,
    );

    await ok(
      'mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }',
      {
        input: {
          caseId,
          heldAt: new Date().toISOString(),
          place: '戴南镇人民调解委员会调解室',
          participants: [plaintiff.name, '李四', '顾秀英'],
          focus: '货款数额及支付期限',
          opinions: '双方同意分两期支付',
        },
      },
      'mediator',
    );
    const performBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const recorded = await ok(
      'mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id number } }',
      {
        input: {
          caseId,
          form: 'WRITTEN',
          facts: '双方存在买卖合同关系,李四尚欠货款未付。',
          mattersInDispute: '货款数额及支付期限',
          responsibilities: '李四应按约支付货款',
          terms: ['李四于十四日内支付货款8000元'],
          performanceMethod: '银行转账',
          performanceDeadline: performBy,
          amount: 8000,
        },
      },
      'mediator',
    );
    const agreement = recorded.recordMediationAgreement as { id: string; number: string };
    const view = await ok('query($id: ID!) { mediationCase(id: $id) { parties { id } } }', { id: caseId }, 'mediator');
    await ok(
      'mutation($input: SignMediationAgreementInput!) { signMediationAgreement(input: $input) { effectiveDate } }',
      {
        input: {
          agreementId: agreement.id,
          signatures: (view.mediationCase.parties as { id: string }[]).map((p) => ({ partyId: p.id, method: 'SIGNATURE' })),
          mediatorSigned: true,
          sealed: true,
        },
      },
      'mediator',
    );

    // 信息反馈: court staff see the outcome on the case and in "our cases sent to mediation".
    const concluded = await until('the outcome on the court case', async () => {
      const c = (await ok(CASE, { id: courtCaseId }, 'court-staff')).courtCase as Record<string, string | null>;
      return c.status === 'MEDIATION_SUCCEEDED' ? c : null;
    });
    expect(concluded).toMatchObject({ mediationOutcome: 'SUCCEEDED', mediationCaseNumber: caseNumber });
    expect(concluded.mediationOutcomeNote).toContain(agreement.number);
    const sentList = await ok(
      '{ courtCasesSentToMediation(first: 20, outcome: SUCCEEDED) { edges { node { id dockingId mediationOutcome } } } }',
      {},
      'court-staff',
    );
    expect((sentList.courtCasesSentToMediation.edges as { node: Record<string, string> }[]).map((e) => e.node)).toContainEqual({
      id: courtCaseId,
      dockingId,
      mediationOutcome: 'SUCCEEDED',
    });

    // The hub's ledger: kind and mode, the 30-day clock of 委派, and the court's case masked.
    const LEDGER =
      'query($id: ID!) { docking(id: $id) { kind mode status fromAgency toAgency sentAt concludeBy timeline { type } courtCase { id status plaintiffIdNumber } } }';
    const ledger = await until('the concluded docking in the ledger', async () => {
      const docking = (await ok(LEDGER, { id: dockingId }, 'hub-coordinator')).docking as Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path
      return docking && docking.status === 'CONCLUDED' ? docking : null;
    });
    expect(ledger).toMatchObject({
      kind: 'COURT',
      mode: 'PRE_FILING_DELEGATION',
      fromAgency: 'COURT',
      toAgency: 'JUSTICE',
      courtCase: { id: courtCaseId, status: 'MEDIATION_SUCCEEDED' },
    });
    expect(ledger.courtCase.plaintiffIdNumber).not.toBe(plaintiff.idNumber);
    expect((ledger.timeline as { type: string }[]).map((e) => e.type)).toEqual([
      'DockingRequested',
      'DockingAccepted',
      'MediationSessionRecorded',
      'MediationConcluded',
    ]);
    expect(Date.parse(ledger.concludeBy as string) - Date.parse(ledger.sentAt as string)).toBe(30 * 86_400_000);

    // 司法确认: the parties apply through the committee within 30 days; the court finds it among confirmations due.
    const applied = await ok(
      'mutation($a: ID!) { applyForJudicialConfirmation(agreementId: $a) { judicialConfirmationAppliedAt judicialConfirmationRuling } }',
      { a: agreement.id },
      'mediator',
    );
    expect(applied.applyForJudicialConfirmation).toMatchObject({ judicialConfirmationRuling: null });
    const due = await until("the application among the court's confirmations due", async () => {
      const data = await ok('{ confirmationsDue(first: 50) { edges { node { id agreementId courtCaseId dockingId status } } } }', {}, 'court-staff');
      return (data.confirmationsDue.edges as { node: Record<string, string> }[]).map((e) => e.node).find((n) => n.agreementId === agreement.id);
    });
    expect(due).toMatchObject({ courtCaseId, dockingId, status: 'APPLIED' });
    const acceptedConfirmation = await ok('mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { status caseNumber } }', { id: due.id }, 'court-staff');
    const confirmationNumber = acceptedConfirmation.acceptJudicialConfirmation.caseNumber as string;
    expect(confirmationNumber).toContain('调确字');
    const ruled = await ok(
      'mutation($id: ID!) { ruleOnJudicialConfirmation(id: $id, confirmed: true, note: "调解协议系双方自愿达成,内容合法,确认有效") { status } }',
      { id: due.id },
      'court-staff',
    );
    expect(ruled.ruleOnJudicialConfirmation.status).toBe('CONFIRMED');
    const AGREEMENT =
      'query($id: ID!) { mediationAgreement(id: $id) { judicialConfirmationRuling judicialConfirmationCaseNumber judicialConfirmationReason } }';
    const onAgreement = await until('the ruling on the agreement', async () => {
      const a = (await ok(AGREEMENT, { id: agreement.id }, 'mediator')).mediationAgreement as Record<string, string | null>;
      return a.judicialConfirmationRuling ? a : null;
    });
    expect(onAgreement).toEqual({
      judicialConfirmationRuling: 'CONFIRMED',
      judicialConfirmationCaseNumber: confirmationNumber,
      judicialConfirmationReason: '调解协议系双方自愿达成,内容合法,确认有效',
    });

    // 李四 does not pay: the plaintiff applies for enforcement of the confirmed agreement.
    const enforced = await ok(
      'mutation($id: ID!, $name: String!) { applyForEnforcement(confirmationId: $id, applicantName: $name, unperformedTerms: "李四逾期未支付货款8000元") { caseNumber status } }',
      { id: due.id, name: plaintiff.name },
      'court-staff',
    );
    expect(enforced.applyForEnforcement).toMatchObject({ status: 'APPLIED' });
    expect(enforced.applyForEnforcement.caseNumber).toContain('执');
    const after = await ok('query($id: ID!) { judicialConfirmation(id: $id) { status } }', { id: due.id }, 'court-staff');
    expect(after.judicialConfirmation.status).toBe('ENFORCEMENT_APPLIED');
  });
});

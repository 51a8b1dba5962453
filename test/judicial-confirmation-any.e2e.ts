// 司法确认 of any people's mediation agreement (人民调解法 Art 33; 民诉法 Art 205–206), through the
// gateway: not only 诉调. A 公调 case (police → 戴南镇人民调解委员会) and a direct application to the
// committee each end with a signed agreement; the parties apply jointly through the committee; the
// application reaches the basic court where the committee sits (兴化市人民法院) on a docking of its own;
// the court accepts (调确字) and confirms; the ruling comes back onto the agreement and the hub's
// ledger shows the application and the ruling on the dispute. An application past the 30 days, bad
// input and a matter the court may not confirm are refused with their reasons, and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_DAINAN, demoDisputes } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { journeys, startStack, type Journeys, type Stack, until } from '@jiefen/testing';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path

describe("司法确认 of any people's mediation agreement, through the gateway", () => {
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
  const sql = (agency: 'justice' | 'court' | 'governance' | 'police', text: string, params: unknown[] = []) =>
    stack.subgraphs[agency]!.orm.em.getConnection().execute<Row[]>(text, params);

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police', 'court'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  let journey: Journeys | null = null;
  const j = () => (journey ??= journeys(stack));

  /** The mediator accepts a case in the inbox, holds a session, records an agreement with these terms, and every party signs: it takes effect. */
  const settle = (caseId: string, terms: string[]): Promise<{ id: string; number: string }> => j().mediator.settle(caseId, terms);

  const APPLY = 'mutation($a: ID!) { applyForJudicialConfirmation(agreementId: $a) { judicialConfirmationAppliedAt judicialConfirmationRuling } }';
  const AGREEMENT = 'query($id: ID!) { mediationAgreement(id: $id) { judicialConfirmationRuling judicialConfirmationCaseNumber judicialConfirmationReason } }';
  const LEDGER =
    'query($id: ID!) { docking(id: $id) { kind mode status fromAgency toAgency fromOrganizationName disputeId concludedAt timeline { type summary } } }';

  /** The application among the court's confirmations due, once its event has arrived. */
  const dueAtCourt = (agreementId: string) => j().court.due(agreementId);

  /** The court accepts (调确字) and confirms; the ruling comes back onto the agreement. */
  const confirm = async (confirmationId: string, agreementId: string) => {
    const accepted = await ok('mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { status caseNumber } }', { id: confirmationId }, 'court-staff');
    const caseNumber = accepted.acceptJudicialConfirmation.caseNumber as string;
    expect(caseNumber).toContain('调确字');
    const ruled = await ok(
      'mutation($id: ID!) { ruleOnJudicialConfirmation(id: $id, confirmed: true, note: "调解协议系双方自愿达成,内容合法,确认有效") { status } }',
      { id: confirmationId },
      'court-staff',
    );
    expect(ruled.ruleOnJudicialConfirmation.status).toBe('CONFIRMED');
    const onAgreement = await until('the ruling on the agreement', async () => {
      const a = (await ok(AGREEMENT, { id: agreementId }, 'mediator')).mediationAgreement as Row;
      return a.judicialConfirmationRuling ? a : null;
    });
    expect(onAgreement).toEqual({
      judicialConfirmationRuling: 'CONFIRMED',
      judicialConfirmationCaseNumber: caseNumber,
      judicialConfirmationReason: '调解协议系双方自愿达成,内容合法,确认有效',
    });
    return caseNumber;
  };

  /** The hub's ledger of the application's docking, once the court's ruling is in it. */
  const ledgerOf = (dockingId: string) =>
    until('the ruling in the hub ledger', async () => {
      const docking = (await ok(LEDGER, { id: dockingId }, 'hub-coordinator')).docking as Row | null;
      return docking?.status === 'FED_BACK' ? docking : null;
    });

  it('公调: an agreement of a case the police transferred is confirmed by the basic court where the committee sits', async () => {
    const incident = { id: await j().police.demoIncident(DEMO_TOWN_DAINAN) };
    const transferId = (await j().police.transfer(incident.id)).dockingId;
    const inboxed = await j().mediator.inboxed(transferId);
    const agreement = await settle(inboxed.id as string, ['李四于七日内疏通沟渠', '张小三向李四支付疏通费用的一半计300元']);

    const applied = await ok(APPLY, { a: agreement.id }, 'mediator');
    expect(applied.applyForJudicialConfirmation).toMatchObject({ judicialConfirmationRuling: null });
    const due = await dueAtCourt(agreement.id);
    // No court case: the court competent is 兴化市 (321281), where the committee sits; the docking is the application's own.
    expect(due).toMatchObject({ courtCaseId: null, status: 'APPLIED', mediationOrganization: '戴南镇人民调解委员会', regionCode: '321281' });
    expect(due.dockingId).not.toBe(transferId);
    const caseNumber = await confirm(due.id as string, agreement.id);

    // The hub: the transfer's dispute carries the application and the ruling on the application's docking.
    // The ruling is relayed on the police's hand-over too: the agency that started the case learns the outcome.
    const transfer = await until('the ruling on the transfer in the hub ledger', async () => {
      const docking = (await ok(LEDGER, { id: transferId }, 'hub-coordinator')).docking as Row | null;
      return docking && (docking.timeline as Row[]).some((e) => e.type === 'JudicialConfirmationRuled') ? docking : null;
    });
    expect(transfer.disputeId).toBeTruthy();
    // The session the committee held is on the hand-over's timeline too (it counts as a 三三制 attempt at the hub).
    expect((transfer.timeline as Row[]).map((e) => e.type)).toEqual([
      'DockingRequested',
      'DockingAccepted',
      'MediationSessionRecorded',
      'MediationConcluded',
      'JudicialConfirmationRuled',
    ]);
    // The police's transfer record shows the ruling (the relayed copy, kept on its hand-over).
    const TRANSFER = `query($id: ID!) { policeIncident(id: $id) { transfers { dockingId judicialConfirmation {
      ruling caseNumber ruledAt reason enforcementCaseNumber enforcementAppliedAt } } } }`;
    const confirmationOnTransfer = async () =>
      ((await ok(TRANSFER, { id: incident.id }, 'police-officer')).policeIncident.transfers as Row[]).find((t) => t.dockingId === transferId)!
        .judicialConfirmation as Row | null;
    const onTransfer = await until('the ruling on the police transfer', confirmationOnTransfer);
    expect(onTransfer).toMatchObject({
      ruling: 'CONFIRMED',
      caseNumber,
      reason: '调解协议系双方自愿达成,内容合法,确认有效',
      enforcementCaseNumber: null,
      enforcementAppliedAt: null,
    });
    expect(onTransfer.ruledAt).toBeTruthy();
    const ledger = await ledgerOf(due.dockingId as string);
    expect(ledger).toMatchObject({
      kind: 'COURT',
      mode: 'CONFIRMATION',
      fromAgency: 'JUSTICE',
      toAgency: 'COURT',
      fromOrganizationName: '戴南镇人民调解委员会',
      disputeId: transfer.disputeId,
    });
    expect((ledger.timeline as Row[]).map((e) => e.type)).toEqual(['JudicialConfirmationRequested', 'JudicialConfirmationRuled']);
    expect(ledger.timeline[1].summary).toContain(caseNumber);
    // The court's record names the dispute too (the dispute view finds the confirmation).
    const [record] = await sql('court', 'select dispute_id from judicial_confirmation where id = ?', [due.id]);
    expect(record!.dispute_id).toBe(transfer.disputeId);

    // 李四 does not perform: enforcement of the confirmed agreement is relayed onto the transfer as well.
    const enforced = await ok(
      'mutation($id: ID!) { applyForEnforcement(confirmationId: $id, applicantName: "张小三", unperformedTerms: "李四逾期未疏通沟渠") { caseNumber } }',
      { id: due.id },
      'court-staff',
    );
    const withEnforcement = await until('the enforcement on the police transfer', async () => {
      const c = await confirmationOnTransfer();
      return c?.enforcementCaseNumber ? c : null;
    });
    expect(withEnforcement).toMatchObject({ ruling: 'CONFIRMED', enforcementCaseNumber: enforced.applyForEnforcement.caseNumber });
  });

  it('a direct application to the committee: confirmed the same way, on its dispute', async () => {
    const dispute = demoDisputes().find((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
    const registered = await ok(
      'mutation($input: MediationApplicationInput!) { registerMediationApplication(input: $input) { id disputeId } }',
      {
        input: {
          disputeId: dispute.id,
          category: 'NEIGHBOURHOOD',
          summary: '相邻两户因排水沟渠堵塞互相指责',
          regionCode: `${DEMO_TOWN_DAINAN}200`,
          parties: [
            { role: 'APPLICANT', name: '王五' },
            { role: 'RESPONDENT', name: '赵六' },
          ],
        },
      },
      'mediator',
    );
    const agreement = await settle(registered.registerMediationApplication.id as string, ['赵六于七日内疏通沟渠', '王五向赵六支付疏通费用300元']);
    await ok(APPLY, { a: agreement.id }, 'mediator');
    const due = await dueAtCourt(agreement.id);
    expect(due).toMatchObject({ courtCaseId: null, disputeId: dispute.id, regionCode: '321281' });
    await confirm(due.id as string, agreement.id);
    const ledger = await ledgerOf(due.dockingId as string);
    expect(ledger).toMatchObject({ mode: 'CONFIRMATION', disputeId: dispute.id });
  });

  it('refuses a late application, bad input and a matter the court may not confirm, with their reasons, writing nothing', async () => {
    const register = async (names: [string, string]) =>
      (
        await ok(
          'mutation($input: MediationApplicationInput!) { registerMediationApplication(input: $input) { id } }',
          {
            input: {
              category: 'MARRIAGE_FAMILY',
              summary: '亲属之间因抚养及费用问题发生争执',
              regionCode: `${DEMO_TOWN_DAINAN}200`,
              parties: [
                { role: 'APPLICANT', name: names[0] },
                { role: 'RESPONDENT', name: names[1] },
              ],
            },
          },
          'mediator',
        )
      ).registerMediationApplication.id as string;
    const requests = async () => (await sql('justice', `select count(*)::int as n from docking_outbox where type = 'JudicialConfirmationRequested'`))[0]!.n;

    // Past the 30 days: refused at the committee with the deadline; nothing is sent.
    const late = await settle(await register(['钱七', '孙八']), ['孙八于七日内支付费用300元']);
    await sql('justice', `update mediation_agreement set confirmation_deadline = '2026-01-01' where id = ?`, [late.id]);
    const before = await requests();
    const lateErrors = (await q(APPLY, { a: late.id }, 'mediator')).errors!;
    expect(lateErrors[0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'agreementId' });
    expect(lateErrors[0]!.message).toContain('超过申请司法确认的期限');
    // Bad input and another agency: coded, nothing written.
    expect((await q(APPLY, { a: 'not-a-uuid' }, 'mediator')).errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'agreementId' });
    expect((await q(APPLY, { a: late.id }, 'police-officer')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await requests()).toBe(before);
    const [untouched] = await sql('justice', 'select confirmation_applied_at from mediation_agreement where id = ?', [late.id]);
    expect(untouched!.confirmation_applied_at).toBeNull();

    // An adoption matter reaches the court, which may not accept it: NOT_ELIGIBLE with the reason, then 不予受理 back to the agreement.
    const excluded = await settle(await register(['周九', '吴十']), ['双方同意解除收养关系,吴十于七日内返还抚养费300元']);
    await ok(APPLY, { a: excluded.id }, 'mediator');
    expect((await q(APPLY, { a: excluded.id }, 'mediator')).errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    const due = await dueAtCourt(excluded.id);
    const refusedAccept = (await q('mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { status } }', { id: due.id }, 'court-staff')).errors!;
    expect(refusedAccept[0]!.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: ['EXCLUDED_MATTER_ADOPTION'] });
    const refused = await ok('mutation($id: ID!) { refuseJudicialConfirmation(id: $id) { status refusalReasons } }', { id: due.id }, 'court-staff');
    expect(refused.refuseJudicialConfirmation).toMatchObject({ status: 'REFUSED', refusalReasons: ['EXCLUDED_MATTER_ADOPTION'] });
    const onAgreement = await until('the refusal on the agreement', async () => {
      const a = (await ok(AGREEMENT, { id: excluded.id }, 'mediator')).mediationAgreement as Row;
      return a.judicialConfirmationRuling ? a : null;
    });
    expect(onAgreement).toMatchObject({ judicialConfirmationRuling: 'REFUSED', judicialConfirmationCaseNumber: null });
    expect(onAgreement.judicialConfirmationReason).toContain('收养');
  });
});

// A mediator of 戴南镇人民调解委员会 works a case from the inbox to the return visit, through the gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

describe('justice journey through the gateway', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown> = {}, as: string | null = 'mediator'): Promise<Gql> => {
    const { body } = await stack.query(query, variables, as);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body as Gql;
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  it('accepts a case, records two sessions and a signed agreement, prints it, and records performance on a return visit', async () => {
    // Dispute 26 (戴南镇) waits in the committee's inbox.
    const dispute = demoDisputes().find((d) => d.n === 26)!;
    const caseId = demoId('mediation-case', 26);
    const inbox = await q('{ mediationInbox(first: 50) { edges { node { id caseNumber organizationName } } } }');
    expect(inbox.data!.mediationInbox.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(caseId);

    const accepted = await q('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status mediatorName dueAt } }', { c: caseId });
    expect(accepted.data!.acceptMediationCase).toMatchObject({ status: 'ACCEPTED', mediatorName: '顾秀英' });

    const before = Date.now();
    for (const focus of ['责任认定', '赔偿数额']) {
      await q('mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }', {
        input: {
          caseId,
          heldAt: new Date().toISOString(),
          place: '戴南镇人民调解委员会调解室',
          participants: dispute.parties.map((p) => p.name),
          focus,
          opinions: '双方陈述各自意见',
        },
      });
    }
    const view = await q('query($id: ID!) { mediationCase(id: $id) { status sessions { sequence } parties { id name } } }', { id: caseId });
    expect(view.data!.mediationCase.status).toBe('IN_SESSION');
    expect(view.data!.mediationCase.sessions).toEqual([{ sequence: 1 }, { sequence: 2 }]);
    const parties = view.data!.mediationCase.parties as { id: string; name: string }[];
    expect(parties.map((p) => p.name)).toEqual(dispute.parties.map((p) => p.name));

    const deadline = new Date(before + 20 * 86_400_000).toISOString().slice(0, 10);
    const recorded = await q('mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id number } }', {
      input: {
        caseId,
        form: 'WRITTEN',
        facts: `${dispute.summary}。`,
        mattersInDispute: '赔偿数额',
        responsibilities: '被申请人承担主要责任',
        terms: [`${dispute.parties[1]!.name}赔偿${dispute.parties[0]!.name}人民币2000元`],
        performanceMethod: '银行转账',
        performanceDeadline: deadline,
        amount: 2000,
      },
    });
    const agreement = recorded.data!.recordMediationAgreement as { id: string; number: string };
    const signed = await q('mutation($input: SignMediationAgreementInput!) { signMediationAgreement(input: $input) { effectiveDate confirmationDeadline } }', {
      input: { agreementId: agreement.id, signatures: parties.map((p) => ({ partyId: p.id, method: 'SIGNATURE' })), mediatorSigned: true, sealed: true },
    });
    expect(signed.data!.signMediationAgreement.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(signed.data!.signMediationAgreement.confirmationDeadline) - Date.parse(signed.data!.signMediationAgreement.effectiveDate)).toBe(
      30 * 86_400_000,
    );

    const printed = await q('query($id: ID!) { mediationAgreementDocument(id: $id) }', { id: agreement.id });
    const html = printed.data!.mediationAgreementDocument as string;
    for (const text of [
      '人民调解协议书',
      agreement.number,
      dispute.parties[0]!.name,
      dispute.parties[1]!.name,
      '人民币2000元',
      '(签名、盖章或按指印)',
      '人民调解员(签名)',
      '(印章)',
      '本协议一式三份',
    ]) {
      expect(html).toContain(text);
    }

    const joined = await q(
      'query($id: ID!) { dispute(id: $id) { id mediations { id status outcome agreement { performanceStatus } returnVisits { id status } } } }',
      { id: dispute.id },
    );
    const mediation = joined.data!.dispute.mediations[0];
    expect(mediation).toMatchObject({ id: caseId, status: 'CONCLUDED', outcome: 'AGREEMENT', agreement: { performanceStatus: 'PENDING' } });
    const visit = await q('mutation($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { status performance } }', {
      input: { returnVisitId: mediation.returnVisits[0].id, method: 'PHONE', performance: 'PERFORMED', satisfaction: 'SATISFIED', notes: '款项已到账' },
    });
    expect(visit.data!.recordReturnVisit).toEqual({ status: 'DONE', performance: 'PERFORMED' });
    const after = await q('query($id: ID!) { dispute(id: $id) { mediations { agreement { performanceStatus } } } }', { id: dispute.id }, 'leader');
    expect(after.data!.dispute.mediations[0].agreement.performanceStatus).toBe('PERFORMED');
  });

  it('publishes the rosters to anonymous callers through the gateway', async () => {
    const { data } = await q('{ mediationOrganizations(regionCode: "321281123") { totalCount edges { node { name mediators { name } } } } }', {}, null);
    expect(data!.mediationOrganizations.totalCount).toBeGreaterThanOrEqual(5);
    expect(data!.mediationOrganizations.edges.map((e: { node: { name: string } }) => e.node.name)).toContain('戴南镇人民调解委员会');
  });
});

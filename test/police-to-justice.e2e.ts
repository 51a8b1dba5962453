// 公调 end to end through the gateway: a police officer transfers an incident's civil dispute to
// 戴南镇人民调解委员会; the committee's mediator finds it in the inbox, accepts, mediates and signs an
// agreement; the outcome flows back by docking events and the officer sees it on the incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const DAINAN = '321281123';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

/** Waits for a condition (events travel asynchronously), failing after a timeout; never a fixed sleep. */
describe("公调 through the gateway: police → people's mediation → outcome back on the incident", () => {
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
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('carries a transfer from the officer to the committee and the agreement back to the officer', async () => {
    // A demo incident in 戴南镇 still with the police (dispatched, neither mediated by them nor transferred).
    const police = stack.subgraphs.police!.orm.em.getConnection();
    const [incident] = await police.execute<{ id: string }[]>(
      `select id from police_incident i where region_code like ? and not exists (select 1 from docking_outgoing t where t.record_id = i.id::text)
       and not exists (select 1 from police_mediation m where m.incident_id = i.id) order by id limit 1`,
      [`${DAINAN}%`],
    );
    await police.execute(`update police_incident set status = 'DISPATCHED' where id = ?`, [incident!.id]);

    const sent = await ok(
      `mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId status } }`,
      {
        id: incident!.id,
        input: {
          receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
          reason: '邻里排水纠纷,不属于治安案件,双方同意人民调解',
          parties: [
            { role: 'APPLICANT', name: '张小三', phone: '13812345678' },
            { role: 'RESPONDENT', name: '李四' },
          ],
        },
      },
      'police-officer',
    );
    const { dockingId } = sent.transferToMediation as { dockingId: string };

    // The committee's inbox shows it once the event has arrived.
    const inboxed = await until("the transfer in the mediator's inbox", async () => {
      const data = await ok(
        '{ mediationInbox(first: 50) { edges { node { id dockingId status source mode sourceUnitName parties { name } } } } }',
        {},
        'mediator',
      );
      return (data.mediationInbox.edges as { node: Record<string, any> }[]).map((e) => e.node).find((n) => n.dockingId === dockingId); // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path
    });
    expect(inboxed).toMatchObject({ status: 'PENDING', source: 'POLICE', mode: 'TRANSFER', parties: [{ name: '张小三' }, { name: '李四' }] });
    const caseId = inboxed.id as string;

    const accepted = await ok('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status caseNumber mediatorName } }', { c: caseId }, 'mediator');
    expect(accepted.acceptMediationCase).toMatchObject({ status: 'ACCEPTED', mediatorName: '顾秀英' });
    const { caseNumber } = accepted.acceptMediationCase as { caseNumber: string };
    await ok(
      'mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }',
      {
        input: {
          caseId,
          heldAt: new Date().toISOString(),
          place: '戴南派出所驻所人民调解室',
          participants: ['张小三', '李四', '顾秀英'],
          focus: '排水沟渠疏通及费用分担',
          opinions: '双方同意疏通沟渠,费用各半',
        },
      },
      'mediator',
    );
    const performBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const recorded = await ok(
      'mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id number effectiveDate } }',
      {
        input: {
          caseId,
          form: 'WRITTEN',
          facts: '双方房屋相邻,共用排水沟渠,沟渠堵塞致积水。',
          mattersInDispute: '沟渠疏通及费用分担',
          responsibilities: '双方均有维护责任',
          terms: ['李四于七日内疏通沟渠', '张小三向李四支付疏通费用的一半计300元'],
          performanceMethod: '现场疏通,现金支付',
          performanceDeadline: performBy,
          amount: 300,
        },
      },
      'mediator',
    );
    const agreement = recorded.recordMediationAgreement as { id: string; number: string; effectiveDate: string | null };
    expect(agreement.effectiveDate).toBeNull();
    const view = await ok('query($id: ID!) { mediationCase(id: $id) { parties { id } } }', { id: caseId }, 'mediator');
    const signed = await ok(
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
    expect(signed.signMediationAgreement.effectiveDate).toBeTruthy();

    // 信息反馈: the officer sees the outcome on the incident, through the gateway.
    const INCIDENT = 'query($id: ID!) { policeIncident(id: $id) { status transfers { dockingId status outcome outcomeSummary mediationCaseNumber } } }';
    const seen = await until('the outcome on the incident', async () => {
      const data = await ok(INCIDENT, { id: incident!.id }, 'police-officer');
      const transfer = (data.policeIncident.transfers as Record<string, string | null>[]).find((t) => t.dockingId === dockingId);
      // The incident and its transfers are read by two statements: wait until both show the outcome
      // (the event may commit between them).
      return transfer?.status === 'CONCLUDED' && data.policeIncident.status === 'CLOSED' ? data.policeIncident : null;
    });
    expect(seen.status).toBe('CLOSED');
    const transfer = (seen.transfers as Record<string, string | null>[]).find((t) => t.dockingId === dockingId);
    expect(transfer).toMatchObject({ status: 'CONCLUDED', outcome: 'AGREEMENT', mediationCaseNumber: caseNumber });
    expect(transfer!.outcomeSummary).toContain(agreement.number);

    // The hub's ledger, built from its copies of the events: the timeline from both sides and its clocks.
    const LEDGER = `query($id: ID!) { docking(id: $id) {
      id kind mode status fromAgency toAgency sentAt acceptBy concludeBy confirmBy concludedAt outcome
      timeline { type at }
      policeTransfer { status outcome }
      mediation { caseNumber status }
    } }`;
    const ledger = await until('the concluded docking in the ledger', async () => {
      const data = await ok(LEDGER, { id: dockingId }, 'hub-coordinator');
      const docking = data.docking as Record<string, unknown> | null;
      return docking && docking.status === 'CONCLUDED' ? docking : null;
    });
    expect(ledger).toMatchObject({
      kind: 'POLICE',
      mode: 'TRANSFER',
      fromAgency: 'POLICE',
      toAgency: 'JUSTICE',
      outcome: 'SETTLED',
      policeTransfer: { status: 'CONCLUDED', outcome: 'AGREEMENT' },
    });
    // The hub reads the ledger, not the committee's case file; the officer, the other side, sees the case.
    expect(ledger.mediation).toBeNull();
    const asOfficer = await ok(LEDGER, { id: dockingId }, 'police-officer');
    expect((asOfficer.docking as { mediation: unknown }).mediation).toMatchObject({ caseNumber });
    expect((ledger.timeline as { type: string }[]).map((e) => e.type)).toEqual([
      'DockingRequested',
      'DockingAccepted',
      'MediationSessionRecorded',
      'MediationConcluded',
    ]);
    const day = 86_400_000;
    const sentAt = Date.parse(ledger.sentAt as string);
    expect(Date.parse(ledger.acceptBy as string) - sentAt).toBe(3 * day);
    expect(Date.parse(ledger.concludeBy as string) - sentAt).toBe(30 * day);
    expect(ledger.confirmBy).toBeTruthy();
    // The dispute the hub registered from the docking shows it too.
    const DISPUTE = 'query($id: ID!) { docking(id: $id) { disputeId } }';
    const { docking } = await ok(DISPUTE, { id: dockingId }, 'hub-coordinator');
    expect((docking as { disputeId: string | null }).disputeId).toBeTruthy();
  });
});

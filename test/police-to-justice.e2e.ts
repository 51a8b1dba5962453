// 公调 end to end through the gateway: a police officer transfers an incident's civil dispute to
// 戴南镇人民调解委员会; the committee's mediator finds it in the inbox, accepts, mediates and signs an
// agreement; the outcome flows back by docking events and the officer sees it on the incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { journeys, startStack, type Journeys, type Stack, until } from '@jiefen/testing';

const DAINAN = '321281123';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

describe("公调 through the gateway: police → people's mediation → outcome back on the incident", () => {
  let stack: Stack;
  let j: Journeys;
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
    j = journeys(stack);
  });
  afterAll(() => stack?.stop());

  it('carries a transfer from the officer to the committee and the agreement back to the officer', async () => {
    // A demo incident in 戴南镇 still with the police (dispatched, neither mediated by them nor transferred).
    const incident = { id: await j.police.demoIncident(DAINAN) };
    const { dockingId } = await j.police.transfer(incident.id);

    // The committee's inbox shows it once the event has arrived.
    const inboxed = await j.mediator.inboxed(dockingId);
    expect(inboxed).toMatchObject({ status: 'PENDING', source: 'POLICE', mode: 'TRANSFER', parties: [{ name: '张小三' }, { name: '李四' }] });
    const caseId = inboxed.id as string;

    const accepted = await j.mediator.accept(caseId);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', mediatorName: '顾秀英' });
    const caseNumber = accepted.caseNumber as string;
    await j.mediator.session(caseId, '排水沟渠疏通及费用分担', { place: '戴南派出所驻所人民调解室', opinions: '双方同意疏通沟渠,费用各半' });
    const agreement = await j.mediator.recordAgreement(caseId);
    expect(agreement.effectiveDate).toBeNull();
    const signed = await j.mediator.sign(caseId, agreement.id);
    expect(signed.effectiveDate).toBeTruthy();

    // 信息反馈: the officer sees the outcome on the incident, through the gateway.
    const INCIDENT = 'query($id: ID!) { policeIncident(id: $id) { status transfers { dockingId status outcome outcomeSummary mediationCaseNumber } } }';
    const seen = await until('the outcome on the incident', async () => {
      const data = await ok(INCIDENT, { id: incident.id }, 'police-officer');
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

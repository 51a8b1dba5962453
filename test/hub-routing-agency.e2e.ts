// 分流转办 to a government department through the gateway: the hub routes a registered dispute to the
// police station (a public-security matter) by its 统一社会信用代码; after 一次性告知 and consent it
// lands in the police's 转办件 inbox; the police decline it (not a public-security matter), the
// dispute comes back to the hub, which routes it again to a village committee that accepts it. A
// petition matter routed to 信访局 is accepted and concluded the same way, and the hub follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@jiefen/auth';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const VILLAGE = '321281123200'; // a village of 戴南镇
const POLICE_STATION = '11321281014090020U'; // 兴化市公安局戴南派出所 (the `police-officer` persona's)
const PETITION_BUREAU = '11321281014090039Q'; // 兴化市信访局 (the `petition-officer` persona's)

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
type Gql = { data?: Node | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const DISPUTE = `query($id: ID!) { dispute(id: $id) {
  status responsibleUnit { kind code agency }
  handling { timeline { type fromStatus toStatus summary } }
  dockings { id kind status fromAgency toAgency toOrganizationCode outcomeSummary timeline { type } }
} }`;
const TRANSFER = 'id dockingId disputeId disputeNumber status caseNumber summary parties rejectionReason outcome';

describe('分流转办 to an agency through the gateway: hub → police → declined → hub → village committee', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown>, as: string | Caller): Promise<Gql> => {
    const { status, body } = await stack.query(query, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as Gql;
  };
  const ok = async (query: string, variables: Record<string, unknown>, as: string | Caller = 'hub-coordinator') => {
    const body = await q(query, variables, as);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };
  const step = async (field: string, inputType: string, input: Record<string, unknown>) =>
    (await ok(`mutation($input: ${inputType}!) { ${field}(input: $input) { id status } }`, { input }))[field] as { id: string; status: string };
  const dispute = async (id: string) => (await ok(DISPUTE, { id })).dispute as Node;
  const register = async (summary: string) =>
    (
      await step('registerDispute', 'RegisterDisputeInput', {
        category: 'NEIGHBOURHOOD',
        channel: 'WINDOW',
        summary,
        regionCode: VILLAGE,
        peopleInvolved: 2,
        parties: [
          { role: 'APPLICANT', name: '王大民', phone: '13912345678' },
          { role: 'RESPONDENT', name: '赵小二' },
        ],
      })
    ).id;
  const notifyAndConsent = async (disputeId: string) => {
    await step('notifyParties', 'NotifyPartiesInput', { disputeId, serviceItemCodes: ['FW-001'], form: 'WRITTEN' });
    return step('recordConsent', 'RecordDisputeConsentInput', { disputeId, consented: true });
  };
  const transfers = async (field: string, as: string) =>
    ((await ok(`{ ${field}(first: 100) { edges { node { ${TRANSFER} } } } }`, {}, as))[field].edges as { node: Node }[]).map((e) => e.node);

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police', 'petition'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('hands a consented dispute to the police station; declined, it returns to the hub and goes to a village committee that accepts it', async () => {
    const disputeId = await register('两户因院墙排水争执,一方称遭对方推搡,要求公安处理');
    await step('routeDispute', 'RouteDisputeInput', {
      disputeId,
      unitKind: 'AGENCY',
      agency: 'POLICE',
      receiver: { creditCode: POLICE_STATION, name: '兴化市公安局戴南派出所' },
      tier: 'TOWN',
      method: 'ADMINISTRATIVE_MEDIATION',
      reason: '涉及推搡,疑属治安纠纷,分流公安处理',
    });
    expect((await dispute(disputeId)).dockings).toEqual([]);
    expect(await notifyAndConsent(disputeId)).toMatchObject({ status: 'IN_MEDIATION' });
    const [docking] = (await dispute(disputeId)).dockings as Node[];
    expect(docking).toMatchObject({ kind: 'HUB', status: 'SENT', fromAgency: 'GOVERNANCE', toAgency: 'POLICE', toOrganizationCode: POLICE_STATION });

    // In the police's 转办件 inbox, in full for the officer; not in the petition bureau's.
    const inboxed = await until("the hand-over in the police's inbox", async () =>
      (await transfers('policeHubTransfers', 'police-officer')).find((t) => t.dockingId === docking!.id),
    );
    expect(inboxed).toMatchObject({ disputeId, status: 'RECEIVED', parties: ['APPLICANT:王大民 13912345678', 'RESPONDENT:赵小二'] });
    expect((await transfers('petitionHubTransfers', 'petition-officer')).some((t) => t.dockingId === docking!.id)).toBe(false);

    // Another agency's staff may not answer it; a decline needs a reason; accepted twice is illegal.
    const foreign = await q('mutation($id: ID!) { acceptPoliceHubTransfer(id: $id) { id } }', { id: inboxed.id }, 'petition-officer');
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await q('mutation($id: ID!) { rejectPoliceHubTransfer(id: $id, reason: " ") { id } }', { id: inboxed.id }, 'police-officer');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });

    const declined = await ok(
      `mutation($id: ID!) { rejectPoliceHubTransfer(id: $id, reason: "经查不属于治安案件,系邻里排水纠纷,建议人民调解") { ${TRANSFER} } }`,
      { id: inboxed.id },
      'police-officer',
    );
    expect(declined.rejectPoliceHubTransfer).toMatchObject({ status: 'REJECTED', rejectionReason: '经查不属于治安案件,系邻里排水纠纷,建议人民调解' });
    const again = await q('mutation($id: ID!) { acceptPoliceHubTransfer(id: $id) { id } }', { id: inboxed.id }, 'police-officer');
    expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');

    // Back at the hub: the hand-over refused, the dispute handed back for re-routing.
    const back = await until('the dispute handed back to the hub', async () => {
      const d = await dispute(disputeId);
      return (d.dockings as Node[])[0]!.status === 'REJECTED' && d.status === 'ROUTED' ? d : null;
    });
    expect((back.handling.timeline as Node[]).at(-1)).toMatchObject({ type: 'HAND_BACK', fromStatus: 'IN_MEDIATION', toStatus: 'ROUTED' });
    expect((back.handling.timeline as Node[]).at(-1)!.summary).toContain('经查不属于治安案件');

    // Routed again, to the village committee of the roster: handed over at once (consent on record) and accepted.
    const roster = await ok(
      'query($r: String) { mediationOrganizations(first: 5, regionCode: $r, type: VILLAGE_RESIDENTS_COMMITTEE) { edges { node { id code name } } } }',
      { r: VILLAGE },
    );
    const committee = (roster.mediationOrganizations.edges as { node: { id: string; code: string; name: string } }[])[0]!.node;
    // Its mediator in term, from the public roster (the one who accepts the case).
    const staff = await ok('query($o: ID!) { mediators(first: 1, organizationId: $o, inTerm: true) { edges { node { id } } } }', { o: committee.id });
    const mediatorId = (staff.mediators.edges as { node: { id: string } }[])[0]!.node.id;
    const villageMediator: Caller = {
      subject: 'mediator-village-agency-e2e',
      name: '村调解员',
      agency: 'JUSTICE',
      organization: committee.code,
      roles: ['MEDIATOR'],
      jurisdiction: VILLAGE,
    };
    expect(
      await step('routeDispute', 'RouteDisputeInput', {
        disputeId,
        unitKind: 'MEDIATION_ORGANIZATION',
        receiver: { creditCode: committee.code, name: committee.name },
        tier: 'VILLAGE',
        reason: '公安退回:邻里排水纠纷,适宜村级调解',
      }),
    ).toMatchObject({ status: 'IN_MEDIATION' });
    const rerouted = (await dispute(disputeId)).dockings as Node[];
    expect(rerouted.map((d) => [d.toAgency, d.status])).toEqual(
      expect.arrayContaining([
        ['POLICE', 'REJECTED'],
        ['JUSTICE', 'SENT'],
      ]),
    );
    const toCommittee = rerouted.find((d) => d.toAgency === 'JUSTICE')!;
    const inCommitteeInbox = await until("the hand-over in the village committee's inbox", async () => {
      const data = await ok('{ mediationInbox(first: 50) { edges { node { id dockingId status } } } }', {}, villageMediator);
      return (data.mediationInbox.edges as { node: Node }[]).map((e) => e.node).find((n) => n.dockingId === toCommittee.id);
    });
    await ok(
      'mutation($c: ID!, $m: ID) { acceptMediationCase(caseId: $c, mediatorId: $m) { status } }',
      { c: inCommitteeInbox.id, m: mediatorId },
      villageMediator,
    );
    const accepted = await until('the acceptance at the hub', async () => {
      const d = await dispute(disputeId);
      return (d.dockings as Node[]).find((x) => x.id === toCommittee.id)?.status === 'ACCEPTED' ? d : null;
    });
    expect(accepted.status).toBe('IN_MEDIATION');
  });

  it('a petition matter routed to 信访局 is accepted and concluded there; the hub follows the outcome', async () => {
    const disputeId = await register('村民反映征地补偿款发放不公,多次到镇政府反映未果');
    await step('routeDispute', 'RouteDisputeInput', {
      disputeId,
      unitKind: 'AGENCY',
      agency: 'PETITION',
      receiver: { creditCode: PETITION_BUREAU, name: '兴化市信访局' },
      tier: 'COUNTY',
      method: 'ADMINISTRATIVE_MEDIATION',
      reason: '涉及征地补偿的信访事项,转信访局依法办理',
    });
    await notifyAndConsent(disputeId);
    const [docking] = (await dispute(disputeId)).dockings as Node[];
    const inboxed = await until("the hand-over in the petition bureau's inbox", async () =>
      (await transfers('petitionHubTransfers', 'petition-officer')).find((t) => t.dockingId === docking!.id),
    );
    const accepted = await ok(`mutation($id: ID!) { acceptPetitionHubTransfer(id: $id) { ${TRANSFER} } }`, { id: inboxed.id }, 'petition-officer');
    expect(accepted.acceptPetitionHubTransfer.caseNumber).toBe(`信访局转${inboxed.disputeNumber}`);
    await until('the acceptance at the hub', async () => ((await dispute(disputeId)).dockings as Node[])[0]!.status === 'ACCEPTED');
    await ok(
      'mutation($id: ID!) { concludePetitionHubTransfer(id: $id, outcome: "AGREEMENT", summary: "经协调,镇政府补发补偿款,信访人息诉罢访") { status } }',
      { id: inboxed.id },
      'petition-officer',
    );
    const resolved = await until('the outcome at the hub', async () => {
      const d = await dispute(disputeId);
      return d.status === 'RESOLVED' ? d : null;
    });
    expect((resolved.dockings as Node[])[0]).toMatchObject({ status: 'CONCLUDED', toAgency: 'PETITION' });
  });
});

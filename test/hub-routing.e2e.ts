// 分流转办 through the gateway: the hub routes a registered dispute to a village committee of the
// roster; after 一次性告知 and consent it lands in that committee's inbox; the committee's refusal
// returns it to the hub, which routes it again; an unknown organization refuses it at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@jiefen/auth';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const VILLAGE = '321281123200'; // a village of 戴南镇
const TOWN_COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会 (the `mediator` persona's)
const UNKNOWN_COMMITTEE = '54321281MJ9999990H'; // a well-formed 统一社会信用代码 on nobody's roster

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
type Gql = { data?: Node | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const DISPUTE = `query($id: ID!) { dispute(id: $id) {
  status version
  handling { consent timeline { type fromStatus toStatus summary } }
  dockings { id kind mode status outcome fromAgency toAgency toOrganizationCode outcomeSummary sentAt acceptBy concludeBy timeline { type } }
} }`;

describe('分流转办 through the gateway: hub → village committee, refusal back to the hub', () => {
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
  const hubHandOvers = () =>
    stack.subgraphs.governance!.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from docking_outgoing where from_agency = 'GOVERNANCE'`);

  async function registerInVillage(summary: string): Promise<string> {
    const registered = await step('registerDispute', 'RegisterDisputeInput', {
      category: 'NEIGHBOURHOOD',
      channel: 'WINDOW',
      summary,
      regionCode: VILLAGE,
      peopleInvolved: 2,
      parties: [
        { role: 'APPLICANT', name: '王大民', phone: '13912345678' },
        { role: 'RESPONDENT', name: '赵小二' },
      ],
    });
    return registered.id;
  }
  const route = (disputeId: string, unitCode: string, unitName: string) =>
    step('routeDispute', 'RouteDisputeInput', {
      disputeId,
      unitKind: 'MEDIATION_ORGANIZATION',
      unitName,
      unitCode,
      tier: 'VILLAGE',
      reason: '邻里纠纷,适宜村级调解',
    });
  const notifyAndConsent = async (disputeId: string) => {
    await step('notifyParties', 'NotifyPartiesInput', { disputeId, serviceItemCodes: ['FW-001'], form: 'WRITTEN' });
    return step('recordConsent', 'RecordDisputeConsentInput', { disputeId, consented: true });
  };
  const inboxOf = async (as: string | Caller, dockingId: string) => {
    const data = await ok('{ mediationInbox(first: 50) { edges { node { id dockingId status source mode disputeId parties { name } } } } }', {}, as);
    return (data.mediationInbox.edges as { node: Node }[]).map((e) => e.node).find((n) => n.dockingId === dockingId) ?? null;
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('hands a consented dispute to the village committee; the refusal returns it; routed again it is handed over at once', async () => {
    // The village committee, from the published roster (the hub names it by its 统一社会信用代码).
    const roster = await ok(
      'query($r: String) { mediationOrganizations(first: 5, regionCode: $r, type: VILLAGE_RESIDENTS_COMMITTEE) { edges { node { code name } } } }',
      {
        r: VILLAGE,
      },
    );
    const committee = (roster.mediationOrganizations.edges as { node: { code: string; name: string } }[])[0]!.node;
    const villageMediator: Caller = {
      subject: 'mediator-village-001',
      name: '村调解员',
      agency: 'JUSTICE',
      organization: committee.code,
      roles: ['MEDIATOR'],
      jurisdiction: VILLAGE,
    };

    const disputeId = await registerInVillage('相邻两户因宅基地边界围墙发生争执');
    const before = Number((await hubHandOvers())[0]!.n);
    await route(disputeId, committee.code, committee.name);
    // Routed but not yet consented: nothing is handed over (一次性告知 and consent come first).
    expect((await dispute(disputeId)).dockings).toEqual([]);
    expect(await notifyAndConsent(disputeId)).toMatchObject({ status: 'IN_MEDIATION' });
    expect(Number((await hubHandOvers())[0]!.n)).toBe(before + 1);

    // The ledger has the hand-over at once (written in the consent's transaction), with its clocks.
    const [docking] = (await dispute(disputeId)).dockings as Node[];
    expect(docking).toMatchObject({
      kind: 'HUB',
      mode: 'TRANSFER',
      status: 'SENT',
      fromAgency: 'GOVERNANCE',
      toAgency: 'JUSTICE',
      toOrganizationCode: committee.code,
      timeline: [{ type: 'DockingRequested' }],
    });
    const sentAt = Date.parse(docking!.sentAt);
    expect(Date.parse(docking!.acceptBy) - sentAt).toBe(3 * 86_400_000);
    expect(Date.parse(docking!.concludeBy) - sentAt).toBe(30 * 86_400_000);

    // It lands in the village committee's inbox, and only there.
    const inboxed = await until("the hand-over in the village committee's inbox", () => inboxOf(villageMediator, docking!.id));
    expect(inboxed).toMatchObject({
      status: 'PENDING',
      source: 'HUB_REFERRAL',
      mode: 'TRANSFER',
      disputeId,
      parties: [{ name: '王大民' }, { name: '赵小二' }],
    });
    expect(await inboxOf('mediator', docking!.id)).toBeNull();

    // The committee refuses with its reason: the hub sees the docking REJECTED and the dispute back for re-routing.
    const reason = '该纠纷涉及宅基地确权,本村调委会不宜调解,建议由镇调委会处理';
    await ok('mutation($c: ID!, $r: String!) { rejectMediationCase(caseId: $c, reason: $r) { status } }', { c: inboxed.id, r: reason }, villageMediator);
    const handedBack = await until('the refusal at the hub', async () => {
      const d = await dispute(disputeId);
      return d.status === 'ROUTED' ? d : null;
    });
    expect(handedBack.dockings[0]).toMatchObject({
      status: 'REJECTED',
      outcomeSummary: reason,
      timeline: [{ type: 'DockingRequested' }, { type: 'DockingRejected' }],
    });
    expect(handedBack.handling.consent).toBe('CONSENTED');
    expect(handedBack.handling.timeline.at(-1)).toMatchObject({ type: 'HAND_BACK', fromStatus: 'IN_MEDIATION', toStatus: 'ROUTED' });
    expect(handedBack.handling.timeline.at(-1).summary).toContain(reason);

    // Consenting again is refused (the consent is on record): coded, in Chinese, nothing written.
    const twice = await q(
      'mutation($input: RecordDisputeConsentInput!) { recordConsent(input: $input) { id } }',
      { input: { disputeId, consented: true } },
      'hub-coordinator',
    );
    expect(twice.errors![0]).toMatchObject({ message: '当事人已同意调解;接收单位退回后请重新研判分流', extensions: { code: 'ILLEGAL_TRANSITION' } });
    expect((await dispute(disputeId)).version).toBe(handedBack.version);

    // Routed again, to the town committee: its consent on record, it is handed over at once.
    expect(await route(disputeId, TOWN_COMMITTEE, '戴南镇人民调解委员会')).toMatchObject({ status: 'IN_MEDIATION' });
    const rerouted = await dispute(disputeId);
    expect(rerouted.handling.timeline.at(-1)).toMatchObject({ type: 'REROUTE', fromStatus: 'ROUTED', toStatus: 'IN_MEDIATION' });
    const second = (rerouted.dockings as Node[]).find((d) => d.id !== docking!.id)!;
    expect(second).toMatchObject({ kind: 'HUB', status: 'SENT', toOrganizationCode: TOWN_COMMITTEE });
    const townCase = await until("the hand-over in the town committee's inbox", () => inboxOf('mediator', second.id));
    const accepted = await ok('mutation($c: ID!) { acceptMediationCase(caseId: $c) { caseNumber } }', { c: townCase.id }, 'mediator');
    const noted = await until('the acceptance on the dispute', async () => {
      const d = await dispute(disputeId);
      return d.handling.timeline.at(-1).type === 'DOCKING_ACCEPTED' ? d : null;
    });
    expect(noted.status).toBe('IN_MEDIATION');
    expect(noted.handling.timeline.at(-1)).toMatchObject({ fromStatus: 'IN_MEDIATION', toStatus: 'IN_MEDIATION' });
    expect(noted.handling.timeline.at(-1).summary).toContain(accepted.acceptMediationCase.caseNumber);
    // The acceptance moves the dispute once: one timeline entry after the re-routing, not a note beside a step.
    expect(noted.handling.timeline.length).toBe(rerouted.handling.timeline.length + 1);
    expect((noted.dockings as Node[]).find((d) => d.id === second.id)).toMatchObject({ status: 'ACCEPTED' });

    // The committee's conclusion moves the dispute as every docking's outcome does (no agreement →
    // unresolved), once, and is in the ledger.
    await ok(
      'mutation($input: ConcludeMediationInput!) { concludeMediation(input: $input) { status } }',
      { input: { caseId: townCase.id, outcome: 'NO_AGREEMENT', note: '一方拒绝继续调解', partiesInformedOfLitigation: true } },
      'mediator',
    );
    const concluded = await until('the conclusion on the dispute', async () => {
      const d = await dispute(disputeId);
      return d.status === 'UNRESOLVED' ? d : null;
    });
    expect(concluded.handling.timeline.length).toBe(noted.handling.timeline.length + 1);
    expect(concluded.handling.timeline.at(-1)).toMatchObject({ type: 'DOCKING_CONCLUDED_NO_AGREEMENT', fromStatus: 'IN_MEDIATION', toStatus: 'UNRESOLVED' });
    expect(concluded.handling.timeline.at(-1).summary).toContain('一方拒绝继续调解');
    expect((concluded.dockings as Node[]).find((d) => d.id === second.id)).toMatchObject({ status: 'CONCLUDED', outcome: 'NOT_SETTLED' });
  });

  it('gets the automatic refusal back when the organization is not on the roster', async () => {
    const disputeId = await registerInVillage('村民因灌溉用水先后顺序发生纠纷');
    await route(disputeId, UNKNOWN_COMMITTEE, '不存在的调解委员会');
    expect(await notifyAndConsent(disputeId)).toMatchObject({ status: 'IN_MEDIATION' });
    const handedBack = await until('the automatic refusal at the hub', async () => {
      const d = await dispute(disputeId);
      return d.status === 'ROUTED' ? d : null;
    });
    expect(handedBack.dockings).toMatchObject([{ kind: 'HUB', status: 'REJECTED', outcomeSummary: '调解组织不存在' }]);
    expect(handedBack.handling.timeline.at(-1)).toMatchObject({ type: 'HAND_BACK', toStatus: 'ROUTED' });
  });

  it('refuses bad routing input with coded Chinese errors and writes nothing', async () => {
    const disputeId = await registerInVillage('邻居装修噪音扰民引发争执');
    const before = await dispute(disputeId);
    const handOvers = Number((await hubHandOvers())[0]!.n);
    const ROUTE = 'mutation($input: RouteDisputeInput!) { routeDispute(input: $input) { id } }';
    const input = { disputeId, unitKind: 'MEDIATION_ORGANIZATION', unitName: '某调委会', tier: 'VILLAGE', reason: '邻里纠纷' };
    const badCode = await q(ROUTE, { input: { ...input, unitCode: '54321281MJ99999901' } }, 'hub-coordinator');
    expect(badCode.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unitCode' });
    expect(badCode.errors![0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    // A unit kind outside the schema's enum is refused before any resolver runs (HTTP 400 with graphql-response+json).
    const badKind = await stack.query(ROUTE, { input: { ...input, unitKind: 'COMMITTEE' } }, 'hub-coordinator');
    expect(badKind.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // Consent before the one-time notification: refused, nothing handed over.
    await route(disputeId, TOWN_COMMITTEE, '戴南镇人民调解委员会');
    const early = await q(
      'mutation($input: RecordDisputeConsentInput!) { recordConsent(input: $input) { id } }',
      { input: { disputeId, consented: true } },
      'hub-coordinator',
    );
    expect(early.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    const after = await dispute(disputeId);
    expect(after.version).toBe(before.version + 1);
    expect(after.dockings).toEqual([]);
    expect(Number((await hubHandOvers())[0]!.n)).toBe(handOvers);
  });
});

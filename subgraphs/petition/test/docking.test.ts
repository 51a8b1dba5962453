// 访调对接 as a docking: a referral publishes DockingRequested (to justice, copied to the hub) in the
// referral's transaction; what justice sends back (signed) is applied to the petition item.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DockingEvent } from '@jiefen/docking';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { PERSONAS } from '@jiefen/auth';
import { startStack, type Stack } from '@jiefen/testing';
import { petitionSubgraph } from '../src/subgraph.js';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const FIELDS =
  'id itemNumber status dueAt handleDueAt dockingId mediationOrganization mediationOrganizationCode mediationCaseNumber referralRejectionReason mediationOutcome answer satisfaction';
const REGISTER = `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { ${FIELDS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptPetition(id: $id, handlingUnit: "兴化市人力资源和社会保障局") { ${FIELDS} } }`;
const REFER = `mutation($id: ID!, $code: String!) { referPetitionToMediation(id: $id, receiver: { creditCode: $code, name: "戴南镇人民调解委员会" }) { ${FIELDS} } }`;
const ITEM = `query($id: ID!) { petitionItem(id: $id) { ${FIELDS} } }`;
const RATE = `mutation($id: ID!) { ratePetition(id: $id, satisfaction: SATISFIED) { ${FIELDS} } }`;
type Node = Record<string, string | null>;

describe("访调 docking: referral events out, justice's answers in", () => {
  let stack: Stack;
  const person = demoPeople(340)[333]!;
  const dispute = demoDisputes().find((d) => d.agencies.petition && d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const input = {
    disputeId: dispute.id,
    form: 'LETTER',
    subject: '反映戴南镇某企业拖欠三个月工资,要求督促支付',
    regionCode: dispute.regionCode,
    category: 'LABOUR',
    petitionerName: person.name,
    petitionerIdNumber: person.idNumber,
    petitionerPhone: person.phone,
  };
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.petition!.orm.em.getConnection().execute<T[]>(query, params);
  const outboxCount = async () => Number((await sql<{ n: string }>('select count(*) as n from docking_outbox'))[0]!.n);
  const gql = async <K extends string>(query: string, variables: Record<string, unknown>, key: K, as = 'petition-officer') => {
    const { body } = await stack.querySubgraph<Record<K, Node>>('petition', query, variables, as);
    return { data: body.data?.[key] ?? null, errors: body.errors };
  };
  const registered = async () => (await gql(REGISTER, { input }, 'registerPetition')).data!.id!;
  const accepted = async () => {
    const id = await registered();
    await gql(ACCEPT, { id }, 'acceptPetition');
    return id;
  };
  const refer = async () => {
    const id = await accepted();
    const { data, errors } = await gql(REFER, { id, code: COMMITTEE }, 'referPetitionToMediation');
    expect(errors).toBeUndefined();
    return { id, dockingId: data!.dockingId! };
  };
  /** Posts an event to the petition bureau's inbox as justice would, signed with justice's key. */
  const fromJustice = async (dockingId: string, sequence: number, type: string, payload: Record<string, unknown>) => {
    const event = {
      id: randomUUID(),
      type,
      dockingId,
      sequence,
      from: 'JUSTICE',
      to: 'PETITION',
      occurredAt: new Date().toISOString(),
      payload,
    } as DockingEvent;
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: 'JUSTICE', recipient: 'PETITION', privateKey: stack.docking.keys.privateKeys.JUSTICE! });
    const response = await fetch(stack.docking.settings.endpoints.PETITION!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [petitionSubgraph], gateway: false, seed: true, hubRegister: demoDisputes() });
  });
  afterAll(() => stack?.stop());

  it('publishes DockingRequested to justice and the hub with the referral, in one transaction', async () => {
    const before = await outboxCount();
    const { id, dockingId } = await refer();
    const rows = await sql<{ recipient: string; type: string; sequence: number; payload: Record<string, unknown> }>(
      'select recipient, type, sequence, payload from docking_outbox where docking_id = ? order by recipient',
      [dockingId],
    );
    expect(rows.map((r) => [r.recipient, r.type, Number(r.sequence)])).toEqual([
      ['GOVERNANCE', 'DockingRequested', 1],
      ['JUSTICE', 'DockingRequested', 1],
    ]);
    expect(await outboxCount()).toBe(before + 2);
    expect(rows[0]!.payload).toMatchObject({
      kind: 'PETITION',
      mode: 'TRANSFER',
      // The item's category goes with the hand-over (justice counts the mediation under it).
      category: '劳动争议',
      disputeId: dispute.id,
      regionCode: dispute.regionCode,
      source: { agency: 'PETITION', recordType: 'PetitionItem', recordId: id, organizationCode: PERSONAS['petition-officer'].organization },
      target: { organizationCode: COMMITTEE, organizationName: '戴南镇人民调解委员会' },
      parties: [{ role: 'APPLICANT', name: person.name, idNumber: person.idNumber, phone: person.phone }],
    });
  });

  it('sends the respondents (被反映人) with the referral, so that the committee has both sides; bad ones are all named', async () => {
    const id = await accepted();
    const REFER_WITH = `mutation($id: ID!, $code: String!, $o: [MediationRespondentInput!]) { referPetitionToMediation(id: $id, receiver: { creditCode: $code }, respondents: $o) { ${FIELDS} } }`;
    const before = await outboxCount();
    const bad = await gql(REFER_WITH, { id, code: COMMITTEE, o: [{ name: ' ', idNumber: '321281198001011231', phone: '12' }] }, 'referPetitionToMediation');
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['respondents[0].name', 'respondents[0].idNumber', 'respondents[0].phone'],
    });
    expect(await outboxCount()).toBe(before);
    const { data } = await gql(REFER_WITH, { id, code: COMMITTEE, o: [{ name: '孙国富', phone: '13952600022' }] }, 'referPetitionToMediation');
    const [row] = await sql<{ payload: Record<string, unknown> }>('select payload from docking_outbox where docking_id = ? limit 1', [data!.dockingId]);
    expect(row!.payload.parties).toEqual([
      { role: 'APPLICANT', name: person.name, idNumber: person.idNumber, phone: person.phone },
      { role: 'RESPONDENT', name: '孙国富', idNumber: null, phone: '13952600022' },
    ]);
  });

  it('refuses an item that may not be referred, or a bad organization code, writing and publishing nothing', async () => {
    const id = await registered(); // not yet accepted
    const before = await outboxCount();
    const early = await gql(REFER, { id, code: COMMITTEE }, 'referPetitionToMediation');
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await gql(ACCEPT, { id }, 'acceptPetition');
    const badCode = await gql(REFER, { id, code: '54321281MJ12345670' }, 'referPetitionToMediation');
    expect(badCode.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'receiver.creditCode' });
    expect(await outboxCount()).toBe(before);
    expect((await gql(ITEM, { id }, 'petitionItem')).data).toMatchObject({ status: 'ACCEPTED', dockingId: null, mediationOrganization: null });
  });

  it("closes the item from justice's signed MediationConcluded; the petitioner rates it", async () => {
    const { id, dockingId } = await refer();
    await fromJustice(dockingId, 1, 'DockingAccepted', {
      acceptedAt: new Date().toISOString(),
      caseId: randomUUID(),
      caseNumber: '兴司调〔2026〕0941号',
      organizationName: '戴南镇人民调解委员会',
      mediatorName: '顾秀英',
    });
    expect((await gql(ITEM, { id }, 'petitionItem')).data).toMatchObject({ status: 'REFERRED_TO_MEDIATION', mediationCaseNumber: '兴司调〔2026〕0941号' });
    await fromJustice(dockingId, 2, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome: 'AGREEMENT',
      summary: '企业与职工达成调解协议,十日内支付拖欠工资',
      agreement: null,
    });
    expect((await gql(ITEM, { id }, 'petitionItem')).data).toMatchObject({
      status: 'CONCLUDED',
      mediationOutcome: 'SUCCEEDED',
      answer: '企业与职工达成调解协议,十日内支付拖欠工资',
      dueAt: null,
    });
    expect((await gql(RATE, { id }, 'ratePetition')).data).toMatchObject({ status: 'CONCLUDED', satisfaction: 'SATISFIED' });
  });

  it('returns a declined referral to the bureau with the reason, its handling clock running; it can be referred again', async () => {
    const { id, dockingId } = await refer();
    await fromJustice(dockingId, 1, 'DockingRejected', { rejectedAt: new Date().toISOString(), reason: '纠纷已起诉至人民法院' });
    const back = (await gql(ITEM, { id }, 'petitionItem')).data!;
    expect(back).toMatchObject({ status: 'ACCEPTED', referralRejectionReason: '纠纷已起诉至人民法院' });
    expect(back.dueAt).toBe(back.handleDueAt);
    const again = await gql(REFER, { id, code: COMMITTEE }, 'referPetitionToMediation');
    expect(again.data).toMatchObject({ status: 'REFERRED_TO_MEDIATION', referralRejectionReason: null });
    expect(again.data!.dockingId).not.toBe(dockingId);
  });
});

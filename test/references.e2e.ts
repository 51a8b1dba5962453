// References to the hub's disputes, through the gateway: an agency stores a client's dispute id only
// after the hub (which owns disputes) has confirmed it over the signed lookup `POST
// /references/disputes` — unknown ids, disputes outside the caller's jurisdiction or on another
// branch of the region tree are refused with a coded error, before any official number is taken;
// with the hub down the answer names the hub and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { DISPUTE_REFERENCES_PATH, REFERENCE_TYP, SIGNATURE_HEADER, signDelivery } from '@jiefen/docking';
import { subgraphs } from '@jiefen/schema';
import { callerOf, type Stack, startStack } from '@jiefen/testing';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
type Row = Record<string, unknown>;

const person = demoPeople(420)[411]!;
const inDainan = demoDisputes().find((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
const elsewhere = demoDisputes().find((d) => !d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;

describe('dispute references verified at the hub before they are stored', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown>, as: Parameters<Stack['query']>[2]): Promise<Gql> =>
    (await stack.query(query, variables, as)).body as Gql;
  const sql = (subgraph: string, query: string) => stack.subgraphs[subgraph]!.orm.em.fork().getConnection().execute<Row[]>(query);
  /** Every row that says what was stored or which number comes next, per agency. */
  const snapshot = async () => ({
    court: [await sql('court', 'select count(*) as n from court_case'), await sql('court', 'select * from court_number order by 1, 2, 3')],
    justice: [
      await sql('justice', 'select count(*) as n from legal_aid_case'),
      await sql('justice', 'select count(*) as n from mediation_case'),
      await sql('justice', 'select * from justice_number_counter order by 1, 2'),
    ],
    petition: [await sql('petition', 'select count(*) as n, max(item_number) as last from petition_item')],
  });

  const RECEIVE = 'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id disputeId caseNumber } }';
  const PETITION = 'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id disputeId itemNumber } }';
  const LEGAL_AID = 'mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { id disputeId } }';
  const MEDIATION = 'mutation($input: MediationApplicationInput!) { registerMediationApplication(input: $input) { id disputeId caseNumber } }';
  const court = (disputeId: string, regionCode: string) => ({
    disputeId,
    cause: '买卖合同纠纷',
    regionCode,
    plaintiffName: person.name,
    plaintiffIdNumber: person.idNumber,
    plaintiffPhone: person.phone,
    defendantName: '李四',
  });
  const petition = (disputeId: string, regionCode: string) => ({
    disputeId,
    form: 'VISIT',
    subject: '反映某企业拖欠工资,要求督促支付',
    regionCode,
    petitionerName: person.name,
    petitionerIdNumber: person.idNumber,
  });
  const legalAid = (disputeId: string | null) => ({
    disputeId,
    applicant: { name: person.name, idNumber: person.idNumber },
    matter: '追索劳动报酬,申请指派律师代理',
    category: 'LABOUR',
    regionCode: DEMO_TOWN_DAINAN,
  });
  const mediation = (disputeId: string | null, regionCode: string) => ({
    disputeId,
    category: 'NEIGHBOURHOOD',
    summary: '相邻两户因排水沟渠堵塞互相指责',
    regionCode,
    parties: [
      { role: 'APPLICANT', name: '王五' },
      { role: 'RESPONDENT', name: '赵六' },
    ],
  });
  /** The four mutations that store a client's dispute id, with their personas. */
  const attempts = (disputeId: string, regionCode: string) => [
    { name: 'receiveCivilCase', query: RECEIVE, input: court(disputeId, regionCode), as: 'court-staff' },
    { name: 'registerPetition', query: PETITION, input: petition(disputeId, regionCode), as: 'petition-officer' },
    { name: 'applyForLegalAid', query: LEGAL_AID, input: legalAid(disputeId), as: 'legal-aid' },
    { name: 'registerMediationApplication', query: MEDIATION, input: mediation(disputeId, regionCode), as: 'mediator' },
  ];

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'court', 'petition'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('refuses a dispute id nobody registered with REFERENCE_NOT_FOUND: no row, no number spent', async () => {
    const before = await snapshot();
    for (const a of attempts(randomUUID(), inDainan.regionCode)) {
      const body = await q(a.query, { input: a.input }, a.as);
      expect(body.data?.[a.name] ?? null, a.name).toBeNull();
      expect(body.errors![0]!.extensions, a.name).toMatchObject({ code: 'REFERENCE_NOT_FOUND', field: 'disputeId' });
      expect(body.errors![0]!.message).toMatch(/综治中心没有编号为/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores a registered dispute id, and the next official number is the one a refusal did not take', async () => {
    const refused = await q(RECEIVE, { input: court(randomUUID(), inDainan.regionCode) }, 'court-staff');
    expect(refused.errors![0]!.extensions!.code).toBe('REFERENCE_NOT_FOUND');
    const first = (await q(RECEIVE, { input: court(inDainan.id, inDainan.regionCode) }, 'court-staff')).data!.receiveCivilCase;
    expect((await q(RECEIVE, { input: court(randomUUID(), inDainan.regionCode) }, 'court-staff')).errors![0]!.extensions!.code).toBe('REFERENCE_NOT_FOUND');
    const second = (await q(RECEIVE, { input: court(inDainan.id, inDainan.regionCode) }, 'court-staff')).data!.receiveCivilCase;
    const serial = (n: string) => Number(/(\d+)号$/.exec(n)![1]);
    expect(first.disputeId).toBe(inDainan.id);
    expect(serial(second.caseNumber)).toBe(serial(first.caseNumber) + 1);
    // Optional where it is optional: legal aid and a direct mediation application without a hub id still register.
    expect((await q(LEGAL_AID, { input: legalAid(null) }, 'legal-aid')).data!.applyForLegalAid.disputeId).toBeNull();
    expect((await q(MEDIATION, { input: mediation(null, `${DEMO_TOWN_DAINAN}200`) }, 'mediator')).data!.registerMediationApplication.disputeId).toBeNull();
    for (const a of attempts(inDainan.id, inDainan.regionCode)) {
      const body = await q(a.query, { input: a.input }, a.as);
      expect(body.errors, `${a.name}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      expect(body.data![a.name].disputeId).toBe(inDainan.id);
    }
  });

  it("refuses a dispute outside the caller's jurisdiction (FORBIDDEN) or on another branch than the record (regionCode)", async () => {
    const before = await snapshot();
    // Staff of 戴南镇 referring to a dispute of another town, on a record of their own town.
    const dainan = { jurisdiction: DEMO_TOWN_DAINAN };
    for (const a of attempts(elsewhere.id, inDainan.regionCode)) {
      const body = await q(a.query, { input: a.input }, callerOf(a.as, dainan));
      expect(body.errors![0]!.extensions, a.name).toMatchObject({ code: 'FORBIDDEN', field: 'disputeId' });
    }
    // County staff: the dispute is theirs, but the record is placed in another town than the dispute.
    const mismatch = await q(RECEIVE, { input: court(elsewhere.id, inDainan.regionCode) }, 'court-staff');
    expect(mismatch.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'regionCode' });
    const petitionMismatch = await q(PETITION, { input: petition(elsewhere.id, inDainan.regionCode) }, 'petition-officer');
    expect(petitionMismatch.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'regionCode' });
    expect(await snapshot()).toEqual(before);
  });

  it('answers SUBGRAPH_UNAVAILABLE naming the hub when the hub is down, writing nothing; works again once it is back', async () => {
    const before = await snapshot();
    await stack.stopSubgraph('governance');
    try {
      for (const a of attempts(inDainan.id, inDainan.regionCode)) {
        const started = Date.now();
        const body = await q(a.query, { input: a.input }, a.as);
        expect(body.errors![0]!.extensions, a.name).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'GOVERNANCE', field: 'disputeId' });
        expect(body.errors![0]!.message).toMatch(/综治中心/);
        expect(Date.now() - started).toBeLessThan(5000);
      }
      expect(await snapshot()).toEqual(before);
    } finally {
      await stack.startSubgraph('governance');
    }
    expect((await q(RECEIVE, { input: court(inDainan.id, inDainan.regionCode) }, 'court-staff')).errors).toBeUndefined();
  });

  it('answers lookups only to federation members, signed for lookups and addressed to the hub', async () => {
    const url = new URL(DISPUTE_REFERENCES_PATH, stack.subgraphs.governance!.url).toString();
    const body = JSON.stringify({ disputes: [inDainan.id, randomUUID()] });
    const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const key = stack.docking.keys.privateKeys.COURT!;
    expect((await post({})).status).toBe(401);
    // A docking event's signature (another typ) and a lookup addressed to another agency are refused.
    expect((await post({ [SIGNATURE_HEADER]: await signDelivery(body, { from: 'COURT', recipient: 'GOVERNANCE', privateKey: key }) })).status).toBe(401);
    expect(
      (await post({ [SIGNATURE_HEADER]: await signDelivery(body, { from: 'COURT', recipient: 'JUSTICE', privateKey: key, typ: REFERENCE_TYP }) })).status,
    ).toBe(401);
    const answered = await post({
      [SIGNATURE_HEADER]: await signDelivery(body, { from: 'COURT', recipient: 'GOVERNANCE', privateKey: key, typ: REFERENCE_TYP }),
    });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ disputes: [{ id: inDainan.id, regionCode: inDainan.regionCode }] });
  });
});

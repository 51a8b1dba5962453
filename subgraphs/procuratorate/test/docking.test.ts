// 检调对接 as a docking: a referral publishes DockingRequested (to justice, copied to the hub) in the
// referral's transaction; what justice sends back (signed) is applied to the case.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DockingEvent } from '@jiefen/docking';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { PERSONAS } from '@jiefen/auth';
import { startStack, type Stack } from '@jiefen/testing';
import { ProcuratorateCase } from '../src/entities/procuratorate-case.entity.js';
import { procuratorateSubgraph } from '../src/subgraph.js';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const FIELDS =
  'id status dockingId mediationOrganization mediationOrganizationCode mediationCaseNumber referralRejectionReason outcome agreementSummary decision';
const REFER = `mutation($id: ID!, $code: String!, $facts: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: { creditCode: $code }, facts: $facts) { ${FIELDS} } }`;
const REFER_CIVIL = `mutation($id: ID!, $code: String!) { referCivilSupervisionToMediation(id: $id, receiver: { creditCode: $code, name: "戴南镇人民调解委员会" }) { ${FIELDS} } }`;
const CASE = `query($id: ID!) { procuratorateCase(id: $id) { ${FIELDS} } }`;
const CONCLUDE = `mutation($id: ID!) { concludeProcuratorateCase(id: $id, decision: NO_PROSECUTION, note: "达成和解协议并已履行,犯罪情节轻微") { ${FIELDS} } }`;
const eligible = {
  charge: '故意伤害罪(轻伤)',
  arisesFromCivilDispute: true,
  likelySentenceMonths: 18,
  intentionalCrimeWithinFiveYears: false,
  suspectRepents: true,
  victimAccepts: true,
};
type Node = Record<string, string | null>;

describe("检调 docking: referral events out, justice's answers in", () => {
  let stack: Stack;
  let n = 0;
  const [victim, suspect] = demoPeople(280).slice(270, 272);
  const dispute = demoDisputes().find((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.procuratorate!.orm.em.getConnection().execute<T[]>(query, params);
  const outboxCount = async () => Number((await sql<{ n: string }>('select count(*) as n from docking_outbox'))[0]!.n);
  const gql = async <K extends string>(query: string, variables: Record<string, unknown>, key: K, as = 'procurator') => {
    const { body } = await stack.querySubgraph<Record<K, Node>>('procuratorate', query, variables, as);
    return { data: body.data?.[key] ?? null, errors: body.errors };
  };
  const received = async (kind: 'CRIMINAL_RECONCILIATION' | 'CIVIL_SUPERVISION' = 'CRIMINAL_RECONCILIATION') => {
    n += 1;
    const em = stack.subgraphs.procuratorate!.orm.em.fork();
    const c = em.create(ProcuratorateCase, {
      id: randomUUID(),
      disputeId: dispute.id,
      caseNumber: `兴检对接〔2026〕${n}号`,
      kind,
      charge: kind === 'CIVIL_SUPERVISION' ? null : '故意伤害罪',
      regionCode: dispute.regionCode,
      receivedAt: new Date(),
      ...(kind === 'CIVIL_SUPERVISION'
        ? { applicantName: victim!.name, applicantPhone: victim!.phone }
        : {
            disputeCategory: '损害赔偿',
            suspectName: suspect!.name,
            suspectIdNumber: suspect!.idNumber,
            victimName: victim!.name,
            victimPhone: victim!.phone,
          }),
    });
    await em.flush();
    return c.id;
  };
  /** Posts an event to the procuratorate's inbox as justice would, signed with justice's key. */
  const fromJustice = async (dockingId: string, sequence: number, type: string, payload: Record<string, unknown>) => {
    const event = {
      id: randomUUID(),
      type,
      dockingId,
      sequence,
      from: 'JUSTICE',
      to: 'PROCURATORATE',
      occurredAt: new Date().toISOString(),
      payload,
    } as DockingEvent;
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: 'JUSTICE', recipient: 'PROCURATORATE', privateKey: stack.docking.keys.privateKeys.JUSTICE! });
    const response = await fetch(stack.docking.settings.endpoints.PROCURATORATE!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(response.status).toBe(200);
  };
  const refer = async () => {
    const id = await received();
    const { data, errors } = await gql(REFER, { id, code: COMMITTEE, facts: eligible }, 'referForReconciliation');
    expect(errors).toBeUndefined();
    return { id, dockingId: data!.dockingId! };
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [procuratorateSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('publishes DockingRequested to justice and the hub with the referral, in one transaction', async () => {
    const before = await outboxCount();
    const { id, dockingId } = await refer();
    const rows = await sql<{
      recipient: string;
      type: string;
      sequence: number;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read by path
      payload: Record<string, any>;
    }>('select recipient, type, sequence, payload from docking_outbox where docking_id = ? order by recipient', [dockingId]);
    expect(rows.map((r) => [r.recipient, r.type, Number(r.sequence)])).toEqual([
      ['GOVERNANCE', 'DockingRequested', 1],
      ['JUSTICE', 'DockingRequested', 1],
    ]);
    expect(await outboxCount()).toBe(before + 2);
    expect(rows[0]!.payload).toMatchObject({
      kind: 'PROCURATORATE',
      mode: 'COMMISSION',
      // The category given at intake goes with the 检调 hand-over.
      category: '损害赔偿',
      disputeId: dispute.id,
      regionCode: dispute.regionCode,
      source: { agency: 'PROCURATORATE', recordType: 'ProcuratorateCase', recordId: id, organizationCode: PERSONAS.procurator.organization },
      target: { organizationCode: COMMITTEE },
      parties: [
        { role: 'APPLICANT', name: victim!.name },
        { role: 'RESPONDENT', name: suspect!.name, idNumber: suspect!.idNumber },
      ],
    });
    const civil = await gql(REFER_CIVIL, { id: await received('CIVIL_SUPERVISION'), code: COMMITTEE }, 'referCivilSupervisionToMediation');
    expect(civil.data).toMatchObject({ status: 'REFERRED_TO_MEDIATION', mediationOrganizationCode: COMMITTEE });
    const [civilRow] = await sql<{ payload: { mode: string; parties: unknown[] } }>('select payload from docking_outbox where docking_id = ? limit 1', [
      civil.data!.dockingId,
    ]);
    expect(civilRow!.payload).toMatchObject({ mode: 'TRANSFER', category: null, parties: [{ role: 'APPLICANT', name: victim!.name }] });
  });

  it('refuses an ineligible referral or a bad organization code with the reasons, writing and publishing nothing', async () => {
    const id = await received();
    const before = await outboxCount();
    const ineligible = await gql(
      REFER,
      { id, code: COMMITTEE, facts: { ...eligible, likelySentenceMonths: 48, victimAccepts: false } },
      'referForReconciliation',
    );
    expect(ineligible.errors![0]!.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: ['SENTENCE_OVER_THREE_YEARS', 'VICTIM_NOT_WILLING'] });
    const badCode = await gql(REFER, { id, code: '54321281MJ12345670', facts: eligible }, 'referForReconciliation');
    expect(badCode.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'receiver.creditCode' });
    expect(await outboxCount()).toBe(before);
    expect((await gql(CASE, { id }, 'procuratorateCase')).data).toMatchObject({ status: 'RECEIVED', dockingId: null, mediationOrganizationCode: null });
  });

  it("concludes the case from justice's signed MediationConcluded; the procurator then decides", async () => {
    const { id, dockingId } = await refer();
    await fromJustice(dockingId, 1, 'DockingAccepted', {
      acceptedAt: new Date().toISOString(),
      caseId: randomUUID(),
      caseNumber: '兴司调〔2026〕0931号',
      organizationName: '戴南镇人民调解委员会',
      mediatorName: '顾秀英',
    });
    expect((await gql(CASE, { id }, 'procuratorateCase')).data).toMatchObject({
      status: 'REFERRED_TO_MEDIATION',
      mediationCaseNumber: '兴司调〔2026〕0931号',
      mediationOrganization: '戴南镇人民调解委员会',
    });
    await fromJustice(dockingId, 2, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome: 'AGREEMENT',
      summary: '犯罪嫌疑人赔偿医药费8000元并赔礼道歉,被害人出具谅解书',
      agreement: null,
    });
    expect((await gql(CASE, { id }, 'procuratorateCase')).data).toMatchObject({
      status: 'RECONCILED',
      outcome: 'RECONCILED',
      agreementSummary: '犯罪嫌疑人赔偿医药费8000元并赔礼道歉,被害人出具谅解书',
    });
    expect((await gql(CONCLUDE, { id }, 'concludeProcuratorateCase')).data).toMatchObject({ status: 'CONCLUDED', decision: 'NO_PROSECUTION' });
  });

  it('takes an outcome without agreement as not reconciled', async () => {
    const { id, dockingId } = await refer();
    await fromJustice(dockingId, 1, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome: 'NO_AGREEMENT',
      summary: '赔偿数额分歧过大,调解不成',
      agreement: null,
    });
    expect((await gql(CASE, { id }, 'procuratorateCase')).data).toMatchObject({ status: 'RECONCILIATION_FAILED', outcome: 'NOT_RECONCILED' });
  });

  it("returns a declined referral to the procurator's review with the reason; it can be referred again", async () => {
    const { id, dockingId } = await refer();
    await fromJustice(dockingId, 1, 'DockingRejected', { rejectedAt: new Date().toISOString(), reason: '纠纷发生地不在该调解组织的辖区内' });
    expect((await gql(CASE, { id }, 'procuratorateCase')).data).toMatchObject({
      status: 'UNDER_REVIEW',
      dockingId,
      referralRejectionReason: '纠纷发生地不在该调解组织的辖区内',
    });
    const again = await gql(REFER, { id, code: COMMITTEE, facts: eligible }, 'referForReconciliation');
    expect(again.data).toMatchObject({ status: 'REFERRED_TO_MEDIATION', referralRejectionReason: null });
    expect(again.data!.dockingId).not.toBe(dockingId);
  });
});

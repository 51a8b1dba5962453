import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DockingEvent } from '@jiefen/docking';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { startStack, type Stack } from '@jiefen/testing';
import { courtSubgraph } from '../src/subgraph.js';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const person = demoPeople(200)[151]!;
const RECEIVE = `mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id } }`;
const DIVERT = `mutation($id: ID!, $code: String!, $org: String) { divertToMediation(id: $id, receiver: { creditCode: $code, name: $org }) { status dockingId mediationOrganizationCode } }`;
const FILE = `mutation($id: ID!) { fileCase(id: $id, procedure: SUMMARY) { status } }`;
const ENTRUST = `mutation($id: ID!, $code: String!, $key: String) { entrustMediation(id: $id, receiver: { creditCode: $code }, idempotencyKey: $key) { status dockingId mediationDueAt mediationSentAt } }`;
const CASE = `query($id: ID!) { courtCase(id: $id) { status stage dockingId mediationOutcome mediationOutcomeNote mediationAcceptedAt mediationCaseNumber mediationRejectionReason mediationDueAt mediationOrganization } }`;

type CaseView = Record<string, string | null>;

describe('诉调 dockings: the court sends cases to mediation and applies what comes back', () => {
  let stack: Stack;
  const dispute = demoDisputes().find((d) => d.agencies.court && d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const input = {
    disputeId: dispute.id,
    cause: '买卖合同纠纷',
    category: 'CONTRACT',
    regionCode: dispute.regionCode,
    plaintiffName: person.name,
    plaintiffIdNumber: person.idNumber,
    plaintiffPhone: person.phone,
    defendantName: '兴化市戴南某不锈钢制品有限公司',
  };
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.court!.orm.em.getConnection().execute<T[]>(query, params);
  const count = async (table: string) => Number((await sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
  const receive = async () =>
    (await stack.querySubgraph<{ receiveCivilCase: { id: string } }>('court', RECEIVE, { input }, 'court-staff')).body.data!.receiveCivilCase.id;
  const divert = async (id: string) => {
    const { body } = await stack.querySubgraph<{ divertToMediation: { dockingId: string } }>(
      'court',
      DIVERT,
      { id, code: COMMITTEE, org: '戴南镇人民调解委员会' },
      'court-staff',
    );
    expect(body.errors).toBeUndefined();
    return body.data!.divertToMediation.dockingId;
  };
  const view = async (id: string) => (await stack.querySubgraph<{ courtCase: CaseView }>('court', CASE, { id }, 'court-staff')).body.data!.courtCase;
  /** Posts an event to the court's inbox as justice would, signed with justice's key. */
  const fromJustice = async (dockingId: string, sequence: number, type: string, payload: Record<string, unknown>) => {
    const event = { id: randomUUID(), type, dockingId, sequence, from: 'JUSTICE', to: 'COURT', occurredAt: new Date().toISOString(), payload } as DockingEvent;
    const body = canonicalJson(event);
    const signature = await signDelivery(body, { from: 'JUSTICE', recipient: 'COURT', privateKey: stack.docking.keys.privateKeys.JUSTICE! });
    const response = await fetch(stack.docking.settings.endpoints.COURT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    expect(response.status, await response.text()).toBe(200);
  };
  const accepted = () => ({
    acceptedAt: new Date().toISOString(),
    caseId: randomUUID(),
    caseNumber: '兴司调〔2026〕0950号',
    organizationName: '戴南镇人民调解委员会',
    mediatorName: '顾秀英',
  });

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [courtSubgraph], gateway: false, seed: true, hubRegister: demoDisputes() });
  });
  afterAll(() => stack?.stop());

  it('委派 writes the case, the docking id and one DockingRequested per recipient (justice and the hub) together', async () => {
    const id = await receive();
    const before = await count('docking_outbox');
    const dockingId = await divert(id);
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
    expect(await count('docking_outbox')).toBe(before + 2);
    const payload = typeof rows[0]!.payload === 'string' ? JSON.parse(rows[0]!.payload) : rows[0]!.payload;
    expect(payload).toMatchObject({
      kind: 'COURT',
      mode: 'ENTRUST',
      // The hub's category given at 收案, not the cause of action.
      category: '合同',
      disputeId: dispute.id,
      regionCode: dispute.regionCode,
      source: { agency: 'COURT', recordType: 'CourtCase', recordId: id, organizationCode: '113212810140900121' },
      target: { organizationCode: COMMITTEE, organizationName: '戴南镇人民调解委员会' },
      parties: [
        { role: 'APPLICANT', name: person.name, idNumber: person.idNumber },
        { role: 'RESPONDENT', name: '兴化市戴南某不锈钢制品有限公司' },
      ],
    });
    expect(payload.procedure).toBeUndefined();
    expect(await view(id)).toMatchObject({ status: 'DIVERTED_TO_MEDIATION', dockingId });
  });

  it('refuses a bad organization code or an illegal step, writing neither the case change nor an event', async () => {
    const id = await receive();
    const before = await count('docking_outbox');
    const bad = await stack.querySubgraph('court', DIVERT, { id, code: '54321281MJ12345670' }, 'court-staff');
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'receiver.creditCode' });
    const illegal = await stack.querySubgraph('court', ENTRUST, { id, code: COMMITTEE }, 'court-staff');
    expect(illegal.body.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    const forbidden = await stack.querySubgraph('court', DIVERT, { id, code: COMMITTEE }, 'mediator');
    expect(forbidden.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await count('docking_outbox')).toBe(before);
    expect(await view(id)).toMatchObject({ status: 'RECEIVED', dockingId: null });
  });

  it('records the acceptance, then a failed 委派 (MediationConcluded) leaves the case ready for filing', async () => {
    const id = await receive();
    const dockingId = await divert(id);
    await fromJustice(dockingId, 1, 'DockingAccepted', accepted());
    expect(await view(id)).toMatchObject({ status: 'DIVERTED_TO_MEDIATION', mediationCaseNumber: '兴司调〔2026〕0950号' });
    expect((await view(id)).mediationAcceptedAt).toBeTruthy();
    await fromJustice(dockingId, 2, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome: 'NO_AGREEMENT',
      summary: '调解不成:双方对赔偿数额分歧较大',
      agreement: null,
    });
    expect(await view(id)).toMatchObject({
      status: 'MEDIATION_FAILED',
      mediationOutcome: 'FAILED',
      mediationOutcomeNote: '调解不成:双方对赔偿数额分歧较大',
      mediationDueAt: null,
    });
    const filed = await stack.querySubgraph<{ fileCase: { status: string } }>('court', FILE, { id }, 'court-staff');
    expect(filed.body.data!.fileCase.status).toBe('FILED');
  });

  it('委托 carries the procedure; an agreement settles the filed case', async () => {
    const id = await receive();
    await stack.querySubgraph('court', FILE, { id }, 'court-staff');
    const key = randomUUID();
    const { body } = await stack.querySubgraph<{ entrustMediation: { dockingId: string; mediationDueAt: string; mediationSentAt: string } }>(
      'court',
      ENTRUST,
      { id, code: COMMITTEE, key },
      'court-staff',
    );
    const { dockingId, mediationDueAt, mediationSentAt } = body.data!.entrustMediation;
    // A retry with the same key (the answer was lost) returns the same docking and sends nothing more.
    const retried = await stack.querySubgraph<{ entrustMediation: { dockingId: string } }>('court', ENTRUST, { id, code: COMMITTEE, key }, 'court-staff');
    expect(retried.body.data!.entrustMediation).toEqual(body.data!.entrustMediation);
    expect((await sql(`select 1 from docking_outbox where docking_id = ?`, [dockingId])).length).toBe(2);
    expect((Date.parse(mediationDueAt) - Date.parse(mediationSentAt)) / 86_400_000).toBe(7);
    const [row] = await sql<{ payload: Record<string, unknown> | string }>(
      `select payload from docking_outbox where docking_id = ? and recipient = 'JUSTICE'`,
      [dockingId],
    );
    const payload = typeof row!.payload === 'string' ? JSON.parse(row!.payload) : row!.payload;
    expect(payload).toMatchObject({ kind: 'COURT', mode: 'COMMISSION', procedure: 'SUMMARY' });
    await fromJustice(dockingId, 1, 'DockingAccepted', accepted());
    await fromJustice(dockingId, 2, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome: 'AGREEMENT',
      summary: '调解成功,达成协议:被告于十日内支付货款',
      agreement: { number: '兴司调协〔2026〕0950号', effectiveDate: null, amount: 5000, performBy: null },
    });
    expect(await view(id)).toMatchObject({ status: 'SETTLED_BY_MEDIATION', stage: 'FILED', mediationOutcome: 'SUCCEEDED' });
  });

  it('takes a rejected 委派 back to RECEIVED with the reason; the court may divert it again', async () => {
    const id = await receive();
    const dockingId = await divert(id);
    await fromJustice(dockingId, 1, 'DockingRejected', { rejectedAt: new Date().toISOString(), reason: '纠纷不属于本调委会受理范围' });
    expect(await view(id)).toMatchObject({
      status: 'RECEIVED',
      stage: 'PRE_FILING',
      mediationRejectionReason: '纠纷不属于本调委会受理范围',
      mediationDueAt: null,
    });
    // A late event about the refused docking changes nothing (and is not retried in vain).
    await fromJustice(dockingId, 2, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome: 'AGREEMENT',
      summary: '调解成功',
      agreement: null,
    });
    expect((await view(id)).status).toBe('RECEIVED');
    const again = await divert(id);
    expect(again).not.toBe(dockingId);
    expect(await view(id)).toMatchObject({ status: 'DIVERTED_TO_MEDIATION', dockingId: again, mediationRejectionReason: null });
  });

  it('司法确认 by docking: the application lands from justice, the decisions go back to it', async () => {
    const id = await receive();
    const dockingId = await divert(id);
    await fromJustice(dockingId, 1, 'DockingAccepted', accepted());
    await fromJustice(dockingId, 2, 'MediationConcluded', {
      concludedAt: new Date().toISOString(),
      outcome: 'AGREEMENT',
      summary: '调解成功,达成协议',
      agreement: null,
    });
    const today = new Date().toISOString().slice(0, 10);
    const application = (applicationId: string, applicants: Record<string, unknown>[]) => ({
      applicationId,
      agreementId: randomUUID(),
      agreementNumber: '兴司调协〔2026〕0950号',
      effectiveDate: today,
      appliedAt: new Date().toISOString(),
      applicants,
      matters: '被告于十日内支付货款5000元',
      courtCaseId: null,
      regionCode: dispute.regionCode,
    });
    // A malformed application (bad 身份证号) is logged, not applied, and not retried in vain.
    const before = await count('judicial_confirmation');
    await fromJustice(
      dockingId,
      3,
      'JudicialConfirmationRequested',
      application(randomUUID(), [
        { name: person.name, role: 'APPLICANT', idNumber: '123' },
        { name: '李四', role: 'RESPONDENT' },
      ]),
    );
    expect(await count('judicial_confirmation')).toBe(before);
    const applicationId = randomUUID();
    await fromJustice(
      dockingId,
      4,
      'JudicialConfirmationRequested',
      application(applicationId, [
        { name: person.name, role: 'APPLICANT', idNumber: person.idNumber },
        { name: '李四', role: 'RESPONDENT', idNumber: null },
      ]),
    );
    const [row] = await sql<{ id: string; docking_id: string; court_case_id: string; joint_application: boolean; matters: string[] }>(
      'select * from judicial_confirmation where application_id = ?',
      [applicationId],
    );
    expect(row).toMatchObject({ docking_id: dockingId, court_case_id: id, joint_application: true, matters: ['OTHER'] });
    const ruled = async () =>
      sql<{ recipient: string; payload: Record<string, unknown> | string }>(
        `select recipient, payload from docking_outbox where docking_id = ? and type = 'JudicialConfirmationRuled' order by recipient`,
        [dockingId],
      );
    const accept = await stack.querySubgraph<{ acceptJudicialConfirmation: { caseNumber: string } }>(
      'court',
      'mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { caseNumber } }',
      { id: row!.id },
      'court-staff',
    );
    expect(accept.body.errors).toBeUndefined();
    expect(await ruled()).toEqual([]);
    const rule = await stack.querySubgraph(
      'court',
      'mutation($id: ID!) { ruleOnJudicialConfirmation(id: $id, confirmed: true, note: "协议合法有效") { status dockingId } }',
      { id: row!.id },
      'court-staff',
    );
    expect(rule.body.data).toMatchObject({ ruleOnJudicialConfirmation: { status: 'CONFIRMED', dockingId } });
    const rows = await ruled();
    expect(rows.map((r) => r.recipient)).toEqual(['GOVERNANCE', 'JUSTICE']);
    const payload = typeof rows[1]!.payload === 'string' ? JSON.parse(rows[1]!.payload) : rows[1]!.payload;
    expect(payload).toMatchObject({
      applicationId,
      confirmationId: row!.id,
      caseNumber: accept.body.data!.acceptJudicialConfirmation.caseNumber,
      ruling: 'CONFIRMED',
      reason: '协议合法有效',
    });
  });

  it('司法确认 of an agreement the court did not send: recorded at the basic court where the committee sits, or refused back at once', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const application = (applicationId: string, organization: Record<string, unknown> | null) => ({
      applicationId,
      agreementId: randomUUID(),
      agreementNumber: '兴司调协〔2026〕0951号',
      effectiveDate: today,
      appliedAt: new Date().toISOString(),
      applicants: [
        { name: person.name, role: 'APPLICANT', idNumber: person.idNumber },
        { name: '李四', role: 'RESPONDENT' },
      ],
      matters: '李四于七日内疏通沟渠',
      courtCaseId: null,
      regionCode: `${DEMO_TOWN_DAINAN}200`,
      disputeId: null,
      mediationOrganization: organization,
      caseNumber: '兴司调〔2026〕0951号',
      origin: { agency: 'POLICE', dockingId: randomUUID() },
    });
    const ruledOn = async (dockingId: string) =>
      (
        await sql<{ recipient: string; payload: Record<string, unknown> | string }>(
          `select recipient, payload from docking_outbox where docking_id = ? and type = 'JudicialConfirmationRuled' order by recipient`,
          [dockingId],
        )
      ).map((r) => [r.recipient, typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload]);

    // Without the organization the court cannot tell whether it is competent: refused back, nothing recorded.
    const before = await count('judicial_confirmation');
    const unnamed = randomUUID();
    await fromJustice(unnamed, 1, 'JudicialConfirmationRequested', application(unnamed, null));
    expect(await count('judicial_confirmation')).toBe(before);
    const refusal = await ruledOn(unnamed);
    expect(refusal.map(([recipient]) => recipient)).toEqual(['GOVERNANCE', 'JUSTICE']);
    expect(refusal[1]![1]).toMatchObject({
      applicationId: unnamed,
      ruling: 'REFUSED',
      caseNumber: null,
      reason: expect.stringContaining('mediationOrganization'),
    });

    const dockingId = randomUUID();
    await fromJustice(
      dockingId,
      1,
      'JudicialConfirmationRequested',
      application(dockingId, { code: '54321281MJ12345677', name: '戴南镇人民调解委员会', regionCode: DEMO_TOWN_DAINAN }),
    );
    const [row] = await sql<Record<string, unknown>>('select * from judicial_confirmation where application_id = ?', [dockingId]);
    expect(row).toMatchObject({
      docking_id: dockingId,
      court_case_id: null,
      dispute_id: null,
      region_code: DEMO_TOWN_DAINAN.slice(0, 6),
      mediation_organization: '戴南镇人民调解委员会',
      joint_application: true,
      status: 'APPLIED',
    });
    expect(await ruledOn(dockingId)).toEqual([]);
  });
});

// Every invalid field at once, through the gateway: each mutation group converted to the kit's
// FieldErrors / checkAll answers one VALIDATION_FAILED listing every invalid field of its form
// (nested ones by path), before anything is loaded — so an id that names nothing changes nothing,
// and nothing is written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const FUTURE = new Date(Date.now() + 86_400_000).toISOString();

/** [group, persona, document, variables, the invalid fields expected (sorted)] */
const CASES: [string, string, string, Record<string, unknown>, string[]][] = [
  [
    'justice 调解笔录 (mediation-case group)',
    'mediator',
    'mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { id } }',
    { input: { caseId: randomUUID(), heldAt: FUTURE, place: '', participants: [], focus: '', opinions: '' } },
    ['focus', 'heldAt', 'opinions', 'participants', 'place'],
  ],
  [
    'justice 调解协议 (agreement group)',
    'mediator',
    'mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id } }',
    {
      input: {
        caseId: randomUUID(),
        form: 'WRITTEN',
        facts: '短',
        mattersInDispute: '',
        responsibilities: '',
        terms: ['好', ''],
        performanceMethod: '',
        performanceDeadline: '明天',
      },
    },
    ['facts', 'mattersInDispute', 'performanceDeadline', 'performanceMethod', 'responsibilities', 'terms[0]', 'terms[1]'],
  ],
  [
    'justice 机构名册 (roster group)',
    'legal-aid',
    'mutation($input: MediationOrganizationInput!) { registerMediationOrganization(input: $input) { id } }',
    {
      input: {
        code: 'X',
        name: '调委',
        type: 'VILLAGE_RESIDENTS_COMMITTEE',
        regionCode: '1',
        address: '',
        establishedOn: '昨天',
        members: [{ name: '', sex: 'MALE', employment: 'PART_TIME', termStart: 'x', phone: '1' }],
      },
    },
    ['address', 'code', 'establishedOn', 'members[0].name', 'members[0].phone', 'members[0].termStart', 'name', 'regionCode'],
  ],
  [
    'justice 法律援助申请 (legal-aid group)',
    'legal-aid',
    'mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { id } }',
    { input: { applicant: { name: '', idNumber: 'x', phone: '1' }, matter: '短', category: 'LABOUR', regionCode: '1' } },
    ['applicant.idNumber', 'applicant.name', 'applicant.phone', 'matter', 'regionCode'],
  ],
  [
    'court 延长审查期限 (judicial-confirmation group)',
    'court-staff',
    'mutation($id: ID!) { extendRuling(id: $id, approvedBy: "院", reason: "延") { id } }',
    { id: randomUUID() },
    ['approvedBy', 'reason'],
  ],
  [
    'court 申请强制执行 (judicial-confirmation group)',
    'court-staff',
    'mutation($id: ID!) { applyForEnforcement(confirmationId: $id, applicantName: "", unperformedTerms: "未") { id } }',
    { id: randomUUID() },
    ['applicantName', 'unperformedTerms'],
  ],
  [
    'governance 调解记录 (dispute-workflow group)',
    'hub-coordinator',
    'mutation($input: RecordDisputeAttemptInput!) { recordMediationAttempt(input: $input) { id } }',
    { input: { disputeId: randomUUID(), mediatorName: '', summary: '' } },
    ['mediatorName', 'summary'],
  ],
  [
    'governance 一次性告知 (dispute-workflow group)',
    'hub-coordinator',
    'mutation($input: NotifyPartiesInput!) { notifyParties(input: $input) { id } }',
    { input: { disputeId: randomUUID(), serviceItemCodes: [], form: 'WRITTEN', note: '告'.repeat(2001) } },
    ['note', 'serviceItemCodes'],
  ],
  [
    'governance 风险预警 (risk-alert group)',
    'hub-coordinator',
    'mutation($input: RaiseRiskAlertInput!) { raiseRiskAlert(input: $input) { id } }',
    { input: { level: 'HIGH', reason: '短' } },
    ['disputeId', 'reason'],
  ],
  [
    'governance 排查报告 (screening group)',
    'hub-coordinator',
    'mutation($input: SubmitScreeningReportInput!) { submitScreeningReport(input: $input) { id } }',
    {
      input: {
        regionCode: '1',
        periodKey: 'x',
        findings: [{ category: 'NEIGHBOURHOOD', cause: '短', occurredOn: 'x', place: '', peopleInvolved: 0, forecast: 'STABLE' }],
      },
    },
    ['findings[0].cause', 'findings[0].occurredOn', 'findings[0].peopleInvolved', 'findings[0].place', 'periodKey', 'regionCode'],
  ],
];

describe('every invalid field at once, in every converted mutation group', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  it.each(CASES)('%s', async (_group, as, document, variables, expected) => {
    const { status, body } = await stack.query(document, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    const error = (body as Gql).errors?.[0];
    expect(error?.extensions, JSON.stringify(body)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect([...(error!.extensions!.fields as string[])].sort()).toEqual(expected);
    expect(error!.message).toMatch(/^输入有误/);
  });
});

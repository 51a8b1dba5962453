import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { createJusticeSubgraph } from '../src/subgraph.js';

// A mediator of 戴南镇人民调解委员会 takes a case from application to return visit; "now" is injected.
const DAY = 86_400_000;
const clock = { now: new Date('2026-11-28T02:00:00Z') };
const [applicant, respondent] = demoPeople(20, '321281', 77).filter((p) => p.birthDate < '2000');

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are read by path

describe('mediation work in one organization', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown> = {}, as: Parameters<Stack['querySubgraph']>[3] = 'mediator'): Promise<Gql> =>
    (await stack.querySubgraph('justice', query, variables, as)).body as Gql;
  const count = async (table: string) =>
    Number((await stack.subgraphs.justice!.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from "${table}"`))[0]!.n);
  let otherMediator: ReturnType<typeof callerOf>;

  const APPLY = `mutation($input: MediationApplicationInput!) { registerMediationApplication(input: $input) { id caseNumber status organizationName source } }`;
  const application = {
    category: 'NEIGHBOURHOOD',
    summary: '相邻两户因排水沟渠堵塞互相指责',
    regionCode: '321281123200',
    parties: [
      { role: 'APPLICANT', name: applicant!.name, idNumber: applicant!.idNumber, phone: applicant!.phone, address: '江苏省兴化市戴南镇中迎村8号' },
      { role: 'RESPONDENT', name: respondent!.name, idNumber: respondent!.idNumber, phone: respondent!.phone, address: '江苏省兴化市戴南镇中迎村9号' },
    ],
  };
  const apply = async () => (await q(APPLY, { input: application })).data!.registerMediationApplication as { id: string; caseNumber: string };
  const accept = (caseId: string, mediatorId?: string) =>
    q('mutation($c: ID!, $m: ID) { acceptMediationCase(caseId: $c, mediatorId: $m) { status dueAt mediatorName } }', { c: caseId, m: mediatorId ?? null });
  const caseView = (id: string, as: Parameters<Stack['querySubgraph']>[3] = 'mediator') =>
    q(
      'query($id: ID!) { mediationCase(id: $id) { status outcome overdue dueAt parties { id name idNumber phone } extensions { days } returnVisits { id status } agreement { id } } }',
      { id },
      as,
    );

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [createJusticeSubgraph({ now: () => clock.now })], gateway: false, seed: true });
    const rooms = await q('{ mediationOrganizations(type: STATIONED_ROOM, regionCode: "321281123") { edges { node { code name } } } }', {}, null);
    const room = (rooms.data!.mediationOrganizations.edges as { node: { code: string; name: string } }[])[0]!.node;
    expect(room.name).toBe('戴南派出所驻所人民调解室');
    otherMediator = callerOf('mediator', { subject: 'mediator-077', name: '李桂兰', organization: room.code });
  });
  afterAll(() => stack?.stop());

  it('takes a case from the inbox through two sessions to a signed, printed agreement and a return visit', async () => {
    const created = await apply();
    expect(created.caseNumber).toMatch(/^兴司调〔2026〕\d{4}号$/);
    // A direct application without a hub dispute is reported to the hub (一案一号), with its category and parties.
    const [report] = await stack.subgraphs
      .justice!.orm.em.getConnection()
      .execute<{ recipient: string; payload: { category: string; source: { recordId: string }; parties: unknown[] } }[]>(
        `select recipient, payload from docking_outbox where type = 'DisputeReported' and docking_id = ?`,
        [created.id],
      );
    expect(report).toMatchObject({ recipient: 'GOVERNANCE', payload: { category: '邻里', source: { recordId: created.id } } });
    expect(report!.payload.parties).toHaveLength(2);
    const inbox = await q('{ mediationInbox(first: 100) { totalCount edges { node { id status } } } }');
    expect((inbox.data!.mediationInbox.edges as { node: { id: string; status: string } }[]).some((e) => e.node.id === created.id)).toBe(true);
    expect(inbox.data!.mediationInbox.edges.every((e: { node: { status: string } }) => e.node.status === 'PENDING')).toBe(true);

    const accepted = await accept(created.id);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptMediationCase).toMatchObject({ status: 'ACCEPTED', mediatorName: '顾秀英', dueAt: '2026-12-28T02:00:00.000Z' });

    const session = 'mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence place } }';
    for (const [i, focus] of ['沟渠疏通责任', '疏通费用分担'].entries()) {
      clock.now = new Date(clock.now.getTime() + DAY);
      const recorded = await q(session, {
        input: {
          caseId: created.id,
          heldAt: new Date(clock.now.getTime() - 3_600_000).toISOString(),
          place: '中迎村调解室',
          participants: [applicant!.name, respondent!.name, '顾秀英'],
          focus,
          opinions: '双方各执一词',
        },
      });
      expect(recorded.data!.recordMediationSession).toEqual({ sequence: i + 1, place: '中迎村调解室' });
    }
    const experts = await q('{ experts(field: "法律") { edges { node { id name } } } }');
    const expertId = experts.data!.experts.edges[0].node.id as string;
    const evaluation = await q('mutation($input: NeutralEvaluationInput!) { requestNeutralEvaluation(input: $input) { id expertName } }', {
      input: { caseId: created.id, expertId, question: '若诉至法院,费用分担比例如何?' },
    });
    const opinion = await q('mutation($id: ID!) { recordNeutralEvaluation(evaluationId: $id, opinion: "参照类似案例,双方各半承担较为合理") { completedAt } }', {
      id: evaluation.data!.requestNeutralEvaluation.id,
    });
    expect(opinion.data!.recordNeutralEvaluation.completedAt).toBeTruthy();
    const method = await q('mutation($input: ChangeMediationMethodInput!) { changeMediationMethod(input: $input) { method } }', {
      input: { caseId: created.id, method: 'JOINT_MEDIATION', reason: '邀请村委会共同调解' },
    });
    expect(method.data!.changeMediationMethod.method).toBe('JOINT_MEDIATION');

    const parties = (await caseView(created.id)).data!.mediationCase.parties as { id: string; name: string }[];
    const recorded = await q('mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id number effectiveDate } }', {
      input: {
        caseId: created.id,
        form: 'WRITTEN',
        facts: '双方房屋相邻,共用排水沟渠。',
        mattersInDispute: '沟渠疏通及费用分担',
        responsibilities: '双方均有维护责任',
        terms: [`${respondent!.name}于七日内疏通沟渠`, `${applicant!.name}承担疏通费用的一半计300元`],
        performanceMethod: '现场疏通,现金支付',
        performanceDeadline: '2026-12-20',
        amount: 300,
      },
    });
    const agreement = recorded.data!.recordMediationAgreement as { id: string; number: string; effectiveDate: string | null };
    expect(agreement.effectiveDate).toBeNull();
    const sign =
      'mutation($input: SignMediationAgreementInput!) { signMediationAgreement(input: $input) { effectiveDate confirmationDeadline signatures { partyId method } } }';
    const half = await q(sign, { input: { agreementId: agreement.id, signatures: [{ partyId: parties[0]!.id, method: 'SIGNATURE' }] } });
    expect(half.data!.signMediationAgreement.effectiveDate).toBeNull();
    const full = await q(sign, {
      input: { agreementId: agreement.id, signatures: [{ partyId: parties[1]!.id, method: 'FINGERPRINT' }], mediatorSigned: true, sealed: true },
    });
    expect(full.data!.signMediationAgreement).toMatchObject({ effectiveDate: '2026-11-30', confirmationDeadline: '2026-12-30' });
    const concluded = (await caseView(created.id)).data!.mediationCase;
    expect(concluded).toMatchObject({ status: 'CONCLUDED', outcome: 'AGREEMENT', overdue: false });
    expect(concluded.returnVisits).toEqual([{ id: expect.any(String), status: 'SCHEDULED' }]);

    const printed = await q('query($id: ID!) { mediationAgreementDocument(id: $id) }', { id: agreement.id });
    const html = printed.data!.mediationAgreementDocument as string;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const text of [
      '人民调解协议书',
      agreement.number,
      `申请人:${applicant!.name}`,
      `被申请人:${respondent!.name}`,
      applicant!.idNumber,
      `${respondent!.name}于七日内疏通沟渠`,
      '人民币 300.00 元',
      '申请人(签名、盖章或按指印)',
      '被申请人(签名、盖章或按指印)',
      '人民调解员(签名)',
      '顾秀英',
      '戴南镇人民调解委员会(印章)',
      '本协议一式三份',
      '二〇二六年十二月三十日前',
    ]) {
      expect(html).toContain(text);
    }
    const leaderPrint = await q('query($id: ID!) { mediationAgreementDocument(id: $id) }', { id: agreement.id }, 'leader');
    expect(leaderPrint.data!.mediationAgreementDocument).not.toContain(applicant!.idNumber);
    expect(leaderPrint.data!.mediationAgreementDocument).toContain(applicant!.idNumber.slice(0, 4) + '**********');

    const visit = await q('mutation($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { status performance satisfaction visitor } }', {
      input: {
        returnVisitId: concluded.returnVisits[0].id,
        method: 'IN_PERSON',
        performance: 'PERFORMED',
        satisfaction: 'SATISFIED',
        notes: '沟渠已疏通,费用已付',
      },
    });
    expect(visit.data!.recordReturnVisit).toEqual({ status: 'DONE', performance: 'PERFORMED', satisfaction: 'SATISFIED', visitor: '顾秀英' });
    const performed = await q('query($id: ID!) { mediationAgreement(id: $id) { performanceStatus performanceOverdue } }', { id: agreement.id });
    expect(performed.data!.mediationAgreement).toEqual({ performanceStatus: 'PERFORMED', performanceOverdue: false });

    const log = await q('{ justiceAccessLog(first: 50) { edges { node { recordType subject fields } } } }', {}, callerOf('legal-aid', { roles: ['ADMIN'] }));
    const reads = (log.data!.justiceAccessLog.edges as { node: { recordType: string; subject: string; fields: string[] } }[]).map((e) => e.node);
    expect(reads).toContainEqual({ recordType: 'MediationParty', subject: 'mediator-042', fields: ['address', 'idNumber', 'name', 'phone'] });
    const tamper = stack.subgraphs.justice!.orm.em.getConnection().execute('delete from personal_data_access');
    await expect(tamper).rejects.toThrow(/append-only/);
  });

  it("shows an overdue mediation as overdue; an extension needs every party's consent", async () => {
    clock.now = new Date('2026-11-28T02:00:00Z');
    const created = await apply();
    await accept(created.id);
    expect((await caseView(created.id)).data!.mediationCase.overdue).toBe(false);
    clock.now = new Date('2027-01-05T00:00:00Z');
    const late = (await caseView(created.id)).data!.mediationCase;
    expect(late.overdue).toBe(true);
    const overdueList = await q('{ mediationCases(overdue: true, first: 100) { edges { node { id overdue } } } }');
    const ids = (overdueList.data!.mediationCases.edges as { node: { id: string; overdue: boolean } }[]).map((e) => e.node);
    expect(ids).toContainEqual({ id: created.id, overdue: true });
    expect(ids.every((n) => n.overdue)).toBe(true);

    const extend = 'mutation($input: ExtendMediationInput!) { extendMediation(input: $input) { dueAt overdue } }';
    const input = { caseId: created.id, days: 15, reason: '等待鉴定结论', consentRecord: '当事人签署延期同意书', consentingPartyIds: [late.parties[0].id] };
    const before = await count('mediation_extension');
    const refused = await q(extend, { input });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'EXTENSION_CONSENT_REQUIRED', missingPartyIds: [late.parties[1].id] });
    expect(refused.errors![0]!.message).toMatch(/各方当事人同意/);
    expect(await count('mediation_extension')).toBe(before);
    expect((await caseView(created.id)).data!.mediationCase.dueAt).toBe(late.dueAt);

    const granted = await q(extend, { input: { ...input, consentingPartyIds: late.parties.map((p: { id: string }) => p.id) } });
    expect(granted.data!.extendMediation).toEqual({ dueAt: '2027-01-12T02:00:00.000Z', overdue: false });
    expect((await caseView(created.id)).data!.mediationCase.extensions).toEqual([{ days: 15 }]);
  });

  it('lets an expired mediator take no new case, and rejects with a reason', async () => {
    clock.now = new Date('2026-11-28T02:00:00Z');
    const roster = await q(
      '{ mediationOrganizations(regionCode: "321281123", type: TOWN_STREET_COMMITTEE) { edges { node { mediators { id name termEnd termExpired } } } } }',
      {},
      null,
    );
    const mediators = roster.data!.mediationOrganizations.edges[0].node.mediators as { id: string; termEnd: string; termExpired: boolean }[];
    const expired = mediators.find((m) => m.termExpired)!;
    expect(expired.termEnd < '2026-11-28').toBe(true);
    const created = await apply();
    const refused = await accept(created.id, expired.id);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'MEDIATOR_TERM_EXPIRED', field: 'mediatorId' });
    expect((await caseView(created.id)).data!.mediationCase.status).toBe('PENDING');
    const rejected = await q('mutation($c: ID!) { rejectMediationCase(caseId: $c, reason: "已向法院起诉") { status rejectionReason } }', { c: created.id });
    expect(rejected.data!.rejectMediationCase).toEqual({ status: 'REJECTED', rejectionReason: '已向法院起诉' });
    const again = await accept(created.id);
    expect(again.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
  });

  it('keeps a mediator of another organization from reading or changing the case', async () => {
    clock.now = new Date('2026-11-28T02:00:00Z');
    const created = await apply();
    const read = await caseView(created.id, otherMediator);
    expect(read.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const list = await q('{ mediationCases(first: 100) { totalCount } }', {}, otherMediator);
    expect(list.data!.mediationCases.totalCount).toBe(0);
    const inbox = await q('{ mediationInbox { totalCount } }', {}, otherMediator);
    expect(inbox.data!.mediationInbox.totalCount).toBe(0);
    const entities = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on MediationCase { id } } }',
      { r: [{ __typename: 'MediationCase', id: created.id }] },
      otherMediator,
    );
    expect(entities.data!._entities).toEqual([null]);
    const change = await accept(created.id);
    expect(change.errors).toBeUndefined();
    for (const attempt of [
      q('mutation($c: ID!) { rejectMediationCase(caseId: $c, reason: "越权操作") { status } }', { c: created.id }, otherMediator),
      q(
        'mutation($input: ConcludeMediationInput!) { concludeMediation(input: $input) { status } }',
        { input: { caseId: created.id, outcome: 'TERMINATED', note: '越权终止', partiesInformedOfLitigation: true } },
        otherMediator,
      ),
    ]) {
      expect((await attempt).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    // The bureau's own staff read the case but do not mediate it.
    const bureau = await q(
      'mutation($input: ConcludeMediationInput!) { concludeMediation(input: $input) { status } }',
      { input: { caseId: created.id, outcome: 'TERMINATED', note: '越权终止', partiesInformedOfLitigation: true } },
      'legal-aid',
    );
    expect(bureau.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await caseView(created.id)).data!.mediationCase.status).toBe('ACCEPTED');
    const leader = (await caseView(created.id, 'leader')).data!.mediationCase;
    expect(leader.parties[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(leader.parties[0].name).not.toBe(applicant!.name);
  });

  it('answers bad input with coded Chinese errors and writes nothing', async () => {
    const tables = ['mediation_case', 'mediation_party', 'mediation_session', 'mediation_agreement', 'mediation_organization', 'mediator'];
    const before = await Promise.all(tables.map(count));
    const badId = await q(APPLY, {
      input: { ...application, parties: [{ ...application.parties[0], idNumber: '321281199001011235' }, application.parties[1]] },
    });
    expect(badId.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parties[0].idNumber' });
    expect(badId.errors![0]!.message).toMatch(/公民身份号码无效/);
    // Several invalid fields, in the form and in two parties: every one listed at once.
    const many = await q(APPLY, {
      input: {
        ...application,
        summary: '吵架',
        regionCode: '321281001001',
        parties: [
          { ...application.parties[0], idNumber: '321281199001011235', phone: '123' },
          { ...application.parties[1], name: ' ' },
        ],
      },
    });
    expect(many.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['summary', 'regionCode', 'parties[0].idNumber', 'parties[0].phone', 'parties[1].name'],
    });
    const oneSided = await q(APPLY, { input: { ...application, parties: [application.parties[0]] } });
    expect(oneSided.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parties[0]' });
    const elsewhere = await q(APPLY, { input: { ...application, regionCode: '321281001001' } });
    expect(elsewhere.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'regionCode' });
    const created = await apply();
    await accept(created.id);
    const session = await q('mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { id } }', {
      input: { caseId: created.id, heldAt: '2030-01-01T00:00:00Z', place: ' ', participants: ['甲'], focus: '焦点', opinions: '意见' },
    });
    expect(session.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'place' });
    const agreement = await q('mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id } }', {
      input: {
        caseId: created.id,
        form: 'WRITTEN',
        facts: '事实经过如下。',
        mattersInDispute: '争议',
        responsibilities: '责任',
        terms: ['条款一'],
        performanceMethod: '现金',
        performanceDeadline: '2026-02-30',
      },
    });
    expect(agreement.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'performanceDeadline' });
    const noSession = await q('mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id } }', {
      input: {
        caseId: created.id,
        form: 'WRITTEN',
        facts: '事实经过如下。',
        mattersInDispute: '争议',
        responsibilities: '责任',
        terms: ['条款一'],
        performanceMethod: '现金',
        performanceDeadline: '2026-12-30',
      },
    });
    expect(noSession.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    const org = await q(
      'mutation($input: MediationOrganizationInput!) { registerMediationOrganization(input: $input) { id } }',
      {
        input: {
          code: '54321281MJ7000999X',
          name: '某村人民调解委员会',
          type: 'VILLAGE_RESIDENTS_COMMITTEE',
          regionCode: '321281123201',
          address: '戴泽村',
          establishedOn: '2020-01-01',
          members: [],
        },
      },
      'legal-aid',
    );
    expect(org.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    const after = await Promise.all(tables.map(count));
    // Only the valid application above was written (one case, two parties).
    expect(after).toEqual([before[0]! + 1, before[1]! + 2, ...before.slice(2)]);
  });
});

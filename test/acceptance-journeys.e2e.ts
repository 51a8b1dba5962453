// Issue 12's acceptance, through the gateway over HTTP, starting from nothing but the personas: one
// journey per door — police (公调), court (委派), petition bureau (访调), procuratorate (检调) — from
// intake to a CLOSED hub dispute counted in 化解率: the agency reports the record to the hub (一案一号),
// hands it to 戴南镇人民调解委员会, the mediator accepts, holds sessions and records a signed
// agreement, the parties apply jointly for judicial confirmation, the court accepts and confirms,
// the ruling reaches the record that started the case, and the hub reviews and closes. The leader's
// one dispute view shows the door's record, the mediation case, the confirmation, the ledger and the
// report. At each step a piece of bad input and an illegal step are refused with a coded Chinese error
// (every invalid field listed) and write nothing.
//
// The rest of the acceptance is covered where it is already exercised exactly, not repeated here:
// - the hub routes a registered dispute to a village committee, it lands in that committee's inbox
//   and its rejection returns it to the hub: test/hub-routing.e2e.ts (to an agency's 转办件 inbox:
//   test/hub-routing-agency.e2e.ts);
// - a second report of the same dispute from another agency links to the first, the decision and
//   its reason visible in `Dispute.reports`: test/intake-report.e2e.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { DAINAN_COMMITTEE, journeys, startStack, until, type Journeys, type Row, type Stack } from '@jiefen/testing';

const DAINAN = '321281123';
const VILLAGE = '321281123201'; // 董北村, 戴南镇

/** A valid 公民身份号码 from its first 17 digits (GB 11643 check character), unknown to the demo data. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe('acceptance: every door, from intake to a closed dispute counted in 化解率', () => {
  let stack: Stack;
  let j: Journeys;

  beforeAll(async () => {
    stack = await startStack({
      subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police', 'court', 'petition', 'procuratorate'].includes(s.name)),
      seed: true,
    });
    j = journeys(stack);
  });
  afterAll(() => stack?.stop());

  const mediationCase = async (caseId: string) =>
    (await j.ok('query($id: ID!) { mediationCase(id: $id) { status caseNumber mediatorName } }', { id: caseId }, 'mediator')).mediationCase;
  const confirmation = async (id: string) => (await j.sql('court', 'select status, case_number, ruled_at from judicial_confirmation where id = ?', [id]))[0];

  /**
   * The part every door shares once the hand-over is in the committee's inbox: accept, two sessions,
   * a signed agreement, the joint application, the court's acceptance and ruling, the hub's closing
   * review and close — each step with its bad input and its illegal step refused, nothing written.
   * Returns the agreement and the confirmation.
   */
  async function mediateConfirmAndClose(dockingId: string, disputeId: string) {
    const inboxed = await j.mediator.inboxed(dockingId);
    const caseId = inboxed.id as string;

    // Accept: another agency's persona may not; a malformed id is named; accepted once only.
    const ACCEPT = 'mutation($c: ID!) { acceptMediationCase(caseId: $c) { status } }';
    await j.refused({ query: ACCEPT, variables: { c: caseId }, as: 'police-officer' }, { code: 'FORBIDDEN' }, () => mediationCase(caseId));
    await j.refused({ query: ACCEPT, variables: { c: 'not-a-uuid' }, as: 'mediator' }, { code: 'VALIDATION_FAILED', field: 'caseId' }, () =>
      mediationCase(caseId),
    );
    const { caseNumber } = await j.mediator.accept(caseId);
    expect(await mediationCase(caseId)).toEqual({ status: 'ACCEPTED', caseNumber, mediatorName: '顾秀英' });
    await j.refused({ query: ACCEPT, variables: { c: caseId }, as: 'mediator' }, { code: 'ILLEGAL_TRANSITION' }, () => mediationCase(caseId));

    // Sessions: every invalid field at once; then two sessions, each a 三三制 attempt at the hub.
    const SESSION = 'mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }';
    const sessions = () => j.rows('justice', 'mediation_session');
    const badSession = { caseId, heldAt: new Date(Date.now() + 86_400_000).toISOString(), place: '', participants: [], focus: '', opinions: '双方陈述' };
    await j.refused({ query: SESSION, variables: { input: badSession }, as: 'mediator' }, { code: 'VALIDATION_FAILED' }, sessions);
    await j.mediator.session(caseId, '事实与责任');
    await j.mediator.session(caseId, '履行方式与期限');
    await j.hub.disputeWhen('two attempts at the hub', disputeId, (d) => d.status === 'IN_MEDIATION' && d.attemptsAtTier === 2);

    // The agreement: every invalid field at once; applying before the parties signed is refused.
    const AGREEMENT = 'mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id } }';
    const agreements = () => j.rows('justice', 'mediation_agreement');
    const badAgreement = {
      caseId,
      form: 'WRITTEN',
      facts: '',
      mattersInDispute: '费用',
      responsibilities: '双方',
      terms: [],
      performanceMethod: '现金',
      performanceDeadline: '下周',
    };
    await j.refused({ query: AGREEMENT, variables: { input: badAgreement }, as: 'mediator' }, { code: 'VALIDATION_FAILED' }, agreements);
    const agreement = await j.mediator.recordAgreement(caseId);
    expect(agreement.effectiveDate).toBeNull();
    const APPLY = 'mutation($a: ID!) { applyForJudicialConfirmation(agreementId: $a) { judicialConfirmationAppliedAt } }';
    const applications = async () =>
      (await j.sql('justice', `select count(*)::int as n from docking_outbox where type = 'JudicialConfirmationRequested'`))[0]!.n;
    await j.refused({ query: APPLY, variables: { a: agreement.id }, as: 'mediator' }, { code: 'ILLEGAL_TRANSITION' }, applications);
    expect((await j.mediator.sign(caseId, agreement.id)).effectiveDate).toBeTruthy();
    await j.hub.disputeWhen('the dispute resolved', disputeId, (d) => d.status === 'RESOLVED');

    // The joint application: a malformed id and another agency refused; applied once only.
    await j.refused({ query: APPLY, variables: { a: 'not-a-uuid' }, as: 'mediator' }, { code: 'VALIDATION_FAILED', field: 'agreementId' }, applications);
    await j.refused({ query: APPLY, variables: { a: agreement.id }, as: 'petition-officer' }, { code: 'FORBIDDEN' }, applications);
    expect(await j.mediator.applyForConfirmation(agreement.id)).toMatchObject({ judicialConfirmationRuling: null });
    await j.refused({ query: APPLY, variables: { a: agreement.id }, as: 'mediator' }, { code: 'ILLEGAL_TRANSITION' }, applications);

    // The court: ruling before acceptance refused, another agency may not accept; accepted (调确字), a
    // ruling without its reason refused, then confirmed.
    const due = await j.court.due(agreement.id);
    expect(due).toMatchObject({ status: 'APPLIED', mediationOrganization: DAINAN_COMMITTEE.name, disputeId });
    const RULE = 'mutation($id: ID!, $n: String!) { ruleOnJudicialConfirmation(id: $id, confirmed: true, note: $n) { status } }';
    await j.refused({ query: RULE, variables: { id: due.id, n: '协议有效' }, as: 'court-staff' }, { code: 'ILLEGAL_TRANSITION' }, () => confirmation(due.id));
    await j.refused(
      { query: 'mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { status } }', variables: { id: due.id }, as: 'mediator' },
      { code: 'FORBIDDEN' },
      () => confirmation(due.id),
    );
    const accepted = await j.court.accept(due.id);
    expect(accepted.caseNumber).toContain('调确字');
    await j.refused({ query: RULE, variables: { id: due.id, n: '' }, as: 'court-staff' }, { code: 'VALIDATION_FAILED', field: 'note' }, () =>
      confirmation(due.id),
    );
    expect(await j.court.rule(due.id)).toMatchObject({ status: 'CONFIRMED' });

    // The hub has the application and the ruling on the dispute's timeline (they travel on two streams).
    await j.hub.disputeWhen('the application and the ruling at the hub', disputeId, (d) =>
      ['CONFIRMATION_REQUESTED', 'CONFIRMATION_RULED'].every((type) => d.handling.timeline.some((e: Row) => e.type === type)),
    );
    // The hub: closing before the review, reviewing before it is asked for, the leader acting, an
    // empty opinion — refused; then request, review, close.
    const version = async () => (await j.hub.dispute(disputeId)).version as number;
    const input = (extra: Row) => ({ input: { disputeId, ...extra } });
    const CLOSE = 'mutation($input: CloseDisputeInput!) { closeDispute(input: $input) { status } }';
    const REVIEW = 'mutation($input: ReviewDisputeInput!) { reviewDispute(input: $input) { status } }';
    const REQUEST = 'mutation($input: RequestDisputeReviewInput!) { requestClosingReview(input: $input) { status } }';
    await j.refused({ query: CLOSE, variables: input({ closingOpinion: '结案' }), as: 'hub-coordinator' }, { code: 'ILLEGAL_TRANSITION' }, version);
    await j.refused({ query: REVIEW, variables: input({ approve: true, opinion: '同意' }), as: 'hub-coordinator' }, { code: 'ILLEGAL_TRANSITION' }, version);
    await j.refused({ query: REQUEST, variables: input({ note: '请研判' }), as: 'leader' }, { code: 'FORBIDDEN' }, version);
    expect(await j.hub.requestReview(disputeId)).toMatchObject({ status: 'UNDER_REVIEW' });
    await j.refused({ query: REVIEW, variables: input({ approve: true, opinion: '' }), as: 'hub-coordinator' }, { code: 'VALIDATION_FAILED' }, version);
    expect(await j.hub.review(disputeId)).toMatchObject({ status: 'REVIEWED' });
    await j.refused({ query: CLOSE, variables: input({ closingOpinion: '结案' }), as: 'leader' }, { code: 'FORBIDDEN' }, version);
    expect(await j.hub.close(disputeId)).toMatchObject({ status: 'CLOSED' });
    return {
      mediation: { id: caseId, caseNumber: caseNumber as string },
      agreement,
      confirmation: { id: due.id as string, caseNumber: accepted.caseNumber as string },
    };
  }

  /** The leader's one dispute view of a closed journey, with what every door shares. */
  async function closedView(disputeId: string, handOver: string, closed: Awaited<ReturnType<typeof mediateConfirmAndClose>>) {
    const view = await j.leader.view(disputeId);
    expect(view).toMatchObject({ status: 'CLOSED' });
    expect(view.mediations).toEqual([{ ...closed.mediation, status: 'CONCLUDED' }]);
    expect(view.judicialConfirmations).toEqual([
      { id: closed.confirmation.id, caseNumber: closed.confirmation.caseNumber, status: 'CONFIRMED', agreementId: closed.agreement.id },
    ]);
    // The ledger: the hand-over (concluded with a settlement) and the application's docking to the court.
    const ledger = await until('the ruling in the ledger', async () => {
      const dockings = (await j.leader.view(disputeId)).dockings as Row[];
      return dockings.some((d) => d.timeline.some((e: Row) => e.type === 'JudicialConfirmationRuled')) ? dockings : null;
    });
    expect(ledger.find((d) => d.id === handOver)).toMatchObject({ status: 'CONCLUDED', outcome: 'SETTLED', toAgency: 'JUSTICE' });
    return view;
  }

  it('police: 接警登记 → 公调 → accepted, mediated, agreed → confirmed, the ruling on the transfer → reviewed and closed', async () => {
    const before = await j.hub.counts(DAINAN);
    // Intake: another agency may not register an incident; bad input names every field; nothing written.
    const REGISTER = 'mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id } }';
    const incidents = () => j.rows('police', 'police_incident');
    const reporter = idNumber('32128119850315004');
    const input = {
      channel: 'CALL_110',
      category: 'CIVIL_DISPUTE',
      nonPolice: true,
      nonPoliceCategory: 'CIVIL_DISPUTE',
      summary: '报警人称与邻居因排水沟渠堵塞积水发生争执,请求民警到场',
      reporter: { name: '张小三', phone: '13812345678', idNumber: reporter },
      parties: [
        { role: 'APPLICANT', name: '张小三', phone: '13812345678', idNumber: reporter },
        { role: 'RESPONDENT', name: '李四' },
      ],
      place: '戴南镇董北村三组',
      regionCode: VILLAGE,
      station: '兴化市公安局戴南派出所',
    };
    await j.refused({ query: REGISTER, variables: { input }, as: 'mediator' }, { code: 'FORBIDDEN' }, incidents);
    await j.refused(
      {
        query: REGISTER,
        variables: { input: { ...input, summary: '争', place: '', regionCode: '3212', reporter: { name: '张小三', phone: '12' } } },
        as: 'police-officer',
      },
      { code: 'VALIDATION_FAILED', fields: ['summary', 'reporter.phone', 'place', 'regionCode'] },
      incidents,
    );
    const incident = await j.police.registerIncident(input);
    const { disputeId, disputeNumber } = await j.answered('policeIncident', incident.id, 'police-officer');
    expect(await j.hub.dispute(disputeId)).toMatchObject({ number: disputeNumber, status: 'REGISTERED' });

    // 公调: a malformed receiver and an empty reason named together; the court may not transfer a
    // police incident; transferred once only.
    const TRANSFER = 'mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId } }';
    const transfers = () => j.rows('police', 'docking_outgoing');
    const transfer = { receiver: DAINAN_COMMITTEE, reason: '邻里排水纠纷,双方同意人民调解', parties: [{ role: 'APPLICANT', name: '张小三' }] };
    await j.refused(
      { query: TRANSFER, variables: { id: incident.id, input: { ...transfer, receiver: { creditCode: '5432' }, reason: '' } }, as: 'police-officer' },
      { code: 'VALIDATION_FAILED', fields: ['receiver.creditCode', 'reason'] },
      transfers,
    );
    await j.refused({ query: TRANSFER, variables: { id: incident.id, input: transfer }, as: 'court-staff' }, { code: 'FORBIDDEN' }, transfers);
    const { dockingId } = await j.police.transfer(incident.id);
    await j.refused({ query: TRANSFER, variables: { id: incident.id, input: transfer }, as: 'police-officer' }, { code: 'ILLEGAL_TRANSITION' }, transfers);

    const closed = await mediateConfirmAndClose(dockingId, disputeId);
    const { confirmation } = closed;

    // The police's transfer record shows the court's ruling.
    const ruling = await until('the ruling on the police transfer', async () => {
      const data = await j.ok(
        'query($id: ID!) { policeIncident(id: $id) { transfers { dockingId judicialConfirmation { ruling caseNumber } } } }',
        { id: incident.id },
        'police-officer',
      );
      return (data.policeIncident.transfers as Row[]).find((t) => t.dockingId === dockingId)?.judicialConfirmation as Row | null;
    });
    expect(ruling).toEqual({ ruling: 'CONFIRMED', caseNumber: confirmation.caseNumber });

    const view = await closedView(disputeId, dockingId, closed);
    expect(view.policeIncidents).toEqual([{ id: incident.id, incidentNumber: incident.incidentNumber }]);
    expect(view.reports).toEqual([expect.objectContaining({ agency: 'POLICE', recordNumber: incident.incidentNumber, decision: 'REGISTERED' })]);
    const after = await j.hub.counts(DAINAN);
    expect(after).toMatchObject({ registered: before.registered + 1, resolved: before.resolved + 1 });
  });
  it('court: 收案 without a hub id → 委派 to the committee → accepted, mediated, agreed → confirmed → reviewed and closed', async () => {
    const before = await j.hub.counts(DAINAN);
    const RECEIVE = 'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id } }';
    const cases = () => j.rows('court', 'court_case');
    const plaintiff = idNumber('32128119760921003');
    const input = {
      cause: '相邻关系纠纷',
      category: 'NEIGHBOURHOOD',
      place: '戴南镇董北村四组',
      regionCode: VILLAGE,
      plaintiffName: '顾长明',
      plaintiffIdNumber: plaintiff,
      plaintiffPhone: '13952600011',
      defendantName: '顾长青',
    };
    // Intake: another agency may not receive a civil case; every invalid field at once; nothing written.
    await j.refused({ query: RECEIVE, variables: { input }, as: 'police-officer' }, { code: 'FORBIDDEN' }, cases);
    await j.refused(
      { query: RECEIVE, variables: { input: { ...input, cause: '纠', plaintiffIdNumber: '321281197609210030', category: null } }, as: 'court-staff' },
      { code: 'VALIDATION_FAILED', fields: ['cause', 'plaintiffIdNumber', 'category'] },
      cases,
    );
    const courtCase = await j.court.receive(input);
    expect(courtCase.disputeId).toBeNull();
    const { disputeId, disputeNumber } = await j.answered('courtCase', courtCase.id, 'court-staff');
    expect(await j.hub.dispute(disputeId)).toMatchObject({ number: disputeNumber, category: '邻里', status: 'REGISTERED' });

    // 委派: a malformed receiver is named; the petition bureau may not delegate a court case; delegated once only.
    const DELEGATE = 'mutation($id: ID!, $r: ReceivingOrganizationInput!) { divertToMediation(id: $id, receiver: $r) { dockingId } }';
    const handOvers = () => j.rows('court', 'docking_outgoing');
    await j.refused(
      { query: DELEGATE, variables: { id: courtCase.id, r: { creditCode: '54321281MJ12345670' } }, as: 'court-staff' },
      { code: 'VALIDATION_FAILED', field: 'receiver.creditCode' },
      handOvers,
    );
    await j.refused({ query: DELEGATE, variables: { id: courtCase.id, r: DAINAN_COMMITTEE }, as: 'petition-officer' }, { code: 'FORBIDDEN' }, handOvers);
    const dockingId = await j.court.delegate(courtCase.id);
    await j.refused({ query: DELEGATE, variables: { id: courtCase.id, r: DAINAN_COMMITTEE }, as: 'court-staff' }, { code: 'ILLEGAL_TRANSITION' }, handOvers);

    const closed = await mediateConfirmAndClose(dockingId, disputeId);
    // 诉调: the application went on the court's own hand-over, and the confirmation names the court case.
    const [record] = await j.sql('court', 'select court_case_id, docking_id from judicial_confirmation where id = ?', [closed.confirmation.id]);
    expect(record).toEqual({ court_case_id: courtCase.id, docking_id: dockingId });

    const view = await closedView(disputeId, dockingId, closed);
    expect(view.courtCases).toEqual([{ id: courtCase.id, caseNumber: courtCase.caseNumber }]);
    expect(view.reports).toEqual([expect.objectContaining({ agency: 'COURT', recordNumber: courtCase.caseNumber, decision: 'REGISTERED' })]);
    expect(await j.hub.counts(DAINAN)).toMatchObject({ registered: before.registered + 1, resolved: before.resolved + 1 });
  });

  it('petition: 信访登记 without a hub id → 访调 → accepted, mediated, agreed → confirmed, the ruling on the item → reviewed and closed', async () => {
    const before = await j.hub.counts(DAINAN);
    const REGISTER = 'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }';
    const items = () => j.rows('petition', 'petition_item');
    const petitioner = idNumber('32128119680214005');
    const input = {
      form: 'VISIT',
      subject: '反映邻居翻建房屋占用共用通道,多次协商未果,请求处理',
      category: 'NEIGHBOURHOOD',
      place: '戴南镇董北村六组',
      regionCode: VILLAGE,
      petitionerName: '钱桂芳',
      petitionerIdNumber: petitioner,
      petitionerPhone: '13952600021',
    };
    await j.refused({ query: REGISTER, variables: { input }, as: 'court-staff' }, { code: 'FORBIDDEN' }, items);
    await j.refused(
      { query: REGISTER, variables: { input: { ...input, subject: '短', petitionerIdNumber: 'x', category: null } }, as: 'petition-officer' },
      { code: 'VALIDATION_FAILED', fields: ['subject', 'petitionerIdNumber', 'category'] },
      items,
    );
    const item = await j.petition.register(input);
    expect(item.disputeId).toBeNull();
    const { disputeId, disputeNumber } = await j.answered('petitionItem', item.id, 'petition-officer');
    expect(await j.hub.dispute(disputeId)).toMatchObject({ number: disputeNumber, category: '邻里', status: 'REGISTERED' });
    await j.petition.accept(item.id);

    // 访调, with the other side (被反映人): a malformed receiver and a bad respondent named together;
    // the police may not refer a petition; referred once only.
    const REFER =
      'mutation($id: ID!, $r: ReceivingOrganizationInput!, $o: [MediationRespondentInput!]) { referPetitionToMediation(id: $id, receiver: $r, respondents: $o) { dockingId } }';
    const handOvers = () => j.rows('petition', 'docking_outgoing');
    await j.refused(
      { query: REFER, variables: { id: item.id, r: { creditCode: 'not-a-code' }, o: [{ name: '', phone: '12' }] }, as: 'petition-officer' },
      { code: 'VALIDATION_FAILED', fields: ['receiver.creditCode', 'respondents[0].name', 'respondents[0].phone'] },
      handOvers,
    );
    await j.refused({ query: REFER, variables: { id: item.id, r: DAINAN_COMMITTEE }, as: 'police-officer' }, { code: 'FORBIDDEN' }, handOvers);
    const dockingId = await j.petition.refer(item.id, [{ name: '孙国富', phone: '13952600022' }]);
    await j.refused({ query: REFER, variables: { id: item.id, r: DAINAN_COMMITTEE }, as: 'petition-officer' }, { code: 'ILLEGAL_TRANSITION' }, handOvers);

    const closed = await mediateConfirmAndClose(dockingId, disputeId);
    const ruling = await until('the ruling on the petition', async () => {
      const data = await j.ok('query($id: ID!) { petitionItem(id: $id) { judicialConfirmation { ruling caseNumber } } }', { id: item.id }, 'petition-officer');
      return data.petitionItem.judicialConfirmation as Row | null;
    });
    expect(ruling).toEqual({ ruling: 'CONFIRMED', caseNumber: closed.confirmation.caseNumber });

    const view = await closedView(disputeId, dockingId, closed);
    expect(view.petitions).toEqual([{ id: item.id, itemNumber: item.itemNumber }]);
    expect(view.reports).toEqual([expect.objectContaining({ agency: 'PETITION', recordNumber: item.itemNumber, decision: 'REGISTERED' })]);
    expect(await j.hub.counts(DAINAN)).toMatchObject({ registered: before.registered + 1, resolved: before.resolved + 1 });
  });

  const REGISTER_CASE = 'mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { id } }';
  const RECONCILE =
    'mutation($id: ID!, $r: ReceivingOrganizationInput!, $f: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: $r, facts: $f) { dockingId } }';
  const prosecutionCase = async (id: string) =>
    (await j.ok('query($id: ID!) { procuratorateCase(id: $id) { status referredAt } }', { id }, 'procurator')).procuratorateCase as Row;

  it('procuratorate: 审查起诉 intake → 刑事和解 (检调) → accepted, mediated, agreed → confirmed, the ruling on the case → reviewed and closed', async () => {
    const before = await j.hub.counts(DAINAN);
    const cases = () => j.rows('procuratorate', 'procuratorate_case');
    const input = {
      caseNumber: '兴检刑诉受〔2026〕931号',
      regionCode: DAINAN,
      charge: '故意伤害罪',
      statutoryMaximumMonths: 36,
      intentionalCrimeWithinFiveYears: false,
      arisesFromCivilDispute: true,
      suspect: { name: '严国栋', idNumber: idNumber('32128119790611003') },
      victim: { name: '顾兰芳', idNumber: idNumber('32128119820917004'), phone: '13852698766' },
    };
    await j.refused({ query: REGISTER_CASE, variables: { input }, as: 'police-officer' }, { code: 'FORBIDDEN' }, cases);
    await j.refused(
      {
        query: REGISTER_CASE,
        variables: { input: { ...input, caseNumber: '兴', statutoryMaximumMonths: -1, suspect: { name: '严国栋' } } },
        as: 'procurator',
      },
      { code: 'VALIDATION_FAILED', fields: ['caseNumber', 'statutoryMaximumMonths', 'suspect.birthDate'] },
      cases,
    );
    const registered = await j.procuratorate.register(input);
    const { disputeId, disputeNumber } = await j.answered('procuratorateCase', registered.id, 'procurator');
    expect(await j.hub.dispute(disputeId)).toMatchObject({ number: disputeNumber, status: 'REGISTERED' });

    // 检调: a malformed receiver is named; the court may not refer a prosecution case; referred once only.
    const handOvers = () => j.rows('procuratorate', 'docking_outgoing');
    const facts = { suspectRepents: true, victimAccepts: true };
    await j.refused(
      { query: RECONCILE, variables: { id: registered.id, r: { creditCode: '5432' }, f: facts }, as: 'procurator' },
      { code: 'VALIDATION_FAILED', field: 'receiver.creditCode' },
      handOvers,
    );
    await j.refused({ query: RECONCILE, variables: { id: registered.id, r: DAINAN_COMMITTEE, f: facts }, as: 'court-staff' }, { code: 'FORBIDDEN' }, handOvers);
    const dockingId = await j.procuratorate.refer(registered.id);
    await j.refused(
      { query: RECONCILE, variables: { id: registered.id, r: DAINAN_COMMITTEE, f: facts }, as: 'procurator' },
      { code: 'ILLEGAL_TRANSITION' },
      handOvers,
    );

    const closed = await mediateConfirmAndClose(dockingId, disputeId);
    const ruling = await until('the ruling on the prosecution case', async () => {
      const data = await j.ok(
        'query($id: ID!) { procuratorateCase(id: $id) { judicialConfirmation { ruling caseNumber } } }',
        { id: registered.id },
        'procurator',
      );
      return data.procuratorateCase.judicialConfirmation as Row | null;
    });
    expect(ruling).toEqual({ ruling: 'CONFIRMED', caseNumber: closed.confirmation.caseNumber });

    const view = await closedView(disputeId, dockingId, closed);
    expect(view.procuratorateCases).toEqual([{ id: registered.id, caseNumber: input.caseNumber }]);
    expect(view.reports).toEqual([expect.objectContaining({ agency: 'PROCURATORATE', recordNumber: input.caseNumber, decision: 'REGISTERED' })]);
    expect(await j.hub.counts(DAINAN)).toMatchObject({ registered: before.registered + 1, resolved: before.resolved + 1 });
  });

  it('procuratorate: an ineligible 刑事和解 is refused with every reason, and nothing is handed over', async () => {
    const registered = await j.procuratorate.register({
      caseNumber: '兴检刑诉受〔2026〕932号',
      regionCode: DAINAN,
      charge: '寻衅滋事罪',
      statutoryMaximumMonths: 60,
      intentionalCrimeWithinFiveYears: true,
      arisesFromCivilDispute: false,
      suspect: { name: '严国梁', idNumber: idNumber('32128119900102005') },
      victim: { name: '吴秀兰' },
    });
    const unchanged = async () => [await prosecutionCase(registered.id), await j.rows('procuratorate', 'docking_outgoing')];
    const error = await j.refused(
      { query: RECONCILE, variables: { id: registered.id, r: DAINAN_COMMITTEE, f: { suspectRepents: false, victimAccepts: false } }, as: 'procurator' },
      {
        code: 'NOT_ELIGIBLE',
        reasons: [
          'NOT_FROM_CIVIL_DISPUTE',
          'CHAPTER_NOT_ELIGIBLE',
          'SENTENCE_OVER_THREE_YEARS',
          'INTENTIONAL_CRIME_WITHIN_FIVE_YEARS',
          'NO_SINCERE_REMORSE',
          'VICTIM_NOT_WILLING',
        ],
      },
      unchanged,
    );
    expect(error.message).toBe(
      '不适用刑事和解:案件不是因民间纠纷引起;寻衅滋事罪不属于刑法分则第四章、第五章规定的犯罪;可能判处三年有期徒刑以上刑罚;犯罪嫌疑人在五年以内曾经故意犯罪;犯罪嫌疑人未真诚悔罪;被害人不愿和解',
    );
    expect(await prosecutionCase(registered.id)).toEqual({ status: 'RECEIVED', referredAt: null });
  });
});

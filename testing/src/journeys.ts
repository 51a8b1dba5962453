import { expect } from 'vitest';
import type { As, Stack } from './stack.js';
import { until } from './until.js';

// The personas' steps of a journey through the gateway, as small functions over `stack.query`: what
// an officer, a clerk, a procurator, a mediator, the court, the hub and the leader do in the
// acceptance journeys (test/acceptance-journeys.e2e.ts) and the e2e files that share their steps.
// Each step asserts its own answer (HTTP 200, no errors) and returns what the next step needs;
// whatever travels by docking is waited for with `until`, never a sleep.

/** A GraphQL answer read by path. */
export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
export type GqlBody = { data?: Row | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };

/** 戴南镇人民调解委员会: the `mediator` persona's committee, in 戴南镇 (321281123). */
export const DAINAN_COMMITTEE = { creditCode: '54321281MJ12345677', name: '戴南镇人民调解委员会' } as const;
const DAY = 86_400_000;

/** What the expected refusal carries: its code, and (for VALIDATION_FAILED of several fields) every field. */
export interface Refusal {
  code: string;
  field?: string;
  fields?: string[];
  reasons?: string[];
  message?: string | RegExp;
}

export type Journeys = ReturnType<typeof journeys>;

/** The persona steps over one stack (the gateway and the subgraphs it names). */
export function journeys(stack: Stack) {
  const q = async (query: string, variables: Record<string, unknown> = {}, as: As = null): Promise<GqlBody> => {
    const { status, body } = await stack.query(query, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as GqlBody;
  };
  const ok = async (query: string, variables: Record<string, unknown> = {}, as: As = null): Promise<Row> => {
    const body = await q(query, variables, as);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };
  const sql = (subgraph: string, text: string, params: unknown[] = []) => {
    const s = stack.subgraphs[subgraph];
    if (!s) throw new Error(`subgraph ${subgraph} is not part of this stack`);
    return s.orm.em.getConnection().execute<Row[]>(text, params);
  };
  /** Rows of one table in one agency's database (to show that a refusal wrote nothing). */
  const rows = async (subgraph: string, table: string) => Number((await sql(subgraph, `select count(*)::int as n from ${table}`))[0]!.n);

  /**
   * The operation is refused with a coded error whose message is Chinese, and `unchanged` reads the
   * same before and after (the rows of the affected tables, or the record re-read): nothing written.
   */
  const refused = async (operation: { query: string; variables?: Record<string, unknown>; as: As }, expected: Refusal, unchanged: () => Promise<unknown>) => {
    const before = await unchanged();
    const body = await q(operation.query, operation.variables ?? {}, operation.as);
    expect(body.errors, `expected ${expected.code}, got ${JSON.stringify(body.data)}`).toBeDefined();
    const error = body.errors![0]!;
    const { message, ...extensions } = expected;
    expect(error.extensions, JSON.stringify(error)).toMatchObject(extensions);
    expect(error.message).toMatch(message ?? /[\u4e00-\u9fa5]/);
    expect(await unchanged()).toEqual(before);
    return error;
  };

  /** Waits until `read` returns a value that passes `test`, and returns it. */
  const when = <T>(what: string, read: () => Promise<T>, test: (value: T) => boolean) =>
    until(what, async () => {
      const value = await read();
      return test(value) ? value : null;
    });

  /** The hub's answer on a record (一案一号): its dispute id and 统一编号, once they arrived. */
  const answered = (field: 'policeIncident' | 'courtCase' | 'petitionItem' | 'procuratorateCase', id: string, as: As) =>
    until(`the hub's answer on the ${field}`, async () => {
      const record = (await ok(`query($id: ID!) { ${field}(id: $id) { disputeId disputeNumber } }`, { id }, as))[field] as Row;
      return record.disputeId && record.disputeNumber ? (record as { disputeId: string; disputeNumber: string }) : null;
    });

  const police = {
    /** 接警登记; returns the incident. */
    registerIncident: async (input: Row, as: As = 'police-officer') =>
      (await ok('mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id incidentNumber status disputeId } }', { input }, as))
        .registerIncident as Row,
    /**
     * A demo incident of the town still with the police (neither transferred nor mediated by them),
     * made DISPATCHED — and, with `unreported`, not yet reported to the hub (a demo incident may carry
     * a demo dispute in any state), so a transfer registers its dispute.
     */
    demoIncident: async (town: string, { offset = 0, unreported = false } = {}) => {
      const [incident] = await sql(
        'police',
        `select id from police_incident i where region_code like ? and not exists (select 1 from docking_outgoing t where t.record_id = i.id::text)
         and not exists (select 1 from police_mediation m where m.incident_id = i.id) order by id limit 1 offset ?`,
        [`${town}%`, offset],
      );
      await sql('police', `update police_incident set status = 'DISPATCHED'${unreported ? ', dispute_id = null' : ''} where id = ?`, [incident!.id]);
      return incident!.id as string;
    },
    /** 公调: the officer transfers the incident's dispute to a committee; returns the transfer (its docking). */
    transfer: async (incidentId: string, over: Row = {}, as: As = 'police-officer') =>
      (
        await ok(
          'mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId status } }',
          {
            id: incidentId,
            input: {
              receiver: DAINAN_COMMITTEE,
              reason: '邻里排水纠纷,不属于治安案件,双方同意人民调解',
              parties: [
                { role: 'APPLICANT', name: '张小三', phone: '13812345678' },
                { role: 'RESPONDENT', name: '李四' },
              ],
              ...over,
            },
          },
          as,
        )
      ).transferToMediation as { dockingId: string; status: string },
  };

  const court = {
    /** 诉前收案; returns the court case. */
    receive: async (input: Row, as: As = 'court-staff') =>
      (await ok('mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id caseNumber disputeId } }', { input }, as))
        .receiveCivilCase as Row,
    /** 委派调解 (立案前) to a committee; returns the docking id. */
    delegate: async (id: string, receiver: Row = DAINAN_COMMITTEE, as: As = 'court-staff') =>
      (await ok('mutation($id: ID!, $r: ReceivingOrganizationInput!) { divertToMediation(id: $id, receiver: $r) { dockingId } }', { id, r: receiver }, as))
        .divertToMediation.dockingId as string,
    /** The parties' application among the court's confirmations due, once it arrived. */
    due: (agreementId: string, as: As = 'court-staff') =>
      until("the application among the court's confirmations due", async () => {
        const data = await ok(
          '{ confirmationsDue(first: 100) { edges { node { id agreementId courtCaseId dockingId disputeId status mediationOrganization regionCode } } } }',
          {},
          as,
        );
        return (data.confirmationsDue.edges as { node: Row }[]).map((e) => e.node).find((n) => n.agreementId === agreementId);
      }),
    /** 受理 (调确字号); returns the confirmation. */
    accept: async (id: string, as: As = 'court-staff') =>
      (await ok('mutation($id: ID!) { acceptJudicialConfirmation(id: $id) { status caseNumber } }', { id }, as)).acceptJudicialConfirmation as Row,
    /** 裁定确认有效 (or, with `confirmed: false`, 驳回). */
    rule: async (id: string, note = '调解协议系双方自愿达成,内容合法,确认有效', confirmed = true, as: As = 'court-staff') =>
      (
        await ok(
          'mutation($id: ID!, $c: Boolean!, $n: String!) { ruleOnJudicialConfirmation(id: $id, confirmed: $c, note: $n) { status ruledAt } }',
          { id, c: confirmed, n: note },
          as,
        )
      ).ruleOnJudicialConfirmation as Row,
  };

  const petition = {
    /** 信访登记; returns the item. */
    register: async (input: Row, as: As = 'petition-officer') =>
      (await ok('mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id itemNumber status disputeId } }', { input }, as))
        .registerPetition as Row,
    accept: async (id: string, handlingUnit = '兴化市信访局', as: As = 'petition-officer') =>
      (await ok('mutation($id: ID!, $u: String!) { acceptPetition(id: $id, handlingUnit: $u) { status } }', { id, u: handlingUnit }, as)).acceptPetition as Row,
    /** 访调: the item to a committee; returns the docking id. */
    refer: async (id: string, respondents: Row[] = [], receiver: Row = DAINAN_COMMITTEE, as: As = 'petition-officer') =>
      (
        await ok(
          'mutation($id: ID!, $r: ReceivingOrganizationInput!, $o: [MediationRespondentInput!]) { referPetitionToMediation(id: $id, receiver: $r, respondents: $o) { dockingId } }',
          { id, r: receiver, o: respondents },
          as,
        )
      ).referPetitionToMediation.dockingId as string,
  };

  const procuratorate = {
    /** 审查起诉 intake; returns the case. */
    register: async (input: Row, as: As = 'procurator') =>
      (await ok('mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { id caseNumber status disputeId } }', { input }, as))
        .registerProsecutionCase as Row,
    /** 检调: 刑事和解 referred to a committee; returns the docking id. */
    refer: async (id: string, facts: Row = { suspectRepents: true, victimAccepts: true }, receiver: Row = DAINAN_COMMITTEE, as: As = 'procurator') =>
      (
        await ok(
          'mutation($id: ID!, $r: ReceivingOrganizationInput!, $f: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: $r, facts: $f) { dockingId } }',
          { id, r: receiver, f: facts },
          as,
        )
      ).referForReconciliation.dockingId as string,
  };

  const mediator = {
    /** The committee's case of a hand-over, once it is in the inbox; returns the inbox entry. */
    inboxed: (dockingId: string, as: As = 'mediator') =>
      until("the hand-over in the mediator's inbox", async () => {
        const data = await ok(
          '{ mediationInbox(first: 100) { edges { node { id dockingId status source mode disputeId sourceUnitName parties { name } } } } }',
          {},
          as,
        );
        return (data.mediationInbox.edges as { node: Row }[]).map((e) => e.node).find((n) => n.dockingId === dockingId);
      }),
    accept: async (caseId: string, as: As = 'mediator') =>
      (await ok('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status caseNumber mediatorName } }', { c: caseId }, as)).acceptMediationCase as Row,
    /** A session (笔录) held today. */
    session: async (caseId: string, focus: string, over: Row = {}, as: As = 'mediator') =>
      (
        await ok(
          'mutation($input: MediationSessionInput!) { recordMediationSession(input: $input) { sequence } }',
          {
            input: {
              caseId,
              heldAt: new Date().toISOString(),
              place: '戴南镇人民调解委员会调解室',
              participants: ['张小三', '李四', '顾秀英'],
              focus,
              opinions: '双方各自陈述意见',
              ...over,
            },
          },
          as,
        )
      ).recordMediationSession as { sequence: number },
    /** A written agreement (调解协议书), not yet signed. */
    recordAgreement: async (caseId: string, over: Row = {}, as: As = 'mediator') =>
      (
        await ok(
          'mutation($input: MediationAgreementInput!) { recordMediationAgreement(input: $input) { id number effectiveDate } }',
          {
            input: {
              caseId,
              form: 'WRITTEN',
              facts: '双方房屋相邻,共用排水沟渠,沟渠堵塞致积水。',
              mattersInDispute: '沟渠疏通及费用分担',
              responsibilities: '双方均有维护责任',
              terms: ['李四于七日内疏通沟渠', '张小三向李四支付疏通费用的一半计300元'],
              performanceMethod: '现场疏通,现金支付',
              performanceDeadline: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10),
              amount: 300,
              ...over,
            },
          },
          as,
        )
      ).recordMediationAgreement as { id: string; number: string; effectiveDate: string | null },
    /** Every party of the case signs, the mediator signs and the committee seals: the agreement takes effect. */
    sign: async (caseId: string, agreementId: string, as: As = 'mediator') => {
      const view = await ok('query($id: ID!) { mediationCase(id: $id) { parties { id } } }', { id: caseId }, as);
      return (
        await ok(
          'mutation($input: SignMediationAgreementInput!) { signMediationAgreement(input: $input) { effectiveDate } }',
          {
            input: {
              agreementId,
              signatures: (view.mediationCase.parties as { id: string }[]).map((p) => ({ partyId: p.id, method: 'SIGNATURE' })),
              mediatorSigned: true,
              sealed: true,
            },
          },
          as,
        )
      ).signMediationAgreement as { effectiveDate: string | null };
    },
    /** Recorded and signed: in effect. */
    agree: async (caseId: string, over: Row = {}, as: As = 'mediator') => {
      const agreement = await mediator.recordAgreement(caseId, over, as);
      const signed = await mediator.sign(caseId, agreement.id, as);
      expect(signed.effectiveDate).toBeTruthy();
      return agreement;
    },
    /** Accepted, one session, an agreement with these terms signed by all. */
    settle: async (caseId: string, terms?: string[], as: As = 'mediator') => {
      await mediator.accept(caseId, as);
      await mediator.session(caseId, '沟渠疏通及费用分担', {}, as);
      return mediator.agree(caseId, terms ? { terms } : {}, as);
    },
    /** 申请司法确认: the parties' joint application, sent by the committee to the competent court. */
    applyForConfirmation: async (agreementId: string, as: As = 'mediator') =>
      (
        await ok(
          'mutation($a: ID!) { applyForJudicialConfirmation(agreementId: $a) { judicialConfirmationAppliedAt judicialConfirmationRuling } }',
          { a: agreementId },
          as,
        )
      ).applyForJudicialConfirmation as Row,
  };

  const DISPUTE = `query($id: ID!) { dispute(id: $id) {
    id number category status tier attemptsAtTier outcome resolvedAt closedAt version
    handling { timeline { type fromStatus toStatus summary } }
  } }`;
  const COUNTS =
    'query($code: String!, $from: DateTimeISO!, $to: DateTimeISO!) { indicators(regionCode: $code, period: { from: $from, to: $to }) { hub { registered resolved resolutionRate } } }';
  const hub = {
    dispute: async (id: string, as: As = 'hub-coordinator') => (await ok(DISPUTE, { id }, as)).dispute as Row,
    /** Waits until the hub's dispute passes `test`. */
    disputeWhen: (what: string, id: string, test: (d: Row) => boolean) => when(what, () => hub.dispute(id), test),
    /** The hub's indicators (IndicatorReport.hub) for the two days around now (化解率). */
    counts: async (code: string) =>
      (await ok(COUNTS, { code, from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() }, 'hub-coordinator')).indicators
        .hub as { registered: number; resolved: number; resolutionRate: number | null },
    requestReview: async (disputeId: string, note = '调解组织反馈已达成协议并经司法确认', as: As = 'hub-coordinator') =>
      (await ok('mutation($input: RequestDisputeReviewInput!) { requestClosingReview(input: $input) { status } }', { input: { disputeId, note } }, as))
        .requestClosingReview as Row,
    review: async (disputeId: string, opinion = '协议已经司法确认,同意结案', as: As = 'hub-coordinator') =>
      (await ok('mutation($input: ReviewDisputeInput!) { reviewDispute(input: $input) { status } }', { input: { disputeId, approve: true, opinion } }, as))
        .reviewDispute as Row,
    close: async (disputeId: string, closingOpinion = '矛盾纠纷已化解,调解协议经司法确认,结案', as: As = 'hub-coordinator') =>
      (await ok('mutation($input: CloseDisputeInput!) { closeDispute(input: $input) { status closedAt } }', { input: { disputeId, closingOpinion } }, as))
        .closeDispute as Row,
  };

  const VIEW = `query($id: ID!) { dispute(id: $id) {
    id number category status closedAt
    policeIncidents { id incidentNumber }
    courtCases { id caseNumber }
    petitions { id itemNumber }
    procuratorateCases { id caseNumber }
    mediations { id caseNumber status }
    judicialConfirmations { id caseNumber status agreementId }
    dockings { id kind mode status fromAgency toAgency outcome timeline { type } }
    reports { agency recordType recordNumber decision reason }
  } }`;
  const leader = {
    /** The one dispute view: every agency's records of the dispute, its ledger and its reports. */
    view: async (disputeId: string, as: As = 'leader') => (await ok(VIEW, { id: disputeId }, as)).dispute as Row,
  };

  return { q, ok, sql, rows, refused, when, answered, police, court, petition, procuratorate, mediator, hub, leader };
}

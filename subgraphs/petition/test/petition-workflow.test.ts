import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { PERSONAS } from '@jiefen/auth';
import { actOnPetition, receiveMediationOutcome, registerPetition } from '../src/services/petition-item.service.js';
import { createPetitionSubgraph, petitionSubgraph } from '../src/subgraph.js';

const person = demoPeople(320)[310]!;
const FIELDS =
  'id itemNumber status dueAt overdue routeDueAt routedAt handleDueAt extensionDays mediationOrganization mediationOutcome answer concludedAt satisfaction';
const REGISTER = `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { ${FIELDS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptPetition(id: $id, handlingUnit: "兴化市信访局") { ${FIELDS} } }`;
const REFER = `mutation($id: ID!) { referPetitionToMediation(id: $id, receiver: { creditCode: "54321281MJ12345677", name: "戴南镇人民调解委员会" }) { ${FIELDS} } }`;
const ANSWER = `mutation($id: ID!) { answerPetition(id: $id, answer: "经调查核实,书面答复信访人") { ${FIELDS} } }`;
const RATE = `mutation($id: ID!, $s: PetitionSatisfaction!) { ratePetition(id: $id, satisfaction: $s) { ${FIELDS} } }`;
const EXTEND = `mutation($id: ID!, $days: Int!) { extendPetitionHandling(id: $id, days: $days, reason: "涉及多个部门,需要联合调查") { ${FIELDS} } }`;
const OVERDUE = `query($asOf: DateTimeISO) { overduePetitions(first: 100, asOf: $asOf) { totalCount edges { node { id status dueAt overdue } } } }`;
type Item = {
  id: string;
  itemNumber: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  routeDueAt: string;
  handleDueAt: string | null;
  extensionDays: number;
  mediationOutcome: string | null;
  answer: string | null;
  satisfaction: string | null;
};
const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

describe('访调: petitions, clocks, mediation and satisfaction', () => {
  let stack: Stack;
  const dispute = demoDisputes().find((d) => d.agencies.petition && d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const input = {
    disputeId: dispute.id,
    form: 'VISIT',
    subject: '反映戴南镇某企业拖欠工资,要求督促支付',
    regionCode: dispute.regionCode,
    petitionerName: person.name,
    petitionerIdNumber: person.idNumber,
    petitionerPhone: person.phone,
  };
  const count = async () =>
    Number((await stack.subgraphs.petition!.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from petition_item'))[0]!.n);
  const run = async <K extends string>(q: string, vars: Record<string, unknown>, key: K, as: Parameters<Stack['querySubgraph']>[3] = 'petition-officer') =>
    (await stack.querySubgraph<Record<K, Item>>('petition', q, vars, as)).body;
  const register = async () => (await run(REGISTER, { input }, 'registerPetition')).data!.registerPetition;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [petitionSubgraph], gateway: false, seed: true, hubRegister: demoDisputes() });
  });
  afterAll(() => stack?.stop());

  it('registers with a 15-day routing clock that becomes overdue, then 60 days to handle (+30 once with a reason)', async () => {
    const item = await register();
    expect(item.itemNumber).toMatch(/^兴访〔2026〕\d{4}号$/);
    expect(item).toMatchObject({ status: 'REGISTERED', overdue: false });
    expect(item.dueAt).toBe(item.routeDueAt);
    const at = (d: number) => new Date(Date.now() + d * DAY).toISOString();
    const in14 = (await stack.querySubgraph<{ overduePetitions: { edges: { node: Item }[] } }>('petition', OVERDUE, { asOf: at(14) }, 'petition-officer')).body
      .data!.overduePetitions.edges;
    expect(in14.some((e) => e.node.id === item.id)).toBe(false);
    const in16 = (
      await stack.querySubgraph<{ overduePetitions: { edges: { node: Item }[] } }>('petition', OVERDUE, { asOf: at(16) }, 'petition-officer')
    ).body.data!.overduePetitions.edges.map((e) => e.node);
    expect(in16.find((n) => n.id === item.id)).toMatchObject({ status: 'REGISTERED', overdue: true });
    expect([...in16.map((n) => n.dueAt!)].sort()).toEqual(in16.map((n) => n.dueAt!));
    const accepted = (await run(ACCEPT, { id: item.id }, 'acceptPetition')).data!.acceptPetition;
    expect(accepted.status).toBe('ACCEPTED');
    expect(days(new Date().toISOString(), accepted.handleDueAt!)).toBeCloseTo(60, 1);
    expect(accepted.dueAt).toBe(accepted.handleDueAt);
    const tooLong = await run(EXTEND, { id: item.id, days: 31 }, 'extendPetitionHandling');
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'days' });
    const extended = (await run(EXTEND, { id: item.id, days: 30 }, 'extendPetitionHandling')).data!.extendPetitionHandling;
    expect(days(accepted.handleDueAt!, extended.handleDueAt!)).toBe(30);
    const again = await run(EXTEND, { id: item.id, days: 5 }, 'extendPetitionHandling');
    expect(again.errors![0]!.extensions!.code).toBe('EXTENSION_NOT_ALLOWED');
    const in91 = (await stack.querySubgraph<{ overduePetitions: { edges: { node: Item }[] } }>('petition', OVERDUE, { asOf: at(91) }, 'petition-officer')).body
      .data!.overduePetitions.edges;
    expect(in91.find((e) => e.node.id === item.id)!.node).toMatchObject({ status: 'ACCEPTED', overdue: true });
  });

  it('refers to mediation (访调); the outcome event closes it; the petitioner rates it once', async () => {
    const item = await register();
    await run(ACCEPT, { id: item.id }, 'acceptPetition');
    const referred = (await run(REFER, { id: item.id }, 'referPetitionToMediation')).data!.referPetitionToMediation;
    expect(referred).toMatchObject({ status: 'REFERRED_TO_MEDIATION', mediationOrganization: '戴南镇人民调解委员会' });
    const early = await run(RATE, { id: item.id, s: 'SATISFIED' }, 'ratePetition');
    expect(early.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    const closed = await receiveMediationOutcome(
      stack.subgraphs.petition!.orm.em.fork(),
      { petitionItemId: item.id, succeeded: true, summary: '企业与职工达成调解协议,当场支付拖欠工资' },
      petitionSubgraph.settings,
    );
    expect(closed).toMatchObject({ status: 'CONCLUDED', mediationOutcome: 'SUCCEEDED', dueAt: null });
    const rated = (await run(RATE, { id: item.id, s: 'BASICALLY_SATISFIED' }, 'ratePetition')).data!.ratePetition;
    expect(rated).toMatchObject({ status: 'CONCLUDED', satisfaction: 'BASICALLY_SATISFIED', answer: '企业与职工达成调解协议,当场支付拖欠工资' });
    const twice = await run(RATE, { id: item.id, s: 'DISSATISFIED' }, 'ratePetition');
    expect(twice.errors![0]!.extensions!.code).toBe('ALREADY_RATED');
  });

  it('returns a failed mediation to the bureau, which answers; review and re-review follow', async () => {
    const item = await register();
    await run(ACCEPT, { id: item.id }, 'acceptPetition');
    await run(REFER, { id: item.id }, 'referPetitionToMediation');
    const failed = await stack.querySubgraph<{ recordPetitionMediationOutcome: Item }>(
      'petition',
      `mutation($id: ID!) { recordPetitionMediationOutcome(id: $id, succeeded: false, summary: "企业拒绝调解") { ${FIELDS} } }`,
      { id: item.id },
      'petition-officer',
    );
    expect(failed.body.data!.recordPetitionMediationOutcome).toMatchObject({ status: 'ACCEPTED', mediationOutcome: 'FAILED' });
    expect((await run(ANSWER, { id: item.id }, 'answerPetition')).data!.answerPetition.status).toBe('CONCLUDED');
    const review = await stack.querySubgraph<{ requestPetitionReview: Item }>(
      'petition',
      `mutation($id: ID!) { requestPetitionReview(id: $id) { ${FIELDS} } }`,
      { id: item.id },
      'petition-officer',
    );
    const r = review.body.data!.requestPetitionReview;
    expect(r.status).toBe('UNDER_REVIEW');
    expect(days(new Date().toISOString(), r.dueAt!)).toBeCloseTo(30, 1);
    const reviewed = await stack.querySubgraph<{ answerPetitionReview: Item }>(
      'petition',
      `mutation($id: ID!) { answerPetitionReview(id: $id, opinion: "维持原处理意见") { ${FIELDS} } }`,
      { id: item.id },
      'petition-officer',
    );
    expect(reviewed.body.data!.answerPetitionReview).toMatchObject({ status: 'REVIEWED', dueAt: null });
  });

  it('refuses illegal steps, bad input, other agencies and other jurisdictions, writing nothing', async () => {
    const before = await count();
    const bad = await run(REGISTER, { input: { ...input, petitionerIdNumber: '32128119900101123X' } }, 'registerPetition');
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'petitionerIdNumber' });
    const short = await run(REGISTER, { input: { ...input, subject: '工资' } }, 'registerPetition');
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'subject' });
    // Several invalid fields: every one listed at once.
    const many = await run(
      REGISTER,
      { input: { ...input, subject: '工资', petitionerName: ' ', petitionerIdNumber: '32128119900101123X', petitionerPhone: '123' } },
      'registerPetition',
    );
    expect(many.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['subject', 'petitionerName', 'petitionerIdNumber', 'petitionerPhone'],
    });
    for (const who of ['court-staff', 'leader', 'mediator']) {
      const { errors } = await run(REGISTER, { input }, 'registerPetition', who);
      expect(errors![0]!.extensions!.code, who).toBe('FORBIDDEN');
    }
    const elsewhere = await run(REGISTER, { input }, 'registerPetition', callerOf('petition-officer', { jurisdiction: '321282' }));
    expect(elsewhere.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    const item = await register();
    const answer = await run(ANSWER, { id: item.id }, 'answerPetition');
    expect(answer.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    expect(answer.errors![0]!.message).toBe('信访事项当前状态“已登记,待受理”不允许执行“出具处理意见”');
  });

  it("masks the petitioner outside the bureau and logs the officer's read", async () => {
    const item = await register();
    const q = 'query($id: ID!) { petitionItem(id: $id) { petitionerName petitionerIdNumber petitionerPhone } }';
    const leader = await stack.querySubgraph<{ petitionItem: Record<string, string> }>('petition', q, { id: item.id }, 'leader');
    expect(leader.body.data!.petitionItem.petitionerIdNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const officer = await stack.querySubgraph<{ petitionItem: Record<string, string> }>('petition', q, { id: item.id }, 'petition-officer');
    expect(officer.body.data!.petitionItem).toEqual({ petitionerName: person.name, petitionerIdNumber: person.idNumber, petitionerPhone: person.phone });
    const log = await stack.querySubgraph<{ petitionAccessLog: { edges: { node: { recordId: string; fields: string[] } }[] } }>(
      'petition',
      '{ petitionAccessLog(first: 1) { edges { node { recordId fields } } } }',
      {},
      callerOf('petition-officer', { roles: ['ADMIN'] }),
    );
    expect(log.body.data!.petitionAccessLog.edges[0]!.node).toEqual({ recordId: item.id, fields: ['petitionerIdNumber', 'petitionerName', 'petitionerPhone'] });
  });

  it('computes 及时受理率, 按期办结率 and 参评满意率 in SQL (IndicatorReport.petition)', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { petition {
      registered acceptedOnTime timelyAcceptanceRate closed closedOnTime onTimeClosureRate rated satisfied basicallySatisfied satisfactionRate mediationTransfers transfersSucceeded } } } }`;
    // From well before the demo story to past the 90 days the late item below is answered in.
    const r = [
      {
        __typename: 'IndicatorReport',
        regionCode: '321281',
        from: new Date(Date.now() - 400 * DAY).toISOString(),
        to: new Date(Date.now() + 200 * DAY).toISOString(),
      },
    ];
    const figures = async () =>
      (await stack.querySubgraph<{ _entities: { petition: Record<string, number> }[] }>('petition', q, { r }, 'leader')).body.data!._entities[0]!.petition;
    // One item answered 70 days after acceptance, on a subgraph clock set forward: concluded, but late.
    const before = await figures();
    const em = () => stack.subgraphs.petition!.orm.em.fork();
    const officer = PERSONAS['petition-officer']!;
    const t0 = new Date();
    const settingsAt = (days: number) => createPetitionSubgraph({ now: () => new Date(t0.getTime() + days * DAY) }).settings;
    const late = await registerPetition(em(), officer, input, stack.references('PETITION'), settingsAt(0));
    await actOnPetition(em(), officer, late.id, 'ACCEPT', { text: '兴化市信访局' }, settingsAt(20));
    await actOnPetition(em(), officer, late.id, 'ANSWER', { text: '书面答复信访人' }, settingsAt(90));
    const after = await figures();
    expect(after.closed - before.closed).toBe(1);
    expect(after.closedOnTime - before.closedOnTime).toBe(0);
    expect(after.registered - before.registered).toBe(1);
    expect(after.acceptedOnTime - before.acceptedOnTime).toBe(0);
    const f = after;
    expect(f.registered).toBeGreaterThan(f.acceptedOnTime);
    expect(f.timelyAcceptanceRate).toBeCloseTo(f.acceptedOnTime / f.registered, 4);
    expect(f.closed).toBeGreaterThan(f.closedOnTime);
    expect(f.onTimeClosureRate).toBeCloseTo(f.closedOnTime / f.closed, 4);
    expect(f.satisfactionRate).toBeCloseTo((f.satisfied + f.basicallySatisfied) / f.rated, 4);
    expect(f.transfersSucceeded).toBeGreaterThan(0);
    expect(f.mediationTransfers).toBeGreaterThanOrEqual(f.transfersSucceeded);
    const court = await stack.querySubgraph('petition', q, { r }, 'court-staff');
    expect(court.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

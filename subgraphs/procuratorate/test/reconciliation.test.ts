import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { ProcuratorateCase } from '../src/entities/procuratorate-case.entity.js';
import { receiveMediationOutcome } from '../src/services/procuratorate-case.service.js';
import { procuratorateSubgraph } from '../src/subgraph.js';

const FIELDS = 'id status charge mediationOrganization referredAt outcome agreementSummary decision decisionNote concludedAt';
const REFER = `mutation($id: ID!, $facts: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: { creditCode: "54321281MJ12345677", name: "戴南镇人民调解委员会" }, facts: $facts) { ${FIELDS} } }`;
const OUTCOME = `mutation($id: ID!, $ok: Boolean!) { recordReconciliationOutcome(id: $id, reconciled: $ok, summary: "犯罪嫌疑人赔偿医药费并赔礼道歉,被害人出具谅解书") { ${FIELDS} } }`;
const CONCLUDE = `mutation($id: ID!, $d: ProcuratorateDecision!) { concludeProcuratorateCase(id: $id, decision: $d, note: "达成和解协议并已履行") { ${FIELDS} } }`;
const eligible = {
  charge: '故意伤害罪(轻伤)',
  arisesFromCivilDispute: true,
  likelySentenceMonths: 18,
  intentionalCrimeWithinFiveYears: false,
  suspectRepents: true,
  victimAccepts: true,
};
type Node = Record<string, string | null>;

describe('检调: 刑事和解 and civil supervision referred to mediation', () => {
  let stack: Stack;
  let n = 0;
  const [victim, suspect] = demoPeople(260).slice(250, 252);
  const dispute = demoDisputes().find((d) => d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const count = async () =>
    Number(
      (
        await stack.subgraphs
          .procuratorate!.orm.em.getConnection()
          .execute<{ n: string }[]>('select count(*) as n from procuratorate_case where referred_at is not null')
      )[0]!.n,
    );

  /** A freshly received case (the procuratorate's intake is outside this issue: a factory stands in). */
  const received = async (kind: 'CRIMINAL_RECONCILIATION' | 'CIVIL_SUPERVISION' = 'CRIMINAL_RECONCILIATION') => {
    n += 1;
    const em = stack.subgraphs.procuratorate!.orm.em.fork();
    const c = em.create(ProcuratorateCase, {
      id: randomUUID(),
      disputeId: dispute.id,
      caseNumber: `兴检测试〔2026〕${n}号`,
      kind,
      charge: kind === 'CIVIL_SUPERVISION' ? null : '故意伤害罪',
      regionCode: dispute.regionCode,
      receivedAt: new Date(),
      suspectName: suspect!.name,
      suspectIdNumber: suspect!.idNumber,
      victimName: victim!.name,
      victimPhone: victim!.phone,
    });
    await em.flush();
    return c.id;
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [procuratorateSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('refers an eligible case, records the reconciliation and concludes with no prosecution', async () => {
    const id = await received();
    const referred = await stack.querySubgraph<{ referForReconciliation: Node }>('procuratorate', REFER, { id, facts: eligible }, 'procurator');
    expect(referred.body.data!.referForReconciliation).toMatchObject({
      status: 'REFERRED_TO_MEDIATION',
      charge: '故意伤害罪(轻伤)',
      mediationOrganization: '戴南镇人民调解委员会',
    });
    const outcome = await stack.querySubgraph<{ recordReconciliationOutcome: Node }>('procuratorate', OUTCOME, { id, ok: true }, 'procurator');
    expect(outcome.body.data!.recordReconciliationOutcome).toMatchObject({ status: 'RECONCILED', outcome: 'RECONCILED' });
    const done = await stack.querySubgraph<{ concludeProcuratorateCase: Node }>('procuratorate', CONCLUDE, { id, d: 'NO_PROSECUTION' }, 'procurator');
    expect(done.body.data!.concludeProcuratorateCase).toMatchObject({ status: 'CONCLUDED', decision: 'NO_PROSECUTION', decisionNote: '达成和解协议并已履行' });
    expect(done.body.data!.concludeProcuratorateCase.concludedAt).not.toBeNull();
  });

  it('takes the outcome from the mediation side (event entry point) and allows only continued prosecution without reconciliation', async () => {
    const id = await received();
    await stack.querySubgraph(
      'procuratorate',
      REFER,
      { id, facts: { ...eligible, charge: '交通肇事罪', arisesFromCivilDispute: false, likelySentenceMonths: 60 } },
      'procurator',
    );
    const failed = await receiveMediationOutcome(
      stack.subgraphs.procuratorate!.orm.em.fork(),
      { caseId: id, reconciled: false, summary: '被害人家属不接受赔偿方案' },
      procuratorateSubgraph.settings,
    );
    expect(failed.status).toBe('RECONCILIATION_FAILED');
    const lenient = await stack.querySubgraph('procuratorate', CONCLUDE, { id, d: 'LENIENCY_RECOMMENDATION' }, 'procurator');
    expect(lenient.body.errors![0]!.extensions).toMatchObject({ code: 'DECISION_NOT_ALLOWED', allowed: ['PROSECUTION_CONTINUES'] });
    const continued = await stack.querySubgraph<{ concludeProcuratorateCase: Node }>(
      'procuratorate',
      CONCLUDE,
      { id, d: 'PROSECUTION_CONTINUES' },
      'procurator',
    );
    expect(continued.body.data!.concludeProcuratorateCase).toMatchObject({ status: 'CONCLUDED', decision: 'PROSECUTION_CONTINUES' });
  });

  it('refuses an ineligible referral with all its reasons and writes nothing', async () => {
    const id = await received();
    const before = await count();
    const facts = {
      ...eligible,
      charge: '寻衅滋事罪',
      arisesFromCivilDispute: false,
      likelySentenceMonths: 48,
      intentionalCrimeWithinFiveYears: true,
      victimAccepts: false,
    };
    const refused = await stack.querySubgraph('procuratorate', REFER, { id, facts }, 'procurator');
    expect(refused.body.errors![0]!.extensions).toMatchObject({
      code: 'NOT_ELIGIBLE',
      reasons: ['NOT_FROM_CIVIL_DISPUTE', 'CHAPTER_NOT_ELIGIBLE', 'SENTENCE_OVER_THREE_YEARS', 'INTENTIONAL_CRIME_WITHIN_FIVE_YEARS', 'VICTIM_NOT_WILLING'],
    });
    expect(refused.body.errors![0]!.message).toMatch(/^不适用刑事和解:案件不是因民间纠纷引起;/);
    const dereliction = await stack.querySubgraph('procuratorate', REFER, { id, facts: { ...eligible, charge: '玩忽职守罪' } }, 'procurator');
    expect(dereliction.body.errors![0]!.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: ['DERELICTION_OF_DUTY'] });
    expect(await count()).toBe(before);
    const still = await stack.querySubgraph<{ procuratorateCase: Node }>(
      'procuratorate',
      'query($id: ID!) { procuratorateCase(id: $id) { status referredAt } }',
      { id },
      'procurator',
    );
    expect(still.body.data!.procuratorateCase).toEqual({ status: 'RECEIVED', referredAt: null });
  });

  it('refers a civil supervision case to mediation; a settled one ends its review', async () => {
    const id = await received('CIVIL_SUPERVISION');
    const wrong = await stack.querySubgraph('procuratorate', REFER, { id, facts: eligible }, 'procurator');
    expect(wrong.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    const referred = await stack.querySubgraph<{ referCivilSupervisionToMediation: Node }>(
      'procuratorate',
      'mutation($id: ID!) { referCivilSupervisionToMediation(id: $id, receiver: { creditCode: "54321281MJ12345677", name: "兴化市人民调解中心" }) { status mediationOrganization } }',
      { id },
      'procurator',
    );
    expect(referred.body.data!.referCivilSupervisionToMediation).toEqual({ status: 'REFERRED_TO_MEDIATION', mediationOrganization: '兴化市人民调解中心' });
    await stack.querySubgraph('procuratorate', OUTCOME, { id, ok: true }, 'procurator');
    const noProsecution = await stack.querySubgraph('procuratorate', CONCLUDE, { id, d: 'NO_PROSECUTION' }, 'procurator');
    expect(noProsecution.body.errors![0]!.extensions!.code).toBe('DECISION_NOT_ALLOWED');
    const ended = await stack.querySubgraph<{ concludeProcuratorateCase: Node }>('procuratorate', CONCLUDE, { id, d: 'REVIEW_TERMINATED' }, 'procurator');
    expect(ended.body.data!.concludeProcuratorateCase.decision).toBe('REVIEW_TERMINATED');
  });

  it('refuses illegal transitions, bad input, other agencies and other jurisdictions', async () => {
    const id = await received();
    const early = await stack.querySubgraph('procuratorate', OUTCOME, { id, ok: true }, 'procurator');
    expect(early.body.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    expect(early.body.errors![0]!.message).toBe('检察案件当前状态“已受理”不允许执行“登记达成和解”');
    const bad = await stack.querySubgraph('procuratorate', REFER, { id, facts: { ...eligible, likelySentenceMonths: -1 } }, 'procurator');
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'facts.likelySentenceMonths' });
    const unknown = await stack.querySubgraph('procuratorate', REFER, { id, facts: { ...eligible, charge: '某某罪' } }, 'procurator');
    expect(unknown.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'facts.chapter' });
    for (const who of ['court-staff', 'leader', 'mediator', 'petition-officer']) {
      const { body } = await stack.querySubgraph('procuratorate', REFER, { id, facts: eligible }, who);
      expect(body.errors![0]!.extensions!.code, who).toBe('FORBIDDEN');
    }
    const elsewhere = await stack.querySubgraph('procuratorate', REFER, { id, facts: eligible }, callerOf('procurator', { jurisdiction: '321282' }));
    expect(elsewhere.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it("masks suspect and victim outside the procuratorate and logs the procurator's read", async () => {
    const id = await received();
    const q = 'query($id: ID!) { procuratorateCase(id: $id) { suspectName suspectIdNumber victimName victimPhone } }';
    const leader = await stack.querySubgraph<{ procuratorateCase: Node }>('procuratorate', q, { id }, 'leader');
    expect(leader.body.data!.procuratorateCase.suspectIdNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const own = await stack.querySubgraph<{ procuratorateCase: Node }>('procuratorate', q, { id }, 'procurator');
    expect(own.body.data!.procuratorateCase.suspectIdNumber).toBe(suspect!.idNumber);
    const log = await stack.querySubgraph<{ procuratorateAccessLog: { edges: { node: { recordId: string; fields: string[] } }[] } }>(
      'procuratorate',
      '{ procuratorateAccessLog(first: 1) { edges { node { recordId fields } } } }',
      {},
      callerOf('procurator', { roles: ['ADMIN'] }),
    );
    expect(log.body.data!.procuratorateAccessLog.edges[0]!.node).toEqual({
      recordId: id,
      fields: ['suspectIdNumber', 'suspectName', 'victimName', 'victimPhone'],
    });
  });

  it('counts 检调 volumes and outcomes per region and period (IndicatorReport.procuratorate)', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { procuratorate {
      referrals criminalReferrals civilSupervisionReferrals agreementsReached agreementsNotReached reconciliationRate nonProsecutionDecisions lenientRecommendations decisions decisionRate prosecutionsContinued civilReviewsTerminated } } } }`;
    // From well before the demo story to tomorrow: every referral, outcome and decision of this file.
    const r = [
      {
        __typename: 'IndicatorReport',
        regionCode: '321281',
        from: new Date(Date.now() - 400 * 86_400_000).toISOString(),
        to: new Date(Date.now() + 86_400_000).toISOString(),
      },
    ];
    const figures = (await stack.querySubgraph<{ _entities: { procuratorate: Record<string, number> }[] }>('procuratorate', q, { r }, 'leader')).body.data!
      ._entities[0]!.procuratorate;
    const nodes = (
      await stack.querySubgraph<{ procuratorateCases: { edges: { node: Node }[] } }>(
        'procuratorate',
        `{ procuratorateCases(first: 100) { edges { node { kind referredAt outcome decision } } } }`,
        {},
        'procurator',
      )
    ).body.data!.procuratorateCases.edges.map((e) => e.node);
    expect(figures.criminalReferrals).toBe(nodes.filter((x) => x.kind === 'CRIMINAL_RECONCILIATION' && x.referredAt).length);
    expect(figures.civilSupervisionReferrals).toBe(nodes.filter((x) => x.kind === 'CIVIL_SUPERVISION' && x.referredAt).length);
    expect(figures.referrals).toBe(figures.criminalReferrals + figures.civilSupervisionReferrals);
    expect(figures.agreementsReached).toBe(nodes.filter((x) => x.outcome === 'RECONCILED').length);
    expect(figures.nonProsecutionDecisions).toBe(nodes.filter((x) => x.decision === 'NO_PROSECUTION').length);
    expect(figures.nonProsecutionDecisions).toBeGreaterThan(0);
    expect(figures.prosecutionsContinued).toBe(nodes.filter((x) => x.decision === 'PROSECUTION_CONTINUES').length);
    expect(figures.civilReviewsTerminated).toBe(nodes.filter((x) => x.decision === 'REVIEW_TERMINATED').length);
    expect(figures.decisions).toBe(figures.nonProsecutionDecisions + figures.lenientRecommendations);
    expect(figures.reconciliationRate).toBeCloseTo(figures.agreementsReached / figures.referrals, 4);
    expect(figures.decisionRate).toBeCloseTo(figures.decisions / figures.criminalReferrals, 4);
    const court = await stack.querySubgraph('procuratorate', q, { r }, 'court-staff');
    expect(court.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

// IndicatorReport.procuratorate on the demo story, taken on to outcomes and decisions first (the
// story stops before any): the figures equal a count by hand on procuratorate_case and docking_outgoing.
import { expect } from 'vitest';
import { DEMO_COUNTY, DEMO_TOWN_DAINAN, demoRegions } from '@jiefen/demo-data';
import { ratio } from '@jiefen/subgraph-kit';
import { callerOf, indicatorBlockConformance, recentDays } from '@jiefen/testing';
import { procuratorateSubgraph } from '../src/subgraph.js';

const towns = demoRegions.filter((r) => r.parentCode === DEMO_COUNTY).map((r) => r.code);
const RECEIVER = '{ creditCode: "54321281MJ12345677", name: "戴南镇人民调解委员会" }';
const REFER = `mutation($id: ID!, $facts: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: ${RECEIVER}, facts: $facts) { status } }`;
const REFER_CIVIL = `mutation($id: ID!) { referCivilSupervisionToMediation(id: $id, receiver: ${RECEIVER}) { status } }`;
const OUTCOME = `mutation($id: ID!, $ok: Boolean!) { recordReconciliationOutcome(id: $id, reconciled: $ok, summary: "调解组织反馈的调解结果") { status } }`;
const CONCLUDE = `mutation($id: ID!, $d: ProcuratorateDecision!) { concludeProcuratorateCase(id: $id, decision: $d, note: "依据调解结果作出决定") { status } }`;
const REGISTER = `mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { id } }`;
const OTHER_TOWN = demoRegions.find((r) => r.parentCode === DEMO_COUNTY && r.code !== DEMO_TOWN_DAINAN)!.code;
const ELSEWHERE = {
  caseNumber: '兴检刑诉受〔2026〕901号',
  regionCode: OTHER_TOWN,
  charge: '故意伤害罪',
  statutoryMaximumMonths: 36,
  intentionalCrimeWithinFiveYears: false,
  arisesFromCivilDispute: true,
  suspect: { name: '赵大勇', idNumber: '321281199005200032' },
  victim: { name: '钱小梅', phone: '13812345678' },
};
const ELIGIBLE = {
  charge: '故意伤害罪(轻伤)',
  arisesFromCivilDispute: true,
  likelySentenceMonths: 18,
  intentionalCrimeWithinFiveYears: false,
  suspectRepents: true,
  victimAccepts: true,
};

indicatorBlockConformance({
  subgraph: procuratorateSubgraph,
  field: 'procuratorate',
  region: DEMO_COUNTY,
  children: [DEMO_TOWN_DAINAN, ...towns.filter((t) => t !== DEMO_TOWN_DAINAN)],
  period: recentDays(),
  // The story has one referral still with the committee (all its cases lie in 戴南镇): its outcome, two
  // more of its cases and one taken in elsewhere, each through referral, outcome and decision by the
  // procurator, give every figure something to count and the ranking two towns.
  async prepare(stack) {
    const cases = await stack.subgraphs
      .procuratorate!.orm.em.getConnection()
      .execute<{ id: string; kind: string; status: string }[]>(`select id, kind, status from procuratorate_case order by case_number`);
    const ask = async <T>(query: string, variables: Record<string, unknown>) => {
      const { body } = await stack.querySubgraph<T>('procuratorate', query, variables, 'procurator');
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data!;
    };
    const referred = cases.find((c) => c.status === 'REFERRED_TO_MEDIATION')!;
    const lenient = cases.find((c) => c.kind === 'CRIMINAL_RECONCILIATION' && c.status !== 'REFERRED_TO_MEDIATION')!;
    const civil = cases.find((c) => c.kind === 'CIVIL_SUPERVISION')!;
    const elsewhere = (await ask<{ registerProsecutionCase: { id: string } }>(REGISTER, { input: ELSEWHERE })).registerProsecutionCase;
    await ask(REFER, { id: lenient.id, facts: ELIGIBLE });
    // Facts recorded at intake are referred as recorded.
    await ask(REFER, { id: elsewhere.id, facts: { ...ELIGIBLE, charge: ELSEWHERE.charge, likelySentenceMonths: ELSEWHERE.statutoryMaximumMonths } });
    await ask(REFER_CIVIL, { id: civil.id });
    for (const [c, ok, decision] of [
      [referred, true, 'NO_PROSECUTION'],
      [lenient, true, 'LENIENCY_RECOMMENDATION'],
      [elsewhere, false, 'PROSECUTION_CONTINUES'],
      [civil, true, 'REVIEW_TERMINATED'],
    ] as const) {
      await ask(OUTCOME, { id: c.id, ok });
      await ask(CONCLUDE, { id: c.id, d: decision });
    }
  },
  async handCount(sql, { like, from, to }) {
    const during = (column: string) => `${column} >= '${from.toISOString()}' and ${column} < '${to.toISOString()}'`;
    const [c] = await sql<Record<string, string>>(
      `select
        count(*) filter (where ${during('referred_at')}) as referrals,
        count(*) filter (where ${during('referred_at')} and kind = 'CRIMINAL_RECONCILIATION') as criminal,
        count(*) filter (where ${during('referred_at')} and kind = 'CIVIL_SUPERVISION') as civil,
        count(*) filter (where ${during('outcome_at')} and outcome = 'RECONCILED') as reconciled,
        count(*) filter (where ${during('outcome_at')} and outcome = 'NOT_RECONCILED') as not_reconciled,
        count(*) filter (where ${during('concluded_at')} and decision = 'NO_PROSECUTION') as no_prosecution,
        count(*) filter (where ${during('concluded_at')} and decision = 'LENIENCY_RECOMMENDATION') as leniency,
        count(*) filter (where ${during('concluded_at')} and decision = 'PROSECUTION_CONTINUES') as prosecution,
        count(*) filter (where ${during('concluded_at')} and decision = 'REVIEW_TERMINATED') as review_terminated
      from procuratorate_case where region_code like ?`,
      [like],
    );
    const [d] = await sql<Record<string, string>>(
      `select count(*) filter (where ${during('accepted_at')}) as accepted, count(*) filter (where ${during('rejected_at')}) as rejected
      from docking_outgoing where kind = 'PROCURATORATE' and record_type = 'ProcuratorateCase' and region_code like ?`,
      [like],
    );
    const n = (row: Record<string, string> | undefined, k: string) => Number(row![k]);
    return {
      referrals: n(c, 'referrals'),
      criminalReferrals: n(c, 'criminal'),
      civilSupervisionReferrals: n(c, 'civil'),
      referralsAccepted: n(d, 'accepted'),
      referralsRejected: n(d, 'rejected'),
      agreementsReached: n(c, 'reconciled'),
      agreementsNotReached: n(c, 'not_reconciled'),
      nonProsecutionDecisions: n(c, 'no_prosecution'),
      lenientRecommendations: n(c, 'leniency'),
      prosecutionsContinued: n(c, 'prosecution'),
      civilReviewsTerminated: n(c, 'review_terminated'),
    };
  },
  rates: {
    reconciliationRate: (f) => ratio(f.agreementsReached, f.referrals),
    decisions: (f) => f.nonProsecutionDecisions + f.lenientRecommendations,
    decisionRate: (f) => ratio(f.nonProsecutionDecisions + f.lenientRecommendations, f.criminalReferrals),
  },
  positive: [
    'referrals',
    'criminalReferrals',
    'civilSupervisionReferrals',
    'referralsAccepted',
    'agreementsReached',
    'agreementsNotReached',
    'nonProsecutionDecisions',
    'lenientRecommendations',
    'prosecutionsContinued',
    'civilReviewsTerminated',
  ],
  ranking: { indicator: 'REFERRALS', figure: 'referrals' },
  callers: {
    'town-procurator': callerOf('procurator', { jurisdiction: DEMO_TOWN_DAINAN }),
    'procurator-elsewhere': callerOf('procurator', { jurisdiction: '321282' }),
    'leader-elsewhere': callerOf('leader', { jurisdiction: '321282' }),
  },
  personas: [
    { as: 'procurator', expect: 'READS' },
    { as: 'leader', expect: 'READS' },
    { as: 'leader', regionCode: DEMO_TOWN_DAINAN, expect: 'READS' },
    { as: 'town-procurator', regionCode: DEMO_TOWN_DAINAN, expect: 'READS' },
    { as: 'town-procurator', expect: 'FORBIDDEN' },
    { as: 'procurator-elsewhere', expect: 'FORBIDDEN' },
    { as: 'leader-elsewhere', expect: 'FORBIDDEN' },
    { as: 'hub-coordinator', expect: 'FORBIDDEN' },
    { as: 'court-staff', expect: 'FORBIDDEN' },
    { as: 'petition-officer', expect: 'FORBIDDEN' },
    { as: 'mediator', regionCode: DEMO_TOWN_DAINAN, expect: 'FORBIDDEN' },
    { as: 'anonymous', expect: 'FORBIDDEN' },
  ],
  statements: 2,
});

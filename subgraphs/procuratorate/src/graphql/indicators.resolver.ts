import { createIndicatorBlock, ratio, type IndicatorSource } from '@jiefen/subgraph-kit';
import { ProcuratorateIndicatorsType } from './indicators.type.js';

/** Each figure counts the cases by the moment its event happened (referral, outcome, decision). */
const cases = {
  from: 'procuratorate_case x',
  measures: {
    referrals: { when: 'referred_at' },
    criminalReferrals: { when: 'referred_at', where: "x.kind = 'CRIMINAL_RECONCILIATION'" },
    civilSupervisionReferrals: { when: 'referred_at', where: "x.kind = 'CIVIL_SUPERVISION'" },
    agreementsReached: { when: 'outcome_at', where: "x.outcome = 'RECONCILED'" },
    agreementsNotReached: { when: 'outcome_at', where: "x.outcome = 'NOT_RECONCILED'" },
    nonProsecutionDecisions: { when: 'concluded_at', where: "x.decision = 'NO_PROSECUTION'" },
    lenientRecommendations: { when: 'concluded_at', where: "x.decision = 'LENIENCY_RECOMMENDATION'" },
    prosecutionsContinued: { when: 'concluded_at', where: "x.decision = 'PROSECUTION_CONTINUES'" },
    civilReviewsTerminated: { when: 'concluded_at', where: "x.decision = 'REVIEW_TERMINATED'" },
  },
  rollup: { name: 'procuratorate_cases' },
} satisfies IndicatorSource;

/**
 * The mediation organization's answers live on the hand-over (`docking_outgoing`, one row per 检调
 * referral, region of the case), not on the case: a case referred again after a refusal has two.
 */
const handOvers = {
  from: 'docking_outgoing x',
  measures: {
    referralsAccepted: { when: 'accepted_at', where: "x.kind = 'PROCURATORATE'" },
    referralsRejected: { when: 'rejected_at', where: "x.kind = 'PROCURATORATE'" },
  },
  rollup: { name: 'procuratorate_hand_overs' },
} satisfies IndicatorSource;

/** 检察院 on the indicator report: `IndicatorReport.procuratorate` and its ranking of child regions. */
export const procuratorateIndicatorResolvers = createIndicatorBlock({
  agency: 'PROCURATORATE',
  field: 'procuratorate',
  description: '检察院指标:检调对接移交、受理与和解,刑事和解后的不起诉与从宽处罚建议(检察院人员与领导可看)',
  type: ProcuratorateIndicatorsType,
  sources: [cases, handOvers],
  toType: (c) => {
    // Only a criminal case ends in 不起诉 or 从宽建议 after an agreement (Art 290), so its rate is over criminal referrals.
    const decisions = c.nonProsecutionDecisions + c.lenientRecommendations;
    return {
      ...c,
      reconciliationRate: ratio(c.agreementsReached, c.referrals),
      decisions,
      decisionRate: ratio(decisions, c.criminalReferrals),
    };
  },
  ranking: {
    enum: 'ProcuratorateIndicator',
    indicators: {
      REFERRALS: { name: '检调移交数', value: (b) => b.referrals },
      REFERRALS_ACCEPTED: { name: '调解组织受理数', value: (b) => b.referralsAccepted },
      AGREEMENTS_REACHED: { name: '达成和解数', value: (b) => b.agreementsReached },
      RECONCILIATION_RATE: { name: '和解率', value: (b) => b.reconciliationRate },
      NON_PROSECUTION_DECISIONS: { name: '不起诉决定数', value: (b) => b.nonProsecutionDecisions },
      LENIENT_RECOMMENDATIONS: { name: '从宽处罚建议数', value: (b) => b.lenientRecommendations },
      DECISIONS: { name: '刑事和解处理决定数', value: (b) => b.decisions },
      DECISION_RATE: { name: '刑事和解决定率', value: (b) => b.decisionRate },
    },
  },
});

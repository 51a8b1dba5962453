import { createIndicatorBlock, per10k, ratio, type IndicatorSource } from '@jiefen/subgraph-kit';
import { CourtIndicatorReport, CourtIndicatorsType } from './indicators.type.js';

/** Each figure counts the events that happened in the period, by the moment they happened. */
const cases = {
  from: 'court_case x',
  measures: {
    civilCasesReceived: { when: 'received_at' },
    divertedPreFiling: { when: 'diverted_at' },
    preFilingSucceeded: { when: 'pre_filing_outcome_at', where: "x.pre_filing_outcome = 'SUCCEEDED'" },
    preFilingFailed: { when: 'pre_filing_outcome_at', where: "x.pre_filing_outcome = 'FAILED'" },
    filings: { when: 'filed_at' },
    entrustedMediations: { when: 'mediation_sent_at', where: "x.mediation_mode = 'ENTRUSTED'" },
    entrustedSucceeded: { when: 'mediation_outcome_at', where: "x.mediation_mode = 'ENTRUSTED' and x.mediation_outcome = 'SUCCEEDED'" },
  },
  rollup: { name: 'court_cases' },
} satisfies IndicatorSource;

const confirmations = {
  from: 'judicial_confirmation x',
  measures: {
    confirmationsApplied: { when: 'applied_at' },
    confirmationsAccepted: { when: 'accepted_at' },
    confirmationsRefused: { when: 'refused_at' },
    confirmationsConfirmed: { when: 'ruled_at', where: "x.status in ('CONFIRMED', 'PERFORMED', 'ENFORCEMENT_APPLIED')" },
    confirmationsRejected: { when: 'ruled_at', where: "x.status = 'REJECTED'" },
    agreementsPerformed: { when: 'performed_at' },
  },
  rollup: { name: 'court_confirmations' },
} satisfies IndicatorSource;

const enforcement = {
  from: 'enforcement_application x',
  measures: { enforcementApplications: { when: 'applied_at' } },
  rollup: { name: 'court_enforcement' },
} satisfies IndicatorSource;

/** 法院 on the indicator report: `IndicatorReport.court` and its ranking of child regions. */
export const courtIndicatorResolvers = createIndicatorBlock({
  agency: 'COURT',
  field: 'court',
  description: '法院指标:诉前分流与化解、立案与万人成讼率、司法确认、自动履行与执行(法院人员与领导可看)',
  type: CourtIndicatorsType,
  report: CourtIndicatorReport,
  fieldDirectives: ['@requires(fields: "population")'],
  sources: [cases, confirmations, enforcement],
  toType: (c, report) => ({
    ...c,
    diversionRate: ratio(c.divertedPreFiling, c.civilCasesReceived),
    preFilingResolutionRate: ratio(c.preFilingSucceeded, c.divertedPreFiling),
    filingsPer10k: per10k(c.filings, report.population),
    confirmationRate: ratio(c.confirmationsConfirmed, c.confirmationsConfirmed + c.confirmationsRejected),
    voluntaryPerformanceRate: ratio(c.agreementsPerformed, c.agreementsPerformed + c.enforcementApplications),
  }),
  ranking: {
    enum: 'CourtIndicator',
    indicators: {
      CIVIL_CASES_RECEIVED: { name: '诉前收案数', value: (b) => b.civilCasesReceived },
      DIVERSION_RATE: { name: '诉前调解分流率', value: (b) => b.diversionRate },
      PRE_FILING_RESOLUTION_RATE: { name: '诉前化解率', value: (b) => b.preFilingResolutionRate },
      FILINGS: { name: '一审立案数', value: (b) => b.filings },
      CONFIRMATIONS_CONFIRMED: { name: '司法确认数', value: (b) => b.confirmationsConfirmed },
      VOLUNTARY_PERFORMANCE_RATE: { name: '自动履行率', value: (b) => b.voluntaryPerformanceRate },
    },
  },
});

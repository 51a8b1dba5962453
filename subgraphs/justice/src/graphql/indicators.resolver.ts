import { createIndicatorBlock, ratio, type IndicatorSource } from '@jiefen/subgraph-kit';
import { JusticeIndicatorReport, JusticeIndicatorsType } from './indicators.type.js';

// Calendar dates (履行期限, 回访日期) are China days: as instants they start at 00:00 China time
// (UTC+8, no daylight saving, as packages/calendar counts), whatever the session's time zone.
const chinaMidnight = (date: string) => `((${date})::timestamp - interval '8 hours') at time zone 'UTC'`;
/** Today in China, in SQL: a deadline before it has run out. */
const CHINA_TODAY = "((now() at time zone 'UTC') + interval '8 hours')::date";

/**
 * Each case with its agreement's amount (one agreement at most: `case_id` is unique). A case counts
 * when received and when concluded; its agreement's amount with the conclusion (a case concludes
 * with an agreement exactly when the agreement takes effect). The agreement is read only for the
 * figure that needs it (PostgreSQL drops the unused left join on a unique key elsewhere), and only
 * the scopes' range of agreements (an agreement carries its case's region): one index range hashed,
 * not one lookup per concluded case.
 */
const cases = {
  from: `(select c.id as case_id, c.region_code, c.received_at, c.concluded_at, c.status, c.outcome, a.amount
    from mediation_case c left join (select case_id, amount from mediation_agreement where region_code like :prefix) a on a.case_id = c.id) x`,
  measures: {
    casesReceived: { when: 'received_at' },
    casesConcluded: { when: 'concluded_at', where: "x.status = 'CONCLUDED'" },
    agreements: { when: 'concluded_at', where: "x.status = 'CONCLUDED' and x.outcome = 'AGREEMENT'" },
    agreementAmount: { when: 'concluded_at', where: "x.status = 'CONCLUDED' and x.outcome = 'AGREEMENT'", sum: 'amount' },
  },
  // A case's row moves with the case and with its agreement.
  rollup: { name: 'justice_cases', root: { column: 'case_id', tables: { mediation_case: 'r.id', mediation_agreement: 'r.case_id' } } },
} satisfies IndicatorSource;

/**
 * Agreements by their performance deadline day. An agreement carries its case's region (copied when
 * it is made; a case never changes region), so it is counted from its own table.
 */
const agreements = {
  from: `(select a.region_code, a.effective_date, a.performance_status, a.performance_deadline, ${chinaMidnight('a.performance_deadline')} as performance_deadline_at
    from mediation_agreement a) x`,
  measures: {
    // Due: an effective agreement whose deadline day lies in the period and has passed, or that was
    // performed before it; performed is a part of due, so 履行率 never exceeds 1. Due = performed
    // (kept in the totals) + not performed with its deadline passed (reads the clock).
    agreementsPerformed: { when: 'performance_deadline_at', where: "x.effective_date is not null and x.performance_status = 'PERFORMED'" },
    agreementsDueUnperformed: {
      when: 'performance_deadline_at',
      where: `x.effective_date is not null and x.performance_status <> 'PERFORMED' and x.performance_deadline < ${CHINA_TODAY}`,
      readsClock: true,
    },
  },
  rollup: { name: 'justice_agreements', table: 'mediation_agreement' },
} satisfies IndicatorSource;

/** The return visit after a conclusion, counted on its scheduled day; its region is its case's. */
const visits = {
  from: `(select v.case_id, c.region_code, v.status, v.scheduled_for, ${chinaMidnight('v.scheduled_for')} as scheduled_at
    from return_visit v join mediation_case c on c.id = v.case_id where v.reason = 'AFTER_CONCLUSION') x`,
  measures: {
    // Due once its day has come (or done early); done is a part of due: due = done (kept in the
    // totals) + not done with its day come (reads the clock).
    returnVisitsDone: { when: 'scheduled_at', where: "x.status = 'DONE'" },
    returnVisitsDueNotDone: { when: 'scheduled_at', where: `x.status <> 'DONE' and x.scheduled_for <= ${CHINA_TODAY}`, readsClock: true },
  },
  // A visit's region is its case's: a case's visits move with the visits and with the case.
  rollup: { name: 'justice_visits', root: { column: 'case_id', tables: { return_visit: 'r.case_id', mediation_case: 'r.id' } } },
} satisfies IndicatorSource;

/**
 * Legal aid on time. The review-by and assign-by moments were set from the bureau's clocks
 * (`legalAidReview`, `lawyerAssignment` in domain/clocks.ts, a province's override included) when
 * each clock started, so the SQL compares with them and never with a number of days.
 */
const legalAid = {
  from: 'legal_aid_case x',
  measures: {
    legalAidApplied: { when: 'applied_at' },
    legalAidDecided: { when: 'reviewed_at' },
    legalAidDecidedOnTime: { when: 'reviewed_at', where: 'x.reviewed_at <= x.review_due_at' },
    legalAidAssigned: { when: 'assigned_at' },
    legalAidAssignedOnTime: { when: 'assigned_at', where: 'x.assigned_at <= x.assign_due_at' },
  },
  rollup: { name: 'justice_legal_aid' },
} satisfies IndicatorSource;

/** 司法局 on the indicator report: `IndicatorReport.justice` and its ranking of child regions. */
export const justiceIndicatorResolvers = createIndicatorBlock({
  agency: 'JUSTICE',
  field: 'justice',
  description: '司法局指标:人民调解收结案与调解成功率、协议金额与履行率、回访率、法律援助及时审查率与及时指派率(司法行政人员与领导可看)',
  type: JusticeIndicatorsType,
  report: JusticeIndicatorReport,
  sources: [cases, agreements, visits, legalAid],
  toType: ({ agreementsDueUnperformed, returnVisitsDueNotDone, ...c }) => ({
    ...c,
    agreementsDue: c.agreementsPerformed + agreementsDueUnperformed,
    returnVisitsDue: c.returnVisitsDone + returnVisitsDueNotDone,
    agreementAmount: Math.round(c.agreementAmount * 100) / 100,
    mediationSuccessRate: ratio(c.agreements, c.casesConcluded),
    performanceRate: ratio(c.agreementsPerformed, c.agreementsPerformed + agreementsDueUnperformed),
    returnVisitRate: ratio(c.returnVisitsDone, c.returnVisitsDone + returnVisitsDueNotDone),
    legalAidReviewRate: ratio(c.legalAidDecidedOnTime, c.legalAidDecided),
    legalAidAssignmentRate: ratio(c.legalAidAssignedOnTime, c.legalAidAssigned),
  }),
  ranking: {
    enum: 'JusticeIndicator',
    indicators: {
      CASES_RECEIVED: { name: '人民调解收案数', value: (b) => b.casesReceived },
      CASES_CONCLUDED: { name: '调解终结数', value: (b) => b.casesConcluded },
      AGREEMENTS: { name: '调解成功数', value: (b) => b.agreements },
      MEDIATION_SUCCESS_RATE: { name: '调解成功率', value: (b) => b.mediationSuccessRate },
      AGREEMENT_AMOUNT: { name: '协议金额', value: (b) => b.agreementAmount },
      PERFORMANCE_RATE: { name: '履行率', value: (b) => b.performanceRate },
      RETURN_VISIT_RATE: { name: '回访率', value: (b) => b.returnVisitRate },
      LEGAL_AID_REVIEW_RATE: { name: '法律援助及时审查率', value: (b) => b.legalAidReviewRate },
      LEGAL_AID_ASSIGNMENT_RATE: { name: '法律援助及时指派率', value: (b) => b.legalAidAssignmentRate },
    },
  },
});

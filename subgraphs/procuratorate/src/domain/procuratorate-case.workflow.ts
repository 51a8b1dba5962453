import { defineWorkflow } from '@jiefen/workflow';

/**
 * 检察案件 — 检调对接: a criminal case eligible for 刑事和解, or a civil supervision case, is
 * referred to mediation; the outcome comes back (reconciled or not); the procurator concludes
 * with a decision (see `allowedDecisions`).
 */
export const PROCURATORATE_CASE_STATES = ['RECEIVED', 'UNDER_REVIEW', 'REFERRED_TO_MEDIATION', 'RECONCILED', 'RECONCILIATION_FAILED', 'CONCLUDED'] as const;
export type ProcuratorateCaseState = (typeof PROCURATORATE_CASE_STATES)[number];

export const PROCURATORATE_CASE_EVENTS = ['REFER', 'REFERRAL_REJECTED', 'RECORD_RECONCILED', 'RECORD_NOT_RECONCILED', 'CONCLUDE'] as const;
export type ProcuratorateCaseEvent = (typeof PROCURATORATE_CASE_EVENTS)[number];

export const PROCURATORATE_ACTORS = ['PROCURATOR', 'MEDIATION_ORGANIZATION'] as const;
export type ProcuratorateActor = (typeof PROCURATORATE_ACTORS)[number];

const PROCURATOR = ['PROCURATOR'] as const;
const BOTH = ['PROCURATOR', 'MEDIATION_ORGANIZATION'] as const;
const ORGANIZATION = ['MEDIATION_ORGANIZATION'] as const;

export const procuratorateCaseWorkflow = defineWorkflow<ProcuratorateCaseState, ProcuratorateCaseEvent, ProcuratorateActor>({
  name: '检察案件',
  states: PROCURATORATE_CASE_STATES,
  events: PROCURATORATE_CASE_EVENTS,
  stateNames: {
    RECEIVED: '已受理',
    UNDER_REVIEW: '审查中',
    REFERRED_TO_MEDIATION: '已移交调解(检调对接)',
    RECONCILED: '已达成和解',
    RECONCILIATION_FAILED: '未达成和解',
    CONCLUDED: '已办结',
  },
  eventNames: {
    REFER: '移交调解',
    REFERRAL_REJECTED: '调解组织不予受理',
    RECORD_RECONCILED: '登记达成和解',
    RECORD_NOT_RECONCILED: '登记未达成和解',
    CONCLUDE: '作出处理决定',
  },
  actorNames: { PROCURATOR: '检察官', MEDIATION_ORGANIZATION: '调解组织' },
  table: {
    RECEIVED: { REFER: { to: 'REFERRED_TO_MEDIATION', by: PROCURATOR }, CONCLUDE: { to: 'CONCLUDED', by: PROCURATOR } },
    UNDER_REVIEW: { REFER: { to: 'REFERRED_TO_MEDIATION', by: PROCURATOR }, CONCLUDE: { to: 'CONCLUDED', by: PROCURATOR } },
    // A mediation organization that declines the referral hands the case back to the procurator's review.
    REFERRED_TO_MEDIATION: {
      REFERRAL_REJECTED: { to: 'UNDER_REVIEW', by: ORGANIZATION },
      RECORD_RECONCILED: { to: 'RECONCILED', by: BOTH },
      RECORD_NOT_RECONCILED: { to: 'RECONCILIATION_FAILED', by: BOTH },
    },
    RECONCILED: { CONCLUDE: { to: 'CONCLUDED', by: PROCURATOR } },
    RECONCILIATION_FAILED: { CONCLUDE: { to: 'CONCLUDED', by: PROCURATOR } },
    CONCLUDED: {},
  },
});

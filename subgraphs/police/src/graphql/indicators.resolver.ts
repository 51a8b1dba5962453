import { createIndicatorBlock, ratio, type IndicatorSource } from '@jiefen/subgraph-kit';
import { TRANSFERRED_RECORD } from '../services/docking-outbound.service.js';
import { PoliceIndicatorReport, PoliceIndicatorsType } from './indicators.type.js';

/**
 * A non-police incident is diverted once the police handed it on: to a people's mediation
 * organization (a 公调 transfer, whatever its outcome), or to the hub, which registered it (一案一号:
 * the hub's front desk routes it to the competent department) and answered with its dispute id.
 */
const DIVERTED = `x.dispute_id is not null or exists (select 1 from docking_outgoing o where o.record_type = '${TRANSFERRED_RECORD}' and o.record_id = x.id::text)`;

/** Incidents by the moment they were reported; diversion is a part of the same incidents, so the rate never exceeds 1. */
const incidents = {
  from: 'police_incident x',
  measures: {
    incidents: { when: 'reported_at' },
    nonPoliceIncidents: { when: 'reported_at', where: 'x.non_police' },
    nonPoliceDiverted: { when: 'reported_at', where: `x.non_police and (${DIVERTED})` },
  },
  // Diversion reads the transfers: an incident's figures move with the incident and with its transfers.
  rollup: {
    name: 'police_incidents',
    root: {
      column: 'id',
      tables: { police_incident: 'r.id', docking_outgoing: `case when r.record_type = '${TRANSFERRED_RECORD}' then r.record_id::uuid end` },
    },
  },
} satisfies IndicatorSource;

/**
 * 治安调解 by the moment it ended (performed, not performed, failed: `concluded_at`); an agreement
 * reached but not yet performed has not ended. Its region is its incident's.
 */
const mediations = {
  from: `(select m.incident_id, i.region_code, m.status, m.concluded_at from police_mediation m join police_incident i on i.id = m.incident_id) x`,
  measures: {
    mediationsConcluded: { when: 'concluded_at' },
    mediationsAgreed: { when: 'concluded_at', where: "x.status in ('PERFORMED', 'NOT_PERFORMED')" },
    mediationsPerformed: { when: 'concluded_at', where: "x.status = 'PERFORMED'" },
  },
  // A mediation's region is its incident's: an incident's mediations move with them and with the incident.
  rollup: { name: 'police_mediations', root: { column: 'incident_id', tables: { police_mediation: 'r.incident_id', police_incident: 'r.id' } } },
} satisfies IndicatorSource;

/** 公调 as the police recorded their own hand-overs (the docking package's outgoing rows), each step by its moment. */
const transfers = {
  from: 'docking_outgoing x',
  measures: {
    transfersSent: { when: 'sent_at', where: "x.kind = 'POLICE'" },
    transfersAccepted: { when: 'accepted_at', where: "x.kind = 'POLICE'" },
    transfersRejected: { when: 'rejected_at', where: "x.kind = 'POLICE'" },
    transfersConcluded: { when: 'concluded_at', where: "x.kind = 'POLICE'" },
    transfersSucceeded: { when: 'concluded_at', where: "x.kind = 'POLICE' and x.outcome = 'AGREEMENT'" },
  },
  rollup: { name: 'police_transfers' },
} satisfies IndicatorSource;

/** 公安 on the indicator report: `IndicatorReport.police` and its ranking of child regions. */
export const policeIndicatorResolvers = createIndicatorBlock({
  agency: 'POLICE',
  field: 'police',
  description: '公安指标:警情与非警务警情分流率、治安调解成功率、公调移交与结果(公安人员与领导可看)',
  type: PoliceIndicatorsType,
  report: PoliceIndicatorReport,
  sources: [incidents, mediations, transfers],
  toType: (c) => ({
    ...c,
    nonPoliceDiversionRate: ratio(c.nonPoliceDiverted, c.nonPoliceIncidents),
    mediationSuccessRate: ratio(c.mediationsAgreed, c.mediationsConcluded),
    transferSuccessRate: ratio(c.transfersSucceeded, c.transfersConcluded),
  }),
  ranking: {
    enum: 'PoliceIndicator',
    indicators: {
      INCIDENTS: { name: '警情数', value: (b) => b.incidents },
      NON_POLICE_INCIDENTS: { name: '非警务警情数', value: (b) => b.nonPoliceIncidents },
      NON_POLICE_DIVERSION_RATE: { name: '非警务警情分流率', value: (b) => b.nonPoliceDiversionRate },
      MEDIATIONS_CONCLUDED: { name: '治安调解终结数', value: (b) => b.mediationsConcluded },
      MEDIATION_SUCCESS_RATE: { name: '治安调解成功率', value: (b) => b.mediationSuccessRate },
      TRANSFERS_SENT: { name: '公调移交数', value: (b) => b.transfersSent },
      TRANSFERS_SUCCEEDED: { name: '公调调解成功数', value: (b) => b.transfersSucceeded },
      TRANSFER_SUCCESS_RATE: { name: '公调调解成功率', value: (b) => b.transferSuccessRate },
    },
  },
});

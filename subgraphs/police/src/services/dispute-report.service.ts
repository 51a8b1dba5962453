import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { reportDispute, type DisputeAnswerHooks } from '@jiefen/docking';
import { disputeReportOf } from '../domain/incident-intake.rules.js';
import { PoliceIncident } from '../entities/police-incident.entity.js';

// 一案一号 for the police: an incident taken in at the police's door (接警登记, 批量导入) that is a
// dispute (`disputeReportOf`) is reported to the hub in the intake's transaction; the hub's answer
// (docking-inbound.service.ts) sets its `disputeId` and 统一编号.

/** The police record reported to the hub (the same type a 公调 transfer names). */
export const REPORTED_RECORD = 'PoliceIncident';

/** Reports the incident if it is a dispute; returns whether it did. Inside the intake's transaction. */
export async function reportIncident(tx: EntityManager, caller: Caller, incident: PoliceIncident): Promise<boolean> {
  const rule = disputeReportOf(incident);
  if (!rule || incident.disputeId) return false;
  const reporter = {
    role: 'APPLICANT',
    name: incident.reporterName ?? '报警人',
    idNumber: incident.reporterIdNumber ?? null,
    phone: incident.reporterPhone ?? null,
  };
  const parties = incident.parties?.length ? incident.parties : [reporter];
  await reportDispute(tx, {
    payload: {
      source: {
        agency: 'POLICE',
        recordType: REPORTED_RECORD,
        recordId: incident.id,
        number: incident.incidentNumber,
        organizationCode: caller.organization,
        organizationName: incident.station,
        officerName: caller.name,
      },
      regionCode: incident.regionCode,
      category: rule.category,
      channel: incident.channel,
      summary: incident.summary,
      place: incident.place ?? null,
      occurredAt: incident.occurredAt?.toISOString() ?? null,
      reportedAt: incident.reportedAt.toISOString(),
      parties: parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.idNumber ?? null, phone: p.phone ?? null })),
    },
  });
  return true;
}

/** Where the hub's answer goes: the incident it names. */
export const disputeAnswerHooks: DisputeAnswerHooks = {
  [REPORTED_RECORD]: { load: (em, id) => em.findOne(PoliceIncident, { id }) },
};

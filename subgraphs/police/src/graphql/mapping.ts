import type { Visibility } from '@jiefen/auth';
import { OUTGOING_DOCKING_STATUS_NAMES, toHandOverConfirmation, type DockingOutgoing } from '@jiefen/docking';
import type { PersonalTextRead, SubgraphContext } from '@jiefen/subgraph-kit';
import { statusLabel, receivingOrganizationOf } from '@jiefen/subgraph-kit';
import { policeIncidentWorkflow } from '../domain/police-incident.workflow.js';
import type { PoliceIncident } from '../entities/police-incident.entity.js';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import type { PoliceIncidentCategory, PoliceIncidentChannel, PoliceIncidentStatus, PoliceIncidentType } from './police-incident.type.js';
import type { PoliceTransferType } from './police-transfer.type.js';

/** Who a police record may name: the reporter and the parties registered at 接警. */
export const reporterOf = (i: PoliceIncident) => [
  { name: i.reporterName, phone: i.reporterPhone, idNumber: i.reporterIdNumber },
  ...(i.parties ?? []).map((p) => ({ name: p.name, phone: p.phone, idNumber: p.idNumber })),
];

export function toIncidentType(i: PoliceIncident, v: Visibility): PoliceIncidentType {
  return {
    id: i.id,
    disputeId: i.disputeId ?? null,
    disputeNumber: i.disputeNumber ?? null,
    nonPoliceCategory: i.nonPoliceCategory ?? null,
    disputeCategory: i.disputeCategory ?? null,
    entity: i,
    visibility: v,
    personal: { recordType: 'PoliceIncident', recordId: i.id, visibility: v, people: reporterOf(i) },
    incidentNumber: i.incidentNumber,
    station: i.station,
    category: i.category as PoliceIncidentCategory,
    nonPolice: i.nonPolice,
    summary: i.summary,
    status: i.status as PoliceIncidentStatus,
    statusLabel: statusLabel(policeIncidentWorkflow, i.status),
    regionCode: i.regionCode,
    reportedAt: i.reportedAt,
    channel: i.channel as PoliceIncidentChannel,
    occurredAt: i.occurredAt ?? null,
    externalNumber: i.externalNumber ?? null,
  };
}

/** A transfer is the incident's outgoing docking (the docking package's hand-over row). */
export function toTransferType(t: DockingOutgoing, visibility: Visibility, people: PersonalTextRead['people']): PoliceTransferType {
  return {
    id: t.id,
    dockingId: t.dockingId,
    incidentId: t.recordId,
    toOrganizationCode: t.organizationCode ?? '',
    toOrganizationName: t.organizationName ?? null,
    receivingOrganization: receivingOrganizationOf(t),
    reason: t.reason ?? '',
    status: t.status,
    statusLabel: statusLabel({ stateNames: OUTGOING_DOCKING_STATUS_NAMES }, t.status),
    outcome: t.outcome ?? null,
    outcomeSummary: t.outcomeSummary ?? null,
    mediationCaseNumber: t.caseNumber ?? null,
    rejectionReason: t.rejectionReason ?? null,
    officerName: t.officerName ?? '',
    sentAt: t.sentAt,
    acceptedAt: t.acceptedAt ?? null,
    concludedAt: t.concludedAt ?? null,
    judicialConfirmation: toHandOverConfirmation(t, { recordType: 'PoliceTransfer', recordId: t.id, visibility, people }),
    personal: { recordType: 'PoliceTransfer', recordId: t.id, visibility, people },
  };
}

/** The reporter of a transfer's incident, loaded only when a text that may name them is read. */
export async function reporterOfIncident(ctx: SubgraphContext<PoliceLoaders>, incidentId: string) {
  const incident = await ctx.loaders.policeIncidentById.load(incidentId);
  return incident ? reporterOf(incident) : [];
}

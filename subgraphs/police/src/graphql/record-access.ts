import type { DockingOutgoing } from '@jiefen/docking';
import { defineRecordAccess, type SubgraphContext } from '@jiefen/subgraph-kit';
import { POLICE_INCIDENT, POLICE_TRANSFER_VIA_DOCKING } from '../domain/access.rules.js';
import type { PoliceIncident } from '../entities/police-incident.entity.js';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import { reporterOfIncident, toIncidentType, toTransferType } from './mapping.js';
import type { PoliceIncidentType } from './police-incident.type.js';
import type { PoliceTransferType } from './police-transfer.type.js';

type Context = SubgraphContext<PoliceLoaders>;

/** The police's record gates: `policeIncident(id)`, `_entities`, `Dispute.policeIncidents`. */
export const policeIncidentAccess = defineRecordAccess<PoliceIncident, PoliceIncidentType, Context>({
  recordType: 'PoliceIncident',
  rule: POLICE_INCIDENT,
  byId: (ctx) => ctx.loaders.policeIncidentById,
  byDispute: (ctx) => ctx.loaders.policeIncidentsByDispute,
  toType: (i, v) => toIncidentType(i, v),
});

/**
 * `Docking.policeTransfer`: a transfer (the incident's outgoing docking, the docking package's
 * hand-over row) is read through its docking only (the incident lists its own).
 */
export const policeTransferAccess = defineRecordAccess<DockingOutgoing, PoliceTransferType, Context>({
  recordType: 'PoliceTransfer',
  rule: POLICE_TRANSFER_VIA_DOCKING,
  byDocking: (ctx) => ctx.loaders.transfers.byDocking,
  toType: (t, v, ctx) => toTransferType(t, v, async () => reporterOfIncident(ctx, t.recordId)),
});

import type { EntityManager } from '@mikro-orm/core';
import { createOutgoingDockingLoaders } from '@jiefen/docking';
import { findRows, manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import { PoliceMediation } from '../entities/police-mediation.entity.js';
import { TRANSFERRED_RECORD } from '../services/docking-outbound.service.js';

export function createPoliceLoaders(em: EntityManager) {
  return {
    policeIncidentById: oneByKey(
      (ids: readonly string[]) => findRows(em, PoliceIncident, { id: { $in: [...ids] } }),
      (i) => i.id,
    ),
    policeIncidentsByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, PoliceIncident, { disputeId: { $in: [...ids] } }, { orderBy: { reportedAt: 'asc', id: 'asc' } }),
      (i) => i.disputeId ?? '',
    ),
    /** 公调 transfers: the incidents' outgoing dockings. */
    transfers: createOutgoingDockingLoaders(em, 'POLICE', TRANSFERRED_RECORD),
    mediationByIncident: oneByKey(
      (ids: readonly string[]) => findRows(em, PoliceMediation, { incidentId: { $in: [...ids] } }),
      (m) => m.incidentId,
    ),
  };
}

export type PoliceLoaders = ReturnType<typeof createPoliceLoaders>;

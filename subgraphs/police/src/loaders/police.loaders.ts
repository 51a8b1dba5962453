import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import { PoliceMediation } from '../entities/police-mediation.entity.js';
import { PoliceTransfer } from '../entities/police-transfer.entity.js';

export function createPoliceLoaders(em: EntityManager) {
  return {
    policeIncidentById: oneByKey((ids: readonly string[]) => em.find(PoliceIncident, { id: { $in: [...ids] } }), (i) => i.id),
    policeIncidentsByDispute: manyByKey(
      (ids: readonly string[]) => em.find(PoliceIncident, { disputeId: { $in: [...ids] } }, { orderBy: { reportedAt: 'asc', id: 'asc' } }),
      (i) => i.disputeId ?? '',
    ),
    transfersByIncident: manyByKey(
      (ids: readonly string[]) => em.find(PoliceTransfer, { incidentId: { $in: [...ids] } }, { orderBy: { sentAt: 'asc' } }),
      (t) => t.incidentId,
    ),
    transferByDocking: oneByKey((ids: readonly string[]) => em.find(PoliceTransfer, { dockingId: { $in: [...ids] } }), (t) => t.dockingId),
    mediationByIncident: oneByKey(
      (ids: readonly string[]) => em.find(PoliceMediation, { incidentId: { $in: [...ids] } }),
      (m) => m.incidentId,
    ),
  };
}

export type PoliceLoaders = ReturnType<typeof createPoliceLoaders>;

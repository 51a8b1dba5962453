import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import { PoliceMediation } from '../entities/police-mediation.entity.js';

export function createPoliceLoaders(em: EntityManager) {
  return {
    policeIncidentById: oneByKey((ids: readonly string[]) => em.find(PoliceIncident, { id: { $in: [...ids] } }), (i) => i.id),
    policeIncidentsByDispute: manyByKey(
      (ids: readonly string[]) => em.find(PoliceIncident, { disputeId: { $in: [...ids] } }, { orderBy: { reportedAt: 'asc', id: 'asc' } }),
      (i) => i.disputeId ?? '',
    ),
    mediationByIncident: oneByKey(
      (ids: readonly string[]) => em.find(PoliceMediation, { incidentId: { $in: [...ids] } }),
      (m) => m.incidentId,
    ),
  };
}

export type PoliceLoaders = ReturnType<typeof createPoliceLoaders>;

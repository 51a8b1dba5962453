import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { CourtCase } from '../entities/court-case.entity.js';

export function createCourtLoaders(em: EntityManager) {
  return {
    courtCaseById: oneByKey((ids: readonly string[]) => em.find(CourtCase, { id: { $in: [...ids] } }), (c) => c.id),
    courtCasesByDispute: manyByKey(
      (ids: readonly string[]) => em.find(CourtCase, { disputeId: { $in: [...ids] } }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId,
    ),
  };
}

export type CourtLoaders = ReturnType<typeof createCourtLoaders>;

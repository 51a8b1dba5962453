import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { MediationCase } from '../entities/mediation-case.entity.js';

export function createJusticeLoaders(em: EntityManager) {
  return {
    mediationCaseById: oneByKey((ids: readonly string[]) => em.find(MediationCase, { id: { $in: [...ids] } }), (c) => c.id),
    mediationCasesByDispute: manyByKey(
      (ids: readonly string[]) => em.find(MediationCase, { disputeId: { $in: [...ids] } }, { orderBy: { acceptedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId,
    ),
  };
}

export type JusticeLoaders = ReturnType<typeof createJusticeLoaders>;

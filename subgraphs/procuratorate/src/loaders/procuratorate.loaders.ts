import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';

export function createProcuratorateLoaders(em: EntityManager) {
  return {
    procuratorateCaseById: oneByKey((ids: readonly string[]) => em.find(ProcuratorateCase, { id: { $in: [...ids] } }), (c) => c.id),
    procuratorateCaseByDocking: oneByKey((ids: readonly string[]) => em.find(ProcuratorateCase, { dockingId: { $in: [...ids] } }), (c) => c.dockingId!),
    procuratorateCasesByDispute: manyByKey(
      (ids: readonly string[]) => em.find(ProcuratorateCase, { disputeId: { $in: [...ids] } }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId,
    ),
  };
}

export type ProcuratorateLoaders = ReturnType<typeof createProcuratorateLoaders>;

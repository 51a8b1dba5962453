import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { PetitionItem } from '../entities/petition-item.entity.js';

export function createPetitionLoaders(em: EntityManager) {
  return {
    petitionItemById: oneByKey((ids: readonly string[]) => em.find(PetitionItem, { id: { $in: [...ids] } }), (p) => p.id),
    petitionItemByDocking: oneByKey((ids: readonly string[]) => em.find(PetitionItem, { dockingId: { $in: [...ids] } }), (p) => p.dockingId!),
    petitionItemsByDispute: manyByKey(
      (ids: readonly string[]) => em.find(PetitionItem, { disputeId: { $in: [...ids] } }, { orderBy: { registeredAt: 'asc', id: 'asc' } }),
      (p) => p.disputeId,
    ),
  };
}

export type PetitionLoaders = ReturnType<typeof createPetitionLoaders>;

import type { EntityManager } from '@mikro-orm/core';
import { createOutgoingDockingLoaders, recordByDockingLoader } from '@jiefen/docking';
import { findRows, manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { PetitionItem } from '../entities/petition-item.entity.js';

export function createPetitionLoaders(em: EntityManager) {
  return {
    petitionItemById: oneByKey(
      (ids: readonly string[]) => findRows(em, PetitionItem, { id: { $in: [...ids] } }),
      (p) => p.id,
    ),
    /** The PetitionItem a docking the petition opened hands over (through its outgoing docking). */
    petitionItemByDocking: recordByDockingLoader(em, 'PETITION', 'PetitionItem', (ids) => findRows(em, PetitionItem, { id: { $in: [...ids] } })),
    /** The hand-overs (outgoing dockings), for the fields that show them. */
    outgoing: createOutgoingDockingLoaders(em, 'PETITION', 'PetitionItem'),
    petitionItemsByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, PetitionItem, { disputeId: { $in: [...ids] } }, { orderBy: { registeredAt: 'asc', id: 'asc' } }),
      (p) => p.disputeId ?? '',
    ),
  };
}

export type PetitionLoaders = ReturnType<typeof createPetitionLoaders>;

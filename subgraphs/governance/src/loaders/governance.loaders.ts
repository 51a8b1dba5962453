import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { DisputeParty } from '../entities/dispute-party.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { Region } from '../entities/region.entity.js';

/** Per-request DataLoaders of the governance subgraph. */
export function createGovernanceLoaders(em: EntityManager) {
  return {
    disputeById: oneByKey((ids: readonly string[]) => em.find(Dispute, { id: { $in: [...ids] } }), (d) => d.id),
    regionByCode: oneByKey((codes: readonly string[]) => em.find(Region, { code: { $in: [...codes] } }), (r) => r.code),
    regionChildren: manyByKey(
      (codes: readonly string[]) => em.find(Region, { parentCode: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (r) => r.parentCode ?? '',
    ),
    partiesByDispute: manyByKey(
      (ids: readonly string[]) => em.find(DisputeParty, { disputeId: { $in: [...ids] } }, { orderBy: { disputeId: 'asc', position: 'asc' } }),
      (p) => p.disputeId,
    ),
    partiesByPersonKey: manyByKey(
      (keys: readonly string[]) => em.find(DisputeParty, { personKey: { $in: [...keys] } }, { orderBy: { disputeId: 'asc' } }),
      (p) => p.personKey ?? '',
    ),
  };
}

export type GovernanceLoaders = ReturnType<typeof createGovernanceLoaders>;

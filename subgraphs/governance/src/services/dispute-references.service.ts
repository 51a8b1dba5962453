import type { EntityManager } from '@mikro-orm/core';
import type { DisputeReference } from '@jiefen/subgraph-kit';
import { Dispute } from '../entities/dispute.entity.js';

/**
 * What the hub tells another agency about disputes it refers to (`POST /references/disputes`):
 * which ids are registered and their region — nothing else, no personal data.
 */
export async function lookupDisputeReferences(em: EntityManager, ids: readonly string[]): Promise<DisputeReference[]> {
  if (ids.length === 0) return [];
  const rows = await em.find(Dispute, { id: { $in: [...ids] } }, { fields: ['id', 'regionCode'] });
  return rows.map((d) => ({ id: d.id, regionCode: d.regionCode }));
}

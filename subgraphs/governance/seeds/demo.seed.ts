import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { demoDisputes, demoPopulation, demoRegions } from '@jiefen/demo-data';
import { Dispute } from '../src/entities/dispute.entity.js';
import { Region } from '../src/entities/region.entity.js';

/** 兴化市's region tree and the demo disputes, with unified numbers per town and year. */
export async function seedGovernance(em: EntityManager, options: SeedOptions): Promise<void> {
  for (const row of demoRegions) {
    em.create(Region, { ...row, population: demoPopulation[row.code] ?? null });
  }
  const sequence = new Map<string, number>();
  for (const d of demoDisputes(options.disputeCount)) {
    const key = `${d.townCode}-${d.registeredAt.getUTCFullYear()}`;
    const next = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, next);
    em.create(Dispute, {
      id: d.id,
      number: `${key}-${String(next).padStart(6, '0')}`,
      category: d.category,
      channel: d.channel,
      summary: d.summary,
      regionCode: d.regionCode,
      peopleInvolved: d.peopleInvolved,
      riskLevel: d.peopleInvolved >= 10 ? 'HIGH' : 'LOW',
      registeredAt: d.registeredAt,
    });
  }
  await em.flush();
}

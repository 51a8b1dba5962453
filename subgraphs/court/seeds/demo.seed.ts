import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { CourtCase } from '../src/entities/court-case.entity.js';

/** Civil cases the 兴化市人民法院 received for the demo disputes that reached the court. */
export async function seedCourt(em: EntityManager, options: SeedOptions): Promise<void> {
  let n = 0;
  for (const d of demoDisputes(options.disputeCount).filter((x) => x.agencies.court)) {
    n += 1;
    em.create(CourtCase, {
      id: demoId('court-case', d.n),
      disputeId: d.id,
      caseNumber: `(2026)苏1281民诉前调${1000 + n}号`,
      cause: `${d.category}纠纷`,
      regionCode: d.regionCode,
      receivedAt: new Date(d.registeredAt.getTime() + 2 * 86_400_000),
    });
  }
  await em.flush();
}

import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '@jiefen/subgraph-kit';
import { demoDisputes, demoId, type DemoDispute } from '@jiefen/demo-data';
import { ProcuratorateCase } from '../src/entities/procuratorate-case.entity.js';

/**
 * A charge that fits the dispute and allows 刑事和解 (刑诉法 Art 288: crimes arising from civil
 * disputes in chapters 4–5 of the Criminal Law up to 3 years, or negligent crimes up to 7 years).
 */
const CHARGES: Partial<Record<DemoDispute['category'], string>> = {
  道路交通事故: '交通肇事罪',
  劳动争议: '拒不支付劳动报酬罪',
  合同: '故意毁坏财物罪',
  生产经营: '故意毁坏财物罪',
  消费: '故意毁坏财物罪',
  医疗: '医疗事故罪',
};

function criminalStatus(d: DemoDispute): string {
  if (!d.agencies.justice) return 'UNDER_REVIEW';
  // Reconciled through a mediation committee (检调对接); some already closed with no prosecution.
  return d.n % 20 === 0 ? 'CONCLUDED' : 'RECONCILED';
}

/** Cases the 兴化市人民检察院 received: criminal reconciliation, or supervision of a civil case the court decided. */
export async function seedProcuratorate(em: EntityManager, options: SeedOptions): Promise<void> {
  let criminal = 0;
  let civil = 0;
  for (const d of demoDisputes(options.disputeCount).filter((x) => x.agencies.procuratorate)) {
    const year = d.registeredAt.getUTCFullYear();
    const supervision = d.agencies.court;
    if (supervision) civil += 1;
    else criminal += 1;
    em.create(ProcuratorateCase, {
      id: demoId('procuratorate-case', d.n),
      disputeId: d.id,
      caseNumber: supervision ? `兴检民监〔${year}〕${civil}号` : `兴检刑和〔${year}〕${10 + criminal}号`,
      kind: supervision ? 'CIVIL_SUPERVISION' : 'CRIMINAL_RECONCILIATION',
      charge: supervision ? null : CHARGES[d.category] ?? '故意伤害罪(轻伤)',
      status: supervision ? 'UNDER_REVIEW' : criminalStatus(d),
      regionCode: d.regionCode,
      receivedAt: new Date(d.registeredAt.getTime() + 20 * 86_400_000 + (d.n % 6) * 3_600_000),
    });
  }
  await em.flush();
}

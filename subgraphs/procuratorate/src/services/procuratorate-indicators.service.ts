import type { EntityManager } from '@mikro-orm/core';

/** 检调 volumes and outcomes for a region (code prefix) and a period [from, to), computed in SQL. */
export interface ProcuratorateIndicators {
  criminalReferred: number;
  civilSupervisionReferred: number;
  reconciled: number;
  notReconciled: number;
  leniencyRecommendations: number;
  nonProsecutions: number;
  prosecutionsContinued: number;
  civilReviewsTerminated: number;
}

export async function procuratorateIndicators(em: EntityManager, regionPrefix: string, from: Date, to: Date): Promise<ProcuratorateIndicators> {
  const params: unknown[] = [];
  const inRange = (column: string) => {
    params.push(from, to);
    return `${column} >= ? and ${column} < ?`;
  };
  const decided = (decision: string) => `decision = '${decision}' and ${inRange('concluded_at')}`;
  const sql = `select
      count(*) filter (where kind = 'CRIMINAL_RECONCILIATION' and ${inRange('referred_at')}) as criminal_referred,
      count(*) filter (where kind = 'CIVIL_SUPERVISION' and ${inRange('referred_at')}) as civil_referred,
      count(*) filter (where outcome = 'RECONCILED' and ${inRange('outcome_at')}) as reconciled,
      count(*) filter (where outcome = 'NOT_RECONCILED' and ${inRange('outcome_at')}) as not_reconciled,
      count(*) filter (where ${decided('LENIENCY_RECOMMENDATION')}) as leniency,
      count(*) filter (where ${decided('NO_PROSECUTION')}) as no_prosecution,
      count(*) filter (where ${decided('PROSECUTION_CONTINUES')}) as prosecution,
      count(*) filter (where ${decided('REVIEW_TERMINATED')}) as review_terminated
    from procuratorate_case where region_code like ?`;
  const [row] = await em.getConnection().execute<Record<string, unknown>[]>(sql, [...params, `${regionPrefix}%`]);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    criminalReferred: n(row!.criminal_referred),
    civilSupervisionReferred: n(row!.civil_referred),
    reconciled: n(row!.reconciled),
    notReconciled: n(row!.not_reconciled),
    leniencyRecommendations: n(row!.leniency),
    nonProsecutions: n(row!.no_prosecution),
    prosecutionsContinued: n(row!.prosecution),
    civilReviewsTerminated: n(row!.review_terminated),
  };
}

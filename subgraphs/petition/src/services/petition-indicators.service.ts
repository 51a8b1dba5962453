import type { EntityManager } from '@mikro-orm/core';

/** The petition bureau's figures for a region (code prefix) and a period [from, to), computed in SQL. */
export interface PetitionIndicators {
  registered: number;
  routedOnTime: number;
  concluded: number;
  concludedOnTime: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  referredToMediation: number;
  closedByMediation: number;
}

export async function petitionIndicators(em: EntityManager, regionPrefix: string, from: Date, to: Date): Promise<PetitionIndicators> {
  const params: unknown[] = [];
  const inRange = (column: string) => {
    params.push(from, to);
    return `${column} >= ? and ${column} < ?`;
  };
  // 及时受理: of the items registered in the period, those routed within their 15 days;
  // 按期办结: of the items concluded in the period, those concluded within the handling limit.
  const sql = `select
      count(*) filter (where ${inRange('registered_at')}) as registered,
      count(*) filter (where ${inRange('registered_at')} and routed_at <= route_due_at) as routed_on_time,
      count(*) filter (where ${inRange('concluded_at')}) as concluded,
      count(*) filter (where ${inRange('concluded_at')} and concluded_at <= handle_due_at) as concluded_on_time,
      count(*) filter (where ${inRange('rated_at')}) as rated,
      count(*) filter (where satisfaction = 'SATISFIED' and ${inRange('rated_at')}) as satisfied,
      count(*) filter (where satisfaction = 'BASICALLY_SATISFIED' and ${inRange('rated_at')}) as basically,
      count(*) filter (where satisfaction = 'DISSATISFIED' and ${inRange('rated_at')}) as dissatisfied,
      count(*) filter (where ${inRange('referred_at')}) as referred,
      count(*) filter (where mediation_outcome = 'SUCCEEDED' and ${inRange('concluded_at')}) as closed_by_mediation
    from petition_item where region_code like ?`;
  const [row] = await em.getConnection().execute<Record<string, unknown>[]>(sql, [...params, `${regionPrefix}%`]);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    registered: n(row!.registered),
    routedOnTime: n(row!.routed_on_time),
    concluded: n(row!.concluded),
    concludedOnTime: n(row!.concluded_on_time),
    rated: n(row!.rated),
    satisfied: n(row!.satisfied),
    basicallySatisfied: n(row!.basically),
    dissatisfied: n(row!.dissatisfied),
    referredToMediation: n(row!.referred),
    closedByMediation: n(row!.closed_by_mediation),
  };
}

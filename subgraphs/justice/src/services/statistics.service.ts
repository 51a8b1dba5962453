import type { EntityManager } from '@mikro-orm/core';
import { chinaDate } from '@jiefen/calendar';

export interface MediationStatisticsRow {
  regionCode: string;
  cases: number;
  pending: number;
  concluded: number;
  succeeded: number;
  overdue: number;
  amountAgreed: number;
  agreementsDue: number;
  agreementsPerformed: number;
}

export interface StatisticsQuery {
  regionPrefix: string;
  /** Group by the first `groupLength` digits of the region code (6 county, 9 town, 12 village). */
  groupLength: number;
  /** Cases received in [from, to) (instants). */
  from: Date;
  to: Date;
  now: Date;
  /** For a mediator: only their organization's cases. */
  organizationCode: string | null;
}

/**
 * Counts per region and period, computed in SQL in one statement (cases, success, overdue, amounts
 * agreed, performance) — the dashboards read these; nothing is counted in JavaScript.
 */
export async function mediationStatistics(em: EntityManager, q: StatisticsQuery): Promise<MediationStatisticsRow[]> {
  const rows: Record<string, string | number>[] = await em.getConnection().execute(
    `select substr(c.region_code, 1, ?) as region_code,
       count(*) as cases,
       count(*) filter (where c.status = 'PENDING') as pending,
       count(*) filter (where c.status = 'CONCLUDED') as concluded,
       count(*) filter (where c.outcome = 'AGREEMENT') as succeeded,
       count(*) filter (where c.status in ('ACCEPTED', 'IN_SESSION') and c.due_at < ?) as overdue,
       coalesce(sum(a.amount) filter (where a.effective_date is not null), 0) as amount_agreed,
       count(a.id) filter (where a.effective_date is not null and (a.performance_deadline < ? or a.performance_status = 'PERFORMED')) as agreements_due,
       count(a.id) filter (where a.effective_date is not null and a.performance_status = 'PERFORMED') as agreements_performed
     from mediation_case c
     left join mediation_agreement a on a.case_id = c.id
     where c.region_code like ? and c.received_at >= ? and c.received_at < ?
       and (?::text is null or c.organization_code = ?)
     group by 1
     order by 1`,
    [q.groupLength, q.now, chinaDate(q.now), `${q.regionPrefix}%`, q.from, q.to, q.organizationCode, q.organizationCode],
  );
  return rows.map((r) => ({
    regionCode: String(r.region_code),
    cases: Number(r.cases),
    pending: Number(r.pending),
    concluded: Number(r.concluded),
    succeeded: Number(r.succeeded),
    overdue: Number(r.overdue),
    amountAgreed: Number(r.amount_agreed),
    agreementsDue: Number(r.agreements_due),
    agreementsPerformed: Number(r.agreements_performed),
  }));
}

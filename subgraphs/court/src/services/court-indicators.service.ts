import type { EntityManager } from '@mikro-orm/core';

/** The court's figures for a region (code prefix) and a period [from, to), computed in SQL. */
export interface CourtIndicators {
  civilCasesReceived: number;
  divertedPreFiling: number;
  preFilingSucceeded: number;
  preFilingFailed: number;
  filings: number;
  entrustedMediations: number;
  entrustedSucceeded: number;
  confirmationsApplied: number;
  confirmationsAccepted: number;
  confirmationsRefused: number;
  confirmationsConfirmed: number;
  confirmationsRejected: number;
  agreementsPerformed: number;
  enforcementApplications: number;
}

const n = (v: unknown) => Number(v ?? 0);

export async function courtIndicators(em: EntityManager, regionPrefix: string, from: Date, to: Date): Promise<CourtIndicators> {
  const like = `${regionPrefix}%`;
  // Each figure counts the events that happened in the period, by the moment they happened.
  const params: unknown[] = [];
  const inRange = (column: string) => {
    params.push(from, to);
    return `${column} >= ? and ${column} < ?`;
  };
  const casesSql = `select
      count(*) filter (where ${inRange('received_at')}) as received,
      count(*) filter (where ${inRange('diverted_at')}) as diverted,
      count(*) filter (where pre_filing_outcome = 'SUCCEEDED' and ${inRange('pre_filing_outcome_at')}) as succeeded,
      count(*) filter (where pre_filing_outcome = 'FAILED' and ${inRange('pre_filing_outcome_at')}) as failed,
      count(*) filter (where ${inRange('filed_at')}) as filings,
      count(*) filter (where mediation_mode = 'ENTRUSTED' and ${inRange('mediation_sent_at')}) as entrusted,
      count(*) filter (where mediation_mode = 'ENTRUSTED' and mediation_outcome = 'SUCCEEDED' and ${inRange('mediation_outcome_at')}) as entrusted_succeeded
    from court_case where region_code like ?`;
  const [cases] = await em.getConnection().execute<Record<string, unknown>[]>(casesSql, [...params.splice(0), like]);
  const confirmationsSql = `select
      count(*) filter (where ${inRange('applied_at')}) as applied,
      count(*) filter (where ${inRange('accepted_at')}) as accepted,
      count(*) filter (where ${inRange('refused_at')}) as refused,
      count(*) filter (where status in ('CONFIRMED', 'PERFORMED', 'ENFORCEMENT_APPLIED') and ${inRange('ruled_at')}) as confirmed,
      count(*) filter (where status = 'REJECTED' and ${inRange('ruled_at')}) as rejected,
      count(*) filter (where ${inRange('performed_at')}) as performed
    from judicial_confirmation where region_code like ?`;
  const [confirmations] = await em.getConnection().execute<Record<string, unknown>[]>(confirmationsSql, [...params.splice(0), like]);
  const enforcementSql = `select count(*) as enforcement from enforcement_application where ${inRange('applied_at')} and region_code like ?`;
  const [enforcement] = await em.getConnection().execute<Record<string, unknown>[]>(enforcementSql, [...params.splice(0), like]);
  return {
    civilCasesReceived: n(cases!.received),
    divertedPreFiling: n(cases!.diverted),
    preFilingSucceeded: n(cases!.succeeded),
    preFilingFailed: n(cases!.failed),
    filings: n(cases!.filings),
    entrustedMediations: n(cases!.entrusted),
    entrustedSucceeded: n(cases!.entrusted_succeeded),
    confirmationsApplied: n(confirmations!.applied),
    confirmationsAccepted: n(confirmations!.accepted),
    confirmationsRefused: n(confirmations!.refused),
    confirmationsConfirmed: n(confirmations!.confirmed),
    confirmationsRejected: n(confirmations!.rejected),
    agreementsPerformed: n(confirmations!.performed),
    enforcementApplications: n(enforcement!.enforcement),
  };
}

import type { EntityManager } from '@mikro-orm/core';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { DomainError } from '@jiefen/subgraph-kit';
import { caseYearOf, courtCodeOf, formatCaseNumber, type CaseSeries } from '../domain/case-numbers.js';
import { CourtRuleError } from '../domain/workflow.js';

/** Runs a domain decision, turning its rule errors into the kit's coded errors. */
export function decide<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (error instanceof CourtRuleError) throw new DomainError(error.code, error.message, error.details);
    throw error;
  }
}

/** Mutations: court staff only, and only on records in their jurisdiction. */
export function requireCourtStaff(caller: Caller, regionCode?: string): void {
  if (caller.agency !== 'COURT' || !hasRole(caller, 'STAFF', 'SUPERVISOR', 'ADMIN')) throw DomainError.forbidden('只有法院工作人员可以办理');
  if (regionCode !== undefined && !inJurisdiction(caller, regionCode)) throw DomainError.forbidden('该案件不在本院辖区内');
}

/** The next case number of a series, issued inside the caller's transaction (no gaps, no duplicates). */
export async function nextCaseNumber(em: EntityManager, series: CaseSeries, regionCode: string, at: Date): Promise<string> {
  const courtCode = courtCodeOf(regionCode);
  if (!courtCode) throw DomainError.validation('regionCode', '无法确定管辖法院(区划代码无效)');
  const year = caseYearOf(at);
  const rows = await em.getConnection().execute<{ last: number }[]>(
    `insert into court_number (series, court_code, year, last) values (?, ?, ?, 1)
     on conflict (series, court_code, year) do update set last = court_number.last + 1 returning last`,
    [series, courtCode, year],
    'all',
    em.getTransactionContext(),
  );
  return formatCaseNumber(year, courtCode, series, Number(rows[0]!.last));
}

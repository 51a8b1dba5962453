import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { DomainError, requireUuid } from '@jiefen/subgraph-kit';
import { caseVisibility } from '../domain/access.rules.js';
import { MediationCase } from '../entities/mediation-case.entity.js';
import type { MediationActor } from '../domain/mediation-case.workflow.js';

/** One transaction; a concurrent change of the same record (optimistic lock) becomes `CONFLICT`. */
export async function inTransaction<T>(em: EntityManager, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(fn);
  } catch (error) {
    if (error instanceof OptimisticLockError) throw new DomainError('CONFLICT', '记录已被他人修改,请刷新后重试');
    throw error;
  }
}

/** The next number of a series for a year, in the caller's transaction (row lock, gap-free). */
export async function nextNumber(tx: EntityManager, series: string, year: number): Promise<number> {
  const rows = await tx.getConnection().execute<{ last: number }[]>(
    `insert into justice_number_counter (series, year, last) values (?, ?, 1)
     on conflict (series, year) do update set last = justice_number_counter.last + 1 returning last`,
    [series, year],
    'all',
    tx.getTransactionContext(),
  );
  return rows[0]!.last;
}

/** 兴司调〔2026〕0001号 — the county's mediation case series: its parts (the number formatted here, or in SQL by {@link numberCaseLast}). */
export function caseNumberParts(year: number): { prefix: string; width: number; suffix: string } {
  return { prefix: `兴司调〔${year}〕`, width: 4, suffix: '号' };
}

export function formatCaseNumber(year: number, n: number): string {
  const { prefix, width, suffix } = caseNumberParts(year);
  return `${prefix}${String(n).padStart(width, '0')}${suffix}`;
}

/**
 * Numbers a case inserted (flushed) earlier in this transaction, as the transaction's last
 * statement: the series' next number (row lock, gap-free) and the formatted case number written in
 * ONE statement. Every case of the year waits on that lock; taken here, it is held from this
 * statement to the commit only — not across the case's own inserts and the ORM's work, which kept
 * the inbox's hand-overs one behind the other (BENCHMARKS.md). Until then the case carries
 * {@link caseNumberPlaceholder} (unique, like the column); the entity in memory keeps it: nothing
 * reads it before the commit (a later flush sees no change and writes nothing).
 */
export async function numberCaseLast(tx: EntityManager, caseId: string, year: number): Promise<string> {
  const { prefix, width, suffix } = caseNumberParts(year);
  const rows = await tx.getConnection().execute<{ case_number: string }[]>(
    `with taken as (
       insert into justice_number_counter (series, year, last) values ('MEDIATION_CASE', ?, 1)
       on conflict (series, year) do update set last = justice_number_counter.last + 1 returning last)
     update mediation_case set case_number = ? || lpad(taken.last::text, greatest(?, length(taken.last::text)), '0') || ?
       from taken where mediation_case.id = ? returning case_number`,
    [year, prefix, width, suffix, caseId],
    'all',
    tx.getTransactionContext(),
  );
  if (!rows[0]) throw new Error(`numberCaseLast: case ${caseId} is not in this transaction`);
  return rows[0].case_number;
}

/** What a case's number column holds until {@link numberCaseLast} numbers it in the same transaction. */
export const caseNumberPlaceholder = (caseId: string): string => `#${caseId}`;

/** Who the caller is for a case they may see: a mediator of its organization, or bureau staff. */
export function mediationActorOf(caller: Caller, c: MediationCase): MediationActor {
  return caller.agency === 'JUSTICE' && hasRole(caller, 'MEDIATOR') && caller.organization === c.organizationCode && inJurisdiction(caller, c.regionCode)
    ? 'MEDIATOR'
    : 'BUREAU_STAFF';
}

/** Loads a case for a change: `NOT_FOUND`, or `FORBIDDEN` when the caller may not even see it. */
export async function loadCaseForChange(em: EntityManager, caller: Caller, id: string, field = 'caseId'): Promise<MediationCase> {
  const found = await em.findOne(MediationCase, { id: requireUuid(field, id) });
  if (!found) throw DomainError.notFound('调解案件', id, 'MEDIATION_CASE_NOT_FOUND');
  if (caseVisibility(caller, found) === 'NONE') throw DomainError.forbidden('无权办理其他调解组织或辖区外的案件');
  return found;
}

/** Only the justice bureau writes here. */
export function requireJustice(caller: Caller): void {
  if (caller.agency !== 'JUSTICE') throw DomainError.forbidden('只有司法行政机关及其调解组织可以办理');
}

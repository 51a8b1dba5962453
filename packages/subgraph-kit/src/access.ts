import { hasRole, listScope, visibilityOf, type Agency, type Caller, type RecordScope, type Visibility } from '@jiefen/auth';
import { DomainError } from './errors.js';
import type { SubgraphContext } from './subgraph.js';

/** The caller, or `UNAUTHENTICATED` for an anonymous request (only public listings are open to it). */
export function requireCaller(ctx: SubgraphContext): Caller {
  if (!ctx.caller) throw new DomainError('UNAUTHENTICATED', '请先登录:匿名访问只能查看公开名录');
  return ctx.caller;
}

/**
 * Access to a list of an agency's own records: the jurisdiction prefix to filter on in SQL and
 * whether personal data is masked. Anonymous → `UNAUTHENTICATED`; another agency (not a leader) →
 * `FORBIDDEN`.
 */
export function requireListAccess(ctx: SubgraphContext, owner: Agency): { regionPrefix: string; masked: boolean } {
  const caller = requireCaller(ctx);
  const scope = listScope(caller, owner);
  if (!scope) throw DomainError.forbidden('无权查看其他部门的案件列表');
  return scope;
}

/** How the request's caller may see one record. */
export function visibility(ctx: SubgraphContext, record: RecordScope): Visibility {
  return visibilityOf(ctx.caller, record);
}

/**
 * A single record asked for by id: null when it does not exist, `FORBIDDEN` (or
 * `UNAUTHENTICATED`) when it exists but the caller may not see it.
 */
export function requireVisible<T>(ctx: SubgraphContext, record: T | null, scope: (record: T) => RecordScope): { record: T; visibility: Visibility } | null {
  requireCaller(ctx);
  if (!record) return null;
  const v = visibility(ctx, scope(record));
  if (v === 'NONE') throw DomainError.forbidden();
  return { record, visibility: v };
}

/** Whether unmasked personal data may be shown: full visibility and, for a minor, a supervisor or admin (PIPL Art 28/31). */
export function mayReadPersonalData(ctx: SubgraphContext, v: Visibility, minor = false): boolean {
  if (v !== 'FULL' || !ctx.caller) return false;
  return !minor || hasRole(ctx.caller, 'SUPERVISOR', 'ADMIN');
}

/**
 * One personal-data field as the caller may see it: in full (and logged in the access log) or
 * masked.
 */
export function personalField(
  ctx: SubgraphContext,
  read: { recordType: string; recordId: string; visibility: Visibility; minor?: boolean },
  field: string,
  value: string | null | undefined,
  mask: (value: string) => string,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!mayReadPersonalData(ctx, read.visibility, read.minor)) return mask(value);
  ctx.audit.record(read.recordType, read.recordId, field);
  return value;
}

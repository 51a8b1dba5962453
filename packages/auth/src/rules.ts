import type { Agency, Caller, Role } from './caller.js';

/** Whether a region code lies inside the caller's jurisdiction (a region-code prefix). */
export function inJurisdiction(caller: Caller, regionCode: string): boolean {
  return regionCode.startsWith(caller.jurisdiction);
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.some((r) => roles.includes(r));
}

export function isLeader(caller: Caller): boolean {
  return hasRole(caller, 'LEADER');
}

/** How a caller may see one record: not at all, masked (personal data hidden) or in full. */
export type Visibility = 'NONE' | 'MASKED' | 'FULL';

export interface RecordScope {
  /** The agency that owns the record. */
  owner: Agency;
  regionCode: string;
  /** Agencies on the other side of a docking about this record: they see it, masked. */
  counterparts?: readonly Agency[];
}

/**
 * The federation's record rule (DESIGN.md §5): nobody sees outside their jurisdiction; the owning
 * agency sees its records in full; the other side of a docking and leaders see them with personal
 * data masked; everyone else sees nothing.
 */
export function visibilityOf(caller: Caller | null, record: RecordScope): Visibility {
  if (!caller || !inJurisdiction(caller, record.regionCode)) return 'NONE';
  // Leaders read indicators and masked case data, whatever agency they sit in.
  if (isLeader(caller)) return 'MASKED';
  if (caller.agency === record.owner) return 'FULL';
  if (record.counterparts?.includes(caller.agency)) return 'MASKED';
  return 'NONE';
}

/**
 * One agency's rule for one kind of record: its scope under the federation's record rule, and
 * optionally the callers that rule lets in whom the owning agency keeps out (a mediator sees only
 * the cases of their own organization). Pure: an agency's `domain/` may declare it.
 */
export interface RecordRule<R> {
  scope(record: R): RecordScope;
  /** Whether the owning agency keeps this caller from the record although the federation's rule lets them see it. */
  excludes?(caller: Caller, record: R): boolean;
}

/**
 * The common rule: `owner` owns the record, its region decides jurisdiction, and `counterparts` (the
 * other side of a docking about it) see it masked.
 */
export function regionalRecord<R extends { regionCode: string }>(owner: Agency, counterparts?: readonly Agency[]): RecordRule<R> {
  return { scope: (record) => ({ owner, regionCode: record.regionCode, ...(counterparts ? { counterparts } : {}) }) };
}

/** How a caller may see one record under an agency's rule for it. */
export function recordVisibility<R>(caller: Caller | null, rule: RecordRule<R>, record: R): Visibility {
  const v = visibilityOf(caller, rule.scope(record));
  return v !== 'NONE' && caller && rule.excludes?.(caller, record) ? 'NONE' : v;
}

/**
 * The SQL-side filter for lists of an agency's own records: the jurisdiction prefix to apply, or
 * null when the caller may see none of them (so the list is empty without a query).
 */
export function listScope(caller: Caller | null, owner: Agency): { regionPrefix: string; masked: boolean } | null {
  if (!caller) return null;
  if (isLeader(caller)) return { regionPrefix: caller.jurisdiction, masked: true };
  if (caller.agency === owner) return { regionPrefix: caller.jurisdiction, masked: false };
  return null;
}

/**
 * Who reads an agency's indicators (aggregates, no personal data): leaders and the agency's own
 * staff, inside their jurisdiction. Nobody reads another agency's figures for being its counterpart.
 */
export function readsIndicators(caller: Caller | null, agency: Agency, regionCode: string): boolean {
  return !!caller && inJurisdiction(caller, regionCode) && (isLeader(caller) || caller.agency === agency);
}

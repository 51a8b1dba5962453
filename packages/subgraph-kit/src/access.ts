import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import {
  hasRole,
  listScope,
  maskPersonalText,
  visibilityOf,
  type Agency,
  type Caller,
  type KnownPerson,
  type RecordScope,
  type Visibility,
} from '@jiefen/auth';
import { ageOn, parseIdNumber } from '@jiefen/codes';
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

/**
 * 未成年人 — the one test of minority every agency applies: under 18 on `at` (the moment of the
 * read, so a record made when the person was 17 is protected until the 18th birthday, and no longer
 * after it), from the recorded birth date or else the birth date the ID number carries (GB 11643).
 * A person with neither is not known to be a minor.
 */
export function isMinor(person: { birthDate?: string | null; idNumber?: string | null }, at: Date = new Date()): boolean {
  const birthDate = person.birthDate || (person.idNumber ? parseIdNumber(person.idNumber)?.birthDate : undefined);
  return birthDate ? ageOn(birthDate, at) < 18 : false;
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

/** A person named by a record: the values to find in its free text and whether they are a minor's. */
export interface NamedPerson extends KnownPerson {
  birthDate?: string | null;
}

/**
 * How one record's free text may be read: the record (for the access log), how the caller sees it
 * and the people it may name — a list, or a function that loads them with the request's loaders
 * (called only when a text is asked for).
 */
export interface PersonalTextRead {
  recordType: string;
  recordId: string;
  /** How the caller sees the record, or how to decide it from the request (records mapped without one). */
  visibility: Visibility | ((ctx: SubgraphContext) => Visibility);
  people: readonly NamedPerson[] | ((ctx: SubgraphContext) => Promise<readonly NamedPerson[]>);
}

/**
 * Free text that may name people (facts, summaries, opinions, terms, notes), as the caller may see
 * it: masked readers get every known name, ID number, phone and address masked, and any other ID or
 * mobile number; the owner reads it in full — except a minor's values, which only a supervisor or
 * admin reads — and the read is logged in the access log like a structured field.
 */
export function personalText<T extends string | readonly string[] | null | undefined>(
  ctx: SubgraphContext,
  read: { recordType: string; recordId: string; visibility: Visibility },
  field: string,
  text: T,
  people: readonly NamedPerson[],
): T {
  if (text === null || text === undefined || text.length === 0) return text;
  const apply = (fn: (t: string) => string): T => (typeof text === 'string' ? fn(text) : (text as readonly string[]).map(fn)) as T;
  if (!mayReadPersonalData(ctx, read.visibility)) return apply((t) => maskPersonalText(t, people, { generic: true }));
  ctx.audit.record(read.recordType, read.recordId, field);
  if (mayReadPersonalData(ctx, read.visibility, true)) return text;
  const now = new Date();
  const minors = people.filter((p) => isMinor(p, now));
  return minors.length ? apply((t) => maskPersonalText(t, minors)) : text;
}

/** A record type whose free-text fields are marked `@PersonalText()`: it carries how they may be read. */
export interface WithPersonalText {
  personal: PersonalTextRead;
}

const personalTextMiddleware: MiddlewareFn<SubgraphContext> = async ({ root, context, info }, next) => {
  const value: unknown = await next();
  const read = (root as Partial<WithPersonalText> | undefined)?.personal;
  // Fail closed and loudly: a record mapped without its read would otherwise leak its text.
  if (!read) throw new Error(`${info.parentType.name}.${info.fieldName}: the record carries no personal-text read`);
  const people = typeof read.people === 'function' ? await read.people(context) : read.people;
  const v = typeof read.visibility === 'function' ? read.visibility(context) : read.visibility;
  return personalText(context, { ...read, visibility: v }, info.fieldName, value as string | string[] | null, people);
};

/**
 * Marks a free-text field that may name people: it is masked and logged by `personalText` with the
 * `personal` read its record carries (see `WithPersonalText`).
 */
export function PersonalText(): ReturnType<typeof UseMiddleware> {
  return UseMiddleware(personalTextMiddleware);
}

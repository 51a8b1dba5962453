import { recordVisibility, type RecordRule, type Visibility } from '@jiefen/auth';
import { requireCaller } from './access.js';
import { DomainError } from './errors.js';
import type { SubgraphContext } from './subgraph.js';
import { isUuid, requireUuid } from './validation.js';

/** What the gate needs of a per-request DataLoader. */
export interface Loader<V> {
  load(key: string): Promise<V>;
}

/** How one agency's record type is read from outside its own lists: by id, by dispute, by docking, by reference. */
export interface RecordAccessDefinition<R, T, C extends SubgraphContext> {
  /** The GraphQL type (`CourtCase`), for the programming errors below. */
  recordType: string;
  /** The agency's rule for the record (its `domain/access.rules.ts`). */
  rule: RecordRule<R>;
  /**
   * The rule when the record is reached through its docking (`Docking.<record>`): the sender's
   * record is seen by the receiving side and the hub as well. Default: `rule`.
   */
  dockingRule?: RecordRule<R>;
  byId?(ctx: C): Loader<R | null>;
  /** The records about a dispute, in the order `Dispute.<records>` lists them. */
  byDispute?(ctx: C): Loader<readonly R[]>;
  /** The record a docking is about (the latest, if a docking was answered more than once). */
  byDocking?(ctx: C): Loader<R | null>;
  /** Maps a record the caller may see; the visibility decides masking (`personalField`, `@PersonalText`). */
  toType(record: R, visibility: Visibility, ctx: C): T;
}

/** The record gate of one record type: every way in applies the same rule to the same id. */
export interface RecordAccess<R, T, C extends SubgraphContext> {
  /** How the request's caller may see a record. */
  visibility(ctx: C, record: R): Visibility;
  /** A loaded record as the caller may see it, or null. */
  view(ctx: C, record: R | null): T | null;
  /**
   * The root field `<record>(id)`: `UNAUTHENTICATED` for an anonymous caller, `VALIDATION_FAILED`
   * for an id that is no UUID, null when absent, `FORBIDDEN` when it exists but is not visible.
   */
  find(ctx: C, id: string): Promise<T | null>;
  /** `__resolveReference` (`_entities`): the root field's rule, answered with null — never an error. */
  resolveReference(reference: { id?: unknown }, ctx: C): Promise<T | null>;
  /** The body of `Dispute.<records>`: the records about the dispute the caller may see. */
  ofDispute(ctx: C, disputeId: string): Promise<T[]>;
  /** The body of `Docking.<record>`: the record the docking is about, if the caller may see it. */
  ofDocking(ctx: C, dockingId: string): Promise<T | null>;
}

/**
 * The one spelling of an id that reaches a loader: a UUID in lower case (PostgreSQL prints UUIDs so,
 * and the loaders key their answers by what the database returns), or null for anything else — a
 * reference or a parent that names no record of ours.
 */
export function recordKey(id: unknown): string | null {
  return typeof id === 'string' && isUuid(id) ? id.toLowerCase() : null;
}

/**
 * Declares the record gate of one record type: the root lookup, the `_entities` reference resolver
 * and the bodies of the `Dispute` / `Docking` contributions, all loader → visibility → type (or
 * null), so that who sees whose personal data is decided in one place for all six agencies.
 */
export function defineRecordAccess<R, T, C extends SubgraphContext>(definition: RecordAccessDefinition<R, T, C>): RecordAccess<R, T, C> {
  const loader = <V>(name: 'byId' | 'byDispute' | 'byDocking', ctx: C): Loader<V> => {
    const of = definition[name] as ((ctx: C) => Loader<V>) | undefined;
    if (!of) throw new Error(`${definition.recordType}: the record gate has no ${name} loader`);
    return of(ctx);
  };
  const visibility = (ctx: C, record: R, rule = definition.rule) => recordVisibility(ctx.caller, rule, record);
  const view = (ctx: C, record: R | null, rule = definition.rule): T | null => {
    if (!record) return null;
    const v = visibility(ctx, record, rule);
    return v === 'NONE' ? null : definition.toType(record, v, ctx);
  };
  return {
    visibility: (ctx, record) => visibility(ctx, record),
    view: (ctx, record) => view(ctx, record),
    async find(ctx, id) {
      requireCaller(ctx);
      const record = await loader<R | null>('byId', ctx).load(requireUuid('id', id));
      if (!record) return null;
      const seen = view(ctx, record);
      if (!seen) throw DomainError.forbidden();
      return seen;
    },
    async resolveReference(reference, ctx) {
      const key = recordKey(reference.id);
      if (!key || !ctx.caller) return null;
      return view(ctx, await loader<R | null>('byId', ctx).load(key));
    },
    async ofDispute(ctx, disputeId) {
      const key = recordKey(disputeId);
      if (!key || !ctx.caller) return [];
      const records = await loader<readonly R[]>('byDispute', ctx).load(key);
      return records.flatMap((record) => view(ctx, record) ?? []);
    },
    async ofDocking(ctx, dockingId) {
      const key = recordKey(dockingId);
      if (!key || !ctx.caller) return null;
      return view(ctx, await loader<R | null>('byDocking', ctx).load(key), definition.dockingRule ?? definition.rule);
    },
  };
}

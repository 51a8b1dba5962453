import { isLeader, type RecordScope } from '@jiefen/auth';
import { visibility, type NamedPerson, type PersonalTextRead, type SubgraphContext } from '@jiefen/subgraph-kit';
import { disputeScope } from '../domain/access.rules.js';
import type { GovernanceContext } from './context.js';

/**
 * The hub's handling of a dispute (routing reasons, attempts, reviews, archive, alerts): the hub
 * itself, and leaders (read-only, personal data masked); other agencies see only the core data.
 */
export function mayReadHandling(ctx: SubgraphContext, regionCode: string): boolean {
  const caller = ctx.caller;
  if (!caller || visibility(ctx, disputeScope({ regionCode })) === 'NONE') return false;
  return caller.agency === 'GOVERNANCE' || isLeader(caller);
}

/** Whether the caller reads the hub's records unmasked (hub staff, not leaders). */
export function readsInFull(ctx: SubgraphContext): boolean {
  return !!ctx.caller && ctx.caller.agency === 'GOVERNANCE' && !isLeader(ctx.caller);
}

/** Hub records that are not per-dispute (screening, alerts, supervision): hub and leaders, within the jurisdiction. */
export function hubListPrefix(ctx: SubgraphContext): string | null {
  const caller = ctx.caller;
  if (!caller) return null;
  return caller.agency === 'GOVERNANCE' || isLeader(caller) ? caller.jurisdiction : null;
}

/** The parties of a dispute: whom the hub's free text about it may name. */
export async function disputeParties(ctx: SubgraphContext, disputeId: string | null): Promise<NamedPerson[]> {
  if (!disputeId) return [];
  return (await (ctx as GovernanceContext).loaders.partiesByDispute.load(disputeId)).map((p) => ({
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    address: p.address,
    birthDate: p.birthDate,
  }));
}

/**
 * How the free text of a hub record about dispute `disputeId` is read: in full by hub staff (logged),
 * masked for leaders and — through `scope` — for the other agencies that see the record.
 */
export function hubText(recordType: string, recordId: string, disputeId: string | null, scope?: RecordScope): PersonalTextRead {
  return {
    recordType,
    recordId,
    visibility: (ctx) => (scope ? visibility(ctx, scope) : readsInFull(ctx) ? 'FULL' : 'MASKED'),
    people: (ctx) => disputeParties(ctx, disputeId),
  };
}

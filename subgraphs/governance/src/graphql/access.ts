import { AGENCIES, isLeader, type RecordScope } from '@jiefen/auth';
import { visibility, type SubgraphContext } from '@jiefen/subgraph-kit';

/**
 * The hub owns the dispute register: every agency working in the region sees a dispute's core
 * data (it is what they refer to), with the parties' personal data masked; the hub sees it in full.
 */
export function disputeScope(dispute: { regionCode: string }): RecordScope {
  return { owner: 'GOVERNANCE', regionCode: dispute.regionCode, counterparts: AGENCIES };
}

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

import type { EntityManager } from '@mikro-orm/core';
import { jsonLogger, type TypedDockingEvent } from '@jiefen/docking';
import type { DockingApplyContext } from '@jiefen/subgraph-kit';
import type { PetitionSettings } from '../domain/clocks.js';
import { PetitionItem } from '../entities/petition-item.entity.js';
import { receiveMediationOutcome, receiveReferralRejection } from './petition-item.service.js';

/** A text of the sender's, fit for a field that wants 2…max characters. */
const fit = (value: unknown, max: number, fallback: string): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length >= 2 ? text.slice(0, max) : fallback;
};

/**
 * Applies what the mediation organization sends back about a 访调 referral, in the inbox
 * transaction: accepted (noted), declined (the item is the bureau's again, with the reason), or
 * concluded (an agreement closes the item; otherwise the bureau goes on handling it).
 */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent, { settings }: DockingApplyContext<PetitionSettings>): Promise<void> {
  const p = await em.findOne(PetitionItem, { dockingId: event.dockingId });
  // A copy of someone else's docking, or an older referral of this item: nothing to do.
  if (!p) return;
  // An answer that no longer fits the item (the officer recorded the outcome first) stays in the inbox, not applied.
  const stale = () => jsonLogger({ level: 'warn', message: 'docking event not applicable', agency: 'PETITION', eventId: event.id, type: event.type, dockingId: event.dockingId, status: p.status });
  switch (event.type) {
    case 'DockingAccepted': {
      const a = event.payload;
      Object.assign(p, { mediationAcceptedAt: new Date(a.acceptedAt), mediationCaseNumber: a.caseNumber?.slice(0, 60) ?? null });
      if (a.organizationName) p.mediationOrganization = a.organizationName.slice(0, 100);
      await em.flush();
      return;
    }
    case 'DockingRejected': {
      if (p.status !== 'REFERRED_TO_MEDIATION') return stale();
      await receiveReferralRejection(em, p.id, fit(event.payload.reason, 1000, '调解组织不予受理'), settings);
      return;
    }
    case 'MediationConcluded': {
      const c = event.payload;
      if (p.status !== 'REFERRED_TO_MEDIATION') return stale();
      await receiveMediationOutcome(em, { petitionItemId: p.id, succeeded: c.outcome === 'AGREEMENT', summary: fit(c.summary, 2000, '调解组织已反馈调解结果') }, settings);
      return;
    }
    default:
      return;
  }
}

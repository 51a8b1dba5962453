import type { EntityManager } from '@mikro-orm/core';
import { applyDisputeAnswer, applyDockingFeedback, receiveIncomingDocking, type DockingFeedbackHooks, type TypedDockingEvent } from '@jiefen/docking';
import type { DockingApplyContext } from '@jiefen/subgraph-kit';
import type { PetitionSettings } from '../domain/clocks.js';
import { PetitionItem } from '../entities/petition-item.entity.js';
import { disputeAnswerHooks } from './dispute-report.service.js';
import { receiveMediationOutcome, receiveReferralRejection } from './petition-item.service.js';

// 访调对接, the inbound half: what the mediation organization answers about a referral. The
// docking package keeps the hand-over (its outgoing docking); these hooks say what the answer means
// for the item. The outbound half is docking-outbound.service.ts.

/** A text of the sender's, fit for a field that wants 2…max characters. */
const fit = (value: string, max: number, fallback: string): string => {
  const text = value.trim();
  return text.length >= 2 ? text.slice(0, max) : fallback;
};

const hooksWith = (settings: PetitionSettings): DockingFeedbackHooks => ({
  // An item whose outcome the officer recorded first (or that moved on) waits for nothing.
  awaits: async (em, docking) => (await em.findOneOrFail(PetitionItem, { id: docking.recordId })).status === 'REFERRED_TO_MEDIATION',
  // Declined: the item is the bureau's again.
  onRejected: async (em, docking, p) => {
    await receiveReferralRejection(em, docking.recordId, fit(p.reason, 1000, '调解组织不予受理'), settings);
  },
  // Concluded: an agreement closes the item; otherwise the bureau goes on handling it.
  onConcluded: async (em, docking, c) => {
    await receiveMediationOutcome(
      em,
      { petitionItemId: docking.recordId, succeeded: c.outcome === 'AGREEMENT', summary: fit(c.summary, 2000, '调解组织已反馈调解结果') },
      settings,
    );
  },
});

/**
 * Applies what the mediation organization sends back about a 访调 referral, in the inbox transaction,
 * and the hub's 分流转办 of a petition matter as a 转办件 (packages/docking).
 */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent, { settings }: DockingApplyContext<PetitionSettings>): Promise<void> {
  // The hub's answer about an item reported (or referred) without a hub dispute (一案一号).
  if (event.type === 'DisputeReportAnswered') {
    await applyDisputeAnswer(em, 'PETITION', event, disputeAnswerHooks);
    return;
  }
  if (await receiveIncomingDocking(em, 'PETITION', event, settings.now())) return;
  await applyDockingFeedback(em, 'PETITION', event, hooksWith(settings));
}

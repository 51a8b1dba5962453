import { LockMode, type EntityManager } from '@mikro-orm/core';
import { DockingOutgoing, HUB, OUTCOME_NAMES, type DockingFeedbackHooks, type MediationConcludedPayload } from '@jiefen/docking';
import { ROUTED_RECORD } from '../domain/docking.js';
import { Dispute } from '../entities/dispute.entity.js';
import { applyDisputeStep, noteOnTimeline, type TimelineAuthor } from './dispute-step.service.js';

// 分流转办, what comes back: the receiving unit's answers to a hand-over the hub opened
// (docking-outbound.service.ts), applied in the inbox's transaction after the docking package
// updated the outgoing docking (`applyDockingFeedback`).

/** The receiving unit, as the dispute's timeline names it. */
const receiverOf = (docking: DockingOutgoing): TimelineAuthor => ({
  subject: `${docking.toAgency.toLowerCase()}:${docking.organizationCode ?? ''}`,
  name: docking.organizationName ?? docking.organizationCode ?? '接收单位',
});

async function lockedDispute(em: EntityManager, docking: DockingOutgoing): Promise<Dispute | null> {
  return em.findOne(Dispute, { id: docking.recordId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

/**
 * The concluded hand-over on the dispute's timeline — a record, nothing more: what an outcome does
 * to the dispute's status (resolved, unresolved …) is decided where every docking's outcome moves
 * the hub's dispute, not here.
 */
export async function onRoutedDockingConcluded(em: EntityManager, docking: DockingOutgoing, p: MediationConcludedPayload): Promise<void> {
  const dispute = await lockedDispute(em, docking);
  if (!dispute) return;
  await noteOnTimeline(
    em,
    dispute,
    'HANDOVER_CONCLUDED',
    receiverOf(docking),
    `${receiverOf(docking).name}办结:${p.summary || OUTCOME_NAMES[p.outcome]}`,
    new Date(p.concludedAt),
  );
}

/** The hooks of the hub's own hand-overs (分流转办); answers about other agencies' dockings are not the hub's feedback. */
export const ROUTING_FEEDBACK: DockingFeedbackHooks = {
  /**
   * A dispute waits for the answers of its latest hand-over while it is in mediation: once the hub
   * routed it again, or ended its mediation on its own record, an answer to an older hand-over is stale.
   */
  async awaits(em, docking) {
    if (docking.recordType !== ROUTED_RECORD) return false;
    const dispute = await em.findOne(Dispute, { id: docking.recordId });
    if (dispute?.status !== 'IN_MEDIATION') return false;
    const latest = await em.findOne(
      DockingOutgoing,
      { fromAgency: HUB, recordType: ROUTED_RECORD, recordId: docking.recordId },
      { orderBy: { sentAt: 'desc', createdAt: 'desc' } },
    );
    return latest?.dockingId === docking.dockingId;
  },
  /** 已受理: noted on the timeline (the dispute's status follows outcomes elsewhere). */
  async onAccepted(em, docking, p) {
    const dispute = await lockedDispute(em, docking);
    if (!dispute) return;
    const mediator = p.mediatorName ? `,承办调解员${p.mediatorName}` : '';
    await noteOnTimeline(
      em,
      dispute,
      'HANDOVER_ACCEPTED',
      receiverOf(docking),
      `${p.organizationName}已受理,案号 ${p.caseNumber}${mediator}`,
      new Date(p.acceptedAt),
    );
  },
  /** 不予受理: the dispute goes back to the hub for re-routing, with the receiver's reason on its timeline. */
  async onRejected(em, docking) {
    const dispute = await lockedDispute(em, docking);
    if (!dispute) return;
    const reason = docking.rejectionReason!;
    await applyDisputeStep(
      em,
      dispute,
      'RECEIVER',
      receiverOf(docking),
      { event: 'HAND_BACK', apply: () => `${receiverOf(docking).name}不予受理,退回综治中心重新分流:${reason}` },
      docking.rejectedAt ?? new Date(),
    );
  },
  onConcluded: onRoutedDockingConcluded,
};

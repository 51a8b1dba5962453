import { LockMode } from '@mikro-orm/core';
import { DockingOutgoing, HUB, type DockingFeedbackHooks } from '@jiefen/docking';
import type { HubClocks } from '../domain/clocks.js';
import { ROUTED_RECORD } from '../domain/docking.js';
import { Dispute } from '../entities/dispute.entity.js';
import { applyDisputeStep } from './dispute-step.service.js';

// 分流转办, what comes back: what is specific to a hand-over the hub opened itself
// (docking-outbound.service.ts), applied in the inbox's transaction after the docking package
// updated the outgoing docking (`applyDockingFeedback`). Its acceptance, sessions and conclusion
// move the dispute as every docking's do (dispute-follow.service.ts, the one place for outcomes);
// only the refusal is the hub's own business: the dispute comes back to be routed again.

/** The hooks of the hub's own hand-overs (分流转办), on the hub's clocks; answers about other agencies' dockings are not the hub's feedback. */
export const routingFeedback = (clocks: HubClocks): DockingFeedbackHooks => ({
  /**
   * A dispute waits for the answers of its latest hand-over while it is in mediation: once the hub
   * routed it again, or ended its mediation on its own record, an answer to an older hand-over is
   * stale (and, stale, moves nothing: see applyDockingEvent).
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
  /** 不予受理: the dispute goes back to the hub for re-routing, with the receiver's reason on its timeline. */
  async onRejected(em, docking) {
    const dispute = await em.findOne(Dispute, { id: docking.recordId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!dispute) return;
    const receiver = {
      subject: `${docking.toAgency.toLowerCase()}:${docking.organizationCode ?? ''}`,
      name: docking.organizationName ?? docking.organizationCode ?? '接收单位',
    };
    await applyDisputeStep(
      em,
      dispute,
      'DOCKING',
      receiver,
      { event: 'HAND_BACK', apply: () => `${receiver.name}不予受理,退回综治中心重新分流:${docking.rejectionReason!}` },
      docking.rejectedAt ?? new Date(),
      clocks,
    );
  },
});

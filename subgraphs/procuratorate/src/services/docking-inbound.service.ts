import type { EntityManager } from '@mikro-orm/core';
import { applyDisputeAnswer, applyDockingFeedback, type DockingFeedbackHooks, type DockingOutgoing, type TypedDockingEvent } from '@jiefen/docking';
import type { DockingApplyContext } from '@jiefen/subgraph-kit';
import { procuratorateCaseWorkflow, type ProcuratorateCaseState } from '../domain/procuratorate-case.workflow.js';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import { receiveMediationOutcome } from './procuratorate-case.service.js';
import type { ProcuratorateSettings } from './support.js';
import { disputeAnswerHooks } from './dispute-report.service.js';

// 检调对接, the inbound half: what the mediation organization answers about a referral. The
// docking package keeps the hand-over (its outgoing docking); these hooks say what the answer means
// for the case. The outbound half is docking-outbound.service.ts.

const caseOf = (em: EntityManager, docking: DockingOutgoing) => em.findOneOrFail(ProcuratorateCase, { id: docking.recordId });

const hooksWith = (settings: ProcuratorateSettings): DockingFeedbackHooks => ({
  // A case whose outcome the procurator recorded first (or that moved on) waits for nothing.
  awaits: async (em, docking) => (await caseOf(em, docking)).status === 'REFERRED_TO_MEDIATION',
  // Declined: the case returns to the procurator's review (the reason is the hand-over's).
  onRejected: async (em, docking) => {
    const c = await caseOf(em, docking);
    c.status = procuratorateCaseWorkflow.transition(c.status as ProcuratorateCaseState, 'REFERRAL_REJECTED', 'MEDIATION_ORGANIZATION');
  },
  // Concluded: the outcome recorded as the mediation organization's (reconciled = an agreement).
  onConcluded: async (em, docking, p) => {
    const summary = p.summary.trim().length >= 2 ? p.summary.trim().slice(0, 2000) : '调解组织已反馈调解结果';
    await receiveMediationOutcome(em, { caseId: docking.recordId, reconciled: p.outcome === 'AGREEMENT', summary, concludedAt: p.concludedAt }, settings);
  },
});

/** Applies what the mediation organization sends back about a referral, in the inbox transaction. */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent, { settings }: DockingApplyContext<ProcuratorateSettings>): Promise<void> {
  // The hub's answer about a case reported (or handed over) without a hub dispute (一案一号).
  if (event.type === 'DisputeReportAnswered') {
    await applyDisputeAnswer(em, 'PROCURATORATE', event, disputeAnswerHooks);
    return;
  }
  await applyDockingFeedback(em, 'PROCURATORATE', event, hooksWith(settings));
}

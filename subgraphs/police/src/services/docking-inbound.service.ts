import type { EntityManager } from '@mikro-orm/core';
import {
  applyDisputeAnswer,
  applyDockingFeedback,
  receiveIncomingDocking,
  type DockingFeedbackHooks,
  type DockingOutgoing,
  type TypedDockingEvent,
} from '@jiefen/docking';
import type { DockingApplyContext } from '@jiefen/subgraph-kit';
import { policeIncidentWorkflow, type PoliceIncidentEvent, type PoliceIncidentState } from '../domain/police-incident.workflow.js';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import { disputeAnswerHooks } from './dispute-report.service.js';

// 公调对接, the inbound half: what the mediation organization answers about a transfer. The
// package's feedback applier keeps the transfer (the outgoing docking); these hooks say what the
// answer means for the incident. The outbound half is docking-outbound.service.ts.

const incidentOf = (em: EntityManager, transfer: DockingOutgoing) => em.findOneOrFail(PoliceIncident, { id: transfer.recordId });

/**
 * The incident's step on the organization's answer, through its workflow. `awaits` has made sure
 * it is still transferred (an incident a police mediation decided meanwhile makes the answer stale).
 */
async function follow(em: EntityManager, transfer: DockingOutgoing, event: PoliceIncidentEvent): Promise<void> {
  const incident = await incidentOf(em, transfer);
  incident.status = policeIncidentWorkflow.transition(incident.status as PoliceIncidentState, event, 'MEDIATION_ORGANIZATION');
}

const hooks: DockingFeedbackHooks = {
  // The incident waits for the organization while it is transferred.
  awaits: async (em, transfer) => (await incidentOf(em, transfer)).status === 'TRANSFERRED',
  // The officer handles it again (another organization, or the police's own way).
  onRejected: (em, transfer) => follow(em, transfer, 'TRANSFER_REJECTED'),
  onConcluded: (em, transfer) => follow(em, transfer, 'TRANSFER_CONCLUDED'),
};

/**
 * Applies what the mediation organization sends back about a transfer (in the inbox transaction),
 * the hub's 分流转办 of a public-security matter as a 转办件 (packages/docking), and the hub's answer
 * about an incident's dispute (一案一号).
 */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent, { settings }: DockingApplyContext): Promise<void> {
  if (event.type === 'DisputeReportAnswered') {
    await applyDisputeAnswer(em, 'POLICE', event, disputeAnswerHooks);
    return;
  }
  if (await receiveIncomingDocking(em, 'POLICE', event, settings.now())) return;
  await applyDockingFeedback(em, 'POLICE', event, hooks);
}

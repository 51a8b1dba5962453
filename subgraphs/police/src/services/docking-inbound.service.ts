import type { EntityManager } from '@mikro-orm/core';
import { applyDockingFeedback, type DockingFeedbackHooks, type DockingOutgoing, type TypedDockingEvent } from '@jiefen/docking';
import { PoliceIncident } from '../entities/police-incident.entity.js';

// 公调对接, the inbound half: what the mediation organization answers about a transfer. The
// package's feedback applier keeps the transfer (the outgoing docking); these hooks say what the
// answer means for the incident. The outbound half is docking-outbound.service.ts.

const incidentOf = (em: EntityManager, transfer: DockingOutgoing) => em.findOneOrFail(PoliceIncident, { id: transfer.recordId });

const hooks: DockingFeedbackHooks = {
  // The incident waits for the organization while it is transferred.
  awaits: async (em, transfer) => (await incidentOf(em, transfer)).status === 'TRANSFERRED',
  onRejected: async (em, transfer) => {
    // The officer handles it again (another organization, or the police's own way).
    (await incidentOf(em, transfer)).status = 'DISPATCHED';
  },
  onConcluded: async (em, transfer) => {
    (await incidentOf(em, transfer)).status = 'CLOSED';
  },
};

/** Applies what the mediation organization sends back about a transfer (in the inbox transaction). */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent): Promise<void> {
  await applyDockingFeedback(em, 'POLICE', event, hooks);
}

import type { EntityManager } from '@mikro-orm/core';
import type { TypedDockingEvent } from '@jiefen/docking';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import { PoliceTransfer } from '../entities/police-transfer.entity.js';

// 公调对接, the inbound half: what the mediation organization answers about a transfer. The
// outbound half (the transfer and its DockingRequested) is docking-outbound.service.ts.

/** Applies what the mediation organization sends back about a transfer (in the inbox transaction). */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent): Promise<void> {
  const transfer = await em.findOne(PoliceTransfer, { dockingId: event.dockingId });
  // An event about a docking the police did not start (a copy meant for someone else): nothing to do.
  if (!transfer) return;
  const incident = await em.findOneOrFail(PoliceIncident, { id: transfer.incidentId });
  switch (event.type) {
    case 'DockingAccepted': {
      const p = event.payload;
      transfer.status = 'ACCEPTED';
      transfer.acceptedAt = new Date(p.acceptedAt);
      transfer.mediationCaseNumber = p.caseNumber;
      transfer.toOrganizationName = p.organizationName;
      break;
    }
    case 'DockingRejected': {
      const p = event.payload;
      transfer.status = 'REJECTED';
      transfer.rejectionReason = p.reason;
      // The officer handles it again (another organization, or the police's own way).
      incident.status = 'DISPATCHED';
      break;
    }
    case 'MediationConcluded': {
      const p = event.payload;
      transfer.status = 'CONCLUDED';
      transfer.outcome = p.outcome;
      transfer.outcomeSummary = p.summary;
      transfer.concludedAt = new Date(p.concludedAt);
      incident.status = 'CLOSED';
      break;
    }
    default:
      break;
  }
  await em.flush();
}

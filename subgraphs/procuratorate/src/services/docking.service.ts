import type { EntityManager } from '@mikro-orm/core';
import { jsonLogger, type TypedDockingEvent } from '@jiefen/docking';
import type { DockingApplyContext } from '@jiefen/subgraph-kit';
import { procuratorateCaseWorkflow, type ProcuratorateCaseState } from '../domain/procuratorate-case.workflow.js';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import { receiveMediationOutcome } from './procuratorate-case.service.js';
import { decide, type ProcuratorateSettings } from './support.js';

/**
 * Applies what the mediation organization sends back about a referral, in the inbox transaction:
 * accepted (noted), declined (the case returns to the procurator's review with the reason), or
 * concluded (the outcome recorded as the mediation organization's; reconciled = an agreement).
 */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent, { settings }: DockingApplyContext<ProcuratorateSettings>): Promise<void> {
  const c = await em.findOne(ProcuratorateCase, { dockingId: event.dockingId });
  // A copy of someone else's docking, or an older referral of this case: nothing to do.
  if (!c) return;
  // An answer that no longer fits the case (e.g. the procurator recorded the outcome first) is kept in the inbox, not applied.
  const stale = () => jsonLogger({ level: 'warn', message: 'docking event not applicable', agency: 'PROCURATORATE', eventId: event.id, type: event.type, dockingId: event.dockingId, status: c.status });
  switch (event.type) {
    case 'DockingAccepted': {
      const p = event.payload;
      Object.assign(c, { mediationAcceptedAt: new Date(p.acceptedAt), mediationCaseNumber: p.caseNumber?.slice(0, 60) ?? null });
      if (p.organizationName) c.mediationOrganization = p.organizationName.slice(0, 100);
      break;
    }
    case 'DockingRejected': {
      const p = event.payload;
      if (c.status !== 'REFERRED_TO_MEDIATION') return stale();
      c.status = decide(() => procuratorateCaseWorkflow.transition(c.status as ProcuratorateCaseState, 'REFERRAL_REJECTED', 'MEDIATION_ORGANIZATION'));
      c.referralRejectionReason = typeof p.reason === 'string' && p.reason.trim() ? p.reason.trim() : '调解组织不予受理';
      break;
    }
    case 'MediationConcluded': {
      const p = event.payload;
      if (c.status !== 'REFERRED_TO_MEDIATION') return stale();
      await receiveMediationOutcome(em, { caseId: c.id, reconciled: p.outcome === 'AGREEMENT', summary: typeof p.summary === 'string' && p.summary.trim().length >= 2 ? p.summary.trim().slice(0, 2000) : '调解组织已反馈调解结果', concludedAt: p.concludedAt }, settings);
      return;
    }
    default:
      return;
  }
  await em.flush();
}

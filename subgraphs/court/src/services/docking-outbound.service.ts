import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import {
  openOutgoingDocking,
  publish,
  type DockingRequestedPayload,
  type EnforcementAppliedPayload,
  type JudicialConfirmationRuledPayload,
  type JudicialConfirmationRuling,
} from '@jiefen/docking';
import { courtCodeOf } from '../domain/case-numbers.js';
import type { CourtCase } from '../entities/court-case.entity.js';
import type { EnforcementApplication } from '../entities/enforcement-application.entity.js';
import type { JudicialConfirmation } from '../entities/judicial-confirmation.entity.js';

// 诉调对接: the court's side of the docking conversation. A case sent to mediation (委派 / 委托) is
// announced by `DockingRequested` to the justice bureau (copied to the hub) in the same transaction
// as the case's change; what the organization does with it comes back to docking-inbound.service.ts.

/** The court's record handed over in its dockings. */
export const DOCKED_RECORD = 'CourtCase';

/**
 * Opens the docking of a case the court just sent out (the outgoing docking and its
 * `DockingRequested`); called inside the sending transaction after the case's change.
 */
export async function openCourtDocking(tx: EntityManager, caller: Caller, c: CourtCase, target: { code: string; name: string | null }): Promise<void> {
  const commission = c.mediationMode === 'ENTRUSTED';
  const parties: DockingRequestedPayload['parties'] = [];
  if (c.plaintiffName) parties.push({ role: 'APPLICANT', name: c.plaintiffName, idNumber: c.plaintiffIdNumber ?? null, phone: c.plaintiffPhone ?? null });
  if (c.defendantName) parties.push({ role: 'RESPONDENT', name: c.defendantName });
  const payload: DockingRequestedPayload = {
    kind: 'COURT',
    mode: commission ? 'COMMISSION' : 'ENTRUST',
    disputeId: c.disputeId,
    regionCode: c.regionCode,
    // The hub's category given at 收案; else the cause of action (the receiver counts what is no category as 其他).
    category: c.category ?? c.cause,
    summary: `${c.cause}(${commission ? `委托调解,立案案号 ${c.filingNumber ?? ''}` : `诉前委派调解,案号 ${c.caseNumber}`})`,
    sentAt: c.mediationSentAt!.toISOString(),
    source: {
      agency: 'COURT',
      recordType: DOCKED_RECORD,
      recordId: c.id,
      number: c.filingNumber ?? c.caseNumber,
      organizationCode: caller.organization,
      organizationName: `人民法院(${courtCodeOf(c.regionCode) ?? c.regionCode})`,
      officerName: caller.name,
    },
    target: { organizationCode: target.code, organizationName: target.name },
    parties,
    ...(commission ? { procedure: (c.procedure ?? 'ORDINARY') as 'ORDINARY' | 'SUMMARY' } : {}),
  };
  await tx.flush();
  await openOutgoingDocking(tx, { to: 'JUSTICE', payload });
}

/** `JudicialConfirmationRuled` back to the justice side, for an application that came by docking; in the deciding transaction. */
export async function publishRuling(
  tx: EntityManager,
  j: JudicialConfirmation,
  ruling: JudicialConfirmationRuling,
  at: Date,
  reason: string | null,
): Promise<void> {
  if (!j.dockingId) return;
  const payload: JudicialConfirmationRuledPayload = {
    applicationId: j.applicationId,
    confirmationId: j.id,
    caseNumber: j.caseNumber ?? null,
    ruling,
    ruledAt: at.toISOString(),
    reason: reason || null,
  };
  await tx.flush();
  await publish(tx, { type: 'JudicialConfirmationRuled', dockingId: j.dockingId, from: 'COURT', to: 'JUSTICE', payload });
}

/** `EnforcementApplied` back to the justice side (and the hub's timeline), for a confirmation that came by docking; in the applying transaction. */
export async function publishEnforcement(tx: EntityManager, j: JudicialConfirmation, e: EnforcementApplication): Promise<void> {
  if (!j.dockingId) return;
  const payload: EnforcementAppliedPayload = { confirmationId: j.id, caseNumber: e.caseNumber, appliedAt: e.appliedAt.toISOString() };
  await tx.flush();
  await publish(tx, { type: 'EnforcementApplied', dockingId: j.dockingId, from: 'COURT', to: 'JUSTICE', payload });
}

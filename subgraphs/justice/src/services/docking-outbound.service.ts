import type { EntityManager } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import {
  HUB,
  OUTCOME_NAMES,
  publish,
  type DockingParty,
  type DockingRequestedPayload,
  type DockingAcceptedPayload,
  type DockingRejectedPayload,
  type JudicialConfirmationRequestedPayload,
  type EnforcementAppliedPayload,
  type JudicialConfirmationRuledPayload,
  type MediationConcludedPayload,
  type MediationSessionRecordedPayload,
  type AgreementPerformanceRecordedPayload,
  type PerformanceState,
  type KnownDockingEventType,
  type DockingPayloads,
  type MediationOutcome,
} from '@jiefen/docking';
import { outcomeSummary } from '../domain/docking.js';
import type { MediationAgreement } from '../entities/mediation-agreement.entity.js';
import type { MediationCase } from '../entities/mediation-case.entity.js';
import type { MediationParty } from '../entities/mediation-party.entity.js';
import type { MediationSession } from '../entities/mediation-session.entity.js';

// 信息反馈: what the organization does with a docked case goes back to the agency that sent it
// (the hub gets its copy), published in the same transaction as the change itself — if the event
// cannot be written, the change is rolled back.

const JUSTICE: Agency = 'JUSTICE';

/** Sends an event of a case's docking back to the agency that sent it (the hub gets its copy), in the caller's transaction. */
async function feedBack<T extends KnownDockingEventType>(tx: EntityManager, c: MediationCase, type: T, payload: DockingPayloads[T]): Promise<void> {
  // Cases from a direct application (or screening) belong to no docking: nobody to tell.
  if (!c.dockingId || !c.dockingFrom) return;
  // 援调 stays inside justice: its events go to the hub's ledger only, never to justice itself.
  const to = c.dockingFrom === JUSTICE ? HUB : (c.dockingFrom as Agency);
  await publish(tx, { type, dockingId: c.dockingId, from: JUSTICE, to, payload });
}

export interface LegalAidReferral {
  dockingId: string;
  disputeId: string | null;
  regionCode: string;
  category: string | null;
  summary: string;
  sentAt: Date;
  source: DockingRequestedPayload['source'];
  target: DockingRequestedPayload['target'];
  parties: DockingParty[];
}

/**
 * 援调 (legal aid → mediation, or mediation → legal aid) is a referral between two services of
 * justice, which the protocol between agencies cannot carry: it is recorded in the hub's ledger by a
 * `DockingRequested` addressed to the hub only (the payload's target names the receiving service).
 */
export async function publishLegalAidReferral(tx: EntityManager, r: LegalAidReferral): Promise<void> {
  const payload: DockingRequestedPayload = {
    kind: 'LEGAL_AID',
    mode: 'REFERRAL',
    disputeId: r.disputeId,
    regionCode: r.regionCode,
    category: r.category,
    summary: r.summary,
    sentAt: r.sentAt.toISOString(),
    source: r.source,
    target: r.target,
    parties: r.parties,
  };
  await publish(tx, { type: 'DockingRequested', dockingId: r.dockingId, from: JUSTICE, to: HUB, occurredAt: r.sentAt, payload });
}

/** 受理 of a docked case: `DockingAccepted`, with where the organization sits (the hub follows the dispute at its tier). */
export async function feedBackAccepted(tx: EntityManager, c: MediationCase, organizationRegionCode: string): Promise<void> {
  const payload: DockingAcceptedPayload = {
    acceptedAt: c.acceptedAt!.toISOString(),
    caseId: c.id,
    caseNumber: c.caseNumber,
    organizationName: c.organizationName,
    mediatorName: c.mediatorName ?? null,
    organizationRegionCode,
  };
  await feedBack(tx, c, 'DockingAccepted', payload);
}

/** A session held on a docked case: `MediationSessionRecorded` (the hub counts it as a 三三制 attempt). */
export async function feedBackSession(tx: EntityManager, c: MediationCase, s: MediationSession): Promise<void> {
  const payload: MediationSessionRecordedPayload = {
    sessionId: s.id,
    caseId: c.id,
    sequence: s.sequence,
    heldAt: s.heldAt.toISOString(),
    mediatorName: c.mediatorName ?? null,
    organizationName: c.organizationName,
    summary: `第 ${s.sequence} 次调解:${s.progress ?? s.focus}`.slice(0, 2000),
  };
  await feedBack(tx, c, 'MediationSessionRecorded', payload);
}

/** 不予受理 of a docked case: `DockingRejected` with the reason. */
export async function feedBackRejected(tx: EntityManager, c: MediationCase, at: Date): Promise<void> {
  const payload: DockingRejectedPayload = { rejectedAt: at.toISOString(), reason: c.rejectionReason ?? '' };
  await feedBack(tx, c, 'DockingRejected', payload);
}

/** 信息反馈: the outcome of a docked case (`MediationConcluded`), with the agreement when there is one. */
export async function feedBackConcluded(tx: EntityManager, c: MediationCase, agreement: MediationAgreement | null): Promise<void> {
  const outcome = c.outcome as MediationOutcome;
  const payload: MediationConcludedPayload = {
    concludedAt: c.concludedAt!.toISOString(),
    outcome,
    summary: agreement
      ? outcomeSummary(OUTCOME_NAMES[outcome], { agreementNumber: agreement.number, terms: agreement.terms })
      : outcomeSummary(OUTCOME_NAMES[outcome], { note: c.conclusionNote }),
    agreement: agreement
      ? {
          number: agreement.number,
          effectiveDate: agreement.effectiveDate ?? null,
          amount: agreement.amount === null || agreement.amount === undefined ? null : Number(agreement.amount),
          performBy: agreement.performanceDeadline,
        }
      : null,
  };
  await feedBack(tx, c, 'MediationConcluded', payload);
}

/** A return visit's finding on the agreement of a docked case: `AgreementPerformanceRecorded` (on the dispute's timeline at the hub). */
export async function feedBackPerformance(tx: EntityManager, c: MediationCase, a: MediationAgreement, performance: PerformanceState, at: Date): Promise<void> {
  const payload: AgreementPerformanceRecordedPayload = { agreementNumber: a.number, performance, visitedAt: at.toISOString() };
  await feedBack(tx, c, 'AgreementPerformanceRecorded', payload);
}

/**
 * 申请司法确认: `JudicialConfirmationRequested` to the court, with what the court needs to decide
 * without asking back (the applicants with their 身份证号, the agreement, the organization and where
 * it sits, the dispute and the hand-over that brought the case). For a case a court sent (委派 /
 * 委托) it goes on that case's docking, and the court finds its case by it. Any other agreement (公调,
 * 访调, 检调, the hub's routing, a direct application) opens a docking of its own to the court, whose
 * id is the application's: the court's ruling comes back on it (the hub gets its copies).
 */
export async function publishConfirmationRequest(
  tx: EntityManager,
  c: MediationCase,
  a: MediationAgreement,
  parties: MediationParty[],
  organization: { code: string; name: string; regionCode: string },
): Promise<void> {
  const viaCourtDocking = c.dockingFrom === 'COURT' && !!c.dockingId;
  const payload: JudicialConfirmationRequestedPayload = {
    applicationId: a.confirmationApplicationId!,
    agreementId: a.id,
    agreementNumber: a.number,
    effectiveDate: a.effectiveDate!,
    appliedAt: a.confirmationAppliedAt!.toISOString(),
    applicants: parties.map((p) => ({ name: p.name, role: p.role, idNumber: p.idNumber ?? null, phone: p.phone ?? null })),
    matters: a.terms.join(';'),
    courtCaseId: null,
    regionCode: c.regionCode,
    disputeId: c.disputeId ?? null,
    mediationOrganization: organization,
    caseNumber: c.caseNumber,
    origin: c.dockingId && c.dockingFrom ? { agency: c.dockingFrom as Agency, dockingId: c.dockingId } : null,
  };
  if (viaCourtDocking) return feedBack(tx, c, 'JudicialConfirmationRequested', payload);
  await publish(tx, { type: 'JudicialConfirmationRequested', dockingId: a.confirmationApplicationId!, from: JUSTICE, to: 'COURT', payload });
}

/**
 * The court's decision on an application that went on its own docking, relayed on the hand-over that
 * brought the case (公调 / 访调 / 检调 / the hub's routing): the agency that started the case learns
 * the outcome, and the hub sees it on that hand-over's timeline too. Nothing for a direct application.
 */
export async function relayRulingToOrigin(tx: EntityManager, c: MediationCase, payload: JudicialConfirmationRuledPayload): Promise<void> {
  if (c.dockingFrom === 'COURT') return;
  await feedBack(tx, c, 'JudicialConfirmationRuled', payload);
}

/**
 * 申请强制执行 of a confirmed agreement whose application went on its own docking, relayed like the
 * ruling on the hand-over that brought the case: the agency that started it shows it on its record.
 */
export async function relayEnforcementToOrigin(tx: EntityManager, c: MediationCase, payload: EnforcementAppliedPayload): Promise<void> {
  if (c.dockingFrom === 'COURT') return;
  await feedBack(tx, c, 'EnforcementApplied', payload);
}

import type { EntityManager } from '@mikro-orm/core';
import { DomainError, type DockingApplyContext } from '@jiefen/subgraph-kit';
import {
  applyDisputeAnswer,
  applyDockingFeedback,
  findOutgoingDocking,
  jsonLogger,
  publish,
  type DockingFeedbackHooks,
  type JudicialConfirmationRuledPayload,
  type DockingOutgoing,
  type TypedDockingEvent,
  receiveIncomingDocking,
} from '@jiefen/docking';
import type { CourtSettings } from '../domain/clocks.js';
import { courtCaseWorkflow, mediationRunning, stageOf, type CourtCaseState } from '../domain/court-case.workflow.js';
import { matterKindsOf } from '../domain/judicial-confirmation.rules.js';
import { CourtCase } from '../entities/court-case.entity.js';
import { receiveMediationOutcome } from './court-case.service.js';
import { disputeAnswerHooks } from './dispute-report.service.js';
import { receiveJudicialConfirmationApplication } from './judicial-confirmation.service.js';

// 诉调对接, the inbound half: what the mediation side sends back about a case the court sent out
// (accepted, rejected, concluded) and the parties' applications for judicial confirmation. The
// outbound half (what the court announces) is docking-outbound.service.ts.

/** `JudicialConfirmationRequested`: the parties' joint application arrives with the agreement of a case the court sent out. */
async function receiveConfirmationRequest(
  em: EntityManager,
  event: TypedDockingEvent<'JudicialConfirmationRequested'>,
  docking: DockingOutgoing,
  settings: CourtSettings,
): Promise<void> {
  const c = await em.findOne(CourtCase, { id: docking.recordId });
  if (!c) return;
  const p = event.payload;
  const applicants = Array.isArray(p.applicants) ? p.applicants : [];
  try {
    await receiveJudicialConfirmationApplication(
      em,
      {
        applicationId: String(p.applicationId ?? ''),
        disputeId: c.disputeId,
        courtCaseId: c.id,
        dockingId: event.dockingId,
        agreementId: String(p.agreementId ?? ''),
        mediationOrganization: docking.organizationName?.slice(0, 100) || '人民调解委员会',
        agreementSummary: `${String(p.agreementNumber ?? '')}:${String(p.matters ?? '')}`,
        matters: matterKindsOf(String(p.matters ?? '')),
        agreementEffectiveAt: `${String(p.effectiveDate ?? '')}T00:00:00+08:00`,
        appliedAt: p.appliedAt,
        applicants: applicants.map((a) => ({ name: a.name, idNumber: a.idNumber ?? null, phone: a.phone ?? null })),
        // Every party of the agreement applies together through the organization.
        jointApplication: applicants.length >= 2,
      },
      settings,
    );
  } catch (error) {
    // A malformed application would fail on every retry: logged, not applied.
    if (DomainError.is(error)) return ignore(event, `invalid application: ${error.message}`);
    throw error;
  }
}

/**
 * `JudicialConfirmationRequested` on a docking of its own: the parties' joint application for an
 * agreement the court did not send (公调、访调、检调, the hub's routing, a direct application). The
 * basic court where the mediation organization sits is competent (人民调解法 Art 33, 民诉法 Art 205):
 * its county's court. An application that cannot be recorded is refused back to the sender at
 * once, with the reason (no retry would change it); the legal grounds for refusal (late, not joint,
 * excluded matters) are the court's decision at acceptance, as for every application.
 */
async function receiveApplicationWithoutCase(
  em: EntityManager,
  event: TypedDockingEvent<'JudicialConfirmationRequested'>,
  settings: CourtSettings,
): Promise<void> {
  const p = event.payload;
  const organization = p.mediationOrganization;
  try {
    await receiveJudicialConfirmationApplication(
      em,
      {
        applicationId: p.applicationId,
        disputeId: p.disputeId ?? null,
        courtCaseId: null,
        dockingId: event.dockingId,
        agreementId: p.agreementId,
        mediationOrganization: organization?.name.slice(0, 100) ?? '',
        agreementSummary: `${p.agreementNumber}:${p.matters}`,
        matters: matterKindsOf(p.matters),
        agreementEffectiveAt: `${p.effectiveDate}T00:00:00+08:00`,
        appliedAt: p.appliedAt,
        applicants: p.applicants.map((a) => ({ name: a.name, idNumber: a.idNumber ?? null, phone: a.phone ?? null })),
        jointApplication: p.applicants.length >= 2,
        // The county (6 digits) of where the organization sits names the basic court.
        regionCode: (organization?.regionCode ?? '').slice(0, 6),
      },
      settings,
    );
  } catch (error) {
    if (!DomainError.is(error)) throw error;
    const field = typeof error.details.field === 'string' ? `(${error.details.field})` : '';
    await refuseUnrecorded(em, event, `申请材料不全,无法登记:${error.message}${field}`, settings);
  }
}

/** `JudicialConfirmationRuled` REFUSED for an application the court could not even record (nothing of the court's is written). */
async function refuseUnrecorded(em: EntityManager, event: TypedDockingEvent<'JudicialConfirmationRequested'>, reason: string, settings: CourtSettings) {
  ignore(event, reason);
  const payload: JudicialConfirmationRuledPayload = {
    applicationId: event.payload.applicationId,
    confirmationId: event.payload.applicationId,
    caseNumber: null,
    ruling: 'REFUSED',
    ruledAt: settings.now().toISOString(),
    reason: reason.slice(0, 2000),
  };
  await publish(em, { type: 'JudicialConfirmationRuled', dockingId: event.dockingId, from: 'COURT', to: event.from, payload });
}

const ignore = (event: TypedDockingEvent, reason: string) =>
  jsonLogger({ level: 'warn', message: 'docking event not applied', agency: 'COURT', eventId: event.id, type: event.type, dockingId: event.dockingId, reason });

const caseOf = (em: EntityManager, docking: DockingOutgoing) => em.findOneOrFail(CourtCase, { id: docking.recordId });

/** What an answer about a case sent to mediation means for the case (the docking package keeps the hand-over). */
const hooksWith = (settings: CourtSettings): DockingFeedbackHooks => ({
  // A case whose outcome the court recorded on paper (or that moved on) waits for nothing.
  awaits: async (em, docking) => mediationRunning((await caseOf(em, docking)).status as CourtCaseState),
  onRejected: async (em, docking) => {
    const c = await caseOf(em, docking);
    const next = courtCaseWorkflow.transition(c.status as CourtCaseState, 'RETURN_UNACCEPTED', 'MEDIATION_ORGANIZATION');
    const preFiling = c.status === 'DIVERTED_TO_MEDIATION';
    c.status = next;
    c.stage = stageOf(next);
    c.mediationDueAt = null;
    // Not diverted after all: the indicators count diversions that an organization took up.
    if (preFiling) c.divertedAt = null;
  },
  onConcluded: async (em, docking, p) => {
    const summary = p.summary.trim().length >= 2 ? p.summary.trim().slice(0, 2000) : '调解组织已反馈调解结果';
    // A failed pre-filing mediation stays MEDIATION_FAILED, ready for 立案 (fileCase).
    await receiveMediationOutcome(
      em,
      { courtCaseId: docking.recordId, succeeded: p.outcome === 'AGREEMENT', note: summary, concludedAt: p.concludedAt },
      settings,
    );
  },
});

/**
 * Applies what comes back about a case the court sent to mediation, in the inbox transaction
 * (each event once, in order per docking): the answers through the docking package's feedback
 * applier (and its staleness policy), the parties' application for judicial confirmation here, and
 * the hub's 分流转办 as a 转办件.
 */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent, { settings }: DockingApplyContext<CourtSettings>): Promise<void> {
  // The hub's answer about a case reported (or handed over) without a hub dispute (一案一号).
  if (event.type === 'DisputeReportAnswered') {
    await applyDisputeAnswer(em, 'COURT', event, disputeAnswerHooks);
    return;
  }
  // 分流转办 to the court (诉讼引导, 诉前调解): a 转办件 in the court's inbox (packages/docking).
  if (await receiveIncomingDocking(em, 'COURT', event, settings.now())) return;
  if (event.type !== 'JudicialConfirmationRequested') {
    await applyDockingFeedback(em, 'COURT', event, hooksWith(settings));
    return;
  }
  const docking = await findOutgoingDocking(em, 'COURT', event.dockingId);
  if (docking) await receiveConfirmationRequest(em, event, docking, settings);
  else await receiveApplicationWithoutCase(em, event, settings);
}

import type { EntityManager } from '@mikro-orm/core';
import {
  applyDockingFeedback,
  HUB,
  OUTCOME_NAMES,
  type TypedDockingEvent as ProtocolEvent,
  type DockingRequestedPayload,
  type JudicialConfirmationRuling,
  type MediationOutcome,
} from '@jiefen/docking';
import type { HubSettings } from '../domain/config.js';
import type { DockingApplyContext } from '@jiefen/subgraph-kit';
import {
  confirmByAfter,
  dockingClockDates,
  dockingDueAt,
  DOCKING_KIND_NAMES,
  type DockingKind,
  type DockingMode,
  type DockingOutcome,
  type DockingStatus,
} from '../domain/docking.js';
import { DockingEvent } from '../entities/docking-event.entity.js';
import { Docking } from '../entities/docking.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { followDockingOutcome } from './dispute-follow.service.js';
import { handedOverRecordOf, registerOrLink, reportedRecordOf } from './dispute-report.service.js';
import { routingFeedback } from './routing-feedback.service.js';

const MODE_NAMES: Record<DockingMode, string> = { ENTRUST: '委派', COMMISSION: '委托', TRANSFER: '移交', REFERRAL: '转介', CONFIRMATION: '申请司法确认' };
const RULING_NAMES: Record<JudicialConfirmationRuling, string> = {
  CONFIRMED: '裁定确认调解协议有效',
  REJECTED: '裁定驳回司法确认申请',
  REFUSED: '司法确认申请不予受理',
};
const OUTCOMES: Record<MediationOutcome, DockingOutcome> = { AGREEMENT: 'SETTLED', NO_AGREEMENT: 'NOT_SETTLED', TERMINATED: 'TERMINATED' };

/**
 * The dispute of a hand-over: the one the sender named, if the hub has it; else the hub registers
 * it or links it to the dispute it has (一案一号, dispute-report.service.ts) and answers the sender.
 */
async function disputeFor(em: EntityManager, event: ProtocolEvent<'DockingRequested'>, context: DockingApplyContext<HubSettings>): Promise<string | null> {
  const p = event.payload;
  if (p.disputeId && (await em.findOne(Dispute, { id: p.disputeId }))) return p.disputeId;
  return (await registerOrLink(em, handedOverRecordOf(event.dockingId, event.to, p), context))?.disputeId ?? null;
}

function summaryOf(event: ProtocolEvent, docking: Docking): string {
  switch (event.type) {
    case 'DockingRequested':
      return `${docking.fromOrganizationName ?? docking.fromAgency}${MODE_NAMES[docking.mode as DockingMode]}${docking.toOrganizationName ?? '调解组织'}(${DOCKING_KIND_NAMES[docking.kind as DockingKind]})`;
    case 'DockingAccepted':
      return `${event.payload.organizationName}已受理,案号 ${event.payload.caseNumber}`;
    case 'DockingRejected':
      return `不予受理:${event.payload.reason}`;
    case 'MediationConcluded':
      return OUTCOME_NAMES[event.payload.outcome];
    case 'MediationSessionRecorded':
      return `${event.payload.organizationName}第 ${event.payload.sequence} 次调解`;
    case 'JudicialConfirmationRequested':
      return `当事人共同申请司法确认调解协议 ${event.payload.agreementNumber}(${event.payload.mediationOrganization?.name ?? docking.fromOrganizationName ?? '调解组织'})`;
    case 'JudicialConfirmationRuled': {
      const p = event.payload;
      return `${RULING_NAMES[p.ruling]}${p.caseNumber ? `,案号 ${p.caseNumber}` : ''}${p.reason ? `:${p.reason}` : ''}`.slice(0, 2000);
    }
    case 'AgreementPerformanceRecorded':
      return `回访:${event.payload.performance}`;
    case 'EnforcementApplied':
      return `申请强制执行,${event.payload.caseNumber}`;
    default:
      // An event type added to the contract later: its name until it has a summary here.
      return (event as ProtocolEvent).type;
  }
}

/**
 * An application for judicial confirmation of an agreement the court did not send opens a docking
 * of its own (justice → court, 司法确认申请) with the court's clocks. Its dispute is the one the
 * application names, else the one of the hand-over that brought the case to the organization (公调、
 * 访调、检调), so the confirmation is on that dispute's timeline; a direct application may have none.
 */
async function openConfirmationDocking(em: EntityManager, event: ProtocolEvent<'JudicialConfirmationRequested'>): Promise<Docking> {
  const p = event.payload;
  // An application without its organization is refused by the court; the ledger still shows it (and the refusal).
  const organization = p.mediationOrganization ?? { code: event.from, name: null, regionCode: p.regionCode };
  const origin = p.origin ? await em.findOne(Docking, { id: p.origin.dockingId }) : null;
  const named = p.disputeId ? await em.findOne(Dispute, { id: p.disputeId }) : null;
  const sentAt = new Date(p.appliedAt);
  const { acceptBy, concludeBy } = dockingClockDates('COURT', 'CONFIRMATION', sentAt);
  return em.create(Docking, {
    id: event.dockingId,
    kind: 'COURT',
    mode: 'CONFIRMATION',
    status: 'SENT',
    fromAgency: event.from,
    toAgency: event.to,
    fromOrganizationCode: organization.code,
    fromOrganizationName: organization.name,
    toOrganizationCode: null,
    toOrganizationName: '基层人民法院',
    disputeId: named?.id ?? origin?.disputeId ?? null,
    regionCode: organization.regionCode,
    sentAt,
    acceptBy,
    concludeBy,
    dueAt: acceptBy,
  });
}

/**
 * What reaches the hub's inbox: the copy of every docking event, and the answers to the hub's own
 * hand-overs (分流转办). In that order, once each: the ledger; for the hub's own hand-over, its
 * outgoing row and what is specific to it (a refusal hands the dispute back, routing-feedback.service.ts);
 * then the outcome moves the dispute (dispute-follow.service.ts) — unless it answers a hand-over of
 * the hub's that no longer runs or that its dispute no longer waits for (stale: logged, nothing moves).
 */
export async function applyDockingEvent(em: EntityManager, event: ProtocolEvent, context: DockingApplyContext<HubSettings>): Promise<void> {
  // A dispute reported at an agency's own door is no hand-over: it is registered or linked, not ledgered.
  if (event.type === 'DisputeReported') {
    await registerOrLink(em, reportedRecordOf(event), context);
    return;
  }
  const docking = await recordInLedger(em, event, () => disputeFor(em, event as ProtocolEvent<'DockingRequested'>, context));
  if ((await applyDockingFeedback(em, HUB, event, routingFeedback(context.settings.clocks))) === 'stale') return;
  await followDockingOutcome(em, event, docking, context.settings.clocks);
}

/**
 * The hub's ledger, built from the copy of every docking event (DESIGN.md §4): the first event
 * opens the docking with its clocks (and registers the dispute if needed, `disputeOf`); later ones
 * move it on. An event about a docking the hub has not seen opened yet (another sender's stream
 * arrived first) is refused for now: the sender retries until the opening event is here. The hub's
 * own hand-overs are written here too, from the event it published (it gets no copy of its own).
 */
export async function recordInLedger(
  em: EntityManager,
  event: ProtocolEvent,
  disputeOf: (payload: DockingRequestedPayload) => Promise<string | null>,
): Promise<Docking> {
  let docking = await em.findOne(Docking, { id: event.dockingId });
  if (event.type === 'DockingRequested') {
    if (docking) return docking;
    const p = event.payload;
    const sentAt = new Date(p.sentAt);
    const { acceptBy, concludeBy } = dockingClockDates(p.kind, p.mode, sentAt);
    docking = em.create(Docking, {
      id: event.dockingId,
      kind: p.kind,
      mode: p.mode,
      status: 'SENT',
      fromAgency: event.from,
      // 援调 is a referral inside justice, sent to the hub only: its counterpart is justice itself.
      toAgency: p.kind === 'LEGAL_AID' ? 'JUSTICE' : event.to,
      fromOrganizationCode: p.source.organizationCode,
      fromOrganizationName: p.source.organizationName,
      toOrganizationCode: p.target.organizationCode,
      toOrganizationName: p.target.organizationName,
      disputeId: await disputeOf(p),
      regionCode: p.regionCode,
      sentAt,
      acceptBy,
      concludeBy,
      dueAt: acceptBy,
    });
  } else if (!docking && event.type === 'JudicialConfirmationRequested') {
    docking = await openConfirmationDocking(em, event);
  } else if (!docking) {
    throw new Error(`docking ${event.dockingId} not opened yet at the hub`);
  } else if (event.type === 'DockingAccepted') {
    const p = event.payload;
    docking.status = 'ACCEPTED';
    docking.toOrganizationName = p.organizationName;
  } else if (event.type === 'DockingRejected') {
    const p = event.payload;
    docking.status = 'REJECTED';
    docking.outcomeSummary = p.reason;
  } else if (event.type === 'MediationConcluded') {
    const p = event.payload;
    docking.status = 'CONCLUDED';
    docking.outcome = OUTCOMES[p.outcome];
    docking.outcomeSummary = p.summary;
    docking.concludedAt = new Date(p.concludedAt);
    docking.confirmBy = p.outcome === 'AGREEMENT' ? confirmByAfter(new Date(p.agreement?.effectiveDate ?? p.concludedAt)) : null;
  } else if (event.type === 'JudicialConfirmationRuled' && docking.mode === 'CONFIRMATION') {
    // The application's own docking ends with the court's decision (the decision is its summary).
    docking.status = 'FED_BACK';
    docking.concludedAt = new Date(event.payload.ruledAt);
    docking.outcomeSummary = summaryOf(event, docking);
  }
  docking.dueAt = dockingDueAt({
    status: docking.status as DockingStatus,
    acceptBy: docking.acceptBy ?? null,
    concludeBy: docking.concludeBy ?? null,
    confirmBy: docking.confirmBy ?? null,
  });
  docking.lastSequence += 1;
  em.create(DockingEvent, {
    id: event.id,
    dockingId: event.dockingId,
    fromAgency: event.from,
    sequence: event.sequence,
    type: event.type,
    at: new Date(event.occurredAt),
    summary: summaryOf(event, docking),
  });
  await em.flush();
  return docking;
}

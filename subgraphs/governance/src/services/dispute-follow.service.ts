import { LockMode, type EntityManager } from '@mikro-orm/core';
import { jsonLogger, OUTCOME_NAMES, type TypedDockingEvent } from '@jiefen/docking';
import type { HubClocks } from '../domain/clocks.js';
import { disputeWorkflow, type DisputeEvent, type DisputeState } from '../domain/dispute.workflow.js';
import { TIER_NAMES, tierOfRegion, type Tier } from '../domain/tiers.js';
import { Dispute } from '../entities/dispute.entity.js';
import type { Docking } from '../entities/docking.entity.js';
import { applyDisputeStep, noteOnTimeline, writeAttempt, type DisputeStep, type TimelineAuthor } from './dispute-step.service.js';

// The hub follows outcomes — the one place where a docking's outcome moves the hub's dispute, for
// every kind of docking, the hub's own hand-overs (分流转办, kind HUB) included: what an organization
// reports about a hand-over (the hub's copy of every docking event, or the answer to the hub's own,
// after the ledger in docking-inbound.service.ts) moves the dispute the docking belongs to through
// the dispute's own workflow, as the receiving unit (actor DOCKING). The refusal of a hand-over is
// no outcome: only the hub's own is answered, by handing the dispute back (routing-feedback.service.ts).
//   DockingAccepted          → IN_MEDIATION at the accepting organization's tier;
//   MediationSessionRecorded → one 三三制 attempt at the dispute's tier;
//   MediationConcluded       → RESOLVED (an agreement) or UNRESOLVED (none, or terminated);
//   judicial confirmation, performance (return visits) and enforcement → an entry on the dispute's
//                              timeline (no change of state).
// Each event applies once (the inbox); events of one docking arrive in order, those of different
// dockings of one dispute in any order: a step the dispute's state does not allow (a late acceptance
// of a dispute already resolved, anything about a dispute under review or closed) is logged and
// ignored, so the ledger never reopens what the hub's posts moved on.

/** Reports that go on the dispute's timeline without moving it: its type there (≤ 30 characters). */
const TIMELINE_ONLY = {
  JudicialConfirmationRequested: 'CONFIRMATION_REQUESTED',
  JudicialConfirmationRuled: 'CONFIRMATION_RULED',
  AgreementPerformanceRecorded: 'PERFORMANCE_RECORDED',
  EnforcementApplied: 'ENFORCEMENT_APPLIED',
} as const;

const PERFORMANCE_NAMES = { PENDING: '尚未到期履行', PARTIALLY_PERFORMED: '部分履行', PERFORMED: '已履行', NOT_PERFORMED: '未履行' } as const;

const RULING_NAMES = { CONFIRMED: '裁定确认调解协议有效', REJECTED: '裁定驳回申请', REFUSED: '不予受理' } as const;

/**
 * The tier a docking's dispute is followed at once an organization accepted it: the tier of the
 * region the organization sits in (12 digits a village or community, 9 a town, 6 the county —
 * `tierOfRegion`), as the organization states it on its acceptance; when it does not (an acceptance
 * from before the field existed), the tier the dispute already has.
 */
export function tierOfAcceptance(organizationRegionCode: string | null | undefined, current: Tier): Tier {
  return organizationRegionCode ? tierOfRegion(organizationRegionCode) : current;
}

/** The step a docking event asks of its dispute, or null when the event does not move disputes. */
function stepOf(event: TypedDockingEvent, docking: Docking): DisputeStep | null {
  switch (event.type) {
    case 'DockingAccepted': {
      const p = event.payload;
      return {
        event: 'DOCKING_ACCEPTED',
        apply(d) {
          const entering = d.status !== 'IN_MEDIATION';
          // A second hand-over accepted while the dispute is in mediation leaves its tier (and count) alone.
          const tier = entering ? tierOfAcceptance(p.organizationRegionCode, d.tier as Tier) : (d.tier as Tier);
          if (tier !== d.tier) Object.assign(d, { tier, attemptsAtTier: 0 });
          d.method ??= 'PEOPLES_MEDIATION';
          if (!d.responsibleUnitName) {
            Object.assign(d, { responsibleUnitKind: 'MEDIATION_ORGANIZATION', responsibleUnitName: p.organizationName.slice(0, 100) });
          }
          return `${p.organizationName}受理(${TIER_NAMES[tier]}层级),案号 ${p.caseNumber}${p.mediatorName ? `,调解员${p.mediatorName}` : ''}`;
        },
      };
    }
    case 'MediationSessionRecorded': {
      const p = event.payload;
      return {
        event: 'RECORD_ATTEMPT',
        apply: (d, tx) =>
          writeAttempt(tx, d, {
            mediatorName: (p.mediatorName ?? p.organizationName).slice(0, 50),
            summary: p.summary,
            attemptedAt: new Date(p.heldAt),
            recordedByName: p.organizationName.slice(0, 50),
          }),
      };
    }
    case 'MediationConcluded': {
      const p = event.payload;
      const agreed = p.outcome === 'AGREEMENT';
      return {
        event: agreed ? 'DOCKING_CONCLUDED_AGREEMENT' : 'DOCKING_CONCLUDED_NO_AGREEMENT',
        apply(d, _tx, at) {
          Object.assign(d, { outcome: agreed ? 'RESOLVED' : 'UNRESOLVED', outcomeSummary: p.summary, resolvedAt: agreed ? at : null });
          const by = docking.toOrganizationName ?? '调解组织';
          return agreed
            ? `${by}反馈:${OUTCOME_NAMES[p.outcome]}${p.agreement ? `(协议 ${p.agreement.number})` : ''},待提请协调督办岗研判结案`
            : `${by}反馈:${OUTCOME_NAMES[p.outcome]}${p.summary ? `(${p.summary})` : ''}。可上交上级化解、调整化解方式,或经研判引导当事人诉讼`;
        },
      };
    }
    default:
      return null;
  }
}

function timelineSummary(event: TypedDockingEvent): string | null {
  if (event.type === 'JudicialConfirmationRequested') {
    return `当事人就调解协议 ${event.payload.agreementNumber} 共同申请司法确认(协议生效日 ${event.payload.effectiveDate})`;
  }
  if (event.type === 'JudicialConfirmationRuled') {
    const p = event.payload;
    return `人民法院${RULING_NAMES[p.ruling]}${p.caseNumber ? `,案号 ${p.caseNumber}` : ''}${p.reason ? `:${p.reason}` : ''}`;
  }
  if (event.type === 'AgreementPerformanceRecorded') {
    return `回访:调解协议 ${event.payload.agreementNumber} ${PERFORMANCE_NAMES[event.payload.performance]}`;
  }
  if (event.type === 'EnforcementApplied') return `当事人申请强制执行经司法确认的调解协议,执行案号 ${event.payload.caseNumber}`;
  return null;
}

/** When the reported step happened at the organization (or the court); the clocks run from there. */
function atOf(event: TypedDockingEvent): Date {
  switch (event.type) {
    case 'DockingAccepted':
      return new Date(event.payload.acceptedAt);
    case 'MediationConcluded':
      return new Date(event.payload.concludedAt);
    case 'JudicialConfirmationRequested':
      return new Date(event.payload.appliedAt);
    case 'JudicialConfirmationRuled':
      return new Date(event.payload.ruledAt);
    case 'AgreementPerformanceRecorded':
      return new Date(event.payload.visitedAt);
    case 'EnforcementApplied':
      return new Date(event.payload.appliedAt);
    default:
      return new Date(event.occurredAt);
  }
}

const ignored = (event: TypedDockingEvent, dispute: Dispute, reason: string) =>
  jsonLogger({
    level: 'warn',
    message: 'docking event not applied to dispute',
    agency: 'GOVERNANCE',
    eventId: event.id,
    type: event.type,
    dockingId: event.dockingId,
    disputeId: dispute.id,
    status: dispute.status,
    reason,
  });

/**
 * Moves the docking's dispute on what the event reports, in the ledger's (inbox) transaction, after
 * the docking row was updated. Nothing for a docking without a dispute, or an event that reports
 * nothing about the dispute.
 */
export async function followDockingOutcome(em: EntityManager, event: TypedDockingEvent, docking: Docking, clocks: HubClocks): Promise<void> {
  if (!docking.disputeId) return;
  // The court's ruling (and an enforcement) counts where the court sent it; justice also relays it on
  // the hand-over that brought the case (so the agency that started it learns it) — that copy is not
  // a second ruling.
  if ((event.type === 'JudicialConfirmationRuled' || event.type === 'EnforcementApplied') && event.from !== 'COURT') return;
  const step = stepOf(event, docking);
  const note = timelineSummary(event);
  if (!step && !note) return;
  // Queues behind a hub post's step on the same dispute (actOnDispute takes the same row lock).
  const dispute = await em.findOne(Dispute, { id: docking.disputeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!dispute) return;
  const at = atOf(event);
  const by: TimelineAuthor = { subject: `docking:${docking.id}`, name: docking.toOrganizationName ?? '接收单位' };
  if (note) {
    // A fact on the timeline, whatever the state: it changes nothing of the dispute's procedure.
    const type = TIMELINE_ONLY[event.type as keyof typeof TIMELINE_ONLY];
    return noteOnTimeline(em, dispute, type, event.from === 'COURT' ? { ...by, name: '人民法院' } : by, note, at);
  }
  const state = dispute.status as DisputeState;
  if (!disputeWorkflow.can(state, step!.event as DisputeEvent)) return ignored(event, dispute, `dispute is ${state}`);
  await applyDisputeStep(em, dispute, 'DOCKING', by, step!, at, clocks);
}

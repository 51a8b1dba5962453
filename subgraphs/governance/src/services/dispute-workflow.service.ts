import { LockMode, type EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid } from '@jiefen/subgraph-kit';
import type { ActorOf } from '@jiefen/workflow';
import { disputeDueAt } from '../domain/clocks.js';
import { hubConfig } from '../domain/config.js';
import {
  DISPUTE_EVENT_NAMES,
  disputeWorkflow,
  RESOLUTION_METHOD_NAMES,
  RESOLUTION_METHODS,
  RESPONSIBLE_UNIT_KINDS,
  type DisputeActor,
  type DisputeEvent,
  type DisputeFacts,
  type DisputeState,
  type ResolutionMethod,
} from '../domain/dispute.workflow.js';
import { decideEscalation, TIER_NAMES, TIERS, type RiskLevel, type Tier } from '../domain/tiers.js';
import { DisputeActivity } from '../entities/dispute-activity.entity.js';
import { DisputeNotice } from '../entities/dispute-notice.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { Escalation } from '../entities/escalation.entity.js';
import { MediationAttempt } from '../entities/mediation-attempt.entity.js';
import { ServiceItem } from '../entities/service-item.entity.js';
import type * as I from '../domain/commands.js';
import { warnAtEscalation } from './early-warning.service.js';
import { checkVersion, lockingConflicts, requireHubStaff } from './hub-rules.js';
import { appliesTo, checkServiceItemCode } from './service-item.service.js';

export interface Step {
  event: DisputeEvent;
  /** What the workflow's guard for this event needs to know (read in the step's transaction). */
  facts?(dispute: Dispute, tx: EntityManager): Promise<DisputeFacts>;
  /** Validates and applies the step's own changes; returns the timeline summary. */
  apply(dispute: Dispute, tx: EntityManager, at: Date): Promise<string> | string;
  /** Restart the state's clock even when the state stays the same (a new tier). */
  restartClock?: boolean;
}

/** Who takes a step: the workflow's actor, and whom the timeline names. */
export interface StepActor {
  actor: ActorOf<DisputeActor>;
  subject: string;
  name: string;
}

/**
 * A step on a dispute already loaded (and locked) in the caller's transaction: the workflow's
 * decision, the step's own changes, the clock, a timeline entry. Shared by the hub's posts
 * (`actOnDispute`) and the docking ledger, which follows the organizations' reports.
 */
export async function stepDispute(tx: EntityManager, dispute: Dispute, by: StepActor, step: Step, at: Date): Promise<Dispute> {
  const from = dispute.status as DisputeState;
  const to = disputeWorkflow.transition(from, step.event, by.actor, await step.facts?.(dispute, tx));
  const summary = await step.apply(dispute, tx, at);
  dispute.status = to;
  if (to !== from || step.restartClock) dispute.stateSince = at;
  dispute.dueAt = disputeDueAt(to, dispute.tier as Tier, dispute.stateSince ?? dispute.registeredAt, hubConfig.clocks);
  dispute.timelineLength += 1;
  tx.create(DisputeActivity, {
    id: randomUUID(),
    disputeId: dispute.id,
    sequence: dispute.timelineLength,
    type: step.event,
    fromStatus: from,
    toStatus: to,
    at,
    actorSubject: by.subject,
    actorName: by.name,
    summary,
  });
  await tx.flush();
  return dispute;
}

/**
 * One step of a dispute's workflow in one transaction: load, authorize (hub staff inside the
 * jurisdiction), then `stepDispute`. Concurrent steps on one dispute queue on its row; a caller's
 * `expectedVersion` (optimistic locking) refuses a step decided on a stale read with `CONFLICT`.
 */
export async function actOnDispute(em: EntityManager, caller: Caller, ref: I.DisputeRef, step: Step, at = new Date()): Promise<Dispute> {
  requireHubStaff(caller);
  const id = requireUuid('disputeId', ref.disputeId);
  return lockingConflicts(() =>
    em.transactional(async (tx) => {
      // The row lock queues concurrent steps on one dispute (each then sees the other's result);
      // the version column still refuses a step based on a stale read (expectedVersion).
      const dispute = await tx.findOne(Dispute, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!dispute) throw DomainError.notFound('纠纷', id);
      requireHubStaff(caller, dispute.regionCode);
      checkVersion(dispute.version, ref.expectedVersion);
      return stepDispute(tx, dispute, { actor: caller, subject: caller.subject, name: caller.name }, step, at);
    }),
  );
}

const text = (field: string, label: string, value: string, max = 2000) => check.text(field, label, value, { max });

/**
 * 研判分流: a responsible unit and tier with the reasoning; LITIGATION guides the parties to court at
 * once. The unit's code, when given, is its 统一社会信用代码 (GB 32100, check digit verified):
 * mediation committees, government departments and courts all carry one.
 */
export function routeDispute(em: EntityManager, caller: Caller, input: I.RouteDisputeInput): Promise<Dispute> {
  const kind = check.oneOf('unitKind', '承办单位类型', input.unitKind, RESPONSIBLE_UNIT_KINDS);
  const tier = check.oneOf('tier', '化解层级', input.tier, TIERS);
  const unitName = text('unitName', '承办单位', input.unitName, 100);
  const unitCode =
    input.unitCode === null || input.unitCode === undefined || input.unitCode.trim() === '' ? null : check.creditCode('unitCode', input.unitCode);
  const method = kind === 'LITIGATION' ? null : check.oneOf('method', '化解方式', input.method ?? 'PEOPLES_MEDIATION', RESOLUTION_METHODS);
  const reason = text('reason', '研判意见', input.reason);
  return actOnDispute(em, caller, input, {
    event: kind === 'LITIGATION' ? 'GUIDE_TO_LITIGATION' : 'ROUTE',
    apply(d, _tx, at) {
      Object.assign(d, {
        responsibleUnitKind: kind,
        responsibleUnitName: unitName,
        responsibleUnitCode: unitCode,
        routingReason: reason,
        routedAt: at,
        tier,
        method,
      });
      if (kind === 'LITIGATION') d.closingOpinion = reason;
      return kind === 'LITIGATION'
        ? `研判:不宜调解,引导诉讼(${unitName})。${reason}`
        : `分流至${unitName}(${TIER_NAMES[tier]}层级,${RESOLUTION_METHOD_NAMES[method!]})。${reason}`;
    },
  });
}

/**
 * 一次性告知 from the service list: every code must name an item that is on the list (active) and
 * applies where the dispute arose (published by a region containing it).
 */
export async function notifyParties(em: EntityManager, caller: Caller, input: I.NotifyPartiesInput): Promise<Dispute> {
  if (input.serviceItemCodes.length === 0) throw DomainError.validation('serviceItemCodes', '一次性告知须至少包含一项服务清单事项');
  if (input.serviceItemCodes.length > 50) throw DomainError.validation('serviceItemCodes', '一次告知最多 50 项服务清单事项');
  const codes = [...new Set(input.serviceItemCodes.map((c) => checkServiceItemCode('serviceItemCodes', c)))];
  const form = check.oneOf('form', '告知方式', input.form, ['WRITTEN', 'ORAL'] as const);
  const note = check.optionalText('note', '告知内容', input.note, 2000);
  return actOnDispute(em, caller, input, {
    event: 'NOTIFY',
    async apply(d, tx, at) {
      const items = await tx.find(ServiceItem, { code: { $in: codes }, active: true });
      const missing = codes.filter((c) => !items.some((i) => i.code === c && appliesTo(i.regionCode, d.regionCode)));
      if (missing.length) throw DomainError.validation('serviceItemCodes', `服务清单中没有适用于该纠纷所在地的有效事项:${missing.join('、')}`);
      tx.create(DisputeNotice, { id: randomUUID(), disputeId: d.id, serviceItemCodes: codes, form, note, givenAt: at, givenByName: caller.name });
      return `一次性告知(${form === 'WRITTEN' ? '书面' : '口头'}):${items.map((i) => i.name).join('、')}`;
    },
  });
}

/** 调解前置: the parties' consent (→ mediation) or refusal (→ guided to litigation), after the notification. */
export function recordConsent(em: EntityManager, caller: Caller, input: I.RecordConsentInput): Promise<Dispute> {
  const note = check.optionalText('note', '说明', input.note, 2000);
  return actOnDispute(em, caller, input, {
    event: input.consented ? 'CONSENT' : 'REFUSE',
    facts: async (d, tx) => ({ noticesGiven: await tx.count(DisputeNotice, { disputeId: d.id }) }),
    apply(d, _tx, at) {
      Object.assign(d, { consent: input.consented ? 'CONSENTED' : 'REFUSED', consentNote: note, consentAt: at });
      if (!input.consented) d.closingOpinion = note ?? '当事人不同意调解,已引导诉讼';
      return input.consented ? `当事人同意调解${note ? `:${note}` : ''}` : `当事人不同意调解,引导诉讼${note ? `:${note}` : ''}`;
    },
  });
}

/** What one mediation attempt records: who mediated, what happened, when, and who wrote it down. */
export interface AttemptRecord {
  mediatorName: string;
  summary: string;
  attemptedAt: Date;
  recordedByName: string;
}

/**
 * Writes one attempt at the dispute's current tier and counts it (三三制); returns the timeline's
 * summary. The one way an attempt is counted, whether typed in at the hub or reported by the
 * organization that holds the session (the docking ledger).
 */
export async function writeAttempt(tx: EntityManager, d: Dispute, a: AttemptRecord): Promise<string> {
  const sequence = (await tx.count(MediationAttempt, { disputeId: d.id })) + 1;
  tx.create(MediationAttempt, { id: randomUUID(), disputeId: d.id, sequence, tier: d.tier, ...a });
  d.attemptsAtTier += 1;
  return `${TIER_NAMES[d.tier as Tier]}第 ${d.attemptsAtTier} 次调解(${a.mediatorName}):${a.summary}`;
}

/** One mediation attempt at the current tier (三三制 counts them). */
export function recordMediationAttempt(em: EntityManager, caller: Caller, input: I.RecordAttemptInput): Promise<Dispute> {
  const mediatorName = text('mediatorName', '调解员', input.mediatorName, 50);
  const summary = text('summary', '调解情况', input.summary);
  return actOnDispute(em, caller, input, {
    event: 'RECORD_ATTEMPT',
    apply: (d, tx, at) => writeAttempt(tx, d, { mediatorName, summary, attemptedAt: at, recordedByName: caller.name }),
  });
}

/** 上交: to the next tier after three attempts, or earlier for a high risk with a recorded reason. */
export function escalateDispute(em: EntityManager, caller: Caller, input: I.EscalateDisputeInput): Promise<Dispute> {
  const reason = check.optionalText('overrideReason', '提前上交理由', input.overrideReason, 2000);
  return actOnDispute(em, caller, input, {
    event: 'ESCALATE',
    restartClock: true,
    async apply(d, tx, at) {
      const fromTier = d.tier as Tier;
      const decision = decideEscalation(
        { tier: fromTier, attemptsAtTier: d.attemptsAtTier, riskLevel: d.riskLevel as RiskLevel, overrideReason: reason },
        hubConfig.escalation,
      );
      tx.create(Escalation, {
        id: randomUUID(),
        disputeId: d.id,
        fromTier,
        toTier: decision.toTier,
        attemptsAtFromTier: d.attemptsAtTier,
        override: decision.override,
        reason,
        riskLevel: d.riskLevel,
        escalatedAt: at,
        escalatedByName: caller.name,
      });
      const attempts = d.attemptsAtTier;
      Object.assign(d, { tier: decision.toTier, attemptsAtTier: 0, outcome: null, outcomeSummary: null });
      await warnAtEscalation(tx, d, decision.toTier, decision.override, at);
      return `由${TIER_NAMES[fromTier]}上交${TIER_NAMES[decision.toTier]}化解(本级已调解 ${attempts} 次)${decision.override ? `;风险较高提前上交:${reason}` : ''}`;
    },
  });
}

/** 动态调整: another method of resolution, with the reason (every change stays in the timeline). */
export function changeDisputeMethod(em: EntityManager, caller: Caller, input: I.ChangeMethodInput): Promise<Dispute> {
  const method = check.oneOf('method', '化解方式', input.method, RESOLUTION_METHODS);
  const reason = text('reason', '调整理由', input.reason);
  return actOnDispute(em, caller, input, {
    event: 'CHANGE_METHOD',
    apply(d) {
      const before = d.method as ResolutionMethod | null;
      if (before === method) throw DomainError.validation('method', '化解方式未改变');
      d.method = method;
      return `化解方式由${before ? RESOLUTION_METHOD_NAMES[before] : '未定'}调整为${RESOLUTION_METHOD_NAMES[method]}:${reason}`;
    },
  });
}

function ending(outcome: 'RESOLVED' | 'UNRESOLVED') {
  return (em: EntityManager, caller: Caller, input: I.OutcomeInput): Promise<Dispute> => {
    const summary = text('summary', outcome === 'RESOLVED' ? '化解结果' : '化解不成的情况', input.summary);
    return actOnDispute(em, caller, input, {
      event: outcome === 'RESOLVED' ? 'RESOLVE' : 'FAIL',
      apply(d, _tx, at) {
        Object.assign(d, { outcome, outcomeSummary: summary, resolvedAt: outcome === 'RESOLVED' ? at : null });
        return `${DISPUTE_EVENT_NAMES[outcome === 'RESOLVED' ? 'RESOLVE' : 'FAIL']}:${summary}`;
      },
    });
  };
}

export const resolveDispute = ending('RESOLVED');
export const reportDisputeUnresolved = ending('UNRESOLVED');

/** 提请协调督办岗研判 before closing. */
export function requestClosingReview(em: EntityManager, caller: Caller, input: I.RequestReviewInput): Promise<Dispute> {
  const note = check.optionalText('note', '提请说明', input.note, 2000);
  return actOnDispute(em, caller, input, { event: 'REQUEST_REVIEW', apply: () => `提请协调督办岗研判${note ? `:${note}` : ''}` });
}

/** 协调督办岗综合研判: approve the end of the procedure, or send the dispute back to mediation. */
export function reviewDispute(em: EntityManager, caller: Caller, input: I.ReviewDisputeInput): Promise<Dispute> {
  const opinion = text('opinion', '研判意见', input.opinion);
  return actOnDispute(em, caller, input, {
    event: input.approve ? 'APPROVE' : 'RETURN',
    apply(d, _tx, at) {
      Object.assign(d, { reviewOpinion: opinion, reviewerName: caller.name, reviewedAt: at });
      if (!input.approve) Object.assign(d, { outcome: null, outcomeSummary: null, resolvedAt: null });
      return input.approve ? `研判同意终结:${opinion}` : `研判退回继续化解:${opinion}`;
    },
  });
}

/** 结案 after the review (or, for an unresolved dispute, guidance to litigation). */
export function closeDispute(em: EntityManager, caller: Caller, input: I.CloseDisputeInput): Promise<Dispute> {
  const opinion = text('closingOpinion', '结案意见', input.closingOpinion);
  return actOnDispute(em, caller, input, {
    event: input.guideToLitigation ? 'GUIDE_TO_LITIGATION' : 'CLOSE',
    apply(d, _tx, at) {
      Object.assign(d, { closingOpinion: opinion, closedAt: at });
      return input.guideToLitigation ? `终结非诉程序,引导诉讼:${opinion}` : `结案:${opinion}`;
    },
  });
}

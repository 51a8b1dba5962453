import { LockMode, type EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, FieldErrors, requireUuid, checkAll } from '@jiefen/subgraph-kit';
import { hubPolicy, type HubSettings } from '../domain/config.js';
import {
  DISPUTE_EVENT_NAMES,
  RESOLUTION_METHOD_NAMES,
  RESOLUTION_METHODS,
  RESPONSIBLE_UNIT_KINDS,
  type DisputeEvent,
  type DisputeFacts,
  type ResolutionMethod,
} from '../domain/dispute.workflow.js';
import { decideEscalation, TIER_NAMES, TIERS, type RiskLevel, type Tier } from '../domain/tiers.js';
import { DisputeNotice } from '../entities/dispute-notice.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { Escalation } from '../entities/escalation.entity.js';
import { ServiceItem } from '../entities/service-item.entity.js';
import type * as I from '../domain/commands.js';
import { applyDisputeStep, writeAttempt, type DisputeStep } from './dispute-step.service.js';
import { handOverDispute, LEGAL_AID_NOT_ROUTABLE, ROUTABLE_AGENCIES } from './docking-outbound.service.js';
import { warnAtEscalation } from './early-warning.service.js';
import { checkVersion, lockingConflicts, requireHubStaff } from './hub-rules.js';
import { appliesTo, checkServiceItemCode } from './service-item.service.js';

interface Step extends Omit<DisputeStep, 'event'> {
  /** The workflow event, or how the dispute decides it (a re-routing after a hand-back is REROUTE). */
  event: DisputeEvent | ((dispute: Dispute) => DisputeEvent);
}

/**
 * One step of a dispute's workflow in one transaction: load, authorize (hub staff inside the
 * jurisdiction), then `applyDisputeStep`. Concurrent steps on one dispute queue on its row; a caller's
 * `expectedVersion` (optimistic locking) refuses a step decided on a stale read with `CONFLICT`.
 */
export async function actOnDispute(em: EntityManager, caller: Caller, ref: I.DisputeRef, step: Step, settings: HubSettings): Promise<Dispute> {
  const at = settings.now();
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
      const event = typeof step.event === 'function' ? step.event(dispute) : step.event;
      return applyDisputeStep(tx, dispute, caller, { subject: caller.subject, name: caller.name }, { ...step, event }, at, settings.clocks);
    }),
  );
}

const text = (field: string, label: string, value: string, max = 2000) => check.text(field, label, value, { max });

/** What 调解前置's guards need: the notifications given and whether the parties' consent is on record. */
async function consentFacts(d: Dispute, tx: EntityManager): Promise<DisputeFacts> {
  return { noticesGiven: await tx.count(DisputeNotice, { disputeId: d.id }), consented: d.consent === 'CONSENTED' };
}

/**
 * 分流转办 — when the hub hands a dispute over. One rule: the docking opens when the dispute is
 * actually handed over, that is when both the routing and the parties' consent are on record — so
 * at whichever of the two comes second. The first time that is the consent (route → 一次性告知 →
 * consent: the parties agree to mediation only after the notification, and the receiver must not
 * see a dispute whose parties may still refuse). A dispute the receiving unit handed back keeps
 * the consent, so routing it again (REROUTE) hands it over at once. Only a unit that receives
 * dockings is handed anything (see `receiverOf`); for any other the hub's own posts go on as before.
 */
async function handOverIfRouted(tx: EntityManager, d: Dispute, caller: Caller, at: Date): Promise<string> {
  const docking = await handOverDispute(tx, d, caller, at);
  return docking ? `;已移交${docking.organizationName ?? docking.organizationCode}(分流转办)` : '';
}

/**
 * 研判分流: a responsible unit and tier with the reasoning; LITIGATION guides the parties to court at
 * once. The unit's code, when given, is its 统一社会信用代码 (GB 32100, check digit verified):
 * mediation committees, government departments and courts all carry one. A dispute handed back by
 * its receiving unit is routed again (REROUTE) and, its consent being on record, handed over at once.
 */
export function routeDispute(em: EntityManager, caller: Caller, input: I.RouteDisputeInput, settings: HubSettings): Promise<Dispute> {
  const errors = new FieldErrors();
  const kind = errors.field(() => check.oneOf('unitKind', '承办单位类型', input.unitKind, RESPONSIBLE_UNIT_KINDS));
  const checkedTier = errors.field(() => check.oneOf('tier', '化解层级', input.tier, TIERS));
  // The receiver as every hand-over names it (receiver { creditCode name }); the deprecated unitCode
  // still works alone, never together with it. unitName names a unit without a code.
  const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
  const receiver = input.receiver ?? null;
  if (receiver && !blank(input.unitCode)) errors.add('unitCode', '已写明接收单位(receiver),不再填写承办单位代码');
  const unitCode = receiver
    ? errors.field(() => check.creditCode('receiver.creditCode', receiver.creditCode))
    : errors.field(() => (blank(input.unitCode) ? null : check.creditCode('unitCode', input.unitCode!)));
  const namedBy = receiver && !blank(receiver.name) && blank(input.unitName) ? 'receiver.name' : 'unitName';
  const unitName = errors.field(() => text(namedBy, '承办单位', (namedBy === 'receiver.name' ? receiver!.name : input.unitName) ?? '', 100));
  const agencyGiven = input.agency !== null && input.agency !== undefined && input.agency.trim() !== '';
  // Only a government department or a court is handed to an agency of the federation.
  if (agencyGiven && kind !== undefined && kind !== 'AGENCY') errors.add('agency', '仅分流至职能部门(AGENCY)时可指定承办部门');
  const legalAid = agencyGiven && kind === 'AGENCY' && input.agency!.trim() === 'JUSTICE';
  if (legalAid) errors.add('agency', LEGAL_AID_NOT_ROUTABLE);
  const agency =
    agencyGiven && kind === 'AGENCY' && !legalAid ? errors.field(() => check.oneOf('agency', '承办部门', input.agency!.trim(), ROUTABLE_AGENCIES)) : null;
  const method = errors.field(() =>
    kind === 'LITIGATION' ? null : check.oneOf('method', '化解方式', input.method ?? 'PEOPLES_MEDIATION', RESOLUTION_METHODS),
  );
  const reason = errors.field(() => text('reason', '研判意见', input.reason));
  errors.done();
  // errors.done() returned: every field above was checked and set.
  const tier = checkedTier!;
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: (d) => (kind === 'LITIGATION' ? 'GUIDE_TO_LITIGATION' : d.consent === 'CONSENTED' ? 'REROUTE' : 'ROUTE'),
      facts: consentFacts,
      async apply(d, tx, at) {
        const rerouted = d.consent === 'CONSENTED';
        Object.assign(d, {
          responsibleUnitKind: kind,
          responsibleUnitName: unitName,
          responsibleUnitCode: unitCode,
          responsibleAgency: agency ?? null,
          routingReason: reason,
          routedAt: at,
          tier,
          method,
        });
        if (kind === 'LITIGATION') {
          d.closingOpinion = reason;
          return `研判:不宜调解,引导诉讼(${unitName})。${reason}`;
        }
        const routed = `${rerouted ? '重新' : ''}分流至${unitName}(${TIER_NAMES[tier]}层级,${RESOLUTION_METHOD_NAMES[method!]})。${reason}`;
        return rerouted ? routed + (await handOverIfRouted(tx, d, caller, at)) : routed;
      },
    },
    settings,
  );
}

/**
 * 一次性告知 from the service list: every code must name an item that is on the list (active) and
 * applies where the dispute arose (published by a region containing it).
 */
export async function notifyParties(em: EntityManager, caller: Caller, input: I.NotifyPartiesInput, settings: HubSettings): Promise<Dispute> {
  const { codes, form, note } = checkAll({
    codes: () => {
      if (input.serviceItemCodes.length === 0) throw DomainError.validation('serviceItemCodes', '一次性告知须至少包含一项服务清单事项');
      if (input.serviceItemCodes.length > 50) throw DomainError.validation('serviceItemCodes', '一次告知最多 50 项服务清单事项');
      return [...new Set(input.serviceItemCodes.map((c) => checkServiceItemCode('serviceItemCodes', c)))];
    },
    form: () => check.oneOf('form', '告知方式', input.form, ['WRITTEN', 'ORAL'] as const),
    note: () => check.optionalText('note', '告知内容', input.note, 2000),
  });
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: 'NOTIFY',
      async apply(d, tx, at) {
        const items = await tx.find(ServiceItem, { code: { $in: codes }, active: true });
        const missing = codes.filter((c) => !items.some((i) => i.code === c && appliesTo(i.regionCode, d.regionCode)));
        if (missing.length) throw DomainError.validation('serviceItemCodes', `服务清单中没有适用于该纠纷所在地的有效事项:${missing.join('、')}`);
        tx.create(DisputeNotice, { id: randomUUID(), disputeId: d.id, serviceItemCodes: codes, form, note, givenAt: at, givenByName: caller.name });
        return `一次性告知(${form === 'WRITTEN' ? '书面' : '口头'}):${items.map((i) => i.name).join('、')}`;
      },
    },
    settings,
  );
}

/** 调解前置: the parties' consent (→ mediation, and the hand-over to the routed unit) or refusal (→ guided to litigation), after the notification. */
export function recordConsent(em: EntityManager, caller: Caller, input: I.RecordConsentInput, settings: HubSettings): Promise<Dispute> {
  const note = check.optionalText('note', '说明', input.note, 2000);
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: input.consented ? 'CONSENT' : 'REFUSE',
      facts: consentFacts,
      async apply(d, tx, at) {
        Object.assign(d, { consent: input.consented ? 'CONSENTED' : 'REFUSED', consentNote: note, consentAt: at });
        if (!input.consented) {
          d.closingOpinion = note ?? '当事人不同意调解,已引导诉讼';
          return `当事人不同意调解,引导诉讼${note ? `:${note}` : ''}`;
        }
        return `当事人同意调解${note ? `:${note}` : ''}${await handOverIfRouted(tx, d, caller, at)}`;
      },
    },
    settings,
  );
}

/** One mediation attempt at the current tier (三三制 counts them). */
export function recordMediationAttempt(em: EntityManager, caller: Caller, input: I.RecordAttemptInput, settings: HubSettings): Promise<Dispute> {
  const { mediatorName, summary } = checkAll({
    mediatorName: () => text('mediatorName', '调解员', input.mediatorName, 50),
    summary: () => text('summary', '调解情况', input.summary),
  });
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: 'RECORD_ATTEMPT',
      apply: (d, tx, at) => writeAttempt(tx, d, { mediatorName, summary, attemptedAt: at, recordedByName: caller.name }),
    },
    settings,
  );
}

/** 上交: to the next tier after three attempts, or earlier for a high risk with a recorded reason. */
export function escalateDispute(em: EntityManager, caller: Caller, input: I.EscalateDisputeInput, settings: HubSettings): Promise<Dispute> {
  const reason = check.optionalText('overrideReason', '提前上交理由', input.overrideReason, 2000);
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: 'ESCALATE',
      restartClock: true,
      async apply(d, tx, at) {
        const fromTier = d.tier as Tier;
        const decision = decideEscalation(
          { tier: fromTier, attemptsAtTier: d.attemptsAtTier, riskLevel: d.riskLevel as RiskLevel, overrideReason: reason },
          hubPolicy.escalation,
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
    },
    settings,
  );
}

/** 动态调整: another method of resolution, with the reason (every change stays in the timeline). */
export function changeDisputeMethod(em: EntityManager, caller: Caller, input: I.ChangeMethodInput, settings: HubSettings): Promise<Dispute> {
  const method = check.oneOf('method', '化解方式', input.method, RESOLUTION_METHODS);
  const reason = text('reason', '调整理由', input.reason);
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: 'CHANGE_METHOD',
      apply(d) {
        const before = d.method as ResolutionMethod | null;
        if (before === method) throw DomainError.validation('method', '化解方式未改变');
        d.method = method;
        return `化解方式由${before ? RESOLUTION_METHOD_NAMES[before] : '未定'}调整为${RESOLUTION_METHOD_NAMES[method]}:${reason}`;
      },
    },
    settings,
  );
}

function ending(outcome: 'RESOLVED' | 'UNRESOLVED') {
  return (em: EntityManager, caller: Caller, input: I.OutcomeInput, settings: HubSettings): Promise<Dispute> => {
    const summary = text('summary', outcome === 'RESOLVED' ? '化解结果' : '化解不成的情况', input.summary);
    return actOnDispute(
      em,
      caller,
      input,
      {
        event: outcome === 'RESOLVED' ? 'RESOLVE' : 'FAIL',
        apply(d, _tx, at) {
          Object.assign(d, { outcome, outcomeSummary: summary, resolvedAt: outcome === 'RESOLVED' ? at : null });
          return `${DISPUTE_EVENT_NAMES[outcome === 'RESOLVED' ? 'RESOLVE' : 'FAIL']}:${summary}`;
        },
      },
      settings,
    );
  };
}

export const resolveDispute = ending('RESOLVED');
export const reportDisputeUnresolved = ending('UNRESOLVED');

/** 提请协调督办岗研判 before closing. */
export function requestClosingReview(em: EntityManager, caller: Caller, input: I.RequestReviewInput, settings: HubSettings): Promise<Dispute> {
  const note = check.optionalText('note', '提请说明', input.note, 2000);
  return actOnDispute(em, caller, input, { event: 'REQUEST_REVIEW', apply: () => `提请协调督办岗研判${note ? `:${note}` : ''}` }, settings);
}

/** 协调督办岗综合研判: approve the end of the procedure, or send the dispute back to mediation. */
export function reviewDispute(em: EntityManager, caller: Caller, input: I.ReviewDisputeInput, settings: HubSettings): Promise<Dispute> {
  const opinion = text('opinion', '研判意见', input.opinion);
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: input.approve ? 'APPROVE' : 'RETURN',
      apply(d, _tx, at) {
        Object.assign(d, { reviewOpinion: opinion, reviewerName: caller.name, reviewedAt: at });
        if (!input.approve) Object.assign(d, { outcome: null, outcomeSummary: null, resolvedAt: null });
        return input.approve ? `研判同意终结:${opinion}` : `研判退回继续化解:${opinion}`;
      },
    },
    settings,
  );
}

/** 结案 after the review (or, for an unresolved dispute, guidance to litigation). */
export function closeDispute(em: EntityManager, caller: Caller, input: I.CloseDisputeInput, settings: HubSettings): Promise<Dispute> {
  const opinion = text('closingOpinion', '结案意见', input.closingOpinion);
  return actOnDispute(
    em,
    caller,
    input,
    {
      event: input.guideToLitigation ? 'GUIDE_TO_LITIGATION' : 'CLOSE',
      apply(d, _tx, at) {
        Object.assign(d, { closingOpinion: opinion, closedAt: at });
        return input.guideToLitigation ? `终结非诉程序,引导诉讼:${opinion}` : `结案:${opinion}`;
      },
    },
    settings,
  );
}

import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { AGENCY_NAMES, hasRole, inJurisdiction, type Agency, type Caller } from '@jiefen/auth';
import { check, DomainError, FieldErrors, requireUuid } from '@jiefen/subgraph-kit';
import { MEDIATION_OUTCOMES, type MediationOutcome, type TypedDockingEvent } from './contract.js';
import { DockingIncoming, type IncomingDockingStatus } from './entities/incoming-docking.entity.js';
import { publish } from './outbox.js';

// The receiver's side of the hub's 分流转办 to an agency (信访局, 公安, 法院), written once: the inbox
// opens a 转办件 (`docking_incoming`) from `DockingRequested` of kind HUB; the agency's staff accept,
// decline (with a reason: the hub routes the dispute again) or conclude it, and each answer goes back
// to the hub on the docking as `DockingAccepted` / `DockingRejected` / `MediationConcluded` — the same
// clocks, ledger and feedback as every other hand-over. An agency adds only its inbox's names.

/**
 * `DockingRequested` of kind HUB addressed to `agency`: opens its 转办件, once per docking (a
 * redelivery changes nothing). True when the event was such a hand-over (handled here).
 */
export async function receiveIncomingDocking(em: EntityManager, agency: Agency, event: TypedDockingEvent, now: Date): Promise<boolean> {
  if (event.type !== 'DockingRequested' || event.payload.kind !== 'HUB' || event.to !== agency) return false;
  if (await em.count(DockingIncoming, { dockingId: event.dockingId })) return true;
  const p = event.payload;
  em.create(DockingIncoming, {
    id: randomUUID(),
    dockingId: event.dockingId,
    fromAgency: event.from,
    toAgency: agency,
    disputeId: p.disputeId,
    sourceNumber: p.source.number,
    sourceOrganizationName: p.source.organizationName,
    officerName: p.source.officerName,
    regionCode: p.regionCode,
    category: p.category,
    summary: p.summary,
    organizationCode: p.target.organizationCode,
    organizationName: p.target.organizationName,
    parties: p.parties,
    sentAt: new Date(p.sentAt),
    receivedAt: now,
  });
  await em.flush();
  return true;
}

/** An answer of the receiving agency to a 转办件. */
export type IncomingAnswer = { kind: 'ACCEPT' } | { kind: 'REJECT'; reason: string } | { kind: 'CONCLUDE'; outcome: string; summary: string };

/** The states from which each answer may be given (the sender's applier keeps the same order). */
const FROM: Record<IncomingAnswer['kind'], readonly IncomingDockingStatus[]> = {
  ACCEPT: ['RECEIVED'],
  REJECT: ['RECEIVED'],
  CONCLUDE: ['RECEIVED', 'ACCEPTED'],
};
const ANSWER_NAMES = { ACCEPT: '受理', REJECT: '不予受理(退回综治中心)', CONCLUDE: '办结反馈' } as const;

/** The agency's number for a 转办件: the hub's number under the agency's name (信访局转 X…). */
const caseNumberOf = (agency: Agency, d: DockingIncoming) => `${AGENCY_NAMES[agency]}转${d.sourceNumber}`.slice(0, 80);

/**
 * The receiving agency's answer, in one transaction: checks the input (every invalid field at once),
 * the caller (the agency's own staff within the dispute's region, not a leader) and the 转办件's
 * state, records the answer and publishes it to the hub on the docking — or writes nothing.
 */
export async function answerIncomingDocking(
  em: EntityManager,
  agency: Agency,
  caller: Caller,
  id: string,
  answer: IncomingAnswer,
  now: Date,
): Promise<DockingIncoming> {
  const errors = new FieldErrors();
  const incomingId = errors.field(() => requireUuid('id', id));
  const reason = answer.kind === 'REJECT' ? errors.field(() => check.text('reason', '不予受理理由', answer.reason, { min: 2, max: 2000 })) : null;
  const outcome = answer.kind === 'CONCLUDE' ? errors.field(() => check.oneOf('outcome', '办理结果', answer.outcome, MEDIATION_OUTCOMES)) : null;
  const summary = answer.kind === 'CONCLUDE' ? errors.field(() => check.text('summary', '办理情况', answer.summary, { min: 2, max: 4000 })) : null;
  errors.done();
  if (caller.agency !== agency || !(hasRole(caller, 'STAFF') || hasRole(caller, 'SUPERVISOR') || hasRole(caller, 'ADMIN'))) {
    throw DomainError.forbidden(`只有${AGENCY_NAMES[agency]}的工作人员可以办理转办件`);
  }
  return em.transactional(async (tx) => {
    const d = await tx.findOne(DockingIncoming, { id: incomingId! }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!d) throw DomainError.notFound('转办件', id);
    if (!inJurisdiction(caller, d.regionCode)) throw DomainError.forbidden('该转办件不在您的辖区内');
    if (!FROM[answer.kind].includes(d.status)) {
      throw DomainError.illegalTransition('转办件', d.status, ANSWER_NAMES[answer.kind]);
    }
    const to = d.fromAgency;
    if (answer.kind === 'ACCEPT') {
      Object.assign(d, { status: 'ACCEPTED', acceptedAt: now, handlerName: caller.name, caseNumber: caseNumberOf(agency, d) });
      await tx.flush();
      await publish(tx, {
        type: 'DockingAccepted',
        dockingId: d.dockingId,
        from: agency,
        to,
        payload: {
          acceptedAt: now.toISOString(),
          caseId: d.id,
          caseNumber: d.caseNumber!,
          organizationName: d.organizationName ?? AGENCY_NAMES[agency],
          mediatorName: caller.name,
        },
      });
    } else if (answer.kind === 'REJECT') {
      Object.assign(d, { status: 'REJECTED', rejectedAt: now, rejectionReason: reason!, handlerName: caller.name });
      await tx.flush();
      await publish(tx, { type: 'DockingRejected', dockingId: d.dockingId, from: agency, to, payload: { rejectedAt: now.toISOString(), reason: reason! } });
    } else {
      Object.assign(d, {
        status: 'CONCLUDED',
        concludedAt: now,
        outcome: outcome as MediationOutcome,
        outcomeSummary: summary!,
        handlerName: d.handlerName ?? caller.name,
      });
      await tx.flush();
      await publish(tx, {
        type: 'MediationConcluded',
        dockingId: d.dockingId,
        from: agency,
        to,
        payload: { concludedAt: now.toISOString(), outcome: outcome as MediationOutcome, summary: summary!, agreement: null },
      });
    }
    return d;
  });
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import { findRows, manyByKey, oneByKey, type Row } from '@jiefen/subgraph-kit';
import type { DockingAcceptedPayload, DockingRejectedPayload, DockingRequestedPayload, MediationConcludedPayload, TypedDockingEvent } from './contract.js';
import { DockingOutgoing, type OutgoingDockingStatus } from './entities/outgoing-docking.entity.js';
import { jsonLogger, type DockingLogger } from './log.js';
import { publish } from './outbox.js';

// The sender's side of a hand-over, written once for every agency that hands records over (court,
// police, procuratorate, petition, and the hub's routing): one row per docking opened
// with its `DockingRequested`, and one applier for the receiver's answers that keeps the row and
// then tells the agency what the answer means for its own record.

/** A hand-over to open: the receiving agency and the `DockingRequested` payload (whose `source` names the sender and its record). */
export interface OutgoingDockingRequest {
  to: Agency;
  payload: DockingRequestedPayload;
  /** A new UUID unless given (a sender that must know the id before it writes its record). */
  dockingId?: string;
  /** The row's id (a new UUID unless given). */
  id?: string;
  /** The sender's reason, when its form asks for one (公调 移交理由); kept with the hand-over. */
  reason?: string | null;
  /**
   * Runs with the published `DockingRequested` in the same transaction. The hub, when it hands a
   * dispute over (分流转办), is a party to the docking and so gets no copy of its own event: it
   * writes its ledger entry from the event here.
   */
  onPublished?(em: EntityManager, event: TypedDockingEvent<'DockingRequested'>): Promise<void>;
}

/**
 * Opens a hand-over inside the sender's business transaction: writes its `docking_outgoing` row and
 * publishes `DockingRequested` to the receiver (copied to the hub). The record's change, the row and
 * the event commit together or not at all.
 */
export async function openOutgoingDocking(em: EntityManager, request: OutgoingDockingRequest): Promise<DockingOutgoing> {
  const { payload } = request;
  const docking = em.create(DockingOutgoing, {
    id: request.id ?? randomUUID(),
    dockingId: request.dockingId ?? randomUUID(),
    fromAgency: payload.source.agency,
    toAgency: request.to,
    kind: payload.kind,
    mode: payload.mode,
    recordType: payload.source.recordType,
    recordId: payload.source.recordId,
    recordNumber: payload.source.number,
    regionCode: payload.regionCode,
    organizationCode: payload.target.organizationCode,
    organizationName: payload.target.organizationName,
    officerName: payload.source.officerName,
    reason: request.reason ?? null,
    sentAt: new Date(payload.sentAt),
  });
  await em.flush();
  const event = await publish(em, { type: 'DockingRequested', dockingId: docking.dockingId, from: docking.fromAgency, to: docking.toAgency, payload });
  await request.onPublished?.(em, { ...event, type: 'DockingRequested', payload });
  return docking;
}

/**
 * What an answer means for the sender's own record, per agency. Each hook runs in the inbox
 * transaction after the hand-over's row was updated; throwing rolls both back (and the receiver's
 * delivery is retried).
 */
export interface DockingFeedbackHooks {
  /**
   * Whether the sender's record still waits for this hand-over's answers (e.g. no outcome recorded
   * on paper meanwhile); false makes the answer stale. Default: it waits.
   */
  awaits?(em: EntityManager, docking: DockingOutgoing): Promise<boolean> | boolean;
  onAccepted?(em: EntityManager, docking: DockingOutgoing, payload: DockingAcceptedPayload): Promise<void>;
  onRejected?(em: EntityManager, docking: DockingOutgoing, payload: DockingRejectedPayload): Promise<void>;
  onConcluded?(em: EntityManager, docking: DockingOutgoing, payload: MediationConcludedPayload): Promise<void>;
}

/** `applied`; `stale` (logged, nothing changed); `not-feedback`: not an answer to a hand-over this agency opened. */
export type DockingFeedbackResult = 'applied' | 'stale' | 'not-feedback';

/** The answers to a hand-over, and the hand-over states in which each may arrive. */
const RUNNING: Record<'DockingAccepted' | 'DockingRejected' | 'MediationConcluded', readonly OutgoingDockingStatus[]> = {
  DockingAccepted: ['SENT'],
  DockingRejected: ['SENT'],
  MediationConcluded: ['SENT', 'ACCEPTED'],
};

/**
 * What the court decided on the agreement a hand-over ended with, relayed by the organization on
 * the hand-over (justice's `relayRulingToOrigin`): it may arrive only once the hand-over concluded
 * with an agreement.
 */
const AFTER_AGREEMENT = ['JudicialConfirmationRuled', 'EnforcementApplied'] as const;
type AfterAgreement = (typeof AFTER_AGREEMENT)[number];

const isFeedback = (event: TypedDockingEvent): event is TypedDockingEvent<'DockingAccepted' | 'DockingRejected' | 'MediationConcluded' | AfterAgreement> =>
  Object.hasOwn(RUNNING, event.type) || (AFTER_AGREEMENT as readonly string[]).includes(event.type);

/**
 * Why a ruling or an enforcement on a concluded hand-over does not apply, or null when it does: the
 * hand-over must have ended with an agreement; a ruling older than the one recorded is superseded;
 * enforcement is of a confirmed agreement only.
 */
function afterAgreementProblem(docking: DockingOutgoing, event: TypedDockingEvent<AfterAgreement>): string | null {
  if (docking.status !== 'CONCLUDED' || docking.outcome !== 'AGREEMENT') return `hand-over is ${docking.status} without an agreement`;
  if (event.type === 'JudicialConfirmationRuled') {
    const recorded = docking.confirmationRuledAt?.getTime();
    return recorded !== undefined && recorded > Date.parse(event.payload.ruledAt) ? 'a later ruling is recorded' : null;
  }
  return docking.confirmationRuling === 'CONFIRMED' ? null : 'the agreement is not judicially confirmed';
}

/** The default reason of a refusal that came without one. */
export const DEFAULT_REJECTION_REASON = '调解组织不予受理';

/**
 * The one feedback applier: applies `DockingAccepted`, `DockingRejected` and `MediationConcluded`
 * (and the court's `JudicialConfirmationRuled` / `EnforcementApplied`, below) about a hand-over `agency` opened, in the inbox transaction — updates the hand-over's row, then
 * calls the agency's hook.
 *
 * Staleness policy (the same for every agency): an answer applies only while its hand-over runs —
 * acceptance and refusal while it is SENT, the conclusion while it is SENT or ACCEPTED — and while
 * the sender's record still waits for it (`hooks.awaits`). Any other answer (to a hand-over already
 * refused or concluded, or superseded by a later one, or whose record moved on) is logged as
 * `docking event not applied` and ignored: nothing changes and the inbox keeps the event, since no
 * retry could ever apply it.
 *
 * Also the court's word on the agreement a hand-over ended with (`JudicialConfirmationRuled`,
 * `EnforcementApplied`, relayed by the organization): recorded on the hand-over's row (the
 * `confirmation*` and `enforcement*` columns) so the record that started the case shows it. They
 * apply once the hand-over concluded with an agreement — whatever the sender's record did since (a
 * ruling is about the agreement, not the record's workflow, so `hooks.awaits` is not asked) — a
 * ruling not older than the one recorded, an enforcement of a confirmed agreement; anything else is
 * stale, as above.
 */
export async function applyDockingFeedback(
  em: EntityManager,
  agency: Agency,
  event: TypedDockingEvent,
  hooks: DockingFeedbackHooks,
  log: DockingLogger = jsonLogger,
): Promise<DockingFeedbackResult> {
  if (!isFeedback(event)) return 'not-feedback';
  const docking = await em.findOne(DockingOutgoing, { dockingId: event.dockingId, fromAgency: agency });
  // A copy of a docking this agency did not open: nothing of its own to update.
  if (!docking) return 'not-feedback';
  const stale = (reason: string): DockingFeedbackResult => {
    log({
      level: 'warn',
      message: 'docking event not applied',
      agency,
      eventId: event.id,
      type: event.type,
      dockingId: event.dockingId,
      status: docking.status,
      reason,
    });
    return 'stale';
  };
  if (event.type === 'JudicialConfirmationRuled' || event.type === 'EnforcementApplied') {
    const problem = afterAgreementProblem(docking, event);
    if (problem) return stale(problem);
    if (event.type === 'JudicialConfirmationRuled') {
      const p = event.payload;
      Object.assign(docking, {
        confirmationRuling: p.ruling,
        confirmationCaseNumber: p.caseNumber,
        confirmationRuledAt: new Date(p.ruledAt),
        confirmationReason: p.reason?.trim() || null,
      });
    } else {
      Object.assign(docking, { enforcementCaseNumber: event.payload.caseNumber, enforcementAppliedAt: new Date(event.payload.appliedAt) });
    }
    await em.flush();
    return 'applied';
  }
  if (!RUNNING[event.type].includes(docking.status)) return stale(`hand-over is ${docking.status}`);
  if (hooks.awaits && !(await hooks.awaits(em, docking))) return stale(`${docking.recordType} no longer waits for it`);
  switch (event.type) {
    case 'DockingAccepted': {
      const p = event.payload;
      const name = p.organizationName.trim();
      Object.assign(docking, { status: 'ACCEPTED', acceptedAt: new Date(p.acceptedAt), caseNumber: p.caseNumber });
      if (name) docking.organizationName = name;
      await em.flush();
      await hooks.onAccepted?.(em, docking, p);
      break;
    }
    case 'DockingRejected': {
      const p = event.payload;
      Object.assign(docking, { status: 'REJECTED', rejectedAt: new Date(p.rejectedAt), rejectionReason: p.reason.trim() || DEFAULT_REJECTION_REASON });
      await em.flush();
      await hooks.onRejected?.(em, docking, p);
      break;
    }
    case 'MediationConcluded': {
      const p = event.payload;
      Object.assign(docking, { status: 'CONCLUDED', concludedAt: new Date(p.concludedAt), outcome: p.outcome, outcomeSummary: p.summary });
      await em.flush();
      await hooks.onConcluded?.(em, docking, p);
      break;
    }
  }
  await em.flush();
  return 'applied';
}

/** The hand-over `agency` opened with this docking id, if any (e.g. to find the record a later event is about). */
export function findOutgoingDocking(em: EntityManager, agency: Agency, dockingId: string): Promise<DockingOutgoing | null> {
  return em.findOne(DockingOutgoing, { dockingId, fromAgency: agency });
}

/**
 * Per-request loaders of one record type's hand-overs: all of a record's (oldest first; the last is
 * the latest) and one by docking id — for the GraphQL fields that show hand-over facts, without N+1.
 */
export function createOutgoingDockingLoaders(em: EntityManager, agency: Agency, recordType: string) {
  return {
    byRecord: manyByKey(
      (ids: readonly string[]) =>
        findRows(em, DockingOutgoing, { fromAgency: agency, recordType, recordId: { $in: [...ids] } }, { orderBy: { sentAt: 'asc', createdAt: 'asc' } }),
      (d) => d.recordId,
    ),
    byDocking: oneByKey(
      (ids: readonly string[]) => findRows(em, DockingOutgoing, { fromAgency: agency, recordType, dockingId: { $in: [...ids] } }),
      (d) => d.dockingId,
    ),
  };
}

export type OutgoingDockingLoaders = ReturnType<typeof createOutgoingDockingLoaders>;

/** The latest hand-over of a record (what a record's "docking" fields show). */
export async function latestOutgoingDocking(loaders: OutgoingDockingLoaders, recordId: string): Promise<Row<DockingOutgoing> | null> {
  return (await loaders.byRecord.load(recordId)).at(-1) ?? null;
}

/**
 * A per-request loader of the sender's records by the docking that handed them over (the
 * `Docking.<record>` contributions): one query for the dockings, one for their records.
 */
export function recordByDockingLoader<T extends { id: string }>(
  em: EntityManager,
  agency: Agency,
  recordType: string,
  findRecords: (ids: readonly string[]) => Promise<T[]>,
): { load(dockingId: string): Promise<T | null> } {
  const loader = oneByKey(
    async (dockingIds: readonly string[]) => {
      const dockings = await findRows(em, DockingOutgoing, { fromAgency: agency, recordType, dockingId: { $in: [...dockingIds] } });
      const records = new Map((await findRecords(dockings.map((d) => d.recordId))).map((r) => [r.id, r]));
      return dockings.flatMap((d) => {
        const record = records.get(d.recordId);
        return record ? [{ dockingId: d.dockingId, record }] : [];
      });
    },
    (found) => found.dockingId,
  );
  return { load: async (dockingId) => (await loader.load(dockingId))?.record ?? null };
}

import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Agency } from '@jiefen/auth';
import { applyDisputeAnswer, jsonLogger, publish, type DockingRejectedPayload, type TypedDockingEvent, type DockingRequestedPayload } from '@jiefen/docking';
import { DomainError } from '@jiefen/subgraph-kit';
import { chinaDate } from '@jiefen/calendar';
import { type JusticeSettings } from '../domain/clocks.js';
import {
  AUTOMATIC_REJECTIONS,
  dockedCategory,
  dockedPartiesProblem,
  dockingRequestProblem,
  sourceOfKind,
  withinArea,
  type DockingKindValue,
} from '../domain/docking.js';
import { CONFIRMATION_RULINGS, type ConfirmationRuling } from '../domain/agreement.js';
import { MediationAgreement } from '../entities/mediation-agreement.entity.js';
import { MediationCase } from '../entities/mediation-case.entity.js';
import type { MediationOrganization } from '../entities/mediation-organization.entity.js';
import { MediationParty } from '../entities/mediation-party.entity.js';
import { caseNumberPlaceholder, numberCaseLast } from './common.js';
import { disputeAnswerHooks, receivedCaseHook } from './dispute-report.service.js';
import { relayEnforcementToOrigin, relayRulingToOrigin } from './docking-outbound.service.js';
import { validPartyFields } from './mediation-case.service.js';

const JUSTICE: Agency = 'JUSTICE';

/** An optional text of the sender's, cut to its column. */
const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);

/** Refuses a docking request without a case (nowhere to put it), telling the sender why. */
async function rejectAutomatically(em: EntityManager, event: TypedDockingEvent, reason: string, settings: JusticeSettings): Promise<void> {
  const payload: DockingRejectedPayload = { rejectedAt: settings.now().toISOString(), reason };
  await publish(em, { type: 'DockingRejected', dockingId: event.dockingId, from: JUSTICE, to: event.from, payload });
  jsonLogger({
    level: 'warn',
    message: 'docking request rejected automatically',
    agency: JUSTICE,
    eventId: event.id,
    dockingId: event.dockingId,
    from: event.from,
    reason,
  });
}

/** The sender's parties, validated as a mediator's entry would be; a bad field rejects the request (no retry would fix it). */
function dockedParties(payload: DockingRequestedPayload): ReturnType<typeof validPartyFields> | string {
  try {
    const parties = validPartyFields(
      payload.parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })),
    );
    const problem = dockedPartiesProblem(parties);
    return problem ? `${AUTOMATIC_REJECTIONS.INCOMPLETE}:${problem}` : parties;
  } catch (error) {
    if (DomainError.is(error)) return `${AUTOMATIC_REJECTIONS.INCOMPLETE}:${error.message}${error.details.field ? `(${String(error.details.field)})` : ''}`;
    throw error;
  }
}

/** What a handed-over case needs of its organization. */
type OrganizationRef = Pick<MediationOrganization, 'id' | 'code' | 'name' | 'regionCode'>;

/** `DockingRequested`: the hand-over lands as a PENDING case in the target organization's inbox. */
async function receiveRequest(em: EntityManager, event: TypedDockingEvent<'DockingRequested'>, settings: JusticeSettings): Promise<void> {
  const payload = event.payload;
  // Both reads in one statement, as plain values (no entity: nothing here changes the organization).
  const [{ docked, organization }] = await em.getConnection().execute<{ docked: boolean; organization: OrganizationRef | null }[]>(
    `select exists (select 1 from mediation_case where docking_id = ?) as docked,
            (select json_build_object('id', o.id, 'code', o.code, 'name', o.name, 'regionCode', o.region_code)
               from mediation_organization o where o.code = ?) as organization`,
    [event.dockingId, payload.target.organizationCode.toUpperCase()],
    'all',
    em.getTransactionContext(),
  );
  // One case per docking: the inbox applies each event once; a second request for the same docking changes nothing.
  if (docked) return;
  const problem = dockingRequestProblem(payload);
  if (problem) return rejectAutomatically(em, event, `${AUTOMATIC_REJECTIONS.INCOMPLETE}:${problem}`, settings);
  if (!organization) return rejectAutomatically(em, event, AUTOMATIC_REJECTIONS.UNKNOWN_ORGANIZATION, settings);
  // A case outside the organization's area would sit where none of its mediators can see it.
  if (!withinArea(organization.regionCode, payload.regionCode)) return rejectAutomatically(em, event, AUTOMATIC_REJECTIONS.OUTSIDE_AREA, settings);
  const parties = dockedParties(payload);
  if (typeof parties === 'string') return rejectAutomatically(em, event, parties, settings);
  const now = settings.now();
  const year = Number(chinaDate(now).slice(0, 4));
  // 委托 (during litigation) carries the court's procedure when the sender states it (not yet in the contract).
  const procedure = (event.payload as { procedure?: unknown }).procedure;
  const id = randomUUID();
  const c = em.create(MediationCase, {
    id,
    disputeId: payload.disputeId?.toLowerCase() ?? null,
    dockingId: event.dockingId,
    dockingFrom: event.from,
    sourceNumber: text(payload.source?.number, 60),
    sourceUnitName: text(payload.source?.organizationName, 100),
    caseNumber: caseNumberPlaceholder(id),
    organizationId: organization.id,
    organizationCode: organization.code,
    organizationName: organization.name,
    source: sourceOfKind(payload.kind as DockingKindValue),
    mode: payload.mode,
    procedure: payload.mode === 'COMMISSION' && (procedure === 'ORDINARY' || procedure === 'SUMMARY') ? procedure : null,
    category: dockedCategory(payload.category),
    summary: payload.summary.trim().slice(0, 4000),
    regionCode: payload.regionCode,
    receivedAt: now,
  });
  parties.forEach((p, position) => em.create(MediationParty, { ...p, id: randomUUID(), caseId: c.id, position }));
  await em.flush();
  // Last: the series' lock is held from here to the commit only.
  await numberCaseLast(em, id, year);
}

/** `JudicialConfirmationRuled`: the court's decision on the application, recorded on the agreement. */
async function receiveRuling(em: EntityManager, event: TypedDockingEvent<'JudicialConfirmationRuled'>): Promise<void> {
  const p = event.payload;
  const a = typeof p.applicationId === 'string' ? await em.findOne(MediationAgreement, { confirmationApplicationId: p.applicationId }) : null;
  const c = a ? await em.findOne(MediationCase, { id: a.caseId }) : null;
  const ruledAt = new Date(p.ruledAt);
  // A ruling comes on the court's docking (诉调) or on the application's own docking (any other agreement).
  const onItsDocking = !!c && (c.dockingId === event.dockingId || a?.confirmationApplicationId === event.dockingId);
  if (!a || !c || !onItsDocking || !(CONFIRMATION_RULINGS as readonly string[]).includes(p.ruling) || Number.isNaN(ruledAt.getTime())) {
    jsonLogger({
      level: 'warn',
      message: 'docking event not applied',
      agency: JUSTICE,
      eventId: event.id,
      type: event.type,
      dockingId: event.dockingId,
      reason: 'no such application',
    });
    return;
  }
  a.confirmationRuling = p.ruling as ConfirmationRuling;
  a.confirmationCaseNumber = text(p.caseNumber, 60);
  a.confirmationRuledAt = ruledAt;
  a.confirmationReason = text(p.reason, 2000);
  await em.flush();
  if (event.dockingId !== c.dockingId) await relayRulingToOrigin(em, c, p);
}

/**
 * `EnforcementApplied` on an application's own docking: relayed on the hand-over that brought the
 * case (the court's copy on a 诉调 docking is the court's own; nothing to relay).
 */
async function receiveEnforcement(em: EntityManager, event: TypedDockingEvent<'EnforcementApplied'>): Promise<void> {
  const a = await em.findOne(MediationAgreement, { confirmationApplicationId: event.dockingId });
  const c = a ? await em.findOne(MediationCase, { id: a.caseId }) : null;
  if (c && c.dockingId !== event.dockingId) await relayEnforcementToOrigin(em, c, event.payload);
}

/**
 * Applies an incoming docking event, in the inbox's transaction (each event once, in order per
 * docking): a hand-over (`DockingRequested`), a court's decision on judicial confirmation
 * (`JudicialConfirmationRuled`) and an application for its enforcement (`EnforcementApplied`, relayed
 * to the agency that started the case); other types addressed to the justice bureau are recorded by the
 * inbox and not acted on yet.
 */
export async function applyDockingEvent(em: EntityManager, event: TypedDockingEvent, settings: JusticeSettings): Promise<void> {
  if (event.type === 'DockingRequested') await receiveRequest(em, event, settings);
  else if (event.type === 'JudicialConfirmationRuled') await receiveRuling(em, event);
  else if (event.type === 'EnforcementApplied') await receiveEnforcement(em, event);
  // The hub's answer: a direct application's dispute, or the dispute of a hand-over this bureau received (一案一号).
  else if (event.type === 'DisputeReportAnswered') await applyDisputeAnswer(em, 'JUSTICE', event, disputeAnswerHooks, undefined, receivedCaseHook);
}

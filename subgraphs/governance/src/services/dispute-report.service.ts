import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { AGENCY_NAMES, type Agency } from '@jiefen/auth';
import { DISPUTE_CATEGORIES, parseIdNumber } from '@jiefen/codes';
import {
  HUB,
  jsonLogger,
  publish,
  type DisputeReportDecision,
  type DisputeReportedPayload,
  type DockingParty,
  type DockingRequestedPayload,
  type DockingSourceRecord,
  type TypedDockingEvent,
} from '@jiefen/docking';
import type { DockingApplyContext } from '@jiefen/subgraph-kit';
import { hubPolicy, type HubSettings } from '../domain/config.js';
import { linkCriteria, linkReason, REPORT_CHANNEL, registrationReason, UNLINKABLE_STATES } from '../domain/dispute-report.rules.js';
import { DisputeParty } from '../entities/dispute-party.entity.js';
import { DisputeReport } from '../entities/dispute-report.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { Region } from '../entities/region.entity.js';
import { writeRegistration } from './dispute-registration.service.js';
import { noteOnTimeline } from './dispute-step.service.js';

// 一案一号, the hub's side: ONE decision for every record another agency brings to the hub without a
// hub dispute — reported at its own door (`DisputeReported`) or handed over (`DockingRequested`
// that named none). Registered or linked (domain/dispute-report.rules.ts), recorded in
// `dispute_report`, and answered (`DisputeReportAnswered`) to the sender in the same transaction.

/** A record brought to the hub without a dispute: who sent it, on which stream, and the facts. */
export interface ReportedRecord {
  source: DockingSourceRecord;
  /** The stream the record came on: the answer goes back on it. */
  dockingId: string;
  /** A hand-over's receiver, answered too (its record came from the same docking): null for a report. */
  receiver: Agency | null;
  regionCode: string;
  /** A category of the one list, or null. */
  category: string | null;
  summary: string;
  parties: DockingParty[];
  reportedAt: Date;
}

const isCategory = (value: string | null | undefined): value is string => (DISPUTE_CATEGORIES as readonly string[]).includes(value ?? '');

/** Only a well-formed ID number is kept (and keyed): the sender checked it, the hub does not trust a malformed one. */
const idOf = (party: DockingParty): string | null => {
  const id = party.idNumber?.trim().toUpperCase() ?? null;
  return id && parseIdNumber(id) ? id : null;
};

/** A `DisputeReported` as a reported record. */
export function reportedRecordOf(event: TypedDockingEvent<'DisputeReported'>): ReportedRecord {
  const p: DisputeReportedPayload = event.payload;
  return {
    source: p.source,
    dockingId: event.dockingId,
    receiver: null,
    regionCode: p.regionCode,
    category: p.category,
    summary: p.place ? `${p.summary}(发生地:${p.place})` : p.summary,
    parties: p.parties,
    reportedAt: new Date(p.reportedAt),
  };
}

/** A `DockingRequested` that named no dispute (sent to `receiver`), as a reported record. */
export function handedOverRecordOf(dockingId: string, receiver: Agency, p: DockingRequestedPayload): ReportedRecord {
  return {
    source: p.source,
    dockingId,
    receiver,
    regionCode: p.regionCode,
    category: isCategory(p.category) ? p.category : null,
    summary: p.summary,
    parties: p.parties,
    reportedAt: new Date(p.sentAt),
  };
}

/** The open dispute a report is the same dispute as (rule b), with the reason; null when none. */
async function findLinked(em: EntityManager, r: ReportedRecord, personKeys: string[]): Promise<{ dispute: Dispute; reason: string } | null> {
  const windowDays = hubPolicy.reportLinkWindowDays;
  const criteria = linkCriteria({ personKeys, category: r.category, regionCode: r.regionCode, reportedAt: r.reportedAt }, windowDays);
  if (!criteria) return null;
  const shared = await em.find(DisputeParty, { personKey: { $in: criteria.personKeys } }, { fields: ['disputeId'] });
  if (shared.length === 0) return null;
  const dispute = await em.findOne(
    Dispute,
    {
      id: { $in: [...new Set(shared.map((p) => p.disputeId))] },
      category: criteria.category,
      regionCode: { $like: `${criteria.town}%` },
      status: { $nin: [...UNLINKABLE_STATES] },
      registeredAt: { $gte: criteria.since },
    },
    { orderBy: { registeredAt: 'desc', id: 'desc' } },
  );
  if (!dispute) return null;
  const town = await em.findOne(Region, { code: criteria.town });
  return { dispute, reason: linkReason(dispute, town?.name ?? criteria.town, windowDays) };
}

/**
 * Registers a reported record's dispute or links it to the one the hub has, once per record, and
 * answers the sender — in the inbox transaction. Returns the report, or null when the record's
 * region is unknown to the hub (logged: nothing can be registered there, and nothing is answered).
 */
export async function registerOrLink(em: EntityManager, r: ReportedRecord, context: DockingApplyContext<HubSettings>): Promise<DisputeReport | null> {
  const key = { agency: r.source.agency, recordType: r.source.recordType, recordId: r.source.recordId };
  let report = await em.findOne(DisputeReport, key);
  let dispute: Dispute | null = report ? await em.findOne(Dispute, { id: report.disputeId }) : null;
  if (!report || !dispute) {
    if (!(await em.findOne(Region, { code: r.regionCode }))) {
      jsonLogger({ level: 'warn', message: 'dispute report not registered: unknown region', ...key, regionCode: r.regionCode });
      return null;
    }
    const parties = r.parties.map((p) => ({ ...p, idNumber: idOf(p) }));
    const personKeys = parties.flatMap((p) => (p.idNumber ? [context.personKeyOf(p.idNumber)] : []));
    const agencyName = AGENCY_NAMES[r.source.agency];
    const author = { subject: `${r.source.agency.toLowerCase()}:${r.source.officerName}`, name: r.source.officerName };
    const linked = await findLinked(em, r, personKeys);
    let decision: DisputeReportDecision;
    let reason: string;
    if (linked) {
      ({ dispute, reason } = linked);
      decision = 'LINKED';
      await noteOnTimeline(
        em,
        dispute,
        'REPORT_LINKED',
        author,
        `${r.source.organizationName || agencyName}(${agencyName})报告同一纠纷,${r.source.recordType} ${r.source.number} 已关联:${reason}`.slice(0, 2000),
        context.settings.now(),
      );
    } else {
      decision = 'REGISTERED';
      reason = registrationReason(agencyName, r.source.number, personKeys.length > 0 && r.category !== null);
      dispute = await writeRegistration(
        em,
        { ...author, agency: r.source.agency, organization: r.source.organizationCode, roles: ['STAFF'], jurisdiction: r.regionCode },
        {
          category: r.category ?? '其他',
          channel: REPORT_CHANNEL,
          summary: r.summary.slice(0, 2000),
          claims: null,
          regionCode: r.regionCode,
          peopleInvolved: Math.max(1, parties.length),
          parties: parties.map((p) => ({
            role: p.role,
            name: p.name.slice(0, 50),
            idNumber: p.idNumber,
            phone: p.phone ?? null,
            address: p.address ?? null,
            birthDate: p.idNumber ? (parseIdNumber(p.idNumber)?.birthDate ?? null) : null,
          })),
          documents: [],
        },
        context.personKeyOf,
        context.settings.clocks,
        r.reportedAt,
      );
    }
    report = em.create(DisputeReport, {
      id: randomUUID(),
      ...key,
      disputeId: dispute.id,
      recordNumber: r.source.number,
      organizationName: r.source.organizationName || null,
      dockingId: r.dockingId,
      decision,
      reason,
      reportedAt: r.reportedAt,
      answeredAt: context.settings.now(),
    });
    await em.flush();
  }
  await answer(em, r.source.agency, r.dockingId, report, dispute);
  // The receiver's case (e.g. justice's, from a 公调) is the same dispute's record: it learns it too.
  if (r.receiver && r.receiver !== r.source.agency) await answer(em, r.receiver, r.dockingId, report, dispute);
  return report;
}

/** `DisputeReportAnswered` to the sender, on the stream the record came on (the hub answers nobody for its own records). */
async function answer(em: EntityManager, to: Agency, dockingId: string, report: DisputeReport, dispute: Dispute): Promise<void> {
  if (to === HUB) return;
  await publish(em, {
    type: 'DisputeReportAnswered',
    dockingId,
    from: HUB,
    to,
    payload: {
      recordType: report.recordType,
      recordId: report.recordId,
      disputeId: dispute.id,
      disputeNumber: dispute.number,
      decision: report.decision as DisputeReportDecision,
      reason: report.reason,
      answeredAt: report.answeredAt.toISOString(),
    },
  });
}

import { z } from 'zod';
import { AGENCIES } from '@jiefen/auth';
import { DISPUTE_CATEGORIES } from '@jiefen/codes';
import type { DockingEvent } from './envelope.js';

// The docking conversation's contract: what each event type carries. The schemas are the contract;
// the TypeScript types are inferred from them, so what a sender may publish (`publish<T>`) and what
// a receiver is handed (`decodeDockingEvent`) cannot drift apart. Dates are ISO strings.

const text = (max: number) => z.string().max(max);
const isoDate = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), '须为 ISO 日期时间');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '须为 YYYY-MM-DD');
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

/**
 * 诉调 / 公调 / 检调 / 访调 / 援调 name the sending agency's docking; `HUB` (分流转办) is the hub's own
 * routing of a registered dispute to the unit that resolves it (DESIGN.md §4: hub → organization).
 */
export const DOCKING_KINDS = ['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB'] as const;
export type DockingKind = (typeof DOCKING_KINDS)[number];
/** 委派 pre-filing / 委托 during litigation / 移交 / 转介. */
export const DOCKING_MODES = ['ENTRUST', 'COMMISSION', 'TRANSFER', 'REFERRAL'] as const;
export type DockingMode = (typeof DOCKING_MODES)[number];
export const MEDIATION_OUTCOMES = ['AGREEMENT', 'NO_AGREEMENT', 'TERMINATED'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
/** 履行情况 of an agreement, as the organization's return visit finds it. */
export const PERFORMANCE_STATES = ['PENDING', 'PARTIALLY_PERFORMED', 'PERFORMED', 'NOT_PERFORMED'] as const;
export type PerformanceState = (typeof PERFORMANCE_STATES)[number];
export const JUDICIAL_CONFIRMATION_RULINGS = ['CONFIRMED', 'REJECTED', 'REFUSED'] as const;
export type JudicialConfirmationRuling = (typeof JUDICIAL_CONFIRMATION_RULINGS)[number];

const party = z.object({
  role: text(40),
  name: text(100),
  idNumber: optional(text(40)),
  phone: optional(text(40)),
  address: optional(text(300)),
});
export type DockingParty = z.infer<typeof party>;

const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '须为 6、9 或 12 位区划代码');

/** The sender's record an event is about: its agency, type, id and official number, and who sent it. */
const sourceRecord = z.object({
  agency: z.enum(AGENCIES),
  recordType: text(60),
  recordId: text(64),
  number: text(80),
  organizationCode: text(40),
  organizationName: text(200),
  officerName: text(100),
});
export type DockingSourceRecord = z.infer<typeof sourceRecord>;

/** The hub's answer to a reported dispute: a new registration, or a link to a dispute it already had. */
export const DISPUTE_REPORT_DECISIONS = ['REGISTERED', 'LINKED'] as const;
export type DisputeReportDecision = (typeof DISPUTE_REPORT_DECISIONS)[number];

/** The schema of each event type's payload. */
export const DOCKING_PAYLOAD_SCHEMAS = {
  /** `DockingRequested`: the sender hands a dispute over. */
  DockingRequested: z.object({
    kind: z.enum(DOCKING_KINDS),
    mode: z.enum(DOCKING_MODES),
    /** The hub's dispute, when the sender knows it. */
    disputeId: z.string().max(64).nullable(),
    regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '须为 6、9 或 12 位区划代码'),
    category: text(40).nullable(),
    summary: text(4000),
    sentAt: isoDate,
    source: sourceRecord,
    target: z.object({ organizationCode: text(40), organizationName: text(200).nullable() }),
    parties: z.array(party).max(200),
    /** 委托 (COMMISSION) by a court: the filed case's procedure, which sets the mediation clock (15 / 7 days). */
    procedure: z.enum(['ORDINARY', 'SUMMARY']).optional(),
  }),
  /**
   * `DisputeReported` (an agency → the hub, on the stream of the reported record): a dispute came
   * in at the agency's own door (接警登记, 收案, 信访登记 …). The hub registers it, or links it to
   * the dispute it already has (统一受理, 一案一号), and answers with `DisputeReportAnswered`.
   */
  DisputeReported: z.object({
    source: sourceRecord,
    regionCode,
    /** 纠纷类别 of the one list (packages/codes); null when the agency cannot tell (the hub registers it as 其他 and never links it). */
    category: z.enum(DISPUTE_CATEGORIES).nullable(),
    /** How it reached the agency, in the agency's own terms (e.g. CALL_110, WALK_IN, VISIT). */
    channel: text(40),
    summary: text(4000),
    /** 发生地 as the agency wrote it (address text). */
    place: text(300).nullable(),
    occurredAt: isoDate.nullable(),
    reportedAt: isoDate,
    parties: z.array(party).max(200),
  }),
  /**
   * `DisputeReportAnswered` (the hub → the agency): the dispute a reported record belongs to — the
   * answer to a `DisputeReported`, and to a `DockingRequested` that named no dispute.
   */
  DisputeReportAnswered: z.object({
    recordType: text(60),
    recordId: text(64),
    disputeId: z.string().uuid('须为 UUID'),
    /** 统一编号. */
    disputeNumber: text(40),
    decision: z.enum(DISPUTE_REPORT_DECISIONS),
    /** Why it was linked (the shared person, place and category), or how it was registered. */
    reason: text(2000),
    answeredAt: isoDate,
  }),
  /** `DockingAccepted`: the receiving organization took the case. */
  DockingAccepted: z.object({
    acceptedAt: isoDate,
    caseId: text(64),
    caseNumber: text(80),
    organizationName: text(200),
    mediatorName: text(100).nullable(),
    /**
     * Where the accepting organization sits (6, 9 or 12 digits): the hub follows the dispute at that
     * organization's tier (分层化解). Optional, so acceptances sent before it existed still decode.
     */
    organizationRegionCode: optional(z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '须为 6、9 或 12 位区划代码')),
  }),
  /**
   * `MediationSessionRecorded` (the receiving organization → the sender, copied to the hub): a
   * mediation session held on a docked case. The hub counts it as an attempt at the organization's
   * tier (三三制); a sender whose record does not follow sessions ignores it.
   */
  MediationSessionRecorded: z.object({
    sessionId: text(64),
    caseId: text(64),
    /** 1, 2, 3 … within the case. */
    sequence: z.number().int().min(1),
    heldAt: isoDate,
    mediatorName: text(100).nullable(),
    organizationName: text(200),
    /** The session's progress or focus, shortened (no parties' statements: the full record stays with the organization). */
    summary: text(2000),
  }),
  /** `DockingRejected`: the receiving organization declined, with its reason. */
  DockingRejected: z.object({ rejectedAt: isoDate, reason: text(2000) }),
  /** `MediationConcluded`: the outcome fed back (信息反馈). */
  MediationConcluded: z.object({
    concludedAt: isoDate,
    outcome: z.enum(MEDIATION_OUTCOMES),
    summary: text(4000),
    agreement: z.object({ number: text(80), effectiveDate: day.nullable(), amount: z.number().nullable(), performBy: day.nullable() }).nullable(),
  }),
  /**
   * `JudicialConfirmationRequested` (justice → court): the parties of an effective agreement apply
   * jointly for judicial confirmation (司法确认), within 30 days of its effective date.
   */
  JudicialConfirmationRequested: z.object({
    /** The sender's id of the application (the receiver's idempotency key). */
    applicationId: text(64),
    agreementId: text(64),
    agreementNumber: text(80),
    effectiveDate: day,
    appliedAt: isoDate,
    /** The applying parties; `idNumber` / `phone` when the sender has them (the court needs the 身份证号). */
    applicants: z.array(z.object({ name: text(100), role: text(40), idNumber: optional(text(40)), phone: optional(text(40)) })).max(50),
    /** The agreed terms. */
    matters: text(8000),
    /** The court case the docking came from, when the sender knows it (the court finds it by docking id otherwise). */
    courtCaseId: text(64).nullable(),
    regionCode: text(12),
    /** The hub's dispute, when the sender knows it (an application the court did not send carries it for the court's record). */
    disputeId: optional(z.string().uuid('须为 UUID')),
    /**
     * The mediation organization that made the agreement. An agreement the court did not send is
     * applied for at the basic court where the organization sits (人民调解法 Art 33, 民诉法 Art 205).
     */
    mediationOrganization: optional(
      z.object({ code: text(40), name: text(200), regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '须为 6、9 或 12 位区划代码') }),
    ),
    /** The justice case's number (人民调解案号), for the court's file. */
    caseNumber: optional(text(80)),
    /** The hand-over that brought the case to the organization (公调 / 访调 / 检调 / the hub's routing), if any: whom the outcome concerns. */
    origin: optional(z.object({ agency: z.enum(AGENCIES), dockingId: text(64) })),
  }),
  /** `JudicialConfirmationRuled` (court → justice): the court's decision on the application. */
  JudicialConfirmationRuled: z.object({
    applicationId: text(64),
    confirmationId: text(64),
    /** 调确字 number; null when the application was refused before acceptance. */
    caseNumber: text(80).nullable(),
    ruling: z.enum(JUDICIAL_CONFIRMATION_RULINGS),
    ruledAt: isoDate,
    reason: text(2000).nullable(),
  }),
  /**
   * `AgreementPerformanceRecorded` (the organization → the sender, copied to the hub): a return
   * visit found how the agreement of a docked case is performed (人民调解法 Art 31). The hub puts it
   * on the dispute's timeline; a sender that does not follow performance ignores it.
   */
  AgreementPerformanceRecorded: z.object({
    agreementNumber: text(80),
    performance: z.enum(PERFORMANCE_STATES),
    visitedAt: isoDate,
  }),
  /**
   * `EnforcementApplied` (court → the organization, copied to the hub): a party applied for
   * enforcement of a judicially confirmed agreement (民事诉讼法 Art 206). On the dispute's timeline.
   */
  EnforcementApplied: z.object({
    confirmationId: text(64),
    /** 执 case number. */
    caseNumber: text(80),
    appliedAt: isoDate,
  }),
} as const;

/** Event types of the contract. */
export type KnownDockingEventType = keyof typeof DOCKING_PAYLOAD_SCHEMAS;
export type DockingPayloads = { [T in KnownDockingEventType]: z.infer<(typeof DOCKING_PAYLOAD_SCHEMAS)[T]> };
export type DockingRequestedPayload = DockingPayloads['DockingRequested'];
export type DockingAcceptedPayload = DockingPayloads['DockingAccepted'];
export type DockingRejectedPayload = DockingPayloads['DockingRejected'];
export type MediationConcludedPayload = DockingPayloads['MediationConcluded'];
export type JudicialConfirmationRequestedPayload = DockingPayloads['JudicialConfirmationRequested'];
export type JudicialConfirmationRuledPayload = DockingPayloads['JudicialConfirmationRuled'];
export type MediationSessionRecordedPayload = DockingPayloads['MediationSessionRecorded'];
export type AgreementPerformanceRecordedPayload = DockingPayloads['AgreementPerformanceRecorded'];
export type EnforcementAppliedPayload = DockingPayloads['EnforcementApplied'];
export type DisputeReportedPayload = DockingPayloads['DisputeReported'];
export type DisputeReportAnsweredPayload = DockingPayloads['DisputeReportAnswered'];

/** An event whose payload was checked against its type's schema: `event.type` narrows `event.payload`. */
export type TypedDockingEvent<T extends KnownDockingEventType = KnownDockingEventType> = {
  [K in T]: Omit<DockingEvent, 'type' | 'payload'> & { type: K; payload: DockingPayloads[K] };
}[T];

export function isKnownDockingEventType(type: string): type is KnownDockingEventType {
  return Object.hasOwn(DOCKING_PAYLOAD_SCHEMAS, type);
}

/**
 * Checks a received event's payload against the contract, once, where it enters (the inbox):
 * the typed event, or the problem (an unknown type, or the first invalid field by its path).
 */
export function decodeDockingEvent(event: DockingEvent): { event: TypedDockingEvent; problem?: undefined } | { event?: undefined; problem: string } {
  if (!isKnownDockingEventType(event.type)) return { problem: `unknown event type ${event.type}` };
  const result = DOCKING_PAYLOAD_SCHEMAS[event.type].safeParse(event.payload);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { problem: `payload.${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { event: { ...event, payload: result.data } as TypedDockingEvent };
}

export const OUTCOME_NAMES: Record<MediationOutcome, string> = {
  AGREEMENT: '调解成功,达成协议',
  NO_AGREEMENT: '调解不成',
  TERMINATED: '调解终止,已告知当事人可依法起诉',
};

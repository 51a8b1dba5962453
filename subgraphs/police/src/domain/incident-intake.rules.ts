import { createHash } from 'node:crypto';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '@jiefen/codes';

/** 警情类别 (the schema's PoliceIncidentCategory). */
export const INCIDENT_CATEGORIES = ['CIVIL_DISPUTE', 'PUBLIC_ORDER', 'TRAFFIC', 'CRIMINAL', 'ASSISTANCE'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** 接警登记: how an incident reached the police. */
export const INCIDENT_CHANNELS = ['CALL_110', 'WALK_IN', 'OTHER'] as const;
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number];
export const INCIDENT_CHANNEL_NAMES: Record<IncidentChannel, string> = { CALL_110: '110 报警', WALK_IN: '来所报警', OTHER: '其他途径' };

/**
 * 非警务警情类别: matters the police receive but that belong to other departments or to mediation.
 * Stored (and handed to the hub as the dispute's category) by their Chinese name, as the seeded
 * incidents and the hub's categories are.
 */
export const NON_POLICE_CATEGORY_NAMES = {
  CIVIL_DISPUTE: '民间纠纷',
  LABOUR_DISPUTE: '劳资纠纷',
  CONSUMER_DISPUTE: '消费纠纷',
  PROPERTY_MANAGEMENT: '物业纠纷',
  PUBLIC_FACILITY: '市政公用设施',
  ASSISTANCE: '群众求助',
  CONSULTATION: '咨询',
  OTHER: '其他非警务',
} as const;
export type NonPoliceCategory = keyof typeof NON_POLICE_CATEGORY_NAMES;

/**
 * 一案一号: which incidents are disputes the hub must know of, and under which of its categories.
 * An incident is reported to the hub exactly when it is 非警务 and its 非警务类别 is a dispute
 * between people (民间、劳资、消费、物业纠纷); 警务警情 (public order, traffic, criminal cases) and
 * non-police matters that are no dispute (求助, 咨询, 市政设施, 其他) are not. 民间纠纷 spans several
 * of the hub's categories (邻里, 婚姻家庭, 损害赔偿 …): without the officer's 纠纷类别 it goes without
 * one, and the hub registers it as 其他 and never links it (so an officer who can tell says which).
 */
export const REPORTED_NON_POLICE_CATEGORIES: Readonly<Record<string, DisputeCategory | null>> = {
  [NON_POLICE_CATEGORY_NAMES.CIVIL_DISPUTE]: null,
  [NON_POLICE_CATEGORY_NAMES.LABOUR_DISPUTE]: '劳动争议',
  [NON_POLICE_CATEGORY_NAMES.CONSUMER_DISPUTE]: '消费',
  [NON_POLICE_CATEGORY_NAMES.PROPERTY_MANAGEMENT]: '物业',
};

/**
 * Whether an incident is reported to the hub, and with which dispute category: the officer's
 * 纠纷类别 when given, else the one its 非警务类别 maps to (see above).
 */
export function disputeReportOf(incident: {
  nonPolice: boolean;
  nonPoliceCategory?: string | null;
  disputeCategory?: string | null;
}): { category: DisputeCategory | null } | null {
  if (!isReportedIncident(incident)) return null;
  const given =
    incident.disputeCategory && (DISPUTE_CATEGORIES as readonly string[]).includes(incident.disputeCategory)
      ? (incident.disputeCategory as DisputeCategory)
      : null;
  return { category: given ?? REPORTED_NON_POLICE_CATEGORIES[incident.nonPoliceCategory!] ?? null };
}

/** Whether an incident is a dispute the hub must know of (非警务, of a 非警务类别 that is a dispute). */
export function isReportedIncident(incident: { nonPolice: boolean; nonPoliceCategory?: string | null }): boolean {
  return incident.nonPolice && !!incident.nonPoliceCategory && Object.hasOwn(REPORTED_NON_POLICE_CATEGORIES, incident.nonPoliceCategory);
}

export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'] as const;
export type IncidentPartyRole = (typeof PARTY_ROLES)[number];

/** A party to the incident as the police recorded it (personal data). */
export interface IncidentParty {
  role: IncidentPartyRole;
  name: string;
  idNumber: string | null;
  phone: string | null;
}

/** The facts of an incident as registered or imported (already validated and normalized). */
export interface IncidentFacts {
  channel: IncidentChannel;
  category: string;
  nonPolice: boolean;
  nonPoliceCategory: string | null;
  /** 纠纷类别 the officer gave a reported incident, or null. */
  disputeCategory: DisputeCategory | null;
  summary: string;
  reporterName: string;
  reporterIdNumber: string | null;
  reporterPhone: string;
  parties: IncidentParty[];
  place: string;
  regionCode: string;
  occurredAt: Date | null;
  reportedAt: Date;
  station: string;
}

/**
 * The import rule's notion of "the same content": a digest over every imported fact in a fixed
 * order (times as ISO instants), so that a station re-sending an unchanged incident is recognized
 * and a changed one is not taken for it.
 */
export function incidentDigest(f: IncidentFacts): string {
  const canonical = [
    f.channel,
    f.category,
    f.nonPolice,
    f.nonPoliceCategory,
    f.summary,
    f.reporterName,
    f.reporterIdNumber,
    f.reporterPhone,
    f.parties.map((p) => [p.role, p.name, p.idNumber, p.phone]),
    f.place,
    f.regionCode,
    f.occurredAt?.toISOString() ?? null,
    f.reportedAt.toISOString(),
    f.station,
    // Appended only when given, so that an incident imported before the field existed keeps its digest.
    ...(f.disputeCategory ? [f.disputeCategory] : []),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

import type { DisputeCategory } from '@jiefen/codes';
import type { DemoPerson } from './people.js';

// The shapes of the demo story, apart from the code that builds it (disputes.ts, story.ts, roster.ts),
// so that each of those files depends on this one and none on another for a type.

export type Channel = 'WINDOW' | 'ONLINE' | 'HOTLINE_12348' | 'GRID_SCREENING' | 'AGENCY_TRANSFER';

export interface DemoDispute {
  n: number;
  id: string;
  category: DisputeCategory;
  channel: Channel;
  townCode: string;
  regionCode: string;
  regionName: string;
  summary: string;
  peopleInvolved: number;
  registeredAt: Date;
  parties: DemoPerson[];
  /** 统一编号 at the hub; every agency's record about it stores the same (the hub's answer to its report). */
  number: string;
  /** Which agencies hold records about it (decided here so every seed agrees). */
  agencies: { justice: boolean; court: boolean; police: boolean; procuratorate: boolean; petition: boolean };
  /** Days between the seeding day and the day it was registered (0: today). */
  daysAgo: number;
  /** Its people's mediation at justice (null when justice does not hold it): the one case of the story. */
  mediation: DemoMediation | null;
  /** The one hand-over that brought it to that mediation (null for a direct application or screening). */
  handOver: DemoHandOver | null;
  /** Where the hub's dispute stands: follows the hand-over's outcome, or the hub's own handling. */
  hub: HubTarget;
}

export type MediationStatus = 'PENDING' | 'REJECTED' | 'ACCEPTED' | 'IN_SESSION' | 'CONCLUDED';
export type MediationOutcome = 'AGREEMENT' | 'NO_AGREEMENT' | 'TERMINATED';
export type DemoDockingKind = 'COURT' | 'POLICE' | 'PROCURATORATE' | 'PETITION' | 'LEGAL_AID' | 'HUB';
export type DemoDockingMode = 'ENTRUST' | 'COMMISSION' | 'TRANSFER' | 'REFERRAL';
export type HandOverStatus = 'SENT' | 'ACCEPTED' | 'REJECTED' | 'CONCLUDED';

/** The people's mediation case of a dispute at justice. */
export interface DemoMediation {
  source: MediationSource;
  /** How the court or another agency handed it over (justice's mode), null for a direct application. */
  mode: DemoDockingMode | null;
  /** 委托 (COMMISSION) of a filed case: its procedure. */
  procedure: 'ORDINARY' | 'SUMMARY' | null;
  organization: DemoOrganization;
  /** 人民调解案号, 兴司调〔year〕NNNN号 — the sender's record shows it once the case was accepted. */
  caseNumber: string;
  status: MediationStatus;
  outcome: MediationOutcome | null;
  receivedAt: Date;
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  /** When each session was held (三三制 attempts at the hub). */
  sessionsAt: Date[];
  concludedAt: Date | null;
}

/** The hand-over (docking) that brought the dispute to its mediation. */
export interface DemoHandOver {
  dockingId: string;
  kind: DemoDockingKind;
  mode: DemoDockingMode;
  fromAgency: 'COURT' | 'POLICE' | 'PROCURATORATE' | 'PETITION' | 'JUSTICE' | 'GOVERNANCE';
  /** The sending unit (the personas' organizations). */
  from: { code: string; name: string };
  /** The receiver: the mediation's organization, on the roster. */
  to: DemoOrganization;
  sentAt: Date;
  /** As the sender and the ledger know it: the mediation's state. */
  status: HandOverStatus;
}

/** The hub's dispute: the state it reached (by following the hand-over, or by its own posts). */
export interface HubTarget {
  target: 'REGISTERED' | 'ROUTED' | 'IN_MEDIATION' | 'RESOLVED' | 'UNRESOLVED' | 'UNDER_REVIEW' | 'REVIEWED' | 'CLOSED' | 'GUIDED_TO_LITIGATION';
}

export type DemoOrganizationType =
  'VILLAGE_RESIDENTS_COMMITTEE' | 'TOWN_STREET_COMMITTEE' | 'ENTERPRISE_COMMITTEE' | 'SECTOR_COMMITTEE' | 'STATIONED_ROOM' | 'LAWYER_STUDIO';

export interface DemoOrganization {
  key: string;
  /** 统一社会信用代码 (GB 32100 check character). */
  code: string;
  name: string;
  type: DemoOrganizationType;
  regionCode: string;
  sector?: string;
  stationedAt?: string;
  stationedAgency?: string;
  members: number;
  specialties: string[];
}

/** Where a mediation comes from (justice's `source`): the door of the story. */
export type MediationSource = 'COURT' | 'POLICE' | 'PETITION' | 'PROCURATORATE' | 'LEGAL_AID' | 'HUB_REFERRAL' | 'ACTIVE_SCREENING' | 'DIRECT_APPLICATION';

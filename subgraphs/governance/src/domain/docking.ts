import { addDays } from '@jiefen/calendar';

/** 对接 — one hand-over between agencies (诉调、公调、检调、访调、援调, and the hub's own 分流转办); the hub keeps the ledger. */
export const DOCKING_KINDS = ['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB'] as const;
export type DockingKind = (typeof DOCKING_KINDS)[number];

/** The kinds' short Chinese names, as ledgers and dashboards write them. */
export const DOCKING_KIND_NAMES: Record<DockingKind, string> = {
  COURT: '诉调',
  POLICE: '公调',
  PROCURATORATE: '检调',
  PETITION: '访调',
  LEGAL_AID: '援调',
  HUB: '分流转办',
};

/** The hub's record its own hand-overs (分流转办) carry: the outgoing docking's record type. */
export const ROUTED_RECORD = 'Dispute';

/**
 * 委派 (pre-filing) / 委托 (post-filing) / 移交 / 转介, and 司法确认申请: the parties' application for
 * an agreement the court did not send, on a docking of its own from justice to the court.
 */
export const DOCKING_MODES = ['ENTRUST', 'COMMISSION', 'TRANSFER', 'REFERRAL', 'CONFIRMATION'] as const;
export type DockingMode = (typeof DOCKING_MODES)[number];

export const DOCKING_STATUSES = ['SENT', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'CONCLUDED', 'FED_BACK', 'WITHDRAWN'] as const;
export type DockingStatus = (typeof DOCKING_STATUSES)[number];

/** Statuses a docking reaches only once the receiver accepted it (every later step included). */
export const ACCEPTED_STATUSES: readonly DockingStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'CONCLUDED', 'FED_BACK'];
/** Statuses in which the conclusion clock runs (`dockingDueAt`: accepted, not yet concluded). */
export const CONCLUDING_STATUSES: readonly DockingStatus[] = ['ACCEPTED', 'IN_PROGRESS'];

export const DOCKING_OUTCOMES = ['SETTLED', 'NOT_SETTLED', 'TERMINATED'] as const;
export type DockingOutcome = (typeof DOCKING_OUTCOMES)[number];
/** The outcome that is an agreement (调解成功); the others end without one. */
export const AGREED_OUTCOME: DockingOutcome = 'SETTLED';

/**
 * Default docking clocks in days (DOMAIN.md, Dockings): acceptance, conclusion by kind and mode,
 * and the 30 days to apply for judicial confirmation after an agreement.
 */
export interface DockingClocks {
  acceptDays: number;
  concludeDays: Record<DockingKind, Partial<Record<DockingMode, number>> & { default: number }>;
  confirmDays: number;
}

export const DEFAULT_DOCKING_CLOCKS: DockingClocks = {
  acceptDays: 3,
  concludeDays: {
    // 司法确认: accepted within 3 days, ruled within 15 days of acceptance (extensions are the court's).
    COURT: { ENTRUST: 30, COMMISSION: 15, CONFIRMATION: 18, default: 30 },
    POLICE: { default: 30 },
    PROCURATORATE: { default: 30 },
    PETITION: { default: 60 },
    LEGAL_AID: { default: 7 },
    // 分流转办 to a people's mediation organization: people's mediation normally within one month (人民调解法 Art 18 practice).
    HUB: { default: 30 },
  },
  confirmDays: 30,
};

export function dockingClockDates(
  kind: DockingKind,
  mode: DockingMode,
  sentAt: Date,
  clocks: DockingClocks = DEFAULT_DOCKING_CLOCKS,
): { acceptBy: Date; concludeBy: Date } {
  const conclude = clocks.concludeDays[kind][mode] ?? clocks.concludeDays[kind].default;
  return { acceptBy: addDays(sentAt, clocks.acceptDays), concludeBy: addDays(sentAt, conclude) };
}

export function confirmByAfter(concludedAt: Date, clocks: DockingClocks = DEFAULT_DOCKING_CLOCKS): Date {
  return addDays(concludedAt, clocks.confirmDays);
}

/** The deadline the docking is running against now: accept, conclude, or feed back (confirm); none once it is over. */
export function dockingDueAt(d: { status: DockingStatus; acceptBy: Date | null; concludeBy: Date | null; confirmBy: Date | null }): Date | null {
  if (d.status === 'SENT') return d.acceptBy;
  if (CONCLUDING_STATUSES.includes(d.status)) return d.concludeBy;
  if (d.status === 'CONCLUDED') return d.confirmBy;
  return null;
}

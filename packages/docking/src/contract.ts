import type { Agency } from '@jiefen/auth';

/**
 * The docking conversation's contract: what each event type carries. Senders build these payloads,
 * receivers (and the hub's ledger) read them. Dates are ISO strings.
 */
export type DockingKind = 'COURT' | 'POLICE' | 'PROCURATORATE' | 'PETITION' | 'LEGAL_AID';
/** 委派 pre-filing / 委托 during litigation / 移交 / 转介. */
export type DockingMode = 'ENTRUST' | 'COMMISSION' | 'TRANSFER' | 'REFERRAL';
export type MediationOutcome = 'AGREEMENT' | 'NO_AGREEMENT' | 'TERMINATED';

export interface DockingParty {
  role: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** `DockingRequested`: the sender hands a dispute over. */
export interface DockingRequestedPayload {
  kind: DockingKind;
  mode: DockingMode;
  /** The hub's dispute, when the sender knows it. */
  disputeId: string | null;
  regionCode: string;
  category: string | null;
  summary: string;
  sentAt: string;
  source: { agency: Agency; recordType: string; recordId: string; number: string; organizationCode: string; organizationName: string; officerName: string };
  target: { organizationCode: string; organizationName: string | null };
  parties: DockingParty[];
  /** 委托 (COMMISSION) by a court: the filed case's procedure, which sets the mediation clock (15 / 7 days). */
  procedure?: 'ORDINARY' | 'SUMMARY';
}

/** `DockingAccepted`: the receiving organization took the case. */
export interface DockingAcceptedPayload {
  acceptedAt: string;
  caseId: string;
  caseNumber: string;
  organizationName: string;
  mediatorName: string | null;
}

/** `DockingRejected`: the receiving organization declined, with its reason. */
export interface DockingRejectedPayload {
  rejectedAt: string;
  reason: string;
}

/** `MediationConcluded`: the outcome fed back (信息反馈). */
export interface MediationConcludedPayload {
  concludedAt: string;
  outcome: MediationOutcome;
  summary: string;
  agreement: { number: string; effectiveDate: string | null; amount: number | null; performBy: string | null } | null;
}

/**
 * `JudicialConfirmationRequested` (justice → court): the parties of an effective agreement apply
 * jointly for judicial confirmation (司法确认), within 30 days of its effective date.
 */
export interface JudicialConfirmationRequestedPayload {
  /** The sender's id of the application (the receiver's idempotency key). */
  applicationId: string;
  agreementId: string;
  agreementNumber: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  appliedAt: string;
  /** The applying parties; `idNumber` / `phone` when the sender has them (the court needs the 身份证号). */
  applicants: { name: string; role: string; idNumber?: string | null; phone?: string | null }[];
  /** The agreed terms. */
  matters: string;
  /** The court case the docking came from, when the sender knows it (the court finds it by docking id otherwise). */
  courtCaseId: string | null;
  regionCode: string;
}

export type JudicialConfirmationRuling = 'CONFIRMED' | 'REJECTED' | 'REFUSED';

/** `JudicialConfirmationRuled` (court → justice): the court's decision on the application. */
export interface JudicialConfirmationRuledPayload {
  applicationId: string;
  confirmationId: string;
  /** 调确字 number; null when the application was refused before acceptance. */
  caseNumber: string | null;
  ruling: JudicialConfirmationRuling;
  ruledAt: string;
  reason: string | null;
}

export interface DockingPayloads {
  DockingRequested: DockingRequestedPayload;
  DockingAccepted: DockingAcceptedPayload;
  DockingRejected: DockingRejectedPayload;
  MediationConcluded: MediationConcludedPayload;
  JudicialConfirmationRequested: JudicialConfirmationRequestedPayload;
  JudicialConfirmationRuled: JudicialConfirmationRuledPayload;
}

export const OUTCOME_NAMES: Record<MediationOutcome, string> = {
  AGREEMENT: '调解成功,达成协议',
  NO_AGREEMENT: '调解不成',
  TERMINATED: '调解终止,已告知当事人可依法起诉',
};

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import type { DockingKind, DockingMode, JudicialConfirmationRuling, MediationOutcome } from '../contract.js';

/** Where a hand-over stands, as the sender knows it from the receiver's answers. */
export const OUTGOING_DOCKING_STATUSES = ['SENT', 'ACCEPTED', 'REJECTED', 'CONCLUDED'] as const;
export type OutgoingDockingStatus = (typeof OUTGOING_DOCKING_STATUSES)[number];
/** Chinese names of the sender's statuses (the API's `statusLabel`). */
export const OUTGOING_DOCKING_STATUS_NAMES: Record<OutgoingDockingStatus, string> = {
  SENT: '已移交待接收',
  ACCEPTED: '已受理',
  REJECTED: '不予受理(已退回)',
  CONCLUDED: '已办结并反馈',
};

/**
 * 发出的对接 — the sender's side of one hand-over: which of its records it handed to whom, and what
 * the receiver answered (accepted with its case number, declined with a reason, concluded with an
 * outcome). Opened with the `DockingRequested` event in the sender's transaction
 * (`openOutgoingDocking`), updated by the one feedback applier (`applyDockingFeedback`); the
 * agency's own record keeps only what its own workflow needs.
 */
@Entity({ tableName: 'docking_outgoing' })
@Index({ properties: ['recordType', 'recordId', 'sentAt'] })
@Index({ properties: ['sentAt', 'id'] })
export class DockingOutgoing {
  /** The hand-over's own id (police show it as the transfer's id). */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The docking's id, shared with the receiver and the hub's ledger. */
  @Unique()
  @Property({ type: 'uuid' })
  dockingId!: string;

  @Property({ type: 'string', length: 20 })
  fromAgency!: Agency;

  /** The receiving agency (the counterpart of the docking's events). */
  @Property({ type: 'string', length: 20 })
  toAgency!: Agency;

  @Property({ type: 'string', length: 20 })
  kind!: DockingKind;

  @Property({ type: 'string', length: 20 })
  mode!: DockingMode;

  /** The sender's record handed over (`CourtCase`, `PoliceIncident`…), by its id and number. */
  @Property({ type: 'string', length: 60 })
  recordType!: string;

  @Property({ type: 'string', length: 64 })
  recordId!: string;

  @Property({ type: 'string', length: 80 })
  recordNumber!: string;

  /** The record's region: the record rule decides who sees the hand-over by it. */
  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  /** The receiving organization: its 统一社会信用代码 (null only on hand-overs recorded before codes were), and its name (its own once it accepted). */
  @Property({ type: 'string', length: 40, nullable: true })
  organizationCode?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  organizationName?: string | null;

  /** Who handed it over. */
  @Property({ type: 'string', length: 100, nullable: true })
  officerName?: string | null;

  /** Why, when the sender's form asks for it (公调 移交理由). */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'datetime' })
  sentAt!: Date;

  /** SENT → ACCEPTED | REJECTED; SENT | ACCEPTED → CONCLUDED. */
  @Property({ type: 'string', length: 12, default: 'SENT' })
  status!: OutgoingDockingStatus & Opt;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  /** The receiver's case number (调解案件编号). */
  @Property({ type: 'string', length: 80, nullable: true })
  caseNumber?: string | null;

  @Property({ type: 'datetime', nullable: true })
  rejectedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  concludedAt?: Date | null;

  @Property({ type: 'string', length: 20, nullable: true })
  outcome?: MediationOutcome | null;

  @Property({ type: 'text', nullable: true })
  outcomeSummary?: string | null;

  /**
   * 司法确认 of the agreement the hand-over ended with, as the court ruled it (relayed by the
   * organization on this docking): the ruling, the 调确字 number (null when refused before
   * acceptance), when, and the court's reason. Null until a ruling arrives; a later ruling (a new
   * application after a refusal) replaces an earlier one.
   */
  @Property({ type: 'string', length: 12, nullable: true })
  confirmationRuling?: JudicialConfirmationRuling | null;

  @Property({ type: 'string', length: 80, nullable: true })
  confirmationCaseNumber?: string | null;

  @Property({ type: 'datetime', nullable: true })
  confirmationRuledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  confirmationReason?: string | null;

  /** 申请强制执行 of the confirmed agreement: the 执 case number and when a party applied. */
  @Property({ type: 'string', length: 80, nullable: true })
  enforcementCaseNumber?: string | null;

  @Property({ type: 'datetime', nullable: true })
  enforcementAppliedAt?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import type { DockingParty, MediationOutcome } from '../contract.js';

/** Where a hand-over the agency received stands: RECEIVED → ACCEPTED | REJECTED; RECEIVED | ACCEPTED → CONCLUDED. */
export const INCOMING_DOCKING_STATUSES = ['RECEIVED', 'ACCEPTED', 'REJECTED', 'CONCLUDED'] as const;
export type IncomingDockingStatus = (typeof INCOMING_DOCKING_STATUSES)[number];

/**
 * 转办件 — the receiver's side of a hand-over from the hub (分流转办 to a government department or a
 * court: 信访局, 公安, 法院). An agency with no natural "case from the hub" record keeps the hand-over
 * itself as its record: what was handed over (the dispute, its place, parties and summary) and its
 * own answers (accepted, declined with a reason, concluded with an outcome), each sent back to the
 * hub on the docking (`answerIncomingDocking`). Opened by the inbox when `DockingRequested` of kind
 * HUB arrives (`receiveIncomingDocking`).
 */
@Entity({ tableName: 'docking_incoming' })
@Index({ properties: ['receivedAt', 'id'] })
export class DockingIncoming {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The docking's id, shared with the sender and the hub's ledger. */
  @Unique()
  @Property({ type: 'uuid' })
  dockingId!: string;

  /** The sender (the hub) and this agency. */
  @Property({ type: 'string', length: 20 })
  fromAgency!: Agency;

  @Property({ type: 'string', length: 20 })
  toAgency!: Agency;

  /** The hub's dispute and its 统一编号. */
  @Property({ type: 'string', length: 64, nullable: true })
  disputeId?: string | null;

  @Property({ type: 'string', length: 80 })
  sourceNumber!: string;

  @Property({ type: 'string', length: 200 })
  sourceOrganizationName!: string;

  @Property({ type: 'string', length: 100 })
  officerName!: string;

  /** Where the dispute arose: the record rule decides who sees the hand-over by it. */
  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  category?: string | null;

  @Property({ type: 'text' })
  summary!: string;

  /** The receiving unit as the hub named it (统一社会信用代码 and name). */
  @Property({ type: 'string', length: 40 })
  organizationCode!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  organizationName?: string | null;

  @Property({ type: 'json' })
  parties!: DockingParty[];

  @Property({ type: 'datetime' })
  sentAt!: Date;

  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Property({ type: 'string', length: 12, default: 'RECEIVED' })
  status!: IncomingDockingStatus & Opt;

  /** The agency's number for it (the hub's number under the agency's prefix). */
  @Property({ type: 'string', length: 80, nullable: true })
  caseNumber?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  handlerName?: string | null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

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

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

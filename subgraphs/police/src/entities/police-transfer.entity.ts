import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/**
 * 公调对接 — the police side of a docking: an incident's civil dispute handed to a people's
 * mediation organization (移交), and what came back.
 */
@Entity({ tableName: 'police_transfer' })
@Index({ properties: ['sentAt', 'id'] })
export class PoliceTransfer {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The docking's id, shared by the sender, the receiver and the hub's ledger. */
  @Unique()
  @Property({ type: 'uuid' })
  dockingId!: string;

  @Index()
  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string', length: 18 })
  toOrganizationCode!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  toOrganizationName?: string | null;

  @Property({ type: 'text' })
  reason!: string;

  /** SENT → ACCEPTED | REJECTED; ACCEPTED → CONCLUDED (the outcome fed back). */
  @Property({ type: 'string', length: 20 })
  status: string & Opt = 'SENT';

  @Property({ type: 'string', length: 20, nullable: true })
  outcome?: string | null;

  @Property({ type: 'text', nullable: true })
  outcomeSummary?: string | null;

  @Property({ type: 'string', length: 60, nullable: true })
  mediationCaseNumber?: string | null;

  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Property({ type: 'string', length: 50 })
  officerName!: string;

  @Property({ type: 'datetime' })
  sentAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  concludedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}

import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * 一案一号: an agency's record reported to the hub (a `DisputeReported`, or a `DockingRequested`
 * that named no dispute) and the hub's decision — registered as a new dispute, or linked to one it
 * already had, with the reason. One row per record: a record reported again gets the same dispute.
 */
@Entity({ tableName: 'dispute_report' })
@Unique({ properties: ['agency', 'recordType', 'recordId'] })
export class DisputeReport {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  disputeId!: string;

  /** The reporting agency (POLICE, COURT …). */
  @Property({ type: 'string', length: 20 })
  agency!: string;

  /** The agency's record type as reported (PoliceIncident, CourtCase …). */
  @Property({ type: 'string', length: 60 })
  recordType!: string;

  @Property({ type: 'string', length: 64 })
  recordId!: string;

  /** The record's official number at the agency (警情编号, 案号 …). */
  @Property({ type: 'string', length: 80 })
  recordNumber!: string;

  /** The reporting organization's name. */
  @Property({ type: 'string', length: 200, nullable: true })
  organizationName?: string | null;

  /** The stream the report came on (and the answer went back on). */
  @Property({ type: 'string', length: 64 })
  dockingId!: string;

  /** REGISTERED or LINKED. */
  @Property({ type: 'string', length: 12 })
  decision!: string;

  /** Why: how it was registered, or the shared person, place and category it was linked by. */
  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'datetime' })
  reportedAt!: Date;

  @Property({ type: 'datetime' })
  answeredAt!: Date;
}

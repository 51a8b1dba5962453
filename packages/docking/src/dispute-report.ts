import { Utils, wrap, type EntityManager } from '@mikro-orm/core';
import type { Agency } from '@jiefen/auth';
import type { DisputeReportAnsweredPayload, DisputeReportedPayload, TypedDockingEvent } from './contract.js';
import { HUB } from './envelope.js';
import { jsonLogger, type DockingLogger } from './log.js';
import { publish } from './outbox.js';

// 一案一号, the agency's side, written once for every agency with a front door of its own (接警登记,
// 收案, 信访登记, 审查起诉收案 …): whatever comes in and is a dispute is reported to the hub
// (`DisputeReported`, in the intake's transaction), and the hub's answer — the dispute's id and
// 统一编号, registered or linked — is stored on the record (`applyDisputeAnswer`). From then on the
// record is in the one dispute view (`Dispute.<records>` resolve by the record's `disputeId`).

/** A dispute to report: the agency, its record and the facts the hub registers or links by. */
export interface DisputeReport {
  payload: DisputeReportedPayload;
  /** The report's stream; the record's id unless given (one stream per reported record). */
  dockingId?: string;
}

/**
 * The stream a record is reported on: its id (record ids are UUIDs, unique within the agency; the
 * stream is also keyed by sender and receiver). A record is reported once.
 */
export function disputeReportStream(recordId: string): string {
  return recordId;
}

/**
 * Reports a dispute that came in at the agency's own door to the hub, inside the intake's business
 * transaction: the record and its report commit together or not at all. Returns the stream id.
 */
export async function reportDispute(em: EntityManager, report: DisputeReport): Promise<string> {
  const dockingId = report.dockingId ?? disputeReportStream(report.payload.source.recordId);
  await publish(em, { type: 'DisputeReported', dockingId, from: report.payload.source.agency, to: HUB, payload: report.payload });
  return dockingId;
}

/** A record that belongs to a hub dispute once the hub answered: its id and 统一编号. */
export interface DisputeHolder {
  id?: string;
  disputeId?: string | null;
  disputeNumber?: string | null;
}

/** How an agency finds the record an answer is about, per record type (its `recordType` as reported). */
export interface DisputeAnswerHook<R extends DisputeHolder = DisputeHolder> {
  /** The record, or null when the agency does not know it. */
  load(em: EntityManager, recordId: string): Promise<R | null>;
  /** Anything else the answer means for the record (runs after `disputeId`/`disputeNumber` are set). */
  onAnswered?(em: EntityManager, record: R, answer: DisputeReportAnsweredPayload): Promise<void> | void;
}

/** The agency's hooks by record type. */
export type DisputeAnswerHooks = Record<string, DisputeAnswerHook>;

/**
 * The receiver's hook: the record it opened from the hand-over the answer came on (the hub also
 * answers a hand-over's receiver, whose record has no id the hub knows), loaded by docking id.
 */
export type ReceivedRecordHook = DisputeAnswerHook;

/** `applied`; `unchanged` (a redelivered or repeated answer); `stale` (logged, nothing changed); `not-answer`. */
export type DisputeAnswerResult = 'applied' | 'unchanged' | 'stale' | 'not-answer';

/**
 * The one applier of the hub's `DisputeReportAnswered`, in the inbox transaction: stores the
 * dispute's id and 统一编号 on the record the answer names.
 *
 * - An answer about another agency's record (the sender of a hand-over this agency received) goes
 *   to the record `received` loads by the answer's docking id; while that hand-over has not arrived
 *   yet the answer is refused for a retry (it throws), afterwards a missing record is stale.
 * - The same answer again changes nothing (`unchanged`).
 * - An answer about a record type the agency has no hook for, or a record it does not know, or a
 *   record already tied to another dispute (the clerk gave one, or an earlier answer did), is
 *   logged as `dispute answer not applied` and ignored (`stale`): no retry could ever apply it.
 */
export async function applyDisputeAnswer(
  em: EntityManager,
  agency: Agency,
  event: TypedDockingEvent,
  hooks: DisputeAnswerHooks,
  log: DockingLogger = jsonLogger,
  received?: ReceivedRecordHook,
): Promise<DisputeAnswerResult> {
  if (event.type !== 'DisputeReportAnswered') return 'not-answer';
  const answer = event.payload;
  const stale = (reason: string): DisputeAnswerResult => {
    log({
      level: 'warn',
      message: 'dispute answer not applied',
      agency,
      eventId: event.id,
      recordType: answer.recordType,
      recordId: answer.recordId,
      disputeId: answer.disputeId,
      reason,
    });
    return 'stale';
  };
  const own = Object.hasOwn(hooks, answer.recordType) ? hooks[answer.recordType] : undefined;
  const hook = own ?? received;
  if (!hook) return stale(`no record type ${answer.recordType}`);
  const record = await hook.load(em, own ? answer.recordId : event.dockingId);
  if (!record && !own && !(await handOverArrived(em, event.dockingId))) {
    // The hub answered before the hand-over itself reached this agency (two streams race): the
    // inbox rolls back and the hub retries until the case is there.
    throw new Error(`hand-over ${event.dockingId} not received yet`);
  }
  if (!record) return stale('unknown record');
  if (record.disputeId && record.disputeId !== answer.disputeId) return stale(`record belongs to dispute ${record.disputeId}`);
  if (record.disputeId === answer.disputeId && record.disputeNumber === answer.disputeNumber) return 'unchanged';
  // Written past the record's optimistic version: the dispute reference is the hub's to give, never
  // a clerk's edit, so a clerk saving the same record at this moment must not be refused CONFLICT
  // because the hub's answer arrived (a version bump here did exactly that to a mediator signing an
  // agreement). The managed record is re-read, so nothing of this update is flushed again.
  if (Utils.isEntity(record)) {
    // Plain SQL: MikroORM's own updates of a versioned entity bump its version.
    const meta = wrap(record, true).__meta;
    const column = (property: string) => `"${meta.properties[property as keyof DisputeHolder]!.fieldNames[0]}"`;
    await em
      .getConnection()
      .execute(
        `update "${meta.tableName}" set ${column('disputeId')} = ?, ${column('disputeNumber')} = ? where ${column('id')} = ?`,
        [answer.disputeId, answer.disputeNumber, record.id],
        'run',
        em.getTransactionContext(),
      );
    await em.refresh(record);
  } else {
    // A record the hook keeps itself (no ORM entity): updated in place.
    Object.assign(record, { disputeId: answer.disputeId, disputeNumber: answer.disputeNumber });
  }
  await hook.onAnswered?.(em, record, answer);
  await em.flush();
  return 'applied';
}

/** Whether this agency's inbox holds the `DockingRequested` that opened the docking. */
async function handOverArrived(em: EntityManager, dockingId: string): Promise<boolean> {
  const rows = await em
    .getConnection()
    .execute<{ n: number }[]>(
      `select count(*)::int as n from docking_inbox where docking_id = ? and type = 'DockingRequested'`,
      [dockingId],
      'all',
      em.getTransactionContext(),
    );
  return (rows[0]?.n ?? 0) > 0;
}

// The docking rows every party to a hand-over keeps, as the real flow leaves them after delivery:
// the sender's `docking_outgoing`, each side's `docking_outbox_sequence` (so the next event it
// publishes continues the stream), and each recipient's `docking_inbox` + `docking_inbox_cursor`
// (the receiver and the hub get a copy of every event; see recipientsOf in @jiefen/docking).
// Delivered outbox rows are not written: the delivery worker only reads undelivered ones.
import { createHash } from 'node:crypto';
import type { CopySet } from './copy.js';
import type { DisputePlan, DockingPlan } from './plan.js';

export const INBOX_COLUMNS = ['event_id', 'type', 'from_agency', 'to_agency', 'docking_id', 'sequence', 'content_hash', 'occurred_at', 'applied_at'] as const;
export const CURSOR_COLUMNS = ['from_agency', 'to_agency', 'docking_id', 'last_sequence'] as const;
export const SEQUENCE_COLUMNS = ['from_agency', 'to_agency', 'docking_id', 'last_sequence'] as const;
export const OUTGOING_COLUMNS = [
  'id',
  'docking_id',
  'from_agency',
  'to_agency',
  'kind',
  'mode',
  'record_type',
  'record_id',
  'record_number',
  'region_code',
  'organization_code',
  'organization_name',
  'officer_name',
  'reason',
  'sent_at',
  'status',
  'accepted_at',
  'case_number',
  'rejected_at',
  'rejection_reason',
  'concluded_at',
  'outcome',
  'outcome_summary',
] as const;

/** Opens the docking tables of one agency's database. */
export async function openDockingTables(set: CopySet, sender: boolean): Promise<void> {
  await set.open('docking_inbox', INBOX_COLUMNS);
  await set.open('docking_inbox_cursor', CURSOR_COLUMNS);
  await set.open('docking_outbox_sequence', SEQUENCE_COLUMNS);
  if (sender) await set.open('docking_outgoing', OUTGOING_COLUMNS);
}

const peer = (d: DockingPlan, from: string) => (from === 'JUSTICE' ? d.source : 'JUSTICE');

/** The inbox rows of `agency` (a recipient of the events it did not send), with their cursors. */
export function writeInbox(set: CopySet, d: DockingPlan, agency: string): void {
  const last = new Map<string, number>();
  for (const e of d.events) {
    if (e.from === agency) continue;
    const to = peer(d, e.from);
    const hash = createHash('sha256').update(`${e.id}|${e.type}|${d.id}|${e.sequence}|${e.from}|${to}`).digest('hex');
    const at = new Date(e.at);
    set.get('docking_inbox').row([e.id, e.type, e.from, to, d.id, e.sequence, hash, at, new Date(e.at + 1000)]);
    last.set(`${e.from}|${to}`, e.sequence);
  }
  for (const [key, sequence] of last) {
    const [from, to] = key.split('|');
    set.get('docking_inbox_cursor').row([from, to, d.id, sequence]);
  }
}

/** The sender's (or answerer's) stream counter: the sequence its next event on this docking follows. */
export function writeOutboxSequence(set: CopySet, d: DockingPlan, agency: string): void {
  const mine = d.events.filter((e) => e.from === agency);
  if (mine.length) set.get('docking_outbox_sequence').row([agency, peer(d, agency), d.id, mine.at(-1)!.sequence]);
}

const OUTCOMES = { AGREEMENT: '达成调解协议', NO_AGREEMENT: '调解不成', TERMINATED: '终止调解' } as const;

/** The sender's `docking_outgoing` row for its record. */
export function writeOutgoing(
  set: CopySet,
  plan: DisputePlan,
  record: { id: string; type: string; number: string; rowId: string; officer?: string | null; reason?: string | null },
): void {
  const d = plan.docking!;
  const m = plan.mediation!;
  const accepted = d.events.find((e) => e.type === 'DockingAccepted');
  const rejected = d.events.find((e) => e.type === 'DockingRejected');
  const concluded = d.events.find((e) => e.type === 'MediationConcluded');
  const status = concluded ? 'CONCLUDED' : rejected ? 'REJECTED' : accepted ? 'ACCEPTED' : 'SENT';
  set
    .get('docking_outgoing')
    .row([
      record.rowId,
      d.id,
      d.source,
      'JUSTICE',
      d.source,
      d.mode,
      record.type,
      record.id,
      record.number,
      plan.regionCode,
      d.receiver.code,
      d.receiver.name,
      record.officer ?? null,
      record.reason ?? null,
      new Date(d.sentAt),
      status,
      accepted ? new Date(accepted.at) : null,
      accepted ? caseNumberOf(plan) : null,
      rejected ? new Date(rejected.at) : null,
      rejected ? '不属于人民调解受理范围' : null,
      concluded ? new Date(concluded.at) : null,
      concluded ? m.outcome : null,
      concluded ? OUTCOMES[m.outcome!] : null,
    ]);
}

/** 人民调解案件编号 of a dispute's case: `苏司调〔year〕<county>-<n>号`, unique by n. */
export function caseNumberOf(plan: DisputePlan): string {
  return `苏司调〔${new Date(plan.mediation!.receivedAt + 8 * 3_600_000).getUTCFullYear()}〕${plan.county.code}-${String(plan.n).padStart(7, '0')}号`;
}

import { createHash } from 'node:crypto';
import { AGENCIES, type Agency } from '@jiefen/auth';

/**
 * Kinds of docking events. An open union: the listed names are the protocol's spine, a subgraph
 * may add its own (`string & {}` keeps autocompletion for the known ones).
 */
export type DockingEventType =
  | 'DockingRequested'
  | 'DockingAccepted'
  | 'DockingRejected'
  | 'DockingWithdrawn'
  | 'MediationConcluded'
  | 'OutcomeFedBack'
  | 'JudicialConfirmationRequested'
  | 'JudicialConfirmationRuled'
  | (string & {});

/** JSON a payload may carry. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * One docking event as it travels: the same envelope is stored in the sender's outbox, signed,
 * posted to each recipient and recorded in the recipient's inbox.
 */
export interface DockingEvent {
  /** Unique id of the event (uuid); the copy for the hub carries the same id. */
  id: string;
  type: DockingEventType;
  dockingId: string;
  /**
   * Position of the event in its stream — the events of one docking from `from` to `to`, 1, 2, 3…
   * without gaps, assigned in the sender's transaction. Receivers apply a stream in this order.
   */
  sequence: number;
  /** Sending agency (its key signs the event). */
  from: Agency;
  /** The docking counterpart the event is addressed to; the hub receives a copy with the same `to`. */
  to: Agency;
  /** When the business change happened (ISO 8601, UTC). */
  occurredAt: string;
  payload: { [key: string]: Json };
}

/** The hub: every docking event is copied to it. */
export const HUB: Agency = 'GOVERNANCE';

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}

/** JSON with object keys sorted at every level: the same event always serializes to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical event: tells a redelivery (same hash) from a replay with changes. */
export function contentHash(event: DockingEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the shape of a received envelope; returns the problem, or null when it is well-formed. */
export function envelopeProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'event must be a JSON object';
  const e = value as Record<string, unknown>;
  if (typeof e.id !== 'string' || !UUID.test(e.id)) return 'id must be a uuid';
  if (typeof e.type !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(e.type)) return 'type must be a name';
  if (typeof e.dockingId !== 'string' || e.dockingId === '' || e.dockingId.length > 64) return 'dockingId must be 1–64 characters';
  if (typeof e.sequence !== 'number' || !Number.isSafeInteger(e.sequence) || e.sequence < 1) return 'sequence must be a positive integer';
  if (!isAgency(e.from)) return 'from must be an agency';
  if (!isAgency(e.to)) return 'to must be an agency';
  if (e.from === e.to) return 'from and to must differ';
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt))) return 'occurredAt must be an ISO date';
  if (!e.payload || typeof e.payload !== 'object' || Array.isArray(e.payload)) return 'payload must be a JSON object';
  const known = new Set(['id', 'type', 'dockingId', 'sequence', 'from', 'to', 'occurredAt', 'payload']);
  const extra = Object.keys(e).find((k) => !known.has(k));
  return extra ? `unknown field ${extra}` : null;
}

/** Who receives an event: the counterpart and, unless the hub is a party, a copy for the hub. */
export function recipientsOf(from: Agency, to: Agency): Agency[] {
  return [...new Set([to, HUB])].filter((a) => a !== from);
}

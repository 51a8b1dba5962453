import { DockingInboxCursor } from './inbox-cursor.entity.js';
import { DockingInboxEvent } from './inbox-event.entity.js';
import { DockingOutboxEvent } from './outbox-event.entity.js';
import { DockingOutboxSequence } from './outbox-sequence.entity.js';
import { IdempotentRequest } from './idempotent-request.entity.js';
import { DockingOutgoing } from './outgoing-docking.entity.js';
import { DockingIncoming } from './incoming-docking.entity.js';

export { DockingIncoming, DockingInboxCursor, DockingInboxEvent, DockingOutboxEvent, DockingOutboxSequence, DockingOutgoing, IdempotentRequest };
export { INCOMING_DOCKING_STATUSES, type IncomingDockingStatus } from './incoming-docking.entity.js';
export { OUTGOING_DOCKING_STATUSES, OUTGOING_DOCKING_STATUS_NAMES, type OutgoingDockingStatus } from './outgoing-docking.entity.js';
export { DELIVERY_STATES, type DeliveryState } from './outbox-event.entity.js';

/**
 * The protocol's tables, the idempotency keys of the mutations that start a docking and the
 * sender's and the receiver's side of each hand-over (`docking_outgoing`, `docking_incoming`): add them to a subgraph's entity list (and so
 * to its migrations).
 */
export const DOCKING_ENTITIES = [
  DockingOutboxEvent,
  DockingOutboxSequence,
  DockingInboxEvent,
  DockingInboxCursor,
  IdempotentRequest,
  DockingOutgoing,
  DockingIncoming,
];

import { defineRecordAccess } from '@jiefen/subgraph-kit';
import { DISPUTE, DOCKING } from '../domain/access.rules.js';
import type { Dispute } from '../entities/dispute.entity.js';
import type { Docking } from '../entities/docking.entity.js';
import type { GovernanceContext } from './context.js';
import type { DisputeType } from './dispute.type.js';
import type { DockingType } from './docking.type.js';
import { toDisputeType, toDockingType } from './mappers.js';

/** The hub's record gates: `dispute(id)` and `_entities` (the parties' masking follows the rule per field). */
export const disputeAccess = defineRecordAccess<Dispute, DisputeType, GovernanceContext>({
  recordType: 'Dispute',
  rule: DISPUTE,
  byId: (ctx) => ctx.loaders.disputeById,
  toType: (d) => toDisputeType(d),
});

/** `docking(id)`, `_entities` and `Dispute.dockings`. */
export const dockingAccess = defineRecordAccess<Docking, DockingType, GovernanceContext>({
  recordType: 'Docking',
  rule: DOCKING,
  byId: (ctx) => ctx.loaders.dockingById,
  byDispute: (ctx) => ctx.loaders.dockingsByDispute,
  toType: (d, _v, ctx) => toDockingType(d, ctx),
});

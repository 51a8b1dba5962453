import { defineRecordAccess, type SubgraphContext } from '@jiefen/subgraph-kit';
import { PETITION_ITEM, PETITION_ITEM_VIA_DOCKING } from '../domain/access.rules.js';
import type { PetitionSettings } from '../domain/clocks.js';
import type { PetitionItem } from '../entities/petition-item.entity.js';
import type { PetitionLoaders } from '../loaders/petition.loaders.js';
import { toType } from './mapping.js';
import type { PetitionItemType } from './petition-item.type.js';

/** The bureau's record gate: `petitionItem(id)`, `_entities`, `Dispute.petitions`, `Docking.petitionItem`. */
export const petitionItemAccess = defineRecordAccess<PetitionItem, PetitionItemType, SubgraphContext<PetitionLoaders, PetitionSettings>>({
  recordType: 'PetitionItem',
  rule: PETITION_ITEM,
  dockingRule: PETITION_ITEM_VIA_DOCKING,
  byId: (ctx) => ctx.loaders.petitionItemById,
  byDispute: (ctx) => ctx.loaders.petitionItemsByDispute,
  byDocking: (ctx) => ctx.loaders.petitionItemByDocking,
  toType: (p, v) => toType(p, v),
});

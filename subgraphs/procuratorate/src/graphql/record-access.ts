import { defineRecordAccess, type SubgraphContext } from '@jiefen/subgraph-kit';
import { PROCURATORATE_CASE, PROCURATORATE_CASE_VIA_DOCKING } from '../domain/access.rules.js';
import type { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import type { ProcuratorateLoaders } from '../loaders/procuratorate.loaders.js';
import type { ProcuratorateSettings } from '../services/support.js';
import { toType } from './mapping.js';
import type { ProcuratorateCaseType } from './procuratorate-case.type.js';

/** The procuratorate's record gate: `procuratorateCase(id)`, `_entities`, `Dispute.procuratorateCases`, `Docking.procuratorateCase`. */
export const procuratorateCaseAccess = defineRecordAccess<
  ProcuratorateCase,
  ProcuratorateCaseType,
  SubgraphContext<ProcuratorateLoaders, ProcuratorateSettings>
>({
  recordType: 'ProcuratorateCase',
  rule: PROCURATORATE_CASE,
  dockingRule: PROCURATORATE_CASE_VIA_DOCKING,
  byId: (ctx) => ctx.loaders.procuratorateCaseById,
  byDispute: (ctx) => ctx.loaders.procuratorateCasesByDispute,
  byDocking: (ctx) => ctx.loaders.procuratorateCaseByDocking,
  toType: (c, v) => toType(c, v),
});

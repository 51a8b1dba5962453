import type { EntityManager } from '@mikro-orm/core';
import { createOutgoingDockingLoaders, recordByDockingLoader } from '@jiefen/docking';
import { findRows, manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';

export function createProcuratorateLoaders(em: EntityManager) {
  return {
    procuratorateCaseById: oneByKey(
      (ids: readonly string[]) => findRows(em, ProcuratorateCase, { id: { $in: [...ids] } }),
      (c) => c.id,
    ),
    /** The ProcuratorateCase a docking the procuratorate opened hands over (through its outgoing docking). */
    procuratorateCaseByDocking: recordByDockingLoader(em, 'PROCURATORATE', 'ProcuratorateCase', (ids) =>
      findRows(em, ProcuratorateCase, { id: { $in: [...ids] } }),
    ),
    /** The hand-overs (outgoing dockings), for the fields that show them. */
    outgoing: createOutgoingDockingLoaders(em, 'PROCURATORATE', 'ProcuratorateCase'),
    procuratorateCasesByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, ProcuratorateCase, { disputeId: { $in: [...ids] } }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId!,
    ),
  };
}

export type ProcuratorateLoaders = ReturnType<typeof createProcuratorateLoaders>;

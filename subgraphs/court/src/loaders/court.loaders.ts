import type { EntityManager } from '@mikro-orm/core';
import { createOutgoingDockingLoaders, recordByDockingLoader } from '@jiefen/docking';
import { findRows, manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { CourtCase } from '../entities/court-case.entity.js';
import { EnforcementApplication } from '../entities/enforcement-application.entity.js';
import { JudicialConfirmation } from '../entities/judicial-confirmation.entity.js';

export function createCourtLoaders(em: EntityManager) {
  return {
    courtCaseById: oneByKey(
      (ids: readonly string[]) => findRows(em, CourtCase, { id: { $in: [...ids] } }),
      (c) => c.id,
    ),
    /** The case a docking the court opened hands over (through its outgoing docking). */
    courtCaseByDocking: recordByDockingLoader(em, 'COURT', 'CourtCase', (ids) => findRows(em, CourtCase, { id: { $in: [...ids] } })),
    /** The cases' hand-overs (outgoing dockings), for the fields that show them. */
    outgoing: createOutgoingDockingLoaders(em, 'COURT', 'CourtCase'),
    courtCasesByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, CourtCase, { disputeId: { $in: [...ids] } }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId ?? '',
    ),
    confirmationById: oneByKey(
      (ids: readonly string[]) => findRows(em, JudicialConfirmation, { id: { $in: [...ids] } }),
      (j) => j.id,
    ),
    confirmationsByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, JudicialConfirmation, { disputeId: { $in: [...ids] } }, { orderBy: { appliedAt: 'asc', id: 'asc' } }),
      // Found by dispute id: never null here.
      (j) => j.disputeId!,
    ),
    enforcementByConfirmation: oneByKey(
      (ids: readonly string[]) => findRows(em, EnforcementApplication, { confirmationId: { $in: [...ids] } }),
      (e) => e.confirmationId,
    ),
  };
}

export type CourtLoaders = ReturnType<typeof createCourtLoaders>;

import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { CourtCase } from '../entities/court-case.entity.js';
import { EnforcementApplication } from '../entities/enforcement-application.entity.js';
import { JudicialConfirmation } from '../entities/judicial-confirmation.entity.js';

export function createCourtLoaders(em: EntityManager) {
  return {
    courtCaseById: oneByKey((ids: readonly string[]) => em.find(CourtCase, { id: { $in: [...ids] } }), (c) => c.id),
    courtCaseByDocking: oneByKey((ids: readonly string[]) => em.find(CourtCase, { dockingId: { $in: [...ids] } }), (c) => c.dockingId!),
    courtCasesByDispute: manyByKey(
      (ids: readonly string[]) => em.find(CourtCase, { disputeId: { $in: [...ids] } }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId,
    ),
    confirmationById: oneByKey((ids: readonly string[]) => em.find(JudicialConfirmation, { id: { $in: [...ids] } }), (j) => j.id),
    confirmationsByDispute: manyByKey(
      (ids: readonly string[]) => em.find(JudicialConfirmation, { disputeId: { $in: [...ids] } }, { orderBy: { appliedAt: 'asc', id: 'asc' } }),
      (j) => j.disputeId,
    ),
    enforcementByConfirmation: oneByKey(
      (ids: readonly string[]) => em.find(EnforcementApplication, { confirmationId: { $in: [...ids] } }),
      (e) => e.confirmationId,
    ),
  };
}

export type CourtLoaders = ReturnType<typeof createCourtLoaders>;

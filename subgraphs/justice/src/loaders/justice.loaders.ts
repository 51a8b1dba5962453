import type { EntityManager } from '@mikro-orm/core';
import { findRows, manyByKey, oneByKey } from '@jiefen/subgraph-kit';
import { Expert } from '../entities/expert.entity.js';
import { LegalAidCase } from '../entities/legal-aid-case.entity.js';
import { MediationAgreement } from '../entities/mediation-agreement.entity.js';
import { MediationCase } from '../entities/mediation-case.entity.js';
import { MediationExtension } from '../entities/mediation-extension.entity.js';
import { MediationOrganization } from '../entities/mediation-organization.entity.js';
import { MediationParty } from '../entities/mediation-party.entity.js';
import { MediationSession } from '../entities/mediation-session.entity.js';
import { Mediator } from '../entities/mediator.entity.js';
import { MethodChange } from '../entities/method-change.entity.js';
import { NeutralEvaluation } from '../entities/neutral-evaluation.entity.js';
import { ReturnVisit } from '../entities/return-visit.entity.js';

const ids = (keys: readonly string[]) => ({ $in: [...keys] });

/** Per-request DataLoaders. */
export function createJusticeLoaders(em: EntityManager) {
  return {
    mediationCaseById: oneByKey(
      (keys: readonly string[]) => findRows(em, MediationCase, { id: ids(keys) }),
      (c) => c.id,
    ),
    mediationCasesByDispute: manyByKey(
      (keys: readonly string[]) => findRows(em, MediationCase, { disputeId: ids(keys) }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId!,
    ),
    // Oldest first, so a docking answered by more than one case resolves to the latest.
    mediationCaseByDocking: oneByKey(
      (keys: readonly string[]) => findRows(em, MediationCase, { dockingId: ids(keys) }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
      (c) => c.dockingId!,
    ),
    partiesByCase: manyByKey(
      (keys: readonly string[]) => findRows(em, MediationParty, { caseId: ids(keys) }, { orderBy: { position: 'asc' } }),
      (p) => p.caseId,
    ),
    sessionsByCase: manyByKey(
      (keys: readonly string[]) => findRows(em, MediationSession, { caseId: ids(keys) }, { orderBy: { sequence: 'asc' } }),
      (s) => s.caseId,
    ),
    evaluationsByCase: manyByKey(
      (keys: readonly string[]) => findRows(em, NeutralEvaluation, { caseId: ids(keys) }, { orderBy: { requestedAt: 'asc' } }),
      (e) => e.caseId,
    ),
    methodChangesByCase: manyByKey(
      (keys: readonly string[]) => findRows(em, MethodChange, { caseId: ids(keys) }, { orderBy: { changedAt: 'asc' } }),
      (m) => m.caseId,
    ),
    extensionsByCase: manyByKey(
      (keys: readonly string[]) => findRows(em, MediationExtension, { caseId: ids(keys) }, { orderBy: { recordedAt: 'asc' } }),
      (x) => x.caseId,
    ),
    agreementByCase: oneByKey(
      (keys: readonly string[]) => findRows(em, MediationAgreement, { caseId: ids(keys) }),
      (a) => a.caseId,
    ),
    agreementById: oneByKey(
      (keys: readonly string[]) => findRows(em, MediationAgreement, { id: ids(keys) }),
      (a) => a.id,
    ),
    returnVisitsByCase: manyByKey(
      (keys: readonly string[]) => findRows(em, ReturnVisit, { caseId: ids(keys) }, { orderBy: { scheduledFor: 'asc', id: 'asc' } }),
      (r) => r.caseId,
    ),
    organizationById: oneByKey(
      (keys: readonly string[]) => findRows(em, MediationOrganization, { id: ids(keys) }),
      (o) => o.id,
    ),
    mediatorsByOrganization: manyByKey(
      (keys: readonly string[]) => findRows(em, Mediator, { organizationId: ids(keys) }, { orderBy: { committeeRole: 'asc', name: 'asc', id: 'asc' } }),
      (m) => m.organizationId,
    ),
    mediatorById: oneByKey(
      (keys: readonly string[]) => findRows(em, Mediator, { id: ids(keys) }),
      (m) => m.id,
    ),
    expertById: oneByKey(
      (keys: readonly string[]) => findRows(em, Expert, { id: ids(keys) }),
      (e) => e.id,
    ),
    legalAidCaseById: oneByKey(
      (keys: readonly string[]) => findRows(em, LegalAidCase, { id: ids(keys) }),
      (c) => c.id,
    ),
    legalAidCasesByDispute: manyByKey(
      (keys: readonly string[]) => findRows(em, LegalAidCase, { disputeId: ids(keys) }, { orderBy: { appliedAt: 'asc', id: 'asc' } }),
      (c) => c.disputeId!,
    ),
    legalAidCasesBySourceCase: manyByKey(
      (keys: readonly string[]) => findRows(em, LegalAidCase, { sourceMediationCaseId: ids(keys) }, { orderBy: { appliedAt: 'asc', id: 'asc' } }),
      (c) => c.sourceMediationCaseId!,
    ),
  };
}

export type JusticeLoaders = ReturnType<typeof createJusticeLoaders>;

import type { Visibility } from '@jiefen/auth';
import { statusLabel } from '@jiefen/subgraph-kit';
import { procuratorateCaseWorkflow } from '../domain/procuratorate-case.workflow.js';
import type { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import type {
  ProcuratorateCaseKind,
  ProcuratorateCaseStatus,
  ProcuratorateCaseType,
  ProcuratorateDecision,
  ReconciliationOutcome,
} from './procuratorate-case.type.js';

export function toType(c: ProcuratorateCase, visibility: Visibility): ProcuratorateCaseType {
  return {
    id: c.id,
    disputeId: c.disputeId ?? null,
    disputeNumber: c.disputeNumber ?? null,
    caseNumber: c.caseNumber,
    kind: c.kind as ProcuratorateCaseKind,
    charge: c.charge ?? null,
    status: c.status as ProcuratorateCaseStatus,
    statusLabel: statusLabel(procuratorateCaseWorkflow, c.status),
    regionCode: c.regionCode,
    receivedAt: c.receivedAt,
    referredAt: c.referredAt ?? null,
    outcome: (c.outcome ?? null) as ReconciliationOutcome | null,
    outcomeAt: c.outcomeAt ?? null,
    agreementSummary: c.agreementSummary ?? null,
    decision: (c.decision ?? null) as ProcuratorateDecision | null,
    decisionNote: c.decisionNote ?? null,
    concludedAt: c.concludedAt ?? null,
    chapter: c.chapter ?? null,
    negligent: c.negligent ?? null,
    statutoryMaximumMonths: c.statutoryMaximumMonths ?? null,
    intentionalCrimeWithinFiveYears: c.intentionalCrimeWithinFiveYears ?? null,
    arisesFromCivilDispute: c.arisesFromCivilDispute ?? null,
    disputeCategory: c.disputeCategory ?? null,
    entity: c,
    visibility,
    personal: {
      recordType: 'ProcuratorateCase',
      recordId: c.id,
      visibility,
      people: [
        { name: c.suspectName, idNumber: c.suspectIdNumber, birthDate: c.suspectBirthDate },
        { name: c.victimName, phone: c.victimPhone, idNumber: c.victimIdNumber },
        { name: c.applicantName, phone: c.applicantPhone },
      ],
    },
  };
}

import type { Visibility } from '@jiefen/auth';
import { isOverdue } from '@jiefen/calendar';
import { statusLabel, isMinor } from '@jiefen/subgraph-kit';
import { confirmationWorkflow } from '../domain/judicial-confirmation.workflow.js';
import { courtCaseWorkflow } from '../domain/court-case.workflow.js';
import type { CourtCase } from '../entities/court-case.entity.js';
import type { EnforcementApplication } from '../entities/enforcement-application.entity.js';
import type { JudicialConfirmation } from '../entities/judicial-confirmation.entity.js';
import type { CourtCaseStatus, CourtCaseType, MediationMode, MediationOutcome, Procedure } from './court-case.type.js';
import type { EnforcementApplicationType, JudicialConfirmationStatus, JudicialConfirmationType } from './judicial-confirmation.type.js';

/** `now` decides the computed overdue flags (a view's `asOf`, else the moment of the request). */
export function toCourtCaseType(c: CourtCase, visibility: Visibility, now: Date = new Date()): CourtCaseType {
  return {
    id: c.id,
    disputeId: c.disputeId ?? null,
    disputeNumber: c.disputeNumber ?? null,
    caseNumber: c.caseNumber,
    cause: c.cause,
    stage: c.stage,
    status: c.status as CourtCaseStatus,
    statusLabel: statusLabel(courtCaseWorkflow, c.status),
    regionCode: c.regionCode,
    receivedAt: c.receivedAt,
    mediationMode: (c.mediationMode ?? null) as MediationMode | null,
    mediationSentAt: c.mediationSentAt ?? null,
    mediationDueAt: c.mediationDueAt ?? null,
    mediationOverdue: isOverdue(c.mediationDueAt, now),
    mediationOutcome: (c.mediationOutcome ?? null) as MediationOutcome | null,
    mediationOutcomeAt: c.mediationOutcomeAt ?? null,
    mediationOutcomeNote: c.mediationOutcomeNote ?? null,
    procedure: (c.procedure ?? null) as Procedure | null,
    filingNumber: c.filingNumber ?? null,
    filedAt: c.filedAt ?? null,
    entity: c,
    visibility,
    personal: {
      recordType: 'CourtCase',
      recordId: c.id,
      visibility,
      people: [{ name: c.plaintiffName, idNumber: c.plaintiffIdNumber, phone: c.plaintiffPhone }, { name: c.defendantName }],
    },
  };
}

export function toConfirmationType(j: JudicialConfirmation, visibility: Visibility, now: Date = new Date()): JudicialConfirmationType {
  return {
    id: j.id,
    disputeId: j.disputeId ?? null,
    courtCaseId: j.courtCaseId ?? null,
    dockingId: j.dockingId ?? null,
    agreementId: j.agreementId,
    mediationOrganization: j.mediationOrganization,
    agreementSummary: j.agreementSummary,
    matters: j.matters,
    agreementEffectiveAt: j.agreementEffectiveAt,
    jointApplication: j.jointApplication,
    status: j.status as JudicialConfirmationStatus,
    statusLabel: statusLabel(confirmationWorkflow, j.status),
    regionCode: j.regionCode,
    appliedAt: j.appliedAt,
    acceptDueAt: j.acceptDueAt,
    caseNumber: j.caseNumber ?? null,
    acceptedAt: j.acceptedAt ?? null,
    refusalReasons: j.refusalReasons ?? null,
    refusalNote: j.refusalNote ?? null,
    ruleDueAt: j.ruleDueAt ?? null,
    rulingExtended: j.rulingExtended,
    extensionApprovedBy: j.extensionApprovedBy ?? null,
    extensionReason: j.extensionReason ?? null,
    ruledAt: j.ruledAt ?? null,
    rulingNote: j.rulingNote ?? null,
    performedAt: j.performedAt ?? null,
    nextDeadlineAt: j.nextDeadlineAt ?? null,
    overdue: isOverdue(j.nextDeadlineAt, now),
    entity: j,
    visibility,
    personal: { recordType: 'JudicialConfirmation', recordId: j.id, visibility, people: j.applicants },
  };
}

/** An enforcement application names the applicants of its confirmation (`applicants`). */
export function toEnforcementType(
  e: EnforcementApplication,
  visibility: Visibility,
  applicants: JudicialConfirmation['applicants'],
): EnforcementApplicationType {
  const people = [...applicants, { name: e.applicantName }];
  return {
    id: e.id,
    caseNumber: e.caseNumber,
    unperformedTerms: e.unperformedTerms,
    status: e.status,
    appliedAt: e.appliedAt,
    entity: e,
    visibility,
    personal: { recordType: 'EnforcementApplication', recordId: e.id, visibility, people },
    applicantMinor: applicants.some((a) => a.name === e.applicantName && isMinor(a)),
  };
}

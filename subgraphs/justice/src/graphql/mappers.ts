import type { Visibility } from '@jiefen/auth';
import type { NamedPerson, PersonalTextRead, SubgraphContext } from '@jiefen/subgraph-kit';
import { statusLabel } from '@jiefen/subgraph-kit';
import { legalAidWorkflow } from '../domain/legal-aid.workflow.js';
import { mediationCaseWorkflow } from '../domain/mediation-case.workflow.js';
import type { LegalAidCase } from '../entities/legal-aid-case.entity.js';
import type { MediationAgreement } from '../entities/mediation-agreement.entity.js';
import type { MediationCase } from '../entities/mediation-case.entity.js';
import type { MediationOrganization } from '../entities/mediation-organization.entity.js';
import type { Mediator } from '../entities/mediator.entity.js';
import type { ReturnVisit } from '../entities/return-visit.entity.js';
import type { MediationAgreementType, ReturnVisitType } from './agreement.type.js';
import type {
  AgreementForm,
  CommitteeRole,
  Employment,
  JudicialConfirmationRuling,
  LegalAidSource,
  LegalAidStatus,
  MediationCaseStatus,
  MediationMethod,
  MediationMode,
  MediationOutcome,
  MediationSource,
  OrganizationType,
  PerformanceStatus,
  ReturnVisitMethod,
  ReturnVisitReason,
  ReturnVisitStatus,
  Satisfaction,
  Sex,
  SignatureMethod,
  StationedAgency,
} from './enums.js';
import type { JusticeContext } from './context.js';
import type { LegalAidCaseType } from './legal-aid.type.js';
import type { MediationCaseType } from './mediation-case.type.js';
import type { MediationOrganizationType, MediatorType } from './roster.type.js';

/** The parties of a mediation case: whom its records' free text may name. */
export async function partiesOf(ctx: SubgraphContext, caseId: string): Promise<NamedPerson[]> {
  return (await (ctx as JusticeContext).loaders.partiesByCase.load(caseId)).map((p) => ({
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    address: p.address,
    birthDate: p.birthDate,
  }));
}

/** How the free text of a record of case `caseId` is read: with the case's visibility, naming its parties. */
export function caseText(recordType: string, recordId: string, caseId: string, visibility: Visibility): PersonalTextRead {
  return { recordType, recordId, visibility, people: (ctx) => partiesOf(ctx, caseId) };
}

export function toCaseType(c: MediationCase, visibility: Visibility): MediationCaseType {
  return {
    id: c.id,
    disputeId: c.disputeId ?? null,
    disputeNumber: c.disputeNumber ?? null,
    dockingId: c.dockingId ?? null,
    caseNumber: c.caseNumber,
    organizationId: c.organizationId,
    organizationName: c.organizationName,
    mediatorName: c.mediatorName ?? null,
    source: c.source as MediationSource,
    mode: (c.mode ?? null) as MediationMode | null,
    sourceUnitName: c.sourceUnitName ?? null,
    sourceNumber: c.sourceNumber ?? null,
    category: c.category,
    summary: c.summary,
    method: c.method as MediationMethod,
    status: c.status as MediationCaseStatus,
    statusLabel: statusLabel(mediationCaseWorkflow, c.status),
    outcome: (c.outcome ?? null) as MediationOutcome | null,
    rejectionReason: c.rejectionReason ?? null,
    conclusionNote: c.conclusionNote ?? null,
    partiesInformedOfLitigation: c.partiesInformedOfLitigation ?? null,
    regionCode: c.regionCode,
    receivedAt: c.receivedAt,
    acceptedAt: c.acceptedAt ?? null,
    dueAt: c.dueAt ?? null,
    concludedAt: c.concludedAt ?? null,
    entity: c,
    visibility,
    personal: caseText('MediationCase', c.id, c.id, visibility),
  };
}

export function toAgreementType(a: MediationAgreement, visibility: Visibility): MediationAgreementType {
  return {
    id: a.id,
    caseId: a.caseId,
    number: a.number,
    form: a.form as AgreementForm,
    facts: a.facts,
    mattersInDispute: a.mattersInDispute,
    responsibilities: a.responsibilities,
    terms: a.terms,
    performanceMethod: a.performanceMethod,
    performanceDeadline: a.performanceDeadline,
    amount: a.amount === null || a.amount === undefined ? null : Number(a.amount),
    signatures: a.signatures.map((s) => ({ partyId: s.partyId, method: s.method as SignatureMethod, signedAt: new Date(s.signedAt) })),
    mediatorSignedAt: a.mediatorSignedAt ?? null,
    sealedAt: a.sealedAt ?? null,
    effectiveDate: a.effectiveDate ?? null,
    confirmationDeadline: a.confirmationDeadline ?? null,
    judicialConfirmationAppliedAt: a.confirmationAppliedAt ?? null,
    judicialConfirmationRuling: (a.confirmationRuling ?? null) as JudicialConfirmationRuling | null,
    judicialConfirmationCaseNumber: a.confirmationCaseNumber ?? null,
    judicialConfirmationRuledAt: a.confirmationRuledAt ?? null,
    judicialConfirmationReason: a.confirmationReason ?? null,
    performanceStatus: a.performanceStatus as PerformanceStatus,
    recordedAt: a.recordedAt,
    recordedBy: a.recordedBy,
    entity: a,
    visibility,
    personal: caseText('MediationAgreement', a.id, a.caseId, visibility),
  };
}

export function toReturnVisitType(r: ReturnVisit, visibility: Visibility): ReturnVisitType {
  return {
    id: r.id,
    caseId: r.caseId,
    reason: r.reason as ReturnVisitReason,
    scheduledFor: r.scheduledFor,
    status: r.status as ReturnVisitStatus,
    visitedAt: r.visitedAt ?? null,
    method: (r.method ?? null) as ReturnVisitMethod | null,
    performance: (r.performance ?? null) as PerformanceStatus | null,
    satisfaction: (r.satisfaction ?? null) as Satisfaction | null,
    notes: r.notes ?? null,
    visitor: r.visitor ?? null,
    personal: caseText('ReturnVisit', r.id, r.caseId, visibility),
  };
}

export function toOrganizationType(o: MediationOrganization): MediationOrganizationType {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    type: o.type as OrganizationType,
    regionCode: o.regionCode,
    sector: o.sector ?? null,
    stationedAt: o.stationedAt ?? null,
    stationedAgency: (o.stationedAgency ?? null) as StationedAgency | null,
    address: o.address,
    phone: o.phone ?? null,
    establishedOn: o.establishedOn,
  };
}

export function toMediatorType(m: Mediator): MediatorType {
  return {
    id: m.id,
    organizationId: m.organizationId,
    name: m.name,
    sex: m.sex as Sex,
    committeeRole: (m.committeeRole ?? null) as CommitteeRole | null,
    employment: m.employment as Employment,
    invitedByCourt: m.invitedByCourt,
    lawyer: m.lawyer,
    specialties: m.specialties,
    trainings: m.trainings,
    termStart: m.termStart,
    termEnd: m.termEnd,
    entity: m,
  };
}

export function toLegalAidType(c: LegalAidCase, visibility: Visibility): LegalAidCaseType {
  return {
    id: c.id,
    applicationNumber: c.applicationNumber,
    centerName: c.centerName,
    disputeId: c.disputeId ?? null,
    source: c.source as LegalAidSource,
    sourceMediationCaseId: c.sourceMediationCaseId ?? null,
    applicantSex: (c.applicantSex ?? null) as Sex | null,
    matter: c.matter,
    category: c.category,
    regionCode: c.regionCode,
    status: c.status as LegalAidStatus,
    statusLabel: statusLabel(legalAidWorkflow, c.status),
    appliedAt: c.appliedAt,
    reviewDueAt: c.reviewDueAt,
    reviewedAt: c.reviewedAt ?? null,
    denialReason: c.denialReason ?? null,
    assignDueAt: c.assignDueAt ?? null,
    assignedAt: c.assignedAt ?? null,
    lawyerName: c.lawyerName ?? null,
    lawFirm: c.lawFirm ?? null,
    closedAt: c.closedAt ?? null,
    closingNote: c.closingNote ?? null,
    referredMediationCaseId: c.referredMediationCaseId ?? null,
    entity: c,
    visibility,
    personal: {
      recordType: 'LegalAidCase',
      recordId: c.id,
      visibility,
      people: [{ name: c.applicantName, idNumber: c.applicantIdNumber, phone: c.applicantPhone, address: c.applicantAddress }],
    },
  };
}

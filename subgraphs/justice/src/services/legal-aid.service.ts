import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid, verifyDisputeReference, type References, checkAll } from '@jiefen/subgraph-kit';
import { legalAidVisibility } from '../domain/access.rules.js';
import { DISPUTE_CATEGORIES } from '../domain/categories.js';
import { chinaDate } from '@jiefen/calendar';
import { lawyerAssignmentDueAt, legalAidReviewDueAt, type JusticeSettings } from '../domain/clocks.js';
import { legalAidWorkflow, type LegalAidActor, type LegalAidEvent, type LegalAidState } from '../domain/legal-aid.workflow.js';
import { mediationCaseWorkflow, type MediationState } from '../domain/mediation-case.workflow.js';
import { SEXES } from '../domain/roster.js';
import { LegalAidCase } from '../entities/legal-aid-case.entity.js';
import { LegalAidCenter } from '../entities/legal-aid-center.entity.js';
import { MediationCase } from '../entities/mediation-case.entity.js';
import { MediationOrganization } from '../entities/mediation-organization.entity.js';
import { MediationParty } from '../entities/mediation-party.entity.js';
import { publishLegalAidReferral } from './docking-outbound.service.js';
import { formatCaseNumber, inTransaction, loadCaseForChange, mediationActorOf, nextNumber, requireJustice } from './common.js';

/** 兴法援〔2026〕0001号. */
export function formatLegalAidNumber(year: number, n: number): string {
  return `兴法援〔${year}〕${String(n).padStart(4, '0')}号`;
}

function actorOf(caller: Caller, c: LegalAidCase): LegalAidActor {
  return caller.agency === 'JUSTICE' && caller.organization === c.centerCode && hasRole(caller, 'STAFF', 'SUPERVISOR') ? 'CENTER_STAFF' : 'OTHER_JUSTICE';
}

async function loadForChange(em: EntityManager, caller: Caller, id: string): Promise<LegalAidCase> {
  const found = await em.findOne(LegalAidCase, { id: requireUuid('id', id) });
  if (!found) throw DomainError.notFound('法律援助案件', id, 'LEGAL_AID_CASE_NOT_FOUND');
  if (legalAidVisibility(caller, found) === 'NONE') throw DomainError.forbidden('无权办理该法律援助案件');
  return found;
}

function step(c: LegalAidCase, event: LegalAidEvent, caller: Caller): void {
  c.status = legalAidWorkflow.transition(c.status as LegalAidState, event, actorOf(caller, c));
}

/** The center serving a region: the one with the longest matching region prefix. */
async function centerFor(em: EntityManager, regionCode: string): Promise<LegalAidCenter | null> {
  const centers = await em.find(LegalAidCenter, {});
  return centers.filter((c) => regionCode.startsWith(c.regionCode)).sort((a, b) => b.regionCode.length - a.regionCode.length)[0] ?? null;
}

export interface ApplicantInput {
  name: string;
  sex?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface LegalAidApplicationInput {
  disputeId?: string | null;
  applicant: ApplicantInput;
  matter: string;
  category: string;
  regionCode: string;
}

function validApplicant(a: ApplicantInput) {
  const v = checkAll({
    id: () => (a.idNumber ? check.idNumber('applicant.idNumber', a.idNumber) : null),
    applicantName: () => check.text('applicant.name', '申请人姓名', a.name, { max: 50 }),
    sex: () => (a.sex ? check.oneOf('applicant.sex', '性别', a.sex, SEXES) : null),
    applicantPhone: () => (a.phone ? check.phone('applicant.phone', a.phone) : null),
    applicantAddress: () => check.optionalText('applicant.address', '住址', a.address, 200),
  });
  return {
    applicantName: v.applicantName,
    applicantSex: v.sex ?? v.id?.info.sex ?? null,
    applicantIdNumber: v.id?.value ?? null,
    applicantPhone: v.applicantPhone,
    applicantAddress: v.applicantAddress,
  };
}

async function createApplication(
  tx: EntityManager,
  center: LegalAidCenter,
  fields: Omit<LegalAidCase, 'id' | 'applicationNumber' | 'centerId' | 'centerCode' | 'centerName' | 'status' | 'appliedAt' | 'reviewDueAt' | 'version'>,
  settings: JusticeSettings,
): Promise<LegalAidCase> {
  const now = settings.now();
  const year = Number(chinaDate(now).slice(0, 4));
  return tx.create(LegalAidCase, {
    ...fields,
    id: randomUUID(),
    applicationNumber: formatLegalAidNumber(year, await nextNumber(tx, 'LEGAL_AID', year)),
    centerId: center.id,
    centerCode: center.code,
    centerName: center.name,
    appliedAt: now,
    reviewDueAt: legalAidReviewDueAt(now, settings.clocks),
  });
}

/**
 * 法律援助申请, registered by the center that receives it; the 7-day review clock starts. A dispute
 * id, when given, must be registered at the hub in the caller's jurisdiction (the applicant may live
 * elsewhere than where the dispute arose, so regions are not compared); verified before a number is taken.
 */
export async function applyForLegalAid(
  em: EntityManager,
  caller: Caller,
  input: LegalAidApplicationInput,
  references: References,
  settings: JusticeSettings,
): Promise<LegalAidCase> {
  requireJustice(caller);
  // Every invalid field of the application at once (the applicant's too).
  const { applicant, matter, category, regionCode } = checkAll({
    disputeId: () => (input.disputeId ? requireUuid('disputeId', input.disputeId) : null),
    applicant: () => validApplicant(input.applicant),
    matter: () => check.text('matter', '申请事项', input.matter, { min: 5, max: 4000 }),
    category: () => check.oneOf('category', '纠纷类别', input.category, DISPUTE_CATEGORIES),
    regionCode: () => {
      const code = check.regionCode('regionCode', input.regionCode, [6, 9, 12]);
      if (!inJurisdiction(caller, code)) throw DomainError.validation('regionCode', '申请人所在地不在本人辖区内');
      return code;
    },
  });
  const center = await em.findOne(LegalAidCenter, { code: caller.organization });
  if (!center) throw DomainError.forbidden('只有法律援助中心可以受理法律援助申请');
  const disputeId = input.disputeId ? (await verifyDisputeReference(references, 'disputeId', input.disputeId, { caller })).id : null;
  return inTransaction(em, (tx) =>
    createApplication(tx, center, { ...applicant, disputeId, source: 'DIRECT_APPLICATION', matter, category, regionCode }, settings),
  );
}

/** 审查: approve (the 3-day assignment clock starts) or deny with a reason. */
export async function reviewLegalAid(
  em: EntityManager,
  caller: Caller,
  input: { id: string; approve: boolean; reason?: string | null },
  settings: JusticeSettings,
): Promise<LegalAidCase> {
  const reason = input.approve ? null : check.text('reason', '不予援助理由', input.reason ?? '', { min: 2, max: 500 });
  const c = await loadForChange(em, caller, input.id);
  return inTransaction(em, async () => {
    step(c, input.approve ? 'APPROVE' : 'DENY', caller);
    const now = settings.now();
    c.reviewedAt = now;
    if (input.approve) c.assignDueAt = lawyerAssignmentDueAt(now, settings.clocks);
    else c.denialReason = reason;
    return c;
  });
}

/** 指派律师. */
export async function assignLawyer(
  em: EntityManager,
  caller: Caller,
  input: { id: string; lawyerName: string; lawFirm: string },
  settings: JusticeSettings,
): Promise<LegalAidCase> {
  const { lawyerName, lawFirm } = checkAll({
    lawyerName: () => check.text('lawyerName', '律师姓名', input.lawyerName, { max: 50 }),
    lawFirm: () => check.text('lawFirm', '律师事务所', input.lawFirm, { max: 100 }),
  });
  const c = await loadForChange(em, caller, input.id);
  return inTransaction(em, async () => {
    step(c, 'ASSIGN_LAWYER', caller);
    Object.assign(c, { lawyerName, lawFirm, assignedAt: settings.now() });
    return c;
  });
}

export async function closeLegalAid(em: EntityManager, caller: Caller, input: { id: string; note: string }, settings: JusticeSettings): Promise<LegalAidCase> {
  const note = check.text('note', '结案情况', input.note, { min: 2, max: 1000 });
  const c = await loadForChange(em, caller, input.id);
  return inTransaction(em, async () => {
    step(c, 'CLOSE', caller);
    Object.assign(c, { closingNote: note, closedAt: settings.now() });
    return c;
  });
}

/** 援调 (legal aid → mediation): a pending case lands in the chosen organization's inbox. */
export async function referLegalAidToMediation(
  em: EntityManager,
  caller: Caller,
  input: {
    id: string;
    /** The receiving committee, by its 统一社会信用代码 in the roster. */
    receiver: { creditCode: string; name?: string | null };
    respondent: { name: string; sex?: string | null; idNumber?: string | null; phone?: string | null; address?: string | null };
  },
  settings: JusticeSettings,
): Promise<LegalAidCase> {
  // Every invalid field at once.
  const v = checkAll({
    respondentId: () => (input.respondent.idNumber ? check.idNumber('respondent.idNumber', input.respondent.idNumber) : null),
    name: () => check.text('respondent.name', '被申请人姓名', input.respondent.name, { max: 50 }),
    sex: () => (input.respondent.sex ? check.oneOf('respondent.sex', '性别', input.respondent.sex, SEXES) : null),
    phone: () => (input.respondent.phone ? check.phone('respondent.phone', input.respondent.phone) : null),
    address: () => check.optionalText('respondent.address', '住址', input.respondent.address, 200),
    receiver: () => check.creditCode('receiver.creditCode', input.receiver.creditCode),
  });
  const respondent = {
    role: 'RESPONDENT',
    name: v.name,
    sex: v.sex ?? v.respondentId?.info.sex ?? null,
    idNumber: v.respondentId?.value ?? null,
    birthDate: v.respondentId?.info.birthDate ?? null,
    phone: v.phone,
    address: v.address,
  };
  const organization = await em.findOne(MediationOrganization, { code: v.receiver });
  if (!organization) throw DomainError.validation('receiver.creditCode', '名册中没有该调解组织');
  const c = await loadForChange(em, caller, input.id);
  if (!c.regionCode.startsWith(organization.regionCode) && !organization.regionCode.startsWith(c.regionCode.slice(0, 6))) {
    throw DomainError.validation('receiver.creditCode', '该调解组织不在纠纷所在地');
  }
  return inTransaction(em, async (tx) => {
    step(c, 'REFER_TO_MEDIATION', caller);
    const now = settings.now();
    const year = Number(chinaDate(now).slice(0, 4));
    const mediation = tx.create(MediationCase, {
      id: randomUUID(),
      disputeId: c.disputeId ?? null,
      caseNumber: formatCaseNumber(year, await nextNumber(tx, 'MEDIATION_CASE', year)),
      organizationId: organization.id,
      organizationCode: organization.code,
      organizationName: organization.name,
      source: 'LEGAL_AID',
      mode: 'REFERRAL',
      // Recorded in the hub's ledger (援调); the outcome goes to the hub only.
      dockingId: randomUUID(),
      dockingFrom: 'JUSTICE',
      category: c.category,
      summary: c.matter,
      regionCode: c.regionCode.length >= 9 ? c.regionCode : organization.regionCode,
      receivedAt: now,
    });
    tx.create(MediationParty, {
      id: randomUUID(),
      caseId: mediation.id,
      position: 0,
      role: 'APPLICANT',
      name: c.applicantName,
      sex: c.applicantSex,
      idNumber: c.applicantIdNumber,
      phone: c.applicantPhone,
      address: c.applicantAddress,
      birthDate: null,
    });
    tx.create(MediationParty, { ...respondent, id: randomUUID(), caseId: mediation.id, position: 1 });
    c.referredMediationCaseId = mediation.id;
    await publishLegalAidReferral(tx, {
      dockingId: mediation.dockingId!,
      disputeId: mediation.disputeId ?? null,
      regionCode: mediation.regionCode,
      category: c.category,
      summary: c.matter,
      sentAt: now,
      source: {
        agency: 'JUSTICE',
        recordType: 'LegalAidCase',
        recordId: c.id,
        number: c.applicationNumber,
        organizationCode: c.centerCode,
        organizationName: c.centerName,
        officerName: caller.name,
      },
      target: { organizationCode: organization.code, organizationName: organization.name },
      parties: [
        {
          role: 'APPLICANT',
          name: c.applicantName,
          idNumber: c.applicantIdNumber ?? null,
          phone: c.applicantPhone ?? null,
          address: c.applicantAddress ?? null,
        },
        { role: respondent.role, name: respondent.name, idNumber: respondent.idNumber, phone: respondent.phone, address: respondent.address ?? null },
      ],
    });
    return c;
  });
}

/** 调援 (mediation → legal aid): a party of a mediation case applies for legal aid through the mediator. */
export async function referMediationToLegalAid(
  em: EntityManager,
  caller: Caller,
  input: { caseId: string; partyId: string; matter: string },
  settings: JusticeSettings,
): Promise<LegalAidCase> {
  const matter = check.text('matter', '申请事项', input.matter, { min: 5, max: 4000 });
  const partyId = requireUuid('partyId', input.partyId);
  const c = await loadCaseForChange(em, caller, input.caseId);
  mediationCaseWorkflow.transition(c.status as MediationState, 'REFER_TO_LEGAL_AID', mediationActorOf(caller, c));
  const party = await em.findOne(MediationParty, { id: partyId, caseId: c.id });
  if (!party) throw DomainError.validation('partyId', '该当事人不属于本案');
  const center = await centerFor(em, c.regionCode);
  if (!center) throw DomainError.validation('caseId', '纠纷所在地没有法律援助中心');
  return inTransaction(em, async (tx) => {
    const application = await createApplication(
      tx,
      center,
      {
        disputeId: c.disputeId ?? null,
        source: 'MEDIATION_REFERRAL',
        sourceMediationCaseId: c.id,
        applicantName: party.name,
        applicantSex: party.sex ?? null,
        applicantIdNumber: party.idNumber ?? null,
        applicantPhone: party.phone ?? null,
        applicantAddress: party.address ?? null,
        matter,
        category: c.category,
        regionCode: c.regionCode,
      },
      settings,
    );
    // 调援 in the hub's ledger: the docking is the legal aid application itself.
    await publishLegalAidReferral(tx, {
      dockingId: application.id,
      disputeId: application.disputeId ?? null,
      regionCode: c.regionCode,
      category: c.category,
      summary: matter,
      sentAt: application.appliedAt,
      source: {
        agency: 'JUSTICE',
        recordType: 'MediationCase',
        recordId: c.id,
        number: c.caseNumber,
        organizationCode: c.organizationCode,
        organizationName: c.organizationName,
        officerName: caller.name,
      },
      target: { organizationCode: center.code, organizationName: center.name },
      parties: [{ role: 'APPLICANT', name: party.name, idNumber: party.idNumber ?? null, phone: party.phone ?? null, address: party.address ?? null }],
    });
    return application;
  });
}

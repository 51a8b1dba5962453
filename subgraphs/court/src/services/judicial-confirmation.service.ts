import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid, checkAll, checkEach } from '@jiefen/subgraph-kit';
import { acceptanceDueAt, rulingDueAt, type CourtSettings } from '../domain/clocks.js';
import {
  checkRulingExtension,
  confirmationWorkflow,
  type ConfirmationActor,
  type ConfirmationEvent,
  type ConfirmationState,
} from '../domain/judicial-confirmation.workflow.js';
import { MATTER_KINDS, refusalReasonsOf, type MatterKind } from '../domain/judicial-confirmation.rules.js';
import { CourtCase } from '../entities/court-case.entity.js';
import { EnforcementApplication } from '../entities/enforcement-application.entity.js';
import { JudicialConfirmation, type ConfirmationApplicant } from '../entities/judicial-confirmation.entity.js';
import { publishEnforcement, publishRuling } from './docking-outbound.service.js';
import { nextCaseNumber, requireCourtStaff } from './support.js';

/** A joint application for judicial confirmation, as it arrives from the justice side with the agreement. */
export interface JudicialConfirmationApplication {
  /** The sender's id of this application (idempotency key). */
  applicationId: string;
  /** The hub's dispute; may be unknown to the sender of an application the court did not send. */
  disputeId: string | null;
  /** The court case the court sent to mediation, if any; its court decides. */
  courtCaseId?: string | null;
  agreementId: string;
  mediationOrganization: string;
  agreementSummary: string;
  matters: string[];
  agreementEffectiveAt: Date | string;
  /** Defaults to the moment of receipt. */
  appliedAt?: Date | string | null;
  /** The 身份证号 may follow with the application's materials when the sender does not have it. */
  applicants: { name: string; idNumber?: string | null; phone?: string | null }[];
  jointApplication: boolean;
  /** Where the court sits when no court case is named (where a party lives or the organization sits). */
  regionCode?: string | null;
  /** The docking the application came by: the court's decisions go back on it. */
  dockingId?: string | null;
}

function dateOf(field: string, label: string, value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw DomainError.validation(field, `${label}无效`);
  return date;
}

/**
 * Entry point for the docking event JudicialConfirmationRequested (justice → court): records the
 * application (APPLIED) with its 3-day acceptance clock. Validated like any input; receiving the
 * same application twice returns the first record.
 */
export async function receiveJudicialConfirmationApplication(
  em: EntityManager,
  application: JudicialConfirmationApplication,
  settings: CourtSettings,
): Promise<JudicialConfirmation> {
  const { clocks } = settings;
  const now = settings.now();
  // Every invalid field of the application at once (each applicant's too).
  const v = checkAll({
    applicationId: () => check.text('applicationId', '申请编号', application.applicationId, { max: 64 }),
    disputeId: () => (application.disputeId ? requireUuid('disputeId', application.disputeId) : null),
    agreementId: () => requireUuid('agreementId', application.agreementId),
    courtCaseId: () => (application.courtCaseId ? requireUuid('courtCaseId', application.courtCaseId) : null),
    dockingId: () => (application.dockingId ? requireUuid('dockingId', application.dockingId) : null),
    mediationOrganization: () => check.text('mediationOrganization', '调解组织名称', application.mediationOrganization, { min: 2, max: 100 }),
    agreementSummary: () => check.text('agreementSummary', '调解协议内容', application.agreementSummary, { min: 5, max: 4000 }),
    matters: () => {
      if (!application.matters.length) throw DomainError.validation('matters', '调解协议涉及的事项不能为空');
      return [...new Set(application.matters.map((m) => check.oneOf<MatterKind>('matters', '协议事项', m, MATTER_KINDS)))];
    },
    appliedAt: () => (application.appliedAt ? dateOf('appliedAt', '申请时间', application.appliedAt) : now),
    agreementEffectiveAt: () => dateOf('agreementEffectiveAt', '调解协议生效时间', application.agreementEffectiveAt),
    applicants: (): ConfirmationApplicant[] => {
      if (application.applicants.length < 1 || application.applicants.length > 20) throw DomainError.validation('applicants', '申请人须为 1 至 20 人');
      return checkEach(application.applicants, (a, i) =>
        checkAll({
          name: () => check.text(`applicants.${i}.name`, '申请人姓名', a.name, { max: 50 }),
          idNumber: () => (a.idNumber ? check.idNumber(`applicants.${i}.idNumber`, a.idNumber).value : null),
          phone: () => (a.phone ? check.phone(`applicants.${i}.phone`, a.phone) : null),
        }),
      );
    },
  });
  const {
    applicationId,
    disputeId,
    agreementId,
    courtCaseId,
    dockingId,
    mediationOrganization,
    agreementSummary,
    matters,
    appliedAt,
    agreementEffectiveAt,
    applicants,
  } = v;
  if (agreementEffectiveAt.getTime() > appliedAt.getTime()) throw DomainError.validation('agreementEffectiveAt', '调解协议生效时间不能晚于申请时间');
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(JudicialConfirmation, { applicationId });
    if (existing) return existing;
    let regionCode: string;
    let dispute = disputeId;
    if (courtCaseId) {
      const c = await tx.findOne(CourtCase, { id: courtCaseId });
      if (!c) throw DomainError.notFound('法院案件', courtCaseId, 'COURT_CASE_NOT_FOUND');
      if (disputeId && c.disputeId !== disputeId) throw DomainError.validation('courtCaseId', '法院案件与纠纷不对应');
      regionCode = c.regionCode;
      dispute = c.disputeId;
    } else {
      regionCode = check.regionCode('regionCode', application.regionCode ?? '');
    }
    const acceptDueAt = acceptanceDueAt(appliedAt, clocks);
    return tx.create(JudicialConfirmation, {
      id: randomUUID(),
      applicationId,
      disputeId: dispute,
      courtCaseId,
      dockingId,
      agreementId,
      mediationOrganization,
      agreementSummary,
      matters,
      agreementEffectiveAt,
      applicants,
      jointApplication: application.jointApplication,
      regionCode,
      appliedAt,
      acceptDueAt,
      nextDeadlineAt: acceptDueAt,
    });
  });
}

async function loadForStaff(em: EntityManager, caller: Caller, id: string): Promise<JudicialConfirmation> {
  const found = await em.findOne(JudicialConfirmation, { id });
  if (!found) throw DomainError.notFound('司法确认申请', id, 'JUDICIAL_CONFIRMATION_NOT_FOUND');
  requireCourtStaff(caller, found.regionCode);
  return found;
}

function step(j: JudicialConfirmation, event: ConfirmationEvent, actor: ConfirmationActor = 'COURT_STAFF'): void {
  j.status = confirmationWorkflow.transition(j.status as ConfirmationState, event, actor);
}

/** 受理: only an application the law allows; otherwise `NOT_ELIGIBLE` with every reason and nothing written. */
export async function acceptJudicialConfirmation(em: EntityManager, caller: Caller, id: string, settings: CourtSettings): Promise<JudicialConfirmation> {
  const { clocks } = settings;
  const now = settings.now();
  requireCourtStaff(caller);
  return em.transactional(async (tx) => {
    const j = await loadForStaff(tx, caller, id);
    step(j, 'ACCEPT');
    const reasons = refusalReasonsOf(
      { matters: j.matters as MatterKind[], agreementEffectiveAt: j.agreementEffectiveAt, appliedAt: j.appliedAt, jointApplication: j.jointApplication },
      clocks,
    );
    if (reasons.length) {
      throw new DomainError('NOT_ELIGIBLE', `不符合司法确认受理条件:${reasons.map((r) => r.reason).join(';')}`, { reasons: reasons.map((r) => r.code) });
    }
    j.caseNumber = await nextCaseNumber(tx, 'JUDICIAL_CONFIRMATION', j.regionCode, now);
    j.acceptedAt = now;
    j.ruleDueAt = rulingDueAt(now, false, clocks);
    j.nextDeadlineAt = j.ruleDueAt;
    return j;
  });
}

/**
 * 不予受理: records every legal reason that applies, plus the staff's note; a refusal with neither
 * a legal reason nor a note is a validation error.
 */
export async function refuseJudicialConfirmation(
  em: EntityManager,
  caller: Caller,
  id: string,
  note: string | null,
  settings: CourtSettings,
): Promise<JudicialConfirmation> {
  const { clocks } = settings;
  const now = settings.now();
  requireCourtStaff(caller);
  const refusalNote = check.optionalText('note', '不予受理说明', note, 1000);
  return em.transactional(async (tx) => {
    const j = await loadForStaff(tx, caller, id);
    step(j, 'REFUSE');
    const reasons = refusalReasonsOf(
      { matters: j.matters as MatterKind[], agreementEffectiveAt: j.agreementEffectiveAt, appliedAt: j.appliedAt, jointApplication: j.jointApplication },
      clocks,
    );
    if (!reasons.length && !refusalNote) throw DomainError.validation('note', '申请符合受理条件,不予受理须说明理由');
    Object.assign(j, { refusalReasons: reasons.map((r) => r.code), refusalNote, refusedAt: now, nextDeadlineAt: null });
    await publishRuling(tx, j, 'REFUSED', now, [...reasons.map((r) => r.reason), ...(refusalNote ? [refusalNote] : [])].join(';'));
    return j;
  });
}

/** 延长审查期限: +10 days once, with the president's approval recorded. */
export async function extendRuling(
  em: EntityManager,
  caller: Caller,
  id: string,
  approvedBy: string,
  reason: string,
  settings: CourtSettings,
): Promise<JudicialConfirmation> {
  const { clocks } = settings;
  requireCourtStaff(caller);
  const { approver, why } = checkAll({
    approver: () => check.text('approvedBy', '批准延长的院长', approvedBy, { min: 2, max: 50 }),
    why: () => check.text('reason', '延长理由', reason, { min: 2, max: 1000 }),
  });
  return em.transactional(async (tx) => {
    const j = await loadForStaff(tx, caller, id);
    step(j, 'EXTEND_RULING');
    checkRulingExtension(j.rulingExtended);
    j.rulingExtended = true;
    j.extensionApprovedBy = approver;
    j.extensionReason = why;
    j.ruleDueAt = rulingDueAt(j.acceptedAt!, true, clocks);
    j.nextDeadlineAt = j.ruleDueAt;
    return j;
  });
}

/** 裁定: the agreement is confirmed valid, or the application is rejected (驳回). */
export async function ruleOnJudicialConfirmation(
  em: EntityManager,
  caller: Caller,
  id: string,
  confirmed: boolean,
  note: string,
  settings: CourtSettings,
): Promise<JudicialConfirmation> {
  const now = settings.now();
  requireCourtStaff(caller);
  const rulingNote = check.text('note', '裁定理由', note, { min: 2, max: 2000 });
  return em.transactional(async (tx) => {
    const j = await loadForStaff(tx, caller, id);
    step(j, confirmed ? 'CONFIRM' : 'REJECT');
    Object.assign(j, { ruledAt: now, rulingNote, nextDeadlineAt: null });
    await publishRuling(tx, j, confirmed ? 'CONFIRMED' : 'REJECTED', now, rulingNote);
    return j;
  });
}

/** 履行: the confirmed agreement was performed without enforcement. */
export async function recordAgreementPerformed(em: EntityManager, caller: Caller, id: string, settings: CourtSettings): Promise<JudicialConfirmation> {
  const now = settings.now();
  requireCourtStaff(caller);
  return em.transactional(async (tx) => {
    const j = await loadForStaff(tx, caller, id);
    step(j, 'RECORD_PERFORMANCE');
    j.performedAt = now;
    return j;
  });
}

/** 申请强制执行: a party of a confirmed agreement the other did not perform; numbered 执. */
export async function applyForEnforcement(
  em: EntityManager,
  caller: Caller,
  id: string,
  input: { applicantName: string; unperformedTerms: string },
  settings: CourtSettings,
): Promise<EnforcementApplication> {
  const now = settings.now();
  requireCourtStaff(caller);
  const { applicantName, unperformedTerms } = checkAll({
    applicantName: () => check.text('applicantName', '申请执行人', input.applicantName, { max: 50 }),
    unperformedTerms: () => check.text('unperformedTerms', '未履行的协议内容', input.unperformedTerms, { min: 2, max: 2000 }),
  });
  return em.transactional(async (tx) => {
    const j = await loadForStaff(tx, caller, id);
    if (!j.applicants.some((a) => a.name === applicantName)) throw DomainError.validation('applicantName', '申请执行人须为司法确认的申请人之一');
    step(j, 'APPLY_ENFORCEMENT');
    const caseNumber = await nextCaseNumber(tx, 'ENFORCEMENT', j.regionCode, now);
    const application = tx.create(EnforcementApplication, {
      id: randomUUID(),
      confirmationId: j.id,
      caseNumber,
      applicantName,
      unperformedTerms,
      regionCode: j.regionCode,
      appliedAt: now,
    });
    await publishEnforcement(tx, j, application);
    return application;
  });
}

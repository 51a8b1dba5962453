import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { DISPUTE_CATEGORIES } from '@jiefen/codes';
import { check, checkAll, DomainError, FieldErrors, requireUuid, verifyDisputeReference, type References } from '@jiefen/subgraph-kit';
import { mediationDueAt, type Procedure, type CourtSettings } from '../domain/clocks.js';
import { courtCaseWorkflow, stageOf, type CourtActor, type CourtCaseEvent, type CourtCaseState } from '../domain/court-case.workflow.js';
import { CourtCase } from '../entities/court-case.entity.js';
import { reportCourtCase } from './dispute-report.service.js';
import { openCourtDocking } from './docking-outbound.service.js';
import { nextCaseNumber, requireCourtStaff } from './support.js';

export interface CivilCaseInput {
  /** The hub's dispute, when the clerk has it; without it the case is reported to the hub (一案一号). */
  disputeId?: string | null;
  /** 纠纷类别 of the one list: required without `disputeId` (the hub registers or links by it). */
  category?: string | null;
  /** 纠纷发生地点 (address text), for the hub. */
  place?: string | null;
  cause: string;
  regionCode: string;
  plaintiffName: string;
  plaintiffIdNumber: string;
  plaintiffPhone?: string | null;
  defendantName: string;
}

/**
 * 诉前收案: a civil case the court received, numbered 民诉前调, before any filing. Every invalid field
 * is reported at once and nothing is written. A hub dispute id, when given, is verified at the hub
 * before a number is taken (a refused case spends none); without one, the case is reported to the hub
 * in the same transaction, and the hub answers with the dispute it registered or linked.
 */
export async function receiveCivilCase(
  em: EntityManager,
  caller: Caller,
  input: CivilCaseInput,
  references: References,
  settings: CourtSettings,
): Promise<CourtCase> {
  const now = settings.now();
  requireCourtStaff(caller);
  const errors = new FieldErrors();
  const given = input.disputeId ? errors.field(() => requireUuid('disputeId', input.disputeId!)) : null;
  const regionCode = errors.field(() => check.regionCode('regionCode', input.regionCode));
  const cause = errors.field(() => check.text('cause', '案由', input.cause, { min: 2, max: 100 }));
  const plaintiffName = errors.field(() => check.text('plaintiffName', '原告姓名', input.plaintiffName, { max: 50 }));
  const plaintiffIdNumber = errors.field(() => check.idNumber('plaintiffIdNumber', input.plaintiffIdNumber).value);
  const plaintiffPhone = input.plaintiffPhone ? errors.field(() => check.phone('plaintiffPhone', input.plaintiffPhone!)) : null;
  const defendantName = errors.field(() => check.text('defendantName', '被告姓名或名称', input.defendantName, { max: 50 }));
  const category = input.category ? errors.field(() => check.oneOf('category', '纠纷类别', input.category!, DISPUTE_CATEGORIES)) : null;
  if (!input.disputeId && !input.category) errors.add('category', '未填写综治中心纠纷编号时须写明纠纷类别(报综治中心登记)');
  const place = errors.field(() => check.optionalText('place', '纠纷发生地点', input.place, 200));
  errors.done();
  requireCourtStaff(caller, regionCode!);
  const disputeId = given ? (await verifyDisputeReference(references, 'disputeId', given, { caller, regionCode: regionCode! })).id : null;
  return em.transactional(async (tx) => {
    const caseNumber = await nextCaseNumber(tx, 'PRE_FILING_MEDIATION', regionCode!, now);
    const c = tx.create(CourtCase, {
      id: randomUUID(),
      disputeId,
      caseNumber,
      cause: cause!,
      category: category ?? null,
      regionCode: regionCode!,
      receivedAt: now,
      plaintiffName: plaintiffName!,
      plaintiffIdNumber: plaintiffIdNumber!,
      plaintiffPhone: plaintiffPhone ?? null,
      defendantName: defendantName!,
    });
    if (!disputeId) await reportCourtCase(tx, caller, c, { category: category!, place: place ?? null });
    return c;
  });
}

async function loadCase(em: EntityManager, id: string): Promise<CourtCase> {
  const found = await em.findOne(CourtCase, { id });
  if (!found) throw DomainError.notFound('法院案件', id, 'COURT_CASE_NOT_FOUND');
  return found;
}

function step(c: CourtCase, event: CourtCaseEvent, actor: CourtActor): CourtCaseState {
  const next = courtCaseWorkflow.transition(c.status as CourtCaseState, event, actor);
  c.status = next;
  c.stage = stageOf(next);
  return next;
}

/** Where the court sends a case: the mediation organization by its 统一社会信用代码 (its name is optional; the organization's own comes back on acceptance). */
export interface MediationTarget {
  organizationCode: string;
  organizationName?: string | null;
}

function checkTarget(target: MediationTarget): { code: string; name: string | null } {
  return checkAll({
    code: () => check.creditCode('receiver.creditCode', target.organizationCode),
    name: () =>
      target.organizationName === undefined || target.organizationName === null
        ? null
        : check.text('receiver.name', '调解组织名称', target.organizationName, { min: 2, max: 100 }),
  });
}

/** A case sent (again, after a refusal) starts afresh: the new docking's outcome is not yet known. */
function startMediation(c: CourtCase): void {
  Object.assign(c, { mediationOutcome: null, mediationOutcomeAt: null, mediationOutcomeNote: null });
}

/**
 * 委派: sends a case received before filing to a mediation organization; due back in 30 days. The
 * case's change and the `DockingRequested` event (to justice, copied to the hub) commit together.
 */
export async function divertToMediation(em: EntityManager, caller: Caller, id: string, target: MediationTarget, settings: CourtSettings): Promise<CourtCase> {
  const { clocks } = settings;
  const now = settings.now();
  requireCourtStaff(caller);
  const org = checkTarget(target);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    requireCourtStaff(caller, c.regionCode);
    step(c, 'DIVERT', 'COURT_STAFF');
    startMediation(c);
    Object.assign(c, { divertedAt: now, mediationMode: 'DELEGATED', mediationSentAt: now, mediationDueAt: mediationDueAt('DELEGATED', now, null, clocks) });
    await openCourtDocking(tx, caller, c, org);
    return c;
  });
}

/** 委托: sends a filed case to mediation during litigation; due back in 15 days (7 in summary procedure). */
export async function entrustMediation(em: EntityManager, caller: Caller, id: string, target: MediationTarget, settings: CourtSettings): Promise<CourtCase> {
  const { clocks } = settings;
  const now = settings.now();
  requireCourtStaff(caller);
  const org = checkTarget(target);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    requireCourtStaff(caller, c.regionCode);
    step(c, 'ENTRUST', 'COURT_STAFF');
    const procedure = (c.procedure ?? 'ORDINARY') as Procedure;
    startMediation(c);
    Object.assign(c, { mediationMode: 'ENTRUSTED', mediationSentAt: now, mediationDueAt: mediationDueAt('ENTRUSTED', now, procedure, clocks) });
    await openCourtDocking(tx, caller, c, org);
    return c;
  });
}

/** 立案: a case whose pre-filing mediation failed (or was declined) is filed with a 民初 number. */
export async function fileCase(em: EntityManager, caller: Caller, id: string, procedure: string, settings: CourtSettings): Promise<CourtCase> {
  const now = settings.now();
  requireCourtStaff(caller);
  const chosen = check.oneOf('procedure', '审判程序', procedure, ['ORDINARY', 'SUMMARY'] as const);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    requireCourtStaff(caller, c.regionCode);
    step(c, 'FILE', 'COURT_STAFF');
    c.procedure = chosen;
    c.filingNumber = await nextCaseNumber(tx, 'FIRST_INSTANCE_CIVIL', c.regionCode, now);
    c.filedAt = now;
    return c;
  });
}

/** The outcome of a mediation the court sent out, as the mediation organization reports it. */
export interface MediationOutcomeReport {
  courtCaseId: string;
  succeeded: boolean;
  /** 调解情况: the agreement's gist, or why it failed. */
  note: string;
  /** The agreement on the justice side, when it succeeded. */
  agreementId?: string | null;
  concludedAt?: Date | string | null;
}

async function applyOutcome(
  em: EntityManager,
  actor: CourtActor,
  caller: Caller | null,
  report: MediationOutcomeReport,
  settings: CourtSettings,
): Promise<CourtCase> {
  const now = settings.now();
  const { id, note, agreementId, concludedAt } = checkAll({
    id: () => requireUuid('courtCaseId', report.courtCaseId),
    note: () => check.text('note', '调解情况', report.note, { min: 2, max: 2000 }),
    agreementId: () => (report.agreementId ? requireUuid('agreementId', report.agreementId) : null),
    concludedAt: () => {
      const at = report.concludedAt ? new Date(report.concludedAt) : now;
      if (Number.isNaN(at.getTime())) throw DomainError.validation('concludedAt', '调解结束时间无效');
      return at;
    },
  });
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    if (caller) requireCourtStaff(caller, c.regionCode);
    const preFiling = c.status === 'DIVERTED_TO_MEDIATION';
    step(c, report.succeeded ? 'RECORD_MEDIATION_SUCCESS' : 'RECORD_MEDIATION_FAILURE', actor);
    if (preFiling) Object.assign(c, { preFilingOutcome: report.succeeded ? 'SUCCEEDED' : 'FAILED', preFilingOutcomeAt: concludedAt });
    Object.assign(c, {
      mediationOutcome: report.succeeded ? 'SUCCEEDED' : 'FAILED',
      mediationOutcomeAt: concludedAt,
      mediationOutcomeNote: note,
      mediationDueAt: null,
      agreementId,
    });
    return c;
  });
}

/**
 * Entry point for the docking event that brings a mediation's outcome back to the court
 * (MediationConcluded): the inbox has verified the sender, so no caller is checked here.
 */
export function receiveMediationOutcome(em: EntityManager, report: MediationOutcomeReport, settings: CourtSettings): Promise<CourtCase> {
  return applyOutcome(em, 'MEDIATION_ORGANIZATION', null, report, settings);
}

/** Court staff register an outcome reported to them on paper. */
export function recordMediationOutcome(em: EntityManager, caller: Caller, report: MediationOutcomeReport, settings: CourtSettings): Promise<CourtCase> {
  requireCourtStaff(caller);
  return applyOutcome(em, 'COURT_STAFF', caller, report, settings);
}

import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { hasRole, type Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid, checkAll, checkEach } from '@jiefen/subgraph-kit';
import {
  addSignatures,
  AGREEMENT_FORMS,
  confirmationApplicationProblem,
  effectiveDateOf,
  PERFORMANCE_STATES,
  performanceDeadlineProblem,
  SIGNATURE_METHODS,
  type SigningState,
} from '../domain/agreement.js';
import { chinaDate } from '@jiefen/calendar';
import { confirmationDeadline, returnVisitDate, type JusticeSettings } from '../domain/clocks.js';
import { mediationCaseWorkflow, type MediationState } from '../domain/mediation-case.workflow.js';
import { MediationAgreement } from '../entities/mediation-agreement.entity.js';
import type { MediationCase } from '../entities/mediation-case.entity.js';
import { MediationParty } from '../entities/mediation-party.entity.js';
import { ReturnVisit } from '../entities/return-visit.entity.js';
import { feedBackConcluded, feedBackPerformance, publishConfirmationRequest } from './docking-outbound.service.js';
import { MediationOrganization } from '../entities/mediation-organization.entity.js';
import { inTransaction, loadCaseForChange, mediationActorOf, nextNumber } from './common.js';
import { applyMediationEvent } from './mediation-case.service.js';

export interface AgreementInput {
  caseId: string;
  form: string;
  facts: string;
  mattersInDispute: string;
  responsibilities: string;
  terms: string[];
  performanceMethod: string;
  performanceDeadline: string;
  amount?: number | null;
}

/** 兴司调协〔2026〕0001号. */
export function formatAgreementNumber(year: number, n: number): string {
  return `兴司调协〔${year}〕${String(n).padStart(4, '0')}号`;
}

const signingState = (a: MediationAgreement, partyIds: string[]): SigningState => ({
  form: a.form as SigningState['form'],
  partyIds,
  signatures: a.signatures,
  mediatorSignedAt: a.mediatorSignedAt?.toISOString() ?? null,
  sealedAt: a.sealedAt?.toISOString() ?? null,
});

/**
 * Once effective: the confirmation deadline is derived, the case concludes with an agreement and
 * the return visit is scheduled.
 */
async function takeEffectIfComplete(
  tx: EntityManager,
  a: MediationAgreement,
  c: MediationCase,
  partyIds: string[],
  caller: Caller,
  settings: JusticeSettings,
): Promise<void> {
  const effective = effectiveDateOf(signingState(a, partyIds), a.recordedAt);
  if (!effective || a.effectiveDate) return;
  a.effectiveDate = effective;
  a.confirmationDeadline = confirmationDeadline(effective, settings.clocks);
  applyMediationEvent(c, 'CONCLUDE_WITH_AGREEMENT', caller, settings.now());
  tx.create(ReturnVisit, {
    id: randomUUID(),
    caseId: c.id,
    agreementId: a.id,
    reason: 'AFTER_CONCLUSION',
    scheduledFor: returnVisitDate(settings.now(), settings.clocks),
  });
  // The outcome goes back to the docking's sender with the agreement (信息反馈), or nothing is concluded.
  await feedBackConcluded(tx, c, a);
}

/** 制作调解协议书 (or records an oral agreement, which takes effect at once). */
export async function recordAgreement(em: EntityManager, caller: Caller, input: AgreementInput, settings: JusticeSettings): Promise<MediationAgreement> {
  const now = settings.now();
  // Every invalid field of the 协议书 at once (人民调解法 Art 29's contents), before anything is loaded.
  const { form, facts, mattersInDispute, responsibilities, terms, performanceMethod, performanceDeadline, amount } = checkAll({
    form: () => check.oneOf('form', '协议形式', input.form, AGREEMENT_FORMS),
    facts: () => check.text('facts', '纠纷主要事实', input.facts, { min: 5, max: 8000 }),
    mattersInDispute: () => check.text('mattersInDispute', '争议事项', input.mattersInDispute, { min: 2, max: 4000 }),
    responsibilities: () => check.text('responsibilities', '各方责任', input.responsibilities, { min: 2, max: 4000 }),
    terms: () => {
      if (input.terms.length === 0 || input.terms.length > 30) throw DomainError.validation('terms', '协议条款须为 1 到 30 条');
      return checkEach(input.terms, (t, i) => check.text(`terms[${i}]`, '协议条款', t, { min: 2, max: 2000 }));
    },
    performanceMethod: () => check.text('performanceMethod', '履行方式', input.performanceMethod, { min: 2, max: 2000 }),
    performanceDeadline: () => {
      const deadline = check.date('performanceDeadline', '履行期限', input.performanceDeadline);
      const problem = performanceDeadlineProblem(deadline, chinaDate(now));
      if (problem) throw DomainError.validation('performanceDeadline', problem);
      return deadline;
    },
    amount: () => (input.amount === null || input.amount === undefined ? null : check.amount('amount', '协议金额', input.amount)),
  });
  const c = await loadCaseForChange(em, caller, input.caseId);
  mediationCaseWorkflow.transition(c.status as MediationState, 'RECORD_AGREEMENT', mediationActorOf(caller, c));
  if (await em.count(MediationAgreement, { caseId: c.id })) throw new DomainError('AGREEMENT_EXISTS', '本案已有调解协议', { field: 'caseId' });
  const partyIds = (await em.find(MediationParty, { caseId: c.id })).map((p) => p.id);
  return inTransaction(em, async (tx) => {
    applyMediationEvent(c, 'RECORD_AGREEMENT', caller, now);
    const year = Number(chinaDate(now).slice(0, 4));
    const a = tx.create(MediationAgreement, {
      id: randomUUID(),
      caseId: c.id,
      number: formatAgreementNumber(year, await nextNumber(tx, 'AGREEMENT', year)),
      form,
      facts,
      mattersInDispute,
      responsibilities,
      terms,
      performanceMethod,
      performanceDeadline,
      amount: amount === null ? null : amount.toFixed(2),
      regionCode: c.regionCode,
      recordedAt: now,
      recordedBy: caller.name,
    });
    await takeEffectIfComplete(tx, a, c, partyIds, caller, settings);
    return a;
  });
}

export interface SignatureInput {
  agreementId: string;
  signatures: { partyId: string; method: string }[];
  mediatorSigned?: boolean | null;
  sealed?: boolean | null;
}

/** Records parties' signatures (签名、盖章或按指印), the mediator's signature and the committee's seal. */
export async function signAgreement(em: EntityManager, caller: Caller, input: SignatureInput, settings: JusticeSettings): Promise<MediationAgreement> {
  const now = settings.now();
  const added = input.signatures.map((s, i) => ({
    partyId: requireUuid(`signatures[${i}].partyId`, s.partyId),
    method: check.oneOf(`signatures[${i}].method`, '签署方式', s.method, SIGNATURE_METHODS),
  }));
  const a = await em.findOne(MediationAgreement, { id: requireUuid('agreementId', input.agreementId) });
  if (!a) throw DomainError.notFound('调解协议', input.agreementId, 'AGREEMENT_NOT_FOUND');
  const c = await loadCaseForChange(em, caller, a.caseId);
  if (mediationActorOf(caller, c) !== 'MEDIATOR') throw DomainError.forbidden('只有承办该案的调解组织的调解员可以记录签署');
  if (a.effectiveDate) throw new DomainError('ILLEGAL_TRANSITION', '调解协议已生效,不能再签署', { from: 'EFFECTIVE', event: '签署' });
  if (added.length === 0 && !input.mediatorSigned && !input.sealed) throw DomainError.validation('signatures', '没有可记录的签署');
  const partyIds = (await em.find(MediationParty, { caseId: c.id })).map((p) => p.id);
  const signatures = addSignatures(signingState(a, partyIds), added, now);
  if (input.mediatorSigned && a.mediatorSignedAt) throw DomainError.validation('mediatorSigned', '调解员已签名');
  if (input.sealed && a.sealedAt) throw DomainError.validation('sealed', '已加盖印章');
  return inTransaction(em, async (tx) => {
    a.signatures = signatures;
    if (input.mediatorSigned) a.mediatorSignedAt = now;
    if (input.sealed) a.sealedAt = now;
    await takeEffectIfComplete(tx, a, c, partyIds, caller, settings);
    return a;
  });
}

/**
 * 申请司法确认 (人民调解法 Art 33; 民诉法 Art 205–206): the organization forwards the parties' joint
 * application with an effective agreement to the court, within 30 days of the agreement taking
 * effect — for any people's mediation agreement, whichever door the case came in by (诉调 on the
 * court's docking; 公调, 访调, 检调, the hub's routing and direct applications on a docking of their
 * own to the basic court where the organization sits). Whether the court accepts (joint, in time,
 * matters it may confirm) is the court's decision. The application and its event are written
 * together or not at all.
 */
export async function applyForJudicialConfirmation(
  em: EntityManager,
  caller: Caller,
  agreementId: string,
  settings: JusticeSettings,
): Promise<MediationAgreement> {
  const now = settings.now();
  const a = await em.findOne(MediationAgreement, { id: requireUuid('agreementId', agreementId) });
  if (!a) throw DomainError.notFound('调解协议', agreementId, 'AGREEMENT_NOT_FOUND');
  const c = await loadCaseForChange(em, caller, a.caseId, 'agreementId');
  if (mediationActorOf(caller, c) !== 'MEDIATOR' && !(caller.agency === 'JUSTICE' && hasRole(caller, 'STAFF'))) {
    throw DomainError.forbidden('只有承办该案的调解组织的调解员或司法行政工作人员可以申请司法确认');
  }
  const problem = confirmationApplicationProblem(
    { effectiveDate: a.effectiveDate ?? null, confirmationDeadline: a.confirmationDeadline ?? null, appliedAt: a.confirmationAppliedAt ?? null },
    chinaDate(now),
  );
  if (problem) throw problem;
  const parties = await em.find(MediationParty, { caseId: c.id }, { orderBy: { position: 'asc' } });
  // Where the organization sits names the competent basic court.
  const organization = await em.findOneOrFail(MediationOrganization, { id: c.organizationId });
  return inTransaction(em, async (tx) => {
    a.confirmationApplicationId = randomUUID();
    a.confirmationAppliedAt = now;
    await tx.flush();
    await publishConfirmationRequest(tx, c, a, parties, { code: organization.code, name: organization.name, regionCode: organization.regionCode });
    return a;
  });
}

/** 回访 for a complex dispute (or any time the committee sees fit). */
export async function scheduleReturnVisit(
  em: EntityManager,
  caller: Caller,
  input: { caseId: string; scheduledFor: string; reason: string },
  settings: JusticeSettings,
): Promise<ReturnVisit> {
  const { scheduledFor, reason } = checkAll({
    scheduledFor: () => {
      const date = check.date('scheduledFor', '回访日期', input.scheduledFor);
      if (date < chinaDate(settings.now())) throw DomainError.validation('scheduledFor', '回访日期不能早于今天');
      return date;
    },
    reason: () => check.oneOf('reason', '回访原因', input.reason, ['AFTER_CONCLUSION', 'COMPLEX_DISPUTE'] as const),
  });
  const c = await loadCaseForChange(em, caller, input.caseId);
  if (mediationActorOf(caller, c) !== 'MEDIATOR') throw DomainError.forbidden('只有承办该案的调解组织可以安排回访');
  if (c.status === 'PENDING' || c.status === 'REJECTED')
    throw new DomainError('ILLEGAL_TRANSITION', '未受理的案件不能安排回访', { from: c.status, event: '安排回访' });
  const agreement = await em.findOne(MediationAgreement, { caseId: c.id });
  return inTransaction(em, async (tx) => tx.create(ReturnVisit, { id: randomUUID(), caseId: c.id, agreementId: agreement?.id ?? null, reason, scheduledFor }));
}

export interface ReturnVisitInput {
  returnVisitId: string;
  method: string;
  performance: string;
  satisfaction: string;
  notes?: string | null;
}

/** Records a return visit: how the agreement is performed and how satisfied the parties are. */
export async function recordReturnVisit(em: EntityManager, caller: Caller, input: ReturnVisitInput, settings: JusticeSettings): Promise<ReturnVisit> {
  const { method, performance, satisfaction, notes, returnVisitId } = checkAll({
    method: () => check.oneOf('method', '回访方式', input.method, ['PHONE', 'IN_PERSON'] as const),
    performance: () => check.oneOf('performance', '履行情况', input.performance, PERFORMANCE_STATES),
    satisfaction: () => check.oneOf('satisfaction', '满意度', input.satisfaction, ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const),
    notes: () => check.optionalText('notes', '回访记录', input.notes, 4000),
    returnVisitId: () => requireUuid('returnVisitId', input.returnVisitId),
  });
  const visit = await em.findOne(ReturnVisit, { id: returnVisitId });
  if (!visit) throw DomainError.notFound('回访', input.returnVisitId, 'RETURN_VISIT_NOT_FOUND');
  const c = await loadCaseForChange(em, caller, visit.caseId);
  if (mediationActorOf(caller, c) !== 'MEDIATOR') throw DomainError.forbidden('只有承办该案的调解组织可以记录回访');
  if (visit.status === 'DONE') throw new DomainError('ILLEGAL_TRANSITION', '该回访已记录', { from: 'DONE', event: '记录回访' });
  const agreement = visit.agreementId ? await em.findOne(MediationAgreement, { id: visit.agreementId }) : null;
  return inTransaction(em, async (tx) => {
    Object.assign(visit, { status: 'DONE', visitedAt: settings.now(), method, performance, satisfaction, notes, visitor: caller.name });
    // The committee supervises performance (Art 31): the latest visit's finding is the agreement's state.
    if (agreement) {
      agreement.performanceStatus = performance;
      await tx.flush();
      await feedBackPerformance(tx, c, agreement, performance, visit.visitedAt!);
    }
    return visit;
  });
}

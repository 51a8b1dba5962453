import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { inJurisdiction, type Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid, verifyDisputeReference, type References, checkAll, checkEach } from '@jiefen/subgraph-kit';
import { DISPUTE_CATEGORIES, MEDIATION_METHODS, PARTY_ROLES, partiesProblem } from '../domain/categories.js';
import { chinaDate } from '@jiefen/calendar';
import { extendDueAt, mediationDueAt, type CourtProcedure, type JusticeSettings, type MediationMode } from '../domain/clocks.js';
import { mediationCaseWorkflow, outcomeOf, type MediationEvent, type MediationState } from '../domain/mediation-case.workflow.js';
import { SEXES, termCovers } from '../domain/roster.js';
import { Expert } from '../entities/expert.entity.js';
import { MediationCase } from '../entities/mediation-case.entity.js';
import { MediationExtension } from '../entities/mediation-extension.entity.js';
import { MediationOrganization } from '../entities/mediation-organization.entity.js';
import { MediationParty } from '../entities/mediation-party.entity.js';
import { MediationSession } from '../entities/mediation-session.entity.js';
import { Mediator } from '../entities/mediator.entity.js';
import { MethodChange } from '../entities/method-change.entity.js';
import { NeutralEvaluation } from '../entities/neutral-evaluation.entity.js';
import { feedBackAccepted, feedBackConcluded, feedBackRejected, feedBackSession } from './docking-outbound.service.js';
import { formatCaseNumber, inTransaction, loadCaseForChange, mediationActorOf, nextNumber, requireJustice } from './common.js';
import { reportApplication } from './dispute-report.service.js';

export interface PartyInput {
  role: string;
  name: string;
  sex?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** Validates each party's fields at the boundary (names the offending field). */
export function validPartyFields(parties: readonly PartyInput[], field = 'parties') {
  if (parties.length > 20) throw DomainError.validation(field, '当事人不能超过 20 人');
  return checkEach(parties, (p, i) => {
    const f = (name: string) => `${field}[${i}].${name}`;
    const v = checkAll({
      id: () => (p.idNumber ? check.idNumber(f('idNumber'), p.idNumber) : null),
      role: () => check.oneOf(f('role'), '当事人身份', p.role, PARTY_ROLES),
      name: () => check.text(f('name'), '当事人姓名', p.name, { max: 50 }),
      sex: () => (p.sex ? check.oneOf(f('sex'), '性别', p.sex, SEXES) : null),
      phone: () => (p.phone ? check.phone(f('phone'), p.phone) : null),
      address: () => check.optionalText(f('address'), '住址', p.address, 200),
    });
    return {
      role: v.role,
      name: v.name,
      sex: v.sex ?? v.id?.info.sex ?? null,
      idNumber: v.id?.value ?? null,
      birthDate: v.id?.info.birthDate ?? null,
      phone: v.phone,
      address: v.address,
    };
  });
}

/** Validates parties at the boundary: each one's fields, and someone asking and someone asked. */
export function validParties(parties: readonly PartyInput[], field = 'parties') {
  const valid = validPartyFields(parties, field);
  const problem = partiesProblem(valid);
  if (problem) throw DomainError.validation(`${field}[${problem.index}]`, problem.message);
  return valid;
}

/** Applies a workflow event to a case (state and, for a conclusion, outcome and time). */
function apply(c: MediationCase, event: MediationEvent, caller: Caller, now: Date): void {
  const next = mediationCaseWorkflow.transition(c.status as MediationState, event, mediationActorOf(caller, c));
  c.status = next;
  const outcome = outcomeOf(event);
  if (outcome) {
    c.outcome = outcome;
    c.concludedAt = now;
  }
}

export interface ApplicationInput {
  disputeId?: string | null;
  category: string;
  summary: string;
  regionCode: string;
  parties: PartyInput[];
}

/** 当事人申请: a mediator records a direct application; it lands in their organization's inbox. */
export async function registerApplication(
  em: EntityManager,
  caller: Caller,
  input: ApplicationInput,
  references: References,
  settings: JusticeSettings,
): Promise<MediationCase> {
  requireJustice(caller);
  // Every invalid field at once; the jurisdiction is judged on a valid region code.
  const { category, summary, regionCode, parties } = checkAll({
    disputeId: () => (input.disputeId ? requireUuid('disputeId', input.disputeId) : null),
    category: () => check.oneOf('category', '纠纷类别', input.category, DISPUTE_CATEGORIES),
    summary: () => check.text('summary', '纠纷概要', input.summary, { min: 5, max: 2000 }),
    regionCode: () => {
      const code = check.regionCode('regionCode', input.regionCode, [9, 12]);
      if (!inJurisdiction(caller, code)) throw DomainError.validation('regionCode', '纠纷发生地不在本人辖区内');
      return code;
    },
    parties: () => validParties(input.parties),
  });
  const organization = await em.findOne(MediationOrganization, { code: caller.organization });
  if (!organization) throw DomainError.forbidden('只有人民调解组织可以登记调解申请');
  // A dispute id, when given, must be the hub's, on this case's branch of the region tree: checked before a case number is taken.
  const disputeId = input.disputeId ? (await verifyDisputeReference(references, 'disputeId', input.disputeId, { caller, regionCode })).id : null;
  return inTransaction(em, async (tx) => {
    const now = settings.now();
    const year = Number(chinaDate(now).slice(0, 4));
    const c = tx.create(MediationCase, {
      id: randomUUID(),
      disputeId,
      caseNumber: formatCaseNumber(year, await nextNumber(tx, 'MEDIATION_CASE', year)),
      organizationId: organization.id,
      organizationCode: organization.code,
      organizationName: organization.name,
      source: 'DIRECT_APPLICATION',
      category,
      summary,
      regionCode,
      receivedAt: now,
    });
    parties.forEach((p, position) => tx.create(MediationParty, { ...p, id: randomUUID(), caseId: c.id, position }));
    if (!disputeId) await reportApplication(tx, caller, c, parties);
    return c;
  });
}

/** 受理: by a mediator of the organization whose term has not expired; the clock starts. */
export async function acceptCase(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  mediatorId: string | null | undefined,
  settings: JusticeSettings,
): Promise<MediationCase> {
  const c = await loadCaseForChange(em, caller, caseId);
  const now = settings.now();
  mediationCaseWorkflow.transition(c.status as MediationState, 'ACCEPT', mediationActorOf(caller, c));
  const mediator = mediatorId
    ? await em.findOne(Mediator, { id: requireUuid('mediatorId', mediatorId) })
    : await em.findOne(Mediator, { accountSubject: caller.subject });
  if (!mediator || mediator.organizationId !== c.organizationId) {
    throw DomainError.validation('mediatorId', mediatorId ? '该调解员不属于承办本案的调解组织' : '请指定承办调解员(本人不在该组织名册中)');
  }
  if (!termCovers(mediator, chinaDate(now))) {
    throw new DomainError('MEDIATOR_TERM_EXPIRED', `调解员${mediator.name}的聘任期已于 ${mediator.termEnd} 届满,不能承办新案件`, { field: 'mediatorId' });
  }
  return inTransaction(em, async (tx) => {
    apply(c, 'ACCEPT', caller, now);
    c.mediatorId = mediator.id;
    c.mediatorName = mediator.name;
    c.acceptedAt = now;
    c.dueAt = mediationDueAt(now, (c.mode ?? null) as MediationMode | null, (c.procedure ?? null) as CourtProcedure | null, settings.clocks);
    const organization = await tx.findOneOrFail(MediationOrganization, { id: c.organizationId });
    await feedBackAccepted(tx, c, organization.regionCode);
    return c;
  });
}

/** 不予受理, with the reason the sender and the parties are told. */
export async function rejectCase(em: EntityManager, caller: Caller, caseId: string, reason: string, settings: JusticeSettings): Promise<MediationCase> {
  const text = check.text('reason', '不予受理理由', reason, { min: 2, max: 500 });
  const c = await loadCaseForChange(em, caller, caseId);
  return inTransaction(em, async (tx) => {
    const now = settings.now();
    apply(c, 'REJECT', caller, now);
    c.rejectionReason = text;
    await feedBackRejected(tx, c, now);
    return c;
  });
}

export interface SessionInput {
  caseId: string;
  heldAt: Date;
  place: string;
  participants: string[];
  focus: string;
  opinions: string;
  progress?: string | null;
}

/** 调解笔录. */
export async function recordSession(em: EntityManager, caller: Caller, input: SessionInput, settings: JusticeSettings): Promise<MediationSession> {
  const now = settings.now();
  // Every invalid field of the 笔录 at once; nothing is loaded before the form is valid.
  const { place, participants, focus, opinions, progress } = checkAll({
    place: () => check.text('place', '调解地点', input.place, { max: 200 }),
    participants: () => {
      if (input.participants.length === 0 || input.participants.length > 50) throw DomainError.validation('participants', '参加人员须为 1 到 50 人');
      return checkEach(input.participants, (p, i) => check.text(`participants[${i}]`, '参加人员', p, { max: 50 }));
    },
    focus: () => check.text('focus', '争议焦点', input.focus, { max: 4000 }),
    opinions: () => check.text('opinions', '各方意见', input.opinions, { max: 8000 }),
    progress: () => check.optionalText('progress', '调解情况', input.progress, 4000),
    heldAt: () => {
      if (Number.isNaN(input.heldAt.getTime()) || input.heldAt.getTime() > now.getTime()) throw DomainError.validation('heldAt', '调解时间无效或晚于当前时间');
    },
  });
  const c = await loadCaseForChange(em, caller, input.caseId);
  if (c.acceptedAt && input.heldAt.getTime() < c.acceptedAt.getTime()) throw DomainError.validation('heldAt', '调解时间不能早于受理时间');
  return inTransaction(em, async (tx) => {
    apply(c, 'RECORD_SESSION', caller, now);
    const sequence = (await tx.count(MediationSession, { caseId: c.id })) + 1;
    const session = tx.create(MediationSession, {
      id: randomUUID(),
      caseId: c.id,
      sequence,
      heldAt: input.heldAt,
      place,
      participants,
      focus,
      opinions,
      progress,
      recordedBy: caller.name,
      recordedAt: now,
    });
    await tx.flush();
    await feedBackSession(tx, c, session);
    return session;
  });
}

/** 中立评估: asks an expert of the pool. */
export async function requestEvaluation(
  em: EntityManager,
  caller: Caller,
  input: { caseId: string; expertId: string; question: string },
  settings: JusticeSettings,
): Promise<NeutralEvaluation> {
  const { question, expertId } = checkAll({
    question: () => check.text('question', '评估事项', input.question, { min: 5, max: 2000 }),
    expertId: () => requireUuid('expertId', input.expertId),
  });
  const expert = await em.findOne(Expert, { id: expertId });
  if (!expert) throw DomainError.validation('expertId', '专家库中没有该专家');
  const c = await loadCaseForChange(em, caller, input.caseId);
  return inTransaction(em, async (tx) => {
    apply(c, 'REQUEST_EVALUATION', caller, settings.now());
    return tx.create(NeutralEvaluation, {
      id: randomUUID(),
      caseId: c.id,
      expertId: expert.id,
      expertName: expert.name,
      question,
      requestedAt: settings.now(),
    });
  });
}

/** The expert's opinion, recorded by the mediator. */
export async function recordEvaluation(
  em: EntityManager,
  caller: Caller,
  input: { evaluationId: string; opinion: string },
  settings: JusticeSettings,
): Promise<NeutralEvaluation> {
  const { opinion, evaluationId } = checkAll({
    opinion: () => check.text('opinion', '评估意见', input.opinion, { min: 5, max: 8000 }),
    evaluationId: () => requireUuid('evaluationId', input.evaluationId),
  });
  const evaluation = await em.findOne(NeutralEvaluation, { id: evaluationId });
  if (!evaluation) throw DomainError.notFound('中立评估', input.evaluationId);
  const c = await loadCaseForChange(em, caller, evaluation.caseId);
  if (evaluation.completedAt) throw new DomainError('ILLEGAL_TRANSITION', '该评估已有意见', { from: 'COMPLETED', event: '记录评估意见' });
  return inTransaction(em, async () => {
    apply(c, 'RECORD_EVALUATION', caller, settings.now());
    evaluation.opinion = opinion;
    evaluation.completedAt = settings.now();
    return evaluation;
  });
}

/** 动态调整 of the mediation method. */
export async function changeMethod(
  em: EntityManager,
  caller: Caller,
  input: { caseId: string; method: string; reason: string },
  settings: JusticeSettings,
): Promise<MediationCase> {
  const { method, reason } = checkAll({
    method: () => check.oneOf('method', '调解方式', input.method, MEDIATION_METHODS),
    reason: () => check.text('reason', '调整理由', input.reason, { min: 2, max: 500 }),
  });
  const c = await loadCaseForChange(em, caller, input.caseId);
  if (c.method === method) throw DomainError.validation('method', '调解方式未改变');
  return inTransaction(em, async (tx) => {
    apply(c, 'CHANGE_METHOD', caller, settings.now());
    tx.create(MethodChange, {
      id: randomUUID(),
      caseId: c.id,
      fromMethod: c.method,
      toMethod: method,
      reason,
      changedAt: settings.now(),
      changedBy: caller.name,
    });
    c.method = method;
    return c;
  });
}

export interface ExtensionInput {
  caseId: string;
  days: number;
  reason: string;
  consentingPartyIds: string[];
  consentRecord: string;
}

/** 延期: only with every party's consent, recorded. */
export async function extendCase(em: EntityManager, caller: Caller, input: ExtensionInput, settings: JusticeSettings): Promise<MediationCase> {
  const { reason, consentRecord } = checkAll({
    reason: () => check.text('reason', '延期理由', input.reason, { min: 2, max: 500 }),
    consentRecord: () => check.text('consentRecord', '同意方式', input.consentRecord, { min: 2, max: 500 }),
    consentingPartyIds: () => checkEach(input.consentingPartyIds, (id, i) => requireUuid(`consentingPartyIds[${i}]`, id)),
  });
  const c = await loadCaseForChange(em, caller, input.caseId);
  const parties = await em.find(MediationParty, { caseId: c.id });
  mediationCaseWorkflow.transition(c.status as MediationState, 'EXTEND', mediationActorOf(caller, c));
  const previousDueAt = c.dueAt!;
  const newDueAt = extendDueAt(
    previousDueAt,
    input.days,
    { parties: parties.map((p) => p.id), consenting: input.consentingPartyIds.map((id) => id.toLowerCase()) },
    settings.clocks,
  );
  return inTransaction(em, async (tx) => {
    apply(c, 'EXTEND', caller, settings.now());
    tx.create(MediationExtension, {
      id: randomUUID(),
      caseId: c.id,
      days: input.days,
      reason,
      consentingPartyIds: input.consentingPartyIds.map((id) => id.toLowerCase()),
      consentRecord,
      previousDueAt,
      newDueAt,
      recordedAt: settings.now(),
      recordedBy: caller.name,
    });
    c.dueAt = newDueAt;
    return c;
  });
}

/** 调解不成 / 终止调解: the parties are told of their other remedies (人民调解法 Art 26). */
export async function concludeWithoutAgreement(
  em: EntityManager,
  caller: Caller,
  input: { caseId: string; outcome: string; note: string; partiesInformedOfLitigation: boolean },
  settings: JusticeSettings,
): Promise<MediationCase> {
  const { outcome, note } = checkAll({
    outcome: () => check.oneOf('outcome', '结案方式', input.outcome, ['NO_AGREEMENT', 'TERMINATED'] as const),
    note: () => check.text('note', '结案说明', input.note, { min: 2, max: 1000 }),
    partiesInformedOfLitigation: () => {
      if (!input.partiesInformedOfLitigation)
        throw DomainError.validation('partiesInformedOfLitigation', '调解不成或终止调解的,应当告知当事人可以依法通过仲裁、行政、司法等途径维护权利');
    },
  });
  const c = await loadCaseForChange(em, caller, input.caseId);
  return inTransaction(em, async (tx) => {
    apply(c, outcome === 'NO_AGREEMENT' ? 'CONCLUDE_WITHOUT_AGREEMENT' : 'TERMINATE', caller, settings.now());
    c.conclusionNote = note;
    c.partiesInformedOfLitigation = true;
    await feedBackConcluded(tx, c, null);
    return c;
  });
}

export { apply as applyMediationEvent };

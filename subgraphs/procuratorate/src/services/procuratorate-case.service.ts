import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, FieldErrors, requireUuid, checkAll } from '@jiefen/subgraph-kit';
import {
  procuratorateCaseWorkflow,
  type ProcuratorateActor,
  type ProcuratorateCaseEvent,
  type ProcuratorateCaseState,
} from '../domain/procuratorate-case.workflow.js';
import { allowedDecisions, CHARGES, DECISIONS, ineligibilityOf, type ReconciliationFacts } from '../domain/reconciliation.rules.js';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import { refer } from './docking-outbound.service.js';
import { hasRecordedFacts } from './prosecution-intake.service.js';
import { requireProcurator, type ProcuratorateSettings } from './support.js';

async function loadCase(em: EntityManager, id: string): Promise<ProcuratorateCase> {
  const found = await em.findOne(ProcuratorateCase, { id });
  if (!found) throw DomainError.notFound('检察案件', id, 'PROCURATORATE_CASE_NOT_FOUND');
  return found;
}

function step(c: ProcuratorateCase, event: ProcuratorateCaseEvent, actor: ProcuratorateActor): void {
  c.status = procuratorateCaseWorkflow.transition(c.status as ProcuratorateCaseState, event, actor);
}

/**
 * The facts as the procurator states them at the referral. For a case whose intake recorded them
 * only remorse and the victim's acceptance are stated now (they are facts of the referral's day);
 * the rest are read from the case. Chapter and negligence default from the charge catalogue.
 */
export interface ReconciliationFactsInput {
  charge?: string | null;
  chapter?: number | null;
  negligent?: boolean | null;
  arisesFromCivilDispute?: boolean | null;
  likelySentenceMonths?: number | null;
  intentionalCrimeWithinFiveYears?: boolean | null;
  suspectRepents: boolean;
  victimAccepts: boolean;
}

/** The facts of a case taken in before intake recorded them: all stated per call, every missing one reported. */
function statedFacts(input: ReconciliationFactsInput): ReconciliationFacts {
  const errors = new FieldErrors();
  const charge = input.charge ? errors.field(() => check.text('facts.charge', '罪名', input.charge!, { min: 2, max: 50 })) : undefined;
  if (!input.charge) errors.add('facts.charge', '案件未登记罪名,须写明');
  const known = charge ? CHARGES[charge] : undefined;
  const chapter = input.chapter ?? known?.chapter;
  const negligent = input.negligent ?? known?.negligent;
  if (charge && (chapter === undefined || chapter === null)) errors.add('facts.chapter', '罪名不在目录中,须写明所属刑法分则章次');
  if (charge && (negligent === undefined || negligent === null)) errors.add('facts.negligent', '罪名不在目录中,须写明是否过失犯罪');
  if (chapter != null) errors.field(() => check.int('facts.chapter', '刑法分则章次', chapter, { min: 1, max: 10 }));
  for (const [field, label] of [
    ['arisesFromCivilDispute', '是否因民间纠纷引起'],
    ['likelySentenceMonths', '可能判处的刑期(月)'],
    ['intentionalCrimeWithinFiveYears', '五年以内是否曾经故意犯罪'],
  ] as const) {
    if (input[field] === undefined || input[field] === null) errors.add(`facts.${field}`, `案件未登记${label},须写明`);
  }
  if (input.likelySentenceMonths != null)
    errors.field(() => check.int('facts.likelySentenceMonths', '可能判处的刑期(月)', input.likelySentenceMonths!, { min: 0, max: 300 }));
  errors.done();
  return {
    charge: charge!,
    chapter: chapter!,
    negligent: negligent!,
    arisesFromCivilDispute: input.arisesFromCivilDispute!,
    likelySentenceMonths: input.likelySentenceMonths!,
    intentionalCrimeWithinFiveYears: input.intentionalCrimeWithinFiveYears!,
    suspectRepents: input.suspectRepents,
    victimAccepts: input.victimAccepts,
  };
}

/**
 * The facts 刑事和解 is judged on: the case's recorded intake facts when it has them (a fact also
 * stated per call must agree with the record — a disagreement is refused naming every such field,
 * since the record, not the call, is what the decision rests on), otherwise the stated facts.
 */
export function factsOf(c: ProcuratorateCase, input: ReconciliationFactsInput): ReconciliationFacts {
  if (!hasRecordedFacts(c)) return statedFacts(input);
  const recorded: ReconciliationFacts = {
    charge: c.charge!,
    chapter: c.chapter!,
    negligent: c.negligent!,
    arisesFromCivilDispute: c.arisesFromCivilDispute!,
    likelySentenceMonths: c.statutoryMaximumMonths!,
    intentionalCrimeWithinFiveYears: c.intentionalCrimeWithinFiveYears!,
    suspectRepents: input.suspectRepents,
    victimAccepts: input.victimAccepts,
  };
  const errors = new FieldErrors();
  for (const field of ['charge', 'chapter', 'negligent', 'arisesFromCivilDispute', 'likelySentenceMonths', 'intentionalCrimeWithinFiveYears'] as const) {
    const stated = input[field];
    if (stated !== undefined && stated !== null && stated !== recorded[field]) {
      errors.add(`facts.${field}`, `与登记的案件事实不一致(登记为 ${String(recorded[field])}),请以案件登记为准`);
    }
  }
  errors.done();
  return recorded;
}

/** Where a referral goes: the receiving mediation organization's credit code (and its name, when known). */
export interface ReferralTarget {
  organizationCode: string;
  organization?: string | null;
}

function targetOf(input: ReferralTarget): { code: string; name: string | null } {
  return {
    code: check.creditCode('receiver.creditCode', input.organizationCode),
    name: check.optionalText('receiver.name', '调解组织名称', input.organization, 100),
  };
}

/**
 * 检调对接 for a criminal case: checks 刑事和解 eligibility (Art 288) first. An ineligible case is
 * refused with every reason (`NOT_ELIGIBLE`) and nothing is written or sent. An eligible one is
 * referred (委托, the case stays the procuratorate's) and `DockingRequested` goes to the justice
 * bureau (and the hub) in the same transaction.
 */
export async function referForReconciliation(
  em: EntityManager,
  caller: Caller,
  id: string,
  input: ReferralTarget & { facts: ReconciliationFactsInput },
  settings: ProcuratorateSettings,
): Promise<ProcuratorateCase> {
  requireProcurator(caller);
  const target = targetOf(input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    requireProcurator(caller, c.regionCode);
    if (c.kind !== 'CRIMINAL_RECONCILIATION') throw DomainError.validation('id', '民事监督案件请使用“民事监督案件移交调解”');
    step(c, 'REFER', 'PROCURATOR');
    const facts = factsOf(c, input.facts);
    const reasons = ineligibilityOf(facts);
    if (reasons.length) {
      throw new DomainError('NOT_ELIGIBLE', `不适用刑事和解:${reasons.map((r) => r.reason).join(';')}`, { reasons: reasons.map((r) => r.code) });
    }
    Object.assign(c, { eligibility: facts, charge: facts.charge });
    await refer(tx, caller, c, target, 'COMMISSION', settings);
    return c;
  });
}

/** 民事监督案件 referred to mediation (the parties may settle while the review waits): 移交, docked like a criminal referral. */
export async function referCivilSupervisionToMediation(
  em: EntityManager,
  caller: Caller,
  id: string,
  input: ReferralTarget,
  settings: ProcuratorateSettings,
): Promise<ProcuratorateCase> {
  requireProcurator(caller);
  const target = targetOf(input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    requireProcurator(caller, c.regionCode);
    if (c.kind !== 'CIVIL_SUPERVISION') throw DomainError.validation('id', '刑事案件须先审查刑事和解条件,请使用“刑事和解移交调解”');
    step(c, 'REFER', 'PROCURATOR');
    await refer(tx, caller, c, target, 'TRANSFER', settings);
    return c;
  });
}

export interface ReconciliationOutcomeReport {
  caseId: string;
  reconciled: boolean;
  /** The agreement's gist, or why no agreement was reached. */
  summary: string;
  concludedAt?: Date | string | null;
}

async function applyOutcome(
  em: EntityManager,
  actor: ProcuratorateActor,
  caller: Caller | null,
  report: ReconciliationOutcomeReport,
  settings: ProcuratorateSettings,
): Promise<ProcuratorateCase> {
  const { id, summary, at } = checkAll({
    id: () => requireUuid('caseId', report.caseId),
    summary: () => check.text('summary', '和解情况', report.summary, { min: 2, max: 2000 }),
    at: () => {
      const concludedAt = report.concludedAt ? new Date(report.concludedAt) : settings.now();
      if (Number.isNaN(concludedAt.getTime())) throw DomainError.validation('concludedAt', '调解结束时间无效');
      return concludedAt;
    },
  });
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    if (caller) requireProcurator(caller, c.regionCode);
    step(c, report.reconciled ? 'RECORD_RECONCILED' : 'RECORD_NOT_RECONCILED', actor);
    Object.assign(c, { outcome: report.reconciled ? 'RECONCILED' : 'NOT_RECONCILED', outcomeAt: at, agreementSummary: summary });
    return c;
  });
}

/** Entry point for the docking event bringing the mediation's outcome back (the inbox verified the sender). */
export function receiveMediationOutcome(em: EntityManager, report: ReconciliationOutcomeReport, settings: ProcuratorateSettings): Promise<ProcuratorateCase> {
  return applyOutcome(em, 'MEDIATION_ORGANIZATION', null, report, settings);
}

/** The procurator records the outcome (Art 289: after reviewing the agreement's voluntariness and legality). */
export function recordReconciliationOutcome(
  em: EntityManager,
  caller: Caller,
  report: ReconciliationOutcomeReport,
  settings: ProcuratorateSettings,
): Promise<ProcuratorateCase> {
  requireProcurator(caller);
  return applyOutcome(em, 'PROCURATOR', caller, report, settings);
}

/** 处理决定 (Art 290): leniency recommendation, no prosecution, or prosecution continues; civil: review ends or continues. */
export async function concludeProcuratorateCase(
  em: EntityManager,
  caller: Caller,
  id: string,
  decision: string,
  note: string,
  settings: ProcuratorateSettings,
): Promise<ProcuratorateCase> {
  requireProcurator(caller);
  const { chosen, decisionNote } = checkAll({
    chosen: () => check.oneOf('decision', '处理决定', decision, DECISIONS),
    decisionNote: () => check.text('note', '决定理由', note, { min: 2, max: 2000 }),
  });
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, id);
    requireProcurator(caller, c.regionCode);
    const reconciled = c.status === 'RECONCILED';
    step(c, 'CONCLUDE', 'PROCURATOR');
    const allowed = allowedDecisions(c.kind as 'CRIMINAL_RECONCILIATION' | 'CIVIL_SUPERVISION', reconciled);
    if (!allowed.includes(chosen)) {
      throw new DomainError('DECISION_NOT_ALLOWED', reconciled ? '该案件类型不能作出此决定' : '未达成和解的案件只能依法继续办理(继续起诉或继续监督)', {
        allowed,
      });
    }
    Object.assign(c, { decision: chosen, decisionNote, concludedAt: settings.now() });
    return c;
  });
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { chinaYear } from '@jiefen/calendar';
import { DISPUTE_CATEGORIES } from '@jiefen/codes';
import { check, DomainError, FieldErrors, nextNumber, requireUuid, verifyDisputeReference, type References } from '@jiefen/subgraph-kit';
import { checkExtension, checkReviewRequestInTime, handleDueAt, reviewDueAt, routeDueAt, type PetitionSettings } from '../domain/clocks.js';
import { checkRating, petitionWorkflow, SATISFACTION, type PetitionActor, type PetitionEvent, type PetitionState } from '../domain/petition-item.workflow.js';
import { PetitionItem } from '../entities/petition-item.entity.js';
import { reportPetition } from './dispute-report.service.js';
import { openPetitionDocking } from './docking-outbound.service.js';

/** Mutations: petition-bureau staff only, on items in their jurisdiction. */
export function requireOfficer(caller: Caller, regionCode?: string): void {
  if (caller.agency !== 'PETITION' || !hasRole(caller, 'STAFF', 'SUPERVISOR', 'ADMIN')) throw DomainError.forbidden('只有信访工作人员可以办理');
  if (regionCode !== undefined && !inJurisdiction(caller, regionCode)) throw DomainError.forbidden('该信访事项不在本人辖区内');
}

export interface PetitionInput {
  /** The hub's dispute, when the officer has it; without it the item is reported to the hub (一案一号). */
  disputeId?: string | null;
  /** 纠纷类别 of the one list: required without `disputeId` (the hub registers or links by it). */
  category?: string | null;
  /** 纠纷发生地点 (address text), for the hub. */
  place?: string | null;
  form: string;
  subject: string;
  regionCode: string;
  petitionerName: string;
  petitionerIdNumber: string;
  petitionerPhone?: string | null;
}

/**
 * 登记: the 15-day routing clock starts; numbered 兴访〔year〕NNNN号. Every invalid field is reported
 * at once and nothing is written. A hub dispute id, when given, is verified at the hub before a
 * number is taken; without one, the item is reported to the hub in the same transaction and the hub
 * answers with the dispute it registered or linked.
 */
export async function registerPetition(
  em: EntityManager,
  caller: Caller,
  input: PetitionInput,
  references: References,
  settings: PetitionSettings,
): Promise<PetitionItem> {
  const now = settings.now();
  requireOfficer(caller);
  const errors = new FieldErrors();
  const given = input.disputeId ? errors.field(() => requireUuid('disputeId', input.disputeId!)) : null;
  const form = errors.field(() => check.oneOf('form', '信访形式', input.form, ['LETTER', 'VISIT', 'ONLINE', 'PHONE'] as const));
  const subject = errors.field(() => check.text('subject', '信访事由', input.subject, { min: 5, max: 2000 }));
  const regionCode = errors.field(() => check.regionCode('regionCode', input.regionCode));
  const petitionerName = errors.field(() => check.text('petitionerName', '信访人姓名', input.petitionerName, { max: 50 }));
  const petitionerIdNumber = errors.field(() => check.idNumber('petitionerIdNumber', input.petitionerIdNumber).value);
  const petitionerPhone = input.petitionerPhone ? errors.field(() => check.phone('petitionerPhone', input.petitionerPhone!)) : null;
  const category = input.category ? errors.field(() => check.oneOf('category', '纠纷类别', input.category!, DISPUTE_CATEGORIES)) : null;
  if (!input.disputeId && !input.category) errors.add('category', '未填写综治中心纠纷编号时须写明纠纷类别(报综治中心登记)');
  const place = errors.field(() => check.optionalText('place', '纠纷发生地点', input.place, 200));
  errors.done();
  requireOfficer(caller, regionCode!);
  const disputeId = given ? (await verifyDisputeReference(references, 'disputeId', given, { caller, regionCode: regionCode! })).id : null;
  return em.transactional(async (tx) => {
    const year = chinaYear(now);
    // The year's counter (row lock: concurrent registrations queue, each gets the next number); a
    // year's first counter continues from the items already numbered (from 401 on).
    const n = await nextNumber(tx, `petition-item:${year}`, async () => {
      const [row] = await tx
        .getConnection()
        .execute<{ n: number }[]>(
          `select coalesce(max(substring(item_number from '〕(\\d+)号$')::int), 400) as n from petition_item where item_number like ?`,
          [`兴访〔${year}〕%`],
          'all',
          tx.getTransactionContext(),
        );
      return Number(row!.n);
    });
    const due = routeDueAt(now, settings.clocks);
    const item = tx.create(PetitionItem, {
      id: randomUUID(),
      disputeId,
      itemNumber: `兴访〔${year}〕${String(n).padStart(4, '0')}号`,
      form: form!,
      subject: subject!,
      category: category ?? null,
      regionCode: regionCode!,
      registeredAt: now,
      petitionerName: petitionerName!,
      petitionerIdNumber: petitionerIdNumber!,
      petitionerPhone: petitionerPhone ?? null,
      routeDueAt: due,
      dueAt: due,
    });
    if (!disputeId) await reportPetition(tx, caller, item, { category: category!, place: place ?? null });
    return item;
  });
}

/** What a step carries: the text the officer writes, and the petitioner's choices. */
export interface StepInput {
  text?: string | null;
  days?: number | null;
  satisfaction?: string | null;
}

const TEXTS: Partial<Record<PetitionEvent, [string, string, number]>> = {
  ACCEPT: ['handlingUnit', '承办单位', 100],
  TRANSFER: ['handlingUnit', '有权处理机关', 100],
  DECLINE: ['reason', '不予受理理由', 1000],
  EXTEND: ['reason', '延长理由', 1000],
  REFERRAL_REJECTED: ['reason', '不予受理理由', 1000],
  MEDIATION_SUCCEEDED: ['summary', '调解协议内容', 2000],
  MEDIATION_FAILED: ['summary', '调解不成的原因', 2000],
  ANSWER: ['answer', '处理意见', 4000],
  ANSWER_REVIEW: ['opinion', '复查意见', 4000],
  ANSWER_RE_REVIEW: ['opinion', '复核意见', 4000],
};

/**
 * Moves an item along its workflow and keeps its clocks: the running deadline (`dueAt`) is the
 * routing, handling, review or re-review deadline of the new state. `caller` null means the docking
 * event handler acting for the mediation organization.
 */
async function advance(
  em: EntityManager,
  actor: PetitionActor,
  caller: Caller | null,
  id: string,
  event: PetitionEvent,
  input: StepInput,
  settings: PetitionSettings,
  effect?: (tx: EntityManager, p: PetitionItem) => Promise<void>,
): Promise<PetitionItem> {
  const now = settings.now();
  const { clocks } = settings;
  if (caller) requireOfficer(caller);
  const spec = TEXTS[event];
  const text = spec ? check.text(spec[0], spec[1], input.text ?? '', { min: 2, max: spec[2] }) : null;
  return em.transactional(async (tx) => {
    const p = await tx.findOne(PetitionItem, { id });
    if (!p) throw DomainError.notFound('信访事项', id, 'PETITION_ITEM_NOT_FOUND');
    if (caller) requireOfficer(caller, p.regionCode);
    const next = petitionWorkflow.transition(p.status as PetitionState, event, actor);
    switch (event) {
      case 'ACCEPT':
        Object.assign(p, { routedAt: now, handlingUnit: text, acceptedAt: now, handleDueAt: handleDueAt(now, 0, clocks) });
        break;
      case 'TRANSFER':
        Object.assign(p, { routedAt: now, handlingUnit: text });
        break;
      case 'DECLINE':
        Object.assign(p, { routedAt: now, declineReason: text });
        break;
      case 'EXTEND':
        checkExtension(p.extensionDays, input.days ?? 0, clocks);
        Object.assign(p, { extensionDays: input.days, extensionReason: text, handleDueAt: handleDueAt(p.acceptedAt!, input.days!, clocks) });
        break;
      case 'REFER_TO_MEDIATION':
        // The referral's own fields and its docking event are the effect's (`referPetitionToMediation`).
        Object.assign(p, { referredAt: now, mediationOutcome: null });
        break;
      case 'REFERRAL_REJECTED':
        // The reason stays with the hand-over (its outgoing docking); the item only goes back.
        break;
      case 'MEDIATION_SUCCEEDED':
        Object.assign(p, { mediationOutcome: 'SUCCEEDED', answer: text, concludedAt: now });
        break;
      case 'MEDIATION_FAILED':
        p.mediationOutcome = 'FAILED';
        break;
      case 'ANSWER':
        Object.assign(p, { answer: text, concludedAt: now });
        break;
      case 'REQUEST_REVIEW':
        checkReviewRequestInTime(p.concludedAt!, now, clocks);
        p.reviewRequestedAt = now;
        break;
      case 'ANSWER_REVIEW':
        Object.assign(p, { reviewOpinion: text, reviewAnsweredAt: now });
        break;
      case 'REQUEST_RE_REVIEW':
        checkReviewRequestInTime(p.reviewAnsweredAt!, now, clocks);
        p.reReviewRequestedAt = now;
        break;
      case 'ANSWER_RE_REVIEW':
        Object.assign(p, { reReviewOpinion: text, reReviewAnsweredAt: now });
        break;
    }
    p.status = next;
    p.dueAt =
      {
        REGISTERED: p.routeDueAt,
        ACCEPTED: p.handleDueAt,
        REFERRED_TO_MEDIATION: p.handleDueAt,
        UNDER_REVIEW: p.reviewRequestedAt ? reviewDueAt(p.reviewRequestedAt, clocks) : null,
        UNDER_RE_REVIEW: p.reReviewRequestedAt ? reviewDueAt(p.reReviewRequestedAt, clocks) : null,
      }[next as string] ?? null;
    if (effect) await effect(tx, p);
    return p;
  });
}

/** An officer's step on an item (受理, 转送, 不予受理, 延期, 答复, 复查, 复核…); 移交调解 is `referPetitionToMediation`. */
export function actOnPetition(
  em: EntityManager,
  caller: Caller,
  id: string,
  event: PetitionEvent,
  input: StepInput = {},
  settings: PetitionSettings,
): Promise<PetitionItem> {
  if (event === 'REFER_TO_MEDIATION' || event === 'REFERRAL_REJECTED')
    throw DomainError.validation('event', '移交调解须指明接收的调解组织,请使用“移交人民调解(访调对接)”');
  return advance(em, 'PETITION_OFFICER', caller, requireUuid('id', id), event, input, settings);
}

/**
 * 访调对接: an accepted item goes to a people's mediation organization; its docking (the outgoing
 * docking and `DockingRequested` to the justice bureau and the hub) opens in the same transaction.
 * An item that may not be referred is refused by its workflow and nothing is written or sent.
 */
export async function referPetitionToMediation(
  em: EntityManager,
  caller: Caller,
  id: string,
  target: { organizationCode: string; organization?: string | null; respondents?: { name: string; idNumber: string | null; phone: string | null }[] },
  settings: PetitionSettings,
): Promise<PetitionItem> {
  requireOfficer(caller);
  // Every invalid field at once; the respondents (被反映人) go with the hand-over, so that the
  // committee's case has both sides (a joint application for judicial confirmation needs them).
  const errors = new FieldErrors();
  const organizationCode = errors.field(() => check.creditCode('receiver.creditCode', target.organizationCode))!;
  const organizationName = errors.field(() => check.optionalText('receiver.name', '调解组织名称', target.organization, 100)) ?? null;
  if ((target.respondents ?? []).length > 20) errors.add('respondents', '对方当事人不能超过 20 名');
  const respondents = (target.respondents ?? []).slice(0, 20).map((r, i) => ({
    role: 'RESPONDENT',
    name: errors.field(() => check.text(`respondents[${i}].name`, '对方当事人姓名', r.name, { max: 50 }))!,
    idNumber: r.idNumber ? (errors.field(() => check.idNumber(`respondents[${i}].idNumber`, r.idNumber!).value) ?? null) : null,
    phone: r.phone ? (errors.field(() => check.phone(`respondents[${i}].phone`, r.phone!)) ?? null) : null,
  }));
  errors.done();
  return advance(em, 'PETITION_OFFICER', caller, requireUuid('id', id), 'REFER_TO_MEDIATION', {}, settings, async (tx, p) => {
    if (!p.petitionerName) throw DomainError.validation('id', '信访事项没有登记信访人,无法移交调解');
    await openPetitionDocking(tx, caller, p, { code: organizationCode, name: organizationName }, respondents);
  });
}

/** Entry point for `DockingRejected`: the organization declined; the item is the bureau's again, with the reason. */
export function receiveReferralRejection(em: EntityManager, petitionItemId: string, reason: string, settings: PetitionSettings): Promise<PetitionItem> {
  return advance(em, 'MEDIATION_ORGANIZATION', null, requireUuid('petitionItemId', petitionItemId), 'REFERRAL_REJECTED', { text: reason }, settings);
}

export interface PetitionMediationOutcome {
  petitionItemId: string;
  succeeded: boolean;
  summary: string;
}

/**
 * Entry point for the docking event that brings the 访调 mediation's outcome back: success closes
 * the item with the agreement as its answer; failure returns it to the bureau's handling.
 */
export function receiveMediationOutcome(em: EntityManager, outcome: PetitionMediationOutcome, settings: PetitionSettings): Promise<PetitionItem> {
  return advance(
    em,
    'MEDIATION_ORGANIZATION',
    null,
    requireUuid('petitionItemId', outcome.petitionItemId),
    outcome.succeeded ? 'MEDIATION_SUCCEEDED' : 'MEDIATION_FAILED',
    { text: outcome.summary },
    settings,
  );
}

/** 满意度评价: the petitioner's rating, once, after closing. */
export async function ratePetition(em: EntityManager, caller: Caller, id: string, satisfaction: string, settings: PetitionSettings): Promise<PetitionItem> {
  requireOfficer(caller);
  const rating = check.oneOf('satisfaction', '满意度', satisfaction, SATISFACTION);
  return em.transactional(async (tx) => {
    const p = await tx.findOne(PetitionItem, { id: requireUuid('id', id) });
    if (!p) throw DomainError.notFound('信访事项', id, 'PETITION_ITEM_NOT_FOUND');
    requireOfficer(caller, p.regionCode);
    checkRating(p.status as PetitionState, !!p.satisfaction);
    Object.assign(p, { satisfaction: rating, ratedAt: settings.now() });
    return p;
  });
}

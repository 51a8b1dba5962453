import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { inJurisdiction } from '@jiefen/auth';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '@jiefen/codes';
import { check, DomainError, FieldErrors } from '@jiefen/subgraph-kit';
import { isReportedCase } from '../domain/dispute-report.rules.js';
import { CHARGES } from '../domain/reconciliation.rules.js';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import { reportProsecutionCase } from './dispute-report.service.js';
import { requireProcurator, type ProcuratorateSettings } from './support.js';

// 审查起诉 intake, the procuratorate's front door: a criminal case received for review, with the
// facts 刑事和解 eligibility (刑诉法 Art 288) is later judged on. No hub dispute yet (`disputeId`
// null): a case that is a dispute is reported to the hub in the same transaction
// (dispute-report.service.ts), whose answer sets its dispute id and 统一编号.

export interface ProsecutionCaseInput {
  caseNumber: string;
  regionCode: string;
  receivedAt?: Date | null;
  charge: string;
  chapter?: number | null;
  negligent?: boolean | null;
  statutoryMaximumMonths: number;
  intentionalCrimeWithinFiveYears: boolean;
  arisesFromCivilDispute: boolean;
  /** 纠纷类别 (Chinese name) for the hub; only for a case that is reported (isReportedCase). */
  disputeCategory?: string | null;
  suspect: { name: string; idNumber?: string | null; birthDate?: string | null };
  victim: { name: string; idNumber?: string | null; phone?: string | null };
}

/** 300 months stands for life imprisonment or death (the range's upper limit is then above any fixed term). */
export const STATUTORY_MAXIMUM_CAP_MONTHS = 300;

/**
 * Registers a 审查起诉 case. Every invalid field is reported at once (`VALIDATION_FAILED` with
 * `fields`), a case number already taken among them, and nothing is written. The charge's chapter
 * and negligence default from the charge catalogue; a charge outside it must state both.
 */
export async function registerProsecutionCase(
  em: EntityManager,
  caller: Caller,
  input: ProsecutionCaseInput,
  settings: ProcuratorateSettings,
): Promise<ProcuratorateCase> {
  requireProcurator(caller);
  const errors = new FieldErrors();
  const now = settings.now();
  const caseNumber = errors.field(() => check.text('caseNumber', '案号', input.caseNumber, { min: 4, max: 60 }));
  const regionCode = errors.field(() => check.regionCode('regionCode', input.regionCode));
  if (regionCode && !inJurisdiction(caller, regionCode)) errors.add('regionCode', `案件区划(${regionCode})不在本院辖区(${caller.jurisdiction})内`);
  const receivedAt = input.receivedAt ?? now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + 5 * 60_000) errors.add('receivedAt', '受理时间无效或晚于当前时间');
  const charge = errors.field(() => check.text('charge', '罪名', input.charge, { min: 2, max: 50 }));
  const known = charge ? CHARGES[charge] : undefined;
  const chapterInput = input.chapter ?? known?.chapter;
  const chapter = chapterInput === undefined ? undefined : errors.field(() => check.int('chapter', '刑法分则章次', chapterInput, { min: 1, max: 10 }));
  if (chapterInput === undefined) errors.add('chapter', '罪名不在目录中,须写明所属刑法分则章次');
  const negligent = input.negligent ?? known?.negligent;
  if (negligent === undefined) errors.add('negligent', '罪名不在目录中,须写明是否过失犯罪');
  const statutoryMaximumMonths = errors.field(() =>
    check.int('statutoryMaximumMonths', '可能判处的刑罚上限(月)', input.statutoryMaximumMonths, { min: 0, max: STATUTORY_MAXIMUM_CAP_MONTHS }),
  );
  const suspectName = errors.field(() => check.text('suspect.name', '犯罪嫌疑人姓名', input.suspect.name, { max: 50 }));
  const suspectId = input.suspect.idNumber ? errors.field(() => check.idNumber('suspect.idNumber', input.suspect.idNumber!)) : undefined;
  const statedBirth = input.suspect.birthDate
    ? errors.field(() => check.date('suspect.birthDate', '犯罪嫌疑人出生日期', input.suspect.birthDate!, { notFuture: true }))
    : undefined;
  if (!input.suspect.idNumber && !input.suspect.birthDate) errors.add('suspect.birthDate', '犯罪嫌疑人无公民身份号码时须写明出生日期');
  if (suspectId && statedBirth && suspectId.info.birthDate !== statedBirth) errors.add('suspect.birthDate', '出生日期与公民身份号码不符');
  const victimName = errors.field(() => check.text('victim.name', '被害人姓名', input.victim.name, { max: 50 }));
  const victimIdNumber = input.victim.idNumber ? errors.field(() => check.idNumber('victim.idNumber', input.victim.idNumber!).value) : null;
  const victimPhone = input.victim.phone ? errors.field(() => check.phone('victim.phone', input.victim.phone!)) : null;
  let disputeCategory: DisputeCategory | null = null;
  if (input.disputeCategory) {
    disputeCategory = errors.field(() => check.oneOf('disputeCategory', '纠纷类别', input.disputeCategory!, DISPUTE_CATEGORIES)) ?? null;
    const reported = isReportedCase({ arisesFromCivilDispute: input.arisesFromCivilDispute, negligent: negligent ?? null });
    if (disputeCategory && !reported) errors.add('disputeCategory', '纠纷类别只用于报送综治中心的案件(因民间纠纷引起或过失犯罪)');
  }
  return em
    .transactional(async (tx) => {
      if (caseNumber && (await tx.count(ProcuratorateCase, { caseNumber }))) errors.add('caseNumber', `案号 ${caseNumber} 已登记`);
      errors.done();
      const created = tx.create(ProcuratorateCase, {
        id: randomUUID(),
        disputeId: null,
        caseNumber: caseNumber!,
        kind: 'CRIMINAL_RECONCILIATION',
        charge: charge!,
        chapter: chapter!,
        negligent: negligent!,
        statutoryMaximumMonths: statutoryMaximumMonths!,
        intentionalCrimeWithinFiveYears: input.intentionalCrimeWithinFiveYears,
        arisesFromCivilDispute: input.arisesFromCivilDispute,
        disputeCategory,
        regionCode: regionCode!,
        receivedAt,
        suspectName: suspectName!,
        suspectIdNumber: suspectId?.value ?? null,
        suspectBirthDate: suspectId?.info.birthDate ?? statedBirth!,
        victimName: victimName!,
        victimIdNumber: victimIdNumber ?? null,
        victimPhone: victimPhone ?? null,
      });
      await reportProsecutionCase(tx, caller, created);
      return created;
    })
    .catch(caseNumberTaken);
}

/** Whether the case's intake recorded the facts 刑事和解 is judged on. */
export function hasRecordedFacts(c: ProcuratorateCase): boolean {
  return (
    c.chapter != null &&
    c.negligent != null &&
    c.statutoryMaximumMonths != null &&
    c.intentionalCrimeWithinFiveYears != null &&
    c.arisesFromCivilDispute != null
  );
}

/** Raced on the case number with another registration: answered as the conflict it is. */
export function caseNumberTaken(error: unknown): never {
  if ((error as { name?: string }).name === 'UniqueConstraintViolationException') throw new DomainError('CONFLICT', '案号已被同时提交的登记占用,请核对后重试');
  throw error;
}

import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid, checkAll, checkEach } from '@jiefen/subgraph-kit';
import type { HubClocks } from '../domain/clocks.js';
import type { HubSettings } from '../domain/config.js';
import { DISPUTE_CATEGORIES } from '../domain/dispute-registration.js';
import { cadenceOfRegion, FORECASTS, parsePeriod, reportDueAt, type Period } from '../domain/screening.js';
import type { Dispute } from '../entities/dispute.entity.js';
import { ScreeningFinding } from '../entities/screening-finding.entity.js';
import { ScreeningReport } from '../entities/screening-report.entity.js';
import type { RegisterFromFindingInput, SubmitScreeningReportInput } from '../domain/commands.js';
import { requireRegion, validateDocuments, validateParties, writeRegistration } from './dispute-registration.service.js';
import { lockingConflicts, requireHubStaff } from './hub-rules.js';

export function requirePeriod(field: string, key: string): Period {
  const period = parsePeriod(key);
  if (!period) throw DomainError.validation(field, '排查周期无效:村(社区)按周(如 2026-W48),镇(街道)按半月(如 2026-11-H2)');
  return period;
}

/** 排查报告: findings, or a zero report (零报告) when there are none; one report per region and period. */
export async function submitScreeningReport(
  em: EntityManager,
  caller: Caller,
  input: SubmitScreeningReportInput,
  settings: HubSettings,
): Promise<ScreeningReport> {
  const now = settings.now();
  requireHubStaff(caller);
  // Every invalid field of the report at once: its region and period, and each finding's fields.
  const { regionCode, period, findings } = checkAll({
    regionCode: () => check.regionCode('regionCode', input.regionCode, [9, 12]),
    period: () => {
      const p = requirePeriod('periodKey', input.periodKey);
      if (p.from.getTime() > now.getTime()) throw DomainError.validation('periodKey', '排查周期尚未开始');
      return p;
    },
    findings: () => {
      if (input.findings.length > 100) throw DomainError.validation('findings', '一份报告最多 100 条排查发现');
      return checkEach(input.findings, (f, i) => {
        const field = (name: string) => `findings[${i}].${name}`;
        return checkAll({
          category: () => check.oneOf(field('category'), '纠纷类别', f.category, DISPUTE_CATEGORIES),
          cause: () => check.text(field('cause'), '起因', f.cause, { min: 5, max: 2000 }),
          occurredOn: () => check.date(field('occurredOn'), '发生时间', f.occurredOn, { notFuture: true }),
          place: () => check.text(field('place'), '发生地点', f.place, { max: 200 }),
          unit: () => check.optionalText(field('unit'), '涉及单位', f.unit, 200),
          peopleInvolved: () => check.int(field('peopleInvolved'), '涉及人数', f.peopleInvolved, { min: 1, max: 100_000 }),
          keyPersons: () => check.optionalText(field('keyPersons'), '重点人员', f.keyPersons, 1000),
          forecast: () => check.oneOf(field('forecast'), '研判预测', f.forecast, FORECASTS),
        });
      });
    },
  });
  if (cadenceOfRegion(regionCode) !== period.cadence) {
    throw DomainError.validation(
      'periodKey',
      period.cadence === 'WEEKLY' ? '按周排查的是村(社区),镇(街道)按半月报告' : '按半月排查的是镇(街道),村(社区)按周报告',
    );
  }
  await requireRegion(em, caller, 'regionCode', regionCode);
  if (await em.count(ScreeningReport, { regionCode, periodKey: period.key })) {
    throw DomainError.validation('periodKey', '该区划本期已报送排查报告');
  }
  const report = em.create(ScreeningReport, {
    id: randomUUID(),
    regionCode,
    periodKey: period.key,
    cadence: period.cadence,
    zeroReport: findings.length === 0,
    findingCount: findings.length,
    submittedAt: now,
    submittedBySubject: caller.subject,
    submittedByName: caller.name,
  });
  findings.forEach((f, position) => em.create(ScreeningFinding, { ...f, id: randomUUID(), reportId: report.id, position, regionCode }));
  try {
    await em.flush();
  } catch (error) {
    // Two submissions of the same period at once: the unique key lets one through.
    if ((error as { name?: string }).name === 'UniqueConstraintViolationException') throw DomainError.validation('periodKey', '该区划本期已报送排查报告');
    throw error;
  }
  return report;
}

/** A finding becomes a registered dispute in one step (channel GRID_SCREENING), and keeps the link. */
export async function registerDisputeFromFinding(
  em: EntityManager,
  caller: Caller,
  input: RegisterFromFindingInput,
  personKeyOf: (idNumber: string) => string,
  settings: HubSettings,
): Promise<Dispute> {
  requireHubStaff(caller);
  const finding = await em.findOne(ScreeningFinding, { id: requireUuid('findingId', input.findingId) });
  if (!finding) throw DomainError.notFound('排查发现', input.findingId);
  requireHubStaff(caller, finding.regionCode);
  if (finding.disputeId) throw new DomainError('ILLEGAL_TRANSITION', '该排查发现已登记为纠纷', { disputeId: finding.disputeId });
  const registration = {
    category: finding.category,
    channel: 'GRID_SCREENING',
    summary: check.text('summary', '纠纷概要', input.summary ?? finding.cause, { min: 5, max: 2000 }),
    claims: check.optionalText('claims', '当事人诉求', input.claims, 2000),
    regionCode: finding.regionCode,
    peopleInvolved: finding.peopleInvolved,
    parties: validateParties(input.parties),
    documents: validateDocuments(input.documents),
  };
  return lockingConflicts(() =>
    em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(ScreeningFinding, { id: finding.id });
      if (locked.disputeId) throw new DomainError('ILLEGAL_TRANSITION', '该排查发现已登记为纠纷', { disputeId: locked.disputeId });
      const dispute = await writeRegistration(tx, caller, registration, personKeyOf, settings.clocks, settings.now());
      locked.disputeId = dispute.id;
      await tx.flush();
      return dispute;
    }),
  );
}

/**
 * The regions that owe screening reports, as SQL on the region table aliased `alias`: every
 * village/community (weekly) and town (half-monthly) of the tree except the statistics' virtual
 * ones (虚拟社区…), which have no grid to screen.
 */
export const owesScreeningReports = (alias: string): string => `${alias}.name not like '%虚拟%'`;

/** When a period's reports are due: a missing one is overdue only after that. */
export function screeningDueAt(period: Period, clocks: HubClocks): Date {
  return reportDueAt(period, clocks.screeningGraceDays);
}

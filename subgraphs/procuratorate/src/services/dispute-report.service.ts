import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { reportDispute, type DisputeAnswerHooks } from '@jiefen/docking';
import { isReportedCase, reportedCategory } from '../domain/dispute-report.rules.js';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import { PROCURATORATE_UNIT_NAME } from './docking-outbound.service.js';

// 一案一号 for the procuratorate: a 审查起诉 case that carries a dispute between people is reported
// to the hub in the intake's transaction; the hub's answer (docking-inbound.service.ts) sets its
// dispute id and 统一编号.

/** The procuratorate record reported to the hub (the same type a 检调 hand-over names). */
export const REPORTED_RECORD = 'ProcuratorateCase';

/** Reports the case if it is a dispute; inside the intake's transaction. */
export async function reportProsecutionCase(tx: EntityManager, caller: Caller, c: ProcuratorateCase): Promise<boolean> {
  if (!isReportedCase(c) || c.disputeId) return false;
  await reportDispute(tx, {
    payload: {
      source: {
        agency: 'PROCURATORATE',
        recordType: REPORTED_RECORD,
        recordId: c.id,
        number: c.caseNumber,
        organizationCode: caller.organization,
        organizationName: PROCURATORATE_UNIT_NAME,
        officerName: caller.name,
      },
      regionCode: c.regionCode,
      category: reportedCategory(c.disputeCategory),
      channel: 'PROSECUTION_REVIEW',
      summary: `${c.charge}案(审查起诉,案号 ${c.caseNumber})${c.arisesFromCivilDispute ? ',因民间纠纷引起' : ''}`,
      place: null,
      occurredAt: null,
      reportedAt: c.receivedAt.toISOString(),
      parties: [
        { role: 'APPLICANT', name: c.victimName ?? '被害人', idNumber: c.victimIdNumber ?? null, phone: c.victimPhone ?? null },
        { role: 'RESPONDENT', name: c.suspectName ?? '犯罪嫌疑人', idNumber: c.suspectIdNumber ?? null },
      ],
    },
  });
  return true;
}

/** Where the hub's answer goes: the case it names. */
export const disputeAnswerHooks: DisputeAnswerHooks = {
  [REPORTED_RECORD]: { load: (em, id) => em.findOne(ProcuratorateCase, { id }) },
};

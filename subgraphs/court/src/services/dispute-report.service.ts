import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import type { DisputeCategory } from '@jiefen/codes';
import { reportDispute, type DisputeAnswerHooks } from '@jiefen/docking';
import { courtCodeOf } from '../domain/case-numbers.js';
import { CourtCase } from '../entities/court-case.entity.js';
import { DOCKED_RECORD } from './docking-outbound.service.js';

// 一案一号 for the court: a case received without a hub dispute (the clerk had none to give) is
// reported to the hub in the intake's transaction; the hub's answer (docking-inbound.service.ts)
// sets its dispute id and 统一编号. A case received with a hub id was verified there and is not reported.

/** What the clerk says of the dispute beyond the case: the hub's category and where it happened. */
export interface CaseDisputeFacts {
  category: DisputeCategory;
  place: string | null;
}

/** Reports a case received without a hub dispute; inside the intake's transaction. */
export async function reportCourtCase(tx: EntityManager, caller: Caller, c: CourtCase, facts: CaseDisputeFacts): Promise<void> {
  await reportDispute(tx, {
    payload: {
      source: {
        agency: 'COURT',
        recordType: DOCKED_RECORD,
        recordId: c.id,
        number: c.caseNumber,
        organizationCode: caller.organization,
        organizationName: `人民法院(${courtCodeOf(c.regionCode) ?? c.regionCode})`,
        officerName: caller.name,
      },
      regionCode: c.regionCode,
      category: facts.category,
      channel: 'PRE_FILING_RECEIPT',
      summary: `${c.cause}:${c.plaintiffName ?? '原告'}诉${c.defendantName ?? '被告'}(诉前收案,案号 ${c.caseNumber})`,
      place: facts.place,
      occurredAt: null,
      reportedAt: c.receivedAt.toISOString(),
      parties: [
        { role: 'APPLICANT', name: c.plaintiffName ?? '原告', idNumber: c.plaintiffIdNumber ?? null, phone: c.plaintiffPhone ?? null },
        { role: 'RESPONDENT', name: c.defendantName ?? '被告' },
      ],
    },
  });
}

/** Where the hub's answer goes: the case it names. */
export const disputeAnswerHooks: DisputeAnswerHooks = {
  [DOCKED_RECORD]: { load: (em, id) => em.findOne(CourtCase, { id }) },
};

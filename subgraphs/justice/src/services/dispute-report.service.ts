import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import type { DisputeCategory } from '@jiefen/codes';
import { reportDispute, type DisputeAnswerHooks, type ReceivedRecordHook } from '@jiefen/docking';
import { MediationCase } from '../entities/mediation-case.entity.js';
import type { MediationParty } from '../entities/mediation-party.entity.js';

// 一案一号 for justice: a direct application (当事人申请) recorded without a hub dispute is reported to
// the hub in the registering transaction. The hub's answer (docking-inbound.service.ts) sets the
// case's dispute id and 统一编号 — for a direct application by the case's id, and for a case a
// hand-over brought (公调、诉调、访调、检调 sent without a dispute) by the docking it came on.

/** The justice record reported to the hub. */
export const REPORTED_RECORD = 'MediationCase';

/** Reports a direct application registered without a hub dispute; inside the registering transaction. */
export async function reportApplication(
  tx: EntityManager,
  caller: Caller,
  c: MediationCase,
  parties: Pick<MediationParty, 'role' | 'name' | 'idNumber' | 'phone'>[],
): Promise<void> {
  await reportDispute(tx, {
    payload: {
      source: {
        agency: 'JUSTICE',
        recordType: REPORTED_RECORD,
        recordId: c.id,
        number: c.caseNumber,
        organizationCode: c.organizationCode,
        organizationName: c.organizationName,
        officerName: caller.name,
      },
      regionCode: c.regionCode,
      category: c.category as DisputeCategory,
      channel: 'DIRECT_APPLICATION',
      summary: c.summary,
      place: null,
      occurredAt: null,
      reportedAt: c.receivedAt.toISOString(),
      parties: parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.idNumber ?? null, phone: p.phone ?? null })),
    },
  });
}

/** Where the hub's answer about a direct application goes: the case it names. */
export const disputeAnswerHooks: DisputeAnswerHooks = {
  [REPORTED_RECORD]: { load: (em, id) => em.findOne(MediationCase, { id }) },
};

/** Where the hub's answer about a hand-over's dispute goes: the case that docking brought. */
export const receivedCaseHook: ReceivedRecordHook = { load: (em, dockingId) => em.findOne(MediationCase, { dockingId }) };

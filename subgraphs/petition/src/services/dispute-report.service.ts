import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import type { DisputeCategory } from '@jiefen/codes';
import { reportDispute, type DisputeAnswerHooks } from '@jiefen/docking';
import { PetitionItem } from '../entities/petition-item.entity.js';
import { PETITION_UNIT_NAME } from './docking-outbound.service.js';

// 一案一号 for the petition bureau: an item registered without a hub dispute is reported to the hub
// in the registering transaction; the hub's answer (docking-inbound.service.ts) sets its dispute id
// and 统一编号. An item registered with a hub id was verified there and is not reported.

/** The petition record reported to the hub (the same type a 访调 hand-over names). */
export const REPORTED_RECORD = 'PetitionItem';

/** Reports an item registered without a hub dispute; inside the registering transaction. */
export async function reportPetition(
  tx: EntityManager,
  caller: Caller,
  p: PetitionItem,
  facts: { category: DisputeCategory; place: string | null },
): Promise<void> {
  await reportDispute(tx, {
    payload: {
      source: {
        agency: 'PETITION',
        recordType: REPORTED_RECORD,
        recordId: p.id,
        number: p.itemNumber,
        organizationCode: caller.organization,
        organizationName: PETITION_UNIT_NAME,
        officerName: caller.name,
      },
      regionCode: p.regionCode,
      category: facts.category,
      channel: p.form,
      summary: `${p.itemNumber}:${p.subject}`,
      place: facts.place,
      occurredAt: null,
      reportedAt: p.registeredAt.toISOString(),
      parties: [{ role: 'APPLICANT', name: p.petitionerName ?? '信访人', idNumber: p.petitionerIdNumber ?? null, phone: p.petitionerPhone ?? null }],
    },
  });
}

/** Where the hub's answer goes: the item it names. */
export const disputeAnswerHooks: DisputeAnswerHooks = {
  [REPORTED_RECORD]: { load: (em, id) => em.findOne(PetitionItem, { id }) },
};

import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { openOutgoingDocking, type DockingParty, type DockingRequestedPayload } from '@jiefen/docking';
import type { PetitionItem } from '../entities/petition-item.entity.js';

// 访调对接, the outbound half: an item referred to a people's mediation organization is announced
// by `DockingRequested` to the justice bureau (copied to the hub) with its outgoing docking; what
// comes back is docking-inbound.service.ts.

/** The unit named as the sender in a docking (the caller's token carries the code, not the name). */
export const PETITION_UNIT_NAME = '兴化市信访局';

/** Opens the docking of an item just referred (`referredAt` set), inside the referring transaction. */
export async function openPetitionDocking(
  tx: EntityManager,
  caller: Caller,
  p: PetitionItem,
  target: { code: string; name: string | null },
  respondents: DockingParty[] = [],
): Promise<void> {
  const payload: DockingRequestedPayload = {
    kind: 'PETITION',
    mode: 'TRANSFER',
    disputeId: p.disputeId,
    regionCode: p.regionCode,
    // The category given at registration (null for an item registered under a hub dispute without one).
    category: p.category ?? null,
    summary: `${p.itemNumber}:${p.subject}`,
    sentAt: p.referredAt!.toISOString(),
    source: {
      agency: 'PETITION',
      recordType: 'PetitionItem',
      recordId: p.id,
      number: p.itemNumber,
      organizationCode: caller.organization,
      organizationName: PETITION_UNIT_NAME,
      officerName: caller.name,
    },
    target: { organizationCode: target.code, organizationName: target.name },
    parties: [{ role: 'APPLICANT', name: p.petitionerName!, idNumber: p.petitionerIdNumber ?? null, phone: p.petitionerPhone ?? null }, ...respondents],
  };
  await tx.flush();
  await openOutgoingDocking(tx, { to: 'JUSTICE', payload });
}

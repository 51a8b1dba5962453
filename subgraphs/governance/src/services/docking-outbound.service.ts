import type { EntityManager } from '@mikro-orm/core';
import type { Agency, Caller } from '@jiefen/auth';
import { HUB, openOutgoingDocking, type DockingOutgoing, type DockingRequestedPayload } from '@jiefen/docking';
import { ROUTED_RECORD } from '../domain/docking.js';
import { DisputeParty } from '../entities/dispute-party.entity.js';
import type { Dispute } from '../entities/dispute.entity.js';
import { Region } from '../entities/region.entity.js';
import { recordInLedger } from './docking-inbound.service.js';

// 分流转办, the outbound half: the hub hands a routed dispute to the unit that resolves it, as a
// docking like any other (DESIGN.md §4, hub → organization) — the docking package's outgoing row,
// `DockingRequested` to the receiver, and the hub's own ledger entry, in the routing's transaction.
// What comes back is routing-feedback.service.ts.

/**
 * The agencies a dispute may be routed to by docking as a government department or a court (AGENCY):
 * 信访局 (a petition matter), 公安 (a public-security matter), 法院 (诉讼引导, 诉前调解). Each takes it
 * as a 转办件 in its inbox (packages/docking `receiveIncomingDocking`).
 */
export const ROUTABLE_AGENCIES = ['PETITION', 'POLICE', 'COURT'] as const satisfies readonly Agency[];
export type RoutableAgency = (typeof ROUTABLE_AGENCIES)[number];

/**
 * Why 司法局's legal aid (法律援助) is no target of 分流转办, decided from DOMAIN.md: legal aid is a
 * service to one party, granted only on that party's own application after the legal aid
 * institution reviews it against the economic-hardship conditions (法律援助法 2021, Art 41–43 as
 * commonly read: 申请、审查、7 日内决定); it resolves no dispute and no third unit can commit a party
 * to it. The 援调 docking is justice-internal (legal aid center ⇄ mediation, 转介). So the hub tells
 * the parties of legal aid in the 一次性告知 (service list) and they apply (legalAid… intake with
 * source DIRECT_APPLICATION); a routing to the justice bureau as an agency is refused with this
 * message (VALIDATION_FAILED on `agency`), while routing to a mediation organization on justice's
 * roster stays the way to hand a dispute to 司法局.
 */
export const LEGAL_AID_NOT_ROUTABLE =
  '法律援助须由当事人本人申请、经法律援助机构审查决定(法律援助法第四十一条至第四十三条),不能由综治中心分流转办;请在一次性告知中告知当事人申请法律援助,调解请分流至司法局名册内的调解组织';

/**
 * Who receives a routed dispute by docking: a mediation organization named by its 统一社会信用代码
 * is on the justice bureau's roster (人民调解组织名册), whose inbox takes it (or refuses an unknown
 * code or a place outside its area at once, and the refusal comes back); a government department or
 * a court (AGENCY) named with its agency and its code gets it in that agency's 转办件 inbox. A unit
 * without a code, a department outside the federation and litigation are not reached by docking: the
 * hub's own posts follow those disputes.
 */
export function receiverOf(d: Dispute): { to: Agency; organizationCode: string; organizationName: string | null } | null {
  if (!d.responsibleUnitCode) return null;
  const organization = { organizationCode: d.responsibleUnitCode, organizationName: d.responsibleUnitName ?? null };
  if (d.responsibleUnitKind === 'MEDIATION_ORGANIZATION') return { to: 'JUSTICE', ...organization };
  if (d.responsibleUnitKind === 'AGENCY' && (ROUTABLE_AGENCIES as readonly string[]).includes(d.responsibleAgency ?? '')) {
    return { to: d.responsibleAgency as RoutableAgency, ...organization };
  }
  return null;
}

/** The hub as a sender: its jurisdiction's 综治中心 (兴化市综治中心). */
async function hubName(tx: EntityManager, caller: Caller): Promise<string> {
  const region = await tx.findOne(Region, { code: caller.jurisdiction });
  return `${region?.name ?? ''}综治中心`;
}

/**
 * Hands a routed dispute over (see `receiverOf`), inside the step's transaction: the outgoing
 * docking, its `DockingRequested` and the ledger entry with its clocks commit with the step or
 * not at all. Null when the routed unit is not reached by docking.
 */
export async function handOverDispute(tx: EntityManager, d: Dispute, caller: Caller, at: Date): Promise<DockingOutgoing | null> {
  const receiver = receiverOf(d);
  if (!receiver) return null;
  const parties = await tx.find(DisputeParty, { disputeId: d.id }, { orderBy: { position: 'asc' } });
  const payload: DockingRequestedPayload = {
    kind: 'HUB',
    mode: 'TRANSFER',
    disputeId: d.id,
    regionCode: d.regionCode,
    category: d.category,
    summary: d.claims ? `${d.summary}(诉求:${d.claims})`.slice(0, 4000) : d.summary,
    sentAt: at.toISOString(),
    source: {
      agency: HUB,
      recordType: ROUTED_RECORD,
      recordId: d.id,
      number: d.number,
      organizationCode: caller.organization,
      organizationName: await hubName(tx, caller),
      officerName: caller.name,
    },
    target: { organizationCode: receiver.organizationCode, organizationName: receiver.organizationName },
    parties: parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })),
  };
  return openOutgoingDocking(tx, {
    to: receiver.to,
    payload,
    reason: d.routingReason ?? null,
    // The hub is a party to this docking, so no copy of the event comes back to it: its ledger entry
    // (with the same clocks as every other docking) is written here from the event it published.
    async onPublished(em, event) {
      await recordInLedger(em, event, async () => d.id);
    },
  });
}

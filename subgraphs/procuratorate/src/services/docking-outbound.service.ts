import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { openOutgoingDocking, type DockingMode, type DockingParty, type DockingRequestedPayload } from '@jiefen/docking';
import { DomainError } from '@jiefen/subgraph-kit';
import type { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import { reportedCategory } from '../domain/dispute-report.rules.js';
import type { ProcuratorateSettings } from './support.js';

// What the procuratorate hands over. Cases taken in at its own door (prosecution-intake.service.ts)
// carry no hub dispute yet: reporting them to the hub, whose answer sets `disputeId`, belongs here.

/** The unit named as the sender in a docking (the caller's token carries the code, not the name). */
export const PROCURATORATE_UNIT_NAME = '兴化市人民检察院';

/** The case's parties as the mediation organization needs them: the civil applicant, the victim, the suspect — whoever is registered. */
function partiesOf(c: ProcuratorateCase): DockingParty[] {
  const parties: DockingParty[] = [];
  if (c.applicantName) parties.push({ role: 'APPLICANT', name: c.applicantName, phone: c.applicantPhone ?? null });
  if (c.victimName) parties.push({ role: 'APPLICANT', name: c.victimName, phone: c.victimPhone ?? null });
  if (c.suspectName) parties.push({ role: 'RESPONDENT', name: c.suspectName, idNumber: c.suspectIdNumber ?? null });
  return parties;
}

/**
 * Records the referral on the case (already moved to REFERRED_TO_MEDIATION) and opens its docking
 * (the outgoing docking and `DockingRequested` to the justice bureau, copied to the hub) in the
 * caller's transaction.
 */
export async function refer(
  tx: EntityManager,
  caller: Caller,
  c: ProcuratorateCase,
  target: { code: string; name: string | null },
  mode: DockingMode,
  settings: ProcuratorateSettings,
): Promise<void> {
  const parties = partiesOf(c);
  if (parties.length === 0) throw DomainError.validation('id', '案件没有登记当事人,无法移交调解');
  const sentAt = settings.now();
  c.referredAt = sentAt;
  const payload: DockingRequestedPayload = {
    kind: 'PROCURATORATE',
    mode,
    disputeId: c.disputeId ?? null,
    regionCode: c.regionCode,
    category: reportedCategory(c.disputeCategory),
    summary:
      c.kind === 'CIVIL_SUPERVISION' ? `民事诉讼监督案件${c.caseNumber},当事人申请调解` : `${c.caseNumber}:涉嫌${c.charge ?? '犯罪'},符合刑事和解条件,委托调解`,
    sentAt: sentAt.toISOString(),
    source: {
      agency: 'PROCURATORATE',
      recordType: 'ProcuratorateCase',
      recordId: c.id,
      number: c.caseNumber,
      organizationCode: caller.organization,
      organizationName: PROCURATORATE_UNIT_NAME,
      officerName: caller.name,
    },
    target: { organizationCode: target.code, organizationName: target.name },
    parties,
  };
  await tx.flush();
  await openOutgoingDocking(tx, { to: 'JUSTICE', payload });
}

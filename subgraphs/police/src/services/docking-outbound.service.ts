import type { EntityManager } from '@mikro-orm/core';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { DockingOutgoing, openOutgoingDocking, type DockingParty, type DockingRequestedPayload } from '@jiefen/docking';
import { check, DomainError, FieldErrors } from '@jiefen/subgraph-kit';
import { policeIncidentWorkflow, type PoliceIncidentState } from '../domain/police-incident.workflow.js';
import { disputeReportOf } from '../domain/incident-intake.rules.js';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import type { AgencySettings } from '@jiefen/calendar';

// 公调对接, the outbound half: an incident's civil dispute handed to a people's mediation
// organization. The hand-over itself (the transfer) is the docking package's outgoing row; what
// comes back is docking-inbound.service.ts. Incidents taken in at the police's own door
// (incident-intake.service.ts) are reported to the hub (dispute-report.service.ts); once the hub
// answered, a transfer names the incident's dispute, and a transfer of an incident not yet answered
// is answered by the hub too.

/** The police record a transfer hands over. */
export const TRANSFERRED_RECORD = 'PoliceIncident';

export interface TransferInput {
  organizationCode: string;
  organizationName?: string | null;
  reason: string;
  parties: DockingParty[];
}

/**
 * 公调: hands an incident's civil dispute to a people's mediation organization. The transfer (the
 * outgoing docking), the incident's new status and the `DockingRequested` event (to justice, copied
 * to the hub) commit together — or not at all.
 */
export async function transferToMediation(
  em: EntityManager,
  caller: Caller,
  incidentId: string,
  input: TransferInput,
  settings: AgencySettings,
): Promise<DockingOutgoing> {
  if (caller.agency !== 'POLICE' || !hasRole(caller, 'STAFF', 'SUPERVISOR')) throw DomainError.forbidden('只有公安民警可以移交人民调解');
  // Every invalid field at once (FieldErrors), before anything is read or written.
  // (A value is undefined only when its field is invalid, and then `done()` throws: the `!` hold.)
  const errors = new FieldErrors();
  const organizationCode = errors.field(() => check.creditCode('receiver.creditCode', input.organizationCode))!;
  const organizationName = errors.field(() => check.optionalText('receiver.name', '调解组织名称', input.organizationName, 100)) ?? null;
  const reason = errors.field(() => check.text('reason', '移交理由', input.reason, { min: 4, max: 1000 }))!;
  if (input.parties.length === 0) errors.add('parties', '至少需要一名当事人');
  const parties = input.parties.map((p, i) => ({
    role: errors.field(() => check.oneOf(`parties[${i}].role`, '当事人身份', p.role, ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'] as const))!,
    name: errors.field(() => check.text(`parties[${i}].name`, '当事人姓名', p.name, { max: 50 }))!,
    idNumber: p.idNumber ? (errors.field(() => check.idNumber(`parties[${i}].idNumber`, p.idNumber!).value) ?? null) : null,
    phone: p.phone ? (errors.field(() => check.phone(`parties[${i}].phone`, p.phone!)) ?? null) : null,
    address: errors.field(() => check.optionalText(`parties[${i}].address`, '住址', p.address, 200)) ?? null,
  }));
  errors.done();
  return em.transactional(async (tx) => {
    const incident = await tx.findOne(PoliceIncident, { id: incidentId });
    if (!incident) throw DomainError.notFound('警情', incidentId, 'INCIDENT_NOT_FOUND');
    if (!inJurisdiction(caller, incident.regionCode)) throw DomainError.forbidden('该警情不在本人辖区内');
    const next = policeIncidentWorkflow.transition(incident.status as PoliceIncidentState, 'TRANSFER', 'OFFICER');
    const running = { fromAgency: 'POLICE', recordType: TRANSFERRED_RECORD, recordId: incidentId, status: { $in: ['SENT', 'ACCEPTED'] } } as const;
    if (await tx.count(DockingOutgoing, running)) throw new DomainError('CONFLICT', '该警情已移交,正在调解中');
    incident.status = next;
    const payload: DockingRequestedPayload = {
      kind: 'POLICE',
      mode: 'TRANSFER',
      disputeId: incident.disputeId ?? null,
      regionCode: incident.regionCode,
      // The hub's category when the incident has one (the officer's, or mapped), else the police's own words.
      category: disputeReportOf(incident)?.category ?? incident.nonPoliceCategory ?? null,
      summary: `${incident.summary}(移交理由:${reason})`,
      sentAt: settings.now().toISOString(),
      source: {
        agency: 'POLICE',
        recordType: TRANSFERRED_RECORD,
        recordId: incident.id,
        number: incident.incidentNumber,
        organizationCode: caller.organization,
        organizationName: incident.station,
        officerName: caller.name,
      },
      target: { organizationCode, organizationName },
      parties,
    };
    return openOutgoingDocking(tx, { to: 'JUSTICE', payload, reason });
  });
}

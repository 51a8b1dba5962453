import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { hasRole, inJurisdiction, type Caller } from '@jiefen/auth';
import { check, DomainError } from '@jiefen/subgraph-kit';
import { consequenceOf, exclusionsOf, type PoliceMediationFacts } from '../domain/police-mediation.rules.js';
import { policeIncidentWorkflow, type PoliceIncidentState } from '../domain/police-incident.workflow.js';
import { policeMediationWorkflow, type PoliceMediationEvent, type PoliceMediationState } from '../domain/police-mediation.workflow.js';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import { PoliceMediation } from '../entities/police-mediation.entity.js';
import type { AgencySettings } from '@jiefen/calendar';

/** Only police officers of the incident's jurisdiction act on it. */
async function loadIncidentForOfficer(em: EntityManager, caller: Caller, incidentId: string): Promise<PoliceIncident> {
  if (caller.agency !== 'POLICE' || !hasRole(caller, 'STAFF', 'SUPERVISOR')) throw DomainError.forbidden('只有公安民警可以办理治安调解');
  const incident = await em.findOne(PoliceIncident, { id: incidentId });
  if (!incident) throw DomainError.notFound('警情', incidentId, 'INCIDENT_NOT_FOUND');
  if (!inJurisdiction(caller, incident.regionCode)) throw DomainError.forbidden('该警情不在本人辖区内');
  return incident;
}

/**
 * Starts 治安调解 after checking every legal exclusion: an excluded case is refused with all its
 * reasons (`NOT_ELIGIBLE`) and nothing is written.
 */
export async function startPoliceMediation(
  em: EntityManager,
  caller: Caller,
  incidentId: string,
  facts: PoliceMediationFacts,
  settings: AgencySettings,
): Promise<PoliceMediation> {
  return em.transactional(async (tx) => {
    const incident = await loadIncidentForOfficer(tx, caller, incidentId);
    const exclusions = exclusionsOf(facts);
    if (exclusions.length) {
      throw new DomainError('NOT_ELIGIBLE', `不适用治安调解:${exclusions.map((e) => e.reason).join(';')}`, { reasons: exclusions.map((e) => e.code) });
    }
    if (await tx.count(PoliceMediation, { incidentId })) throw new DomainError('CONFLICT', '该警情已经进行过治安调解');
    incident.status = policeIncidentWorkflow.transition(incident.status as PoliceIncidentState, 'START_MEDIATION', 'OFFICER');
    return tx.create(PoliceMediation, {
      id: randomUUID(),
      incidentId,
      status: 'IN_MEDIATION',
      facts,
      officerSubject: caller.subject,
      officerName: caller.name,
      startedAt: settings.now(),
    });
  });
}

export interface MediationStep {
  event: PoliceMediationEvent;
  agreementTerms?: string | null;
  failureReason?: string | null;
}

/** Moves a police mediation along its workflow; outcomes decide the penalty per Art 9 and close the incident. */
export async function advancePoliceMediation(
  em: EntityManager,
  caller: Caller,
  mediationId: string,
  step: MediationStep,
  settings: AgencySettings,
): Promise<PoliceMediation> {
  const agreementTerms = step.event === 'REACH_AGREEMENT' ? check.text('agreementTerms', '协议内容', step.agreementTerms ?? '', { min: 5, max: 4000 }) : null;
  const failureReason = step.event === 'FAIL' ? check.text('failureReason', '调解不成的原因', step.failureReason ?? '', { min: 2, max: 1000 }) : null;
  return em.transactional(async (tx) => {
    const mediation = await tx.findOne(PoliceMediation, { id: mediationId });
    if (!mediation) throw DomainError.notFound('治安调解', mediationId, 'POLICE_MEDIATION_NOT_FOUND');
    const incident = await loadIncidentForOfficer(tx, caller, mediation.incidentId);
    const next = policeMediationWorkflow.transition(mediation.status as PoliceMediationState, step.event, 'OFFICER');
    mediation.status = next;
    if (agreementTerms) mediation.agreementTerms = agreementTerms;
    if (failureReason) mediation.failureReason = failureReason;
    if (next === 'PERFORMED' || next === 'NOT_PERFORMED' || next === 'FAILED') {
      mediation.penalty = consequenceOf(next).penalty;
      mediation.concludedAt = settings.now();
      // The incident follows, unless a mediation organization it was transferred to meanwhile has
      // already closed it: the police mediation still ends (and decides the penalty) on its own record.
      const from = incident.status as PoliceIncidentState;
      const event = next === 'PERFORMED' ? 'SETTLE_BY_MEDIATION' : 'FILE_CASE';
      if (!policeIncidentWorkflow.isFinal(from)) incident.status = policeIncidentWorkflow.transition(from, event, 'OFFICER');
    }
    return mediation;
  });
}

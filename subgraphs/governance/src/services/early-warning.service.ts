import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { addDays } from '@jiefen/calendar';
import { hubPolicy } from '../domain/config.js';
import { riskAfter, warningsAtEscalation, warningsAtRegistration, type Warning } from '../domain/early-warning.js';
import type { RiskLevel, Tier } from '../domain/tiers.js';
import type { Dispute } from '../entities/dispute.entity.js';
import { RiskAlert } from '../entities/risk-alert.entity.js';

/** How many other disputes each person key was party to within the repeat window (one query). */
export async function priorDisputesByPerson(tx: EntityManager, personKeys: string[], disputeId: string, now: Date): Promise<number[]> {
  if (personKeys.length === 0) return [];
  const since = addDays(now, -hubPolicy.warnings.repeatPerson.withinDays);
  const rows: { person_key: string; n: string }[] = await tx.getConnection().execute(
    `select p.person_key, count(distinct p.dispute_id) as n from dispute_party p join dispute d on d.id = p.dispute_id
     where p.person_key in (?) and p.dispute_id <> ? and d.registered_at >= ? group by p.person_key`,
    [personKeys, disputeId, since],
    'all',
    tx.getTransactionContext(),
  );
  return rows.map((r) => Number(r.n));
}

/** Writes an alert per warning (no second open alert of the same rule for a dispute) and raises the dispute's risk. */
export async function raiseWarnings(tx: EntityManager, dispute: Dispute, warnings: Warning[], at: Date): Promise<RiskAlert[]> {
  if (warnings.length === 0) return [];
  const open = await tx.find(RiskAlert, { disputeId: dispute.id, status: 'OPEN' });
  const alerts = warnings
    .filter((w) => !open.some((a) => a.rule === w.rule && a.level === w.level))
    .map((w) =>
      tx.create(RiskAlert, {
        id: randomUUID(),
        disputeId: dispute.id,
        regionCode: dispute.regionCode,
        level: w.level,
        rule: w.rule,
        reason: w.reason,
        raisedAt: at,
      }),
    );
  dispute.riskLevel = riskAfter(dispute.riskLevel as RiskLevel, warnings);
  return alerts;
}

export async function warnAtRegistration(tx: EntityManager, dispute: Dispute, personKeys: string[], at: Date): Promise<void> {
  const prior = await priorDisputesByPerson(tx, personKeys, dispute.id, at);
  await raiseWarnings(
    tx,
    dispute,
    warningsAtRegistration({ peopleInvolved: dispute.peopleInvolved, category: dispute.category, priorDisputesByParty: prior }, hubPolicy.warnings),
    at,
  );
}

export async function warnAtEscalation(tx: EntityManager, dispute: Dispute, toTier: Tier, override: boolean, at: Date): Promise<void> {
  await raiseWarnings(tx, dispute, warningsAtEscalation({ toTier, override }, hubPolicy.warnings), at);
}

import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid, checkAll } from '@jiefen/subgraph-kit';
import { riskAlertWorkflow, type AlertState } from '../domain/risk-alert.workflow.js';
import { maxRisk, RISK_LEVELS, type RiskLevel } from '../domain/tiers.js';
import { Dispute } from '../entities/dispute.entity.js';
import { RiskAlert } from '../entities/risk-alert.entity.js';
import type { HandleRiskAlertInput, RaiseRiskAlertInput } from '../domain/commands.js';
import { requireRegion } from './dispute-registration.service.js';
import { checkVersion, lockingConflicts, requireHubStaff } from './hub-rules.js';

/** 人工预警: a person's judgement, about a dispute (raising its risk) or about a place. */
export async function raiseRiskAlert(em: EntityManager, caller: Caller, input: RaiseRiskAlertInput): Promise<RiskAlert> {
  requireHubStaff(caller);
  const { level, reason } = checkAll({
    level: () => check.oneOf('level', '预警等级', input.level, RISK_LEVELS),
    reason: () => check.text('reason', '预警理由', input.reason, { min: 5, max: 2000 }),
    disputeId: () => {
      if (!input.disputeId && !input.regionCode) throw DomainError.validation('disputeId', '须指明纠纷或区划');
    },
  });
  return lockingConflicts(() =>
    em.transactional(async (tx) => {
      let dispute: Dispute | null = null;
      if (input.disputeId) {
        dispute = await tx.findOne(Dispute, { id: requireUuid('disputeId', input.disputeId) });
        if (!dispute) throw DomainError.notFound('纠纷', input.disputeId);
      }
      const regionCode = dispute?.regionCode ?? check.regionCode('regionCode', input.regionCode!, [6, 9, 12]);
      requireHubStaff(caller, regionCode);
      // A place-only alert names a region of the register, not just any well-formed code.
      if (!dispute) await requireRegion(tx, caller, 'regionCode', regionCode);
      if (dispute) dispute.riskLevel = maxRisk(dispute.riskLevel as RiskLevel, level);
      const alert = tx.create(RiskAlert, {
        id: randomUUID(),
        disputeId: dispute?.id ?? null,
        regionCode,
        level,
        rule: 'MANUAL',
        reason,
        raisedAt: new Date(),
        raisedByName: caller.name,
      });
      await tx.flush();
      return alert;
    }),
  );
}

/** 预警处置: the alert is handled, with a note. */
export async function handleRiskAlert(em: EntityManager, caller: Caller, input: HandleRiskAlertInput): Promise<RiskAlert> {
  requireHubStaff(caller);
  const note = check.text('note', '处置情况', input.note, { max: 2000 });
  return lockingConflicts(async () => {
    const alert = await em.findOne(RiskAlert, { id: requireUuid('alertId', input.alertId) });
    if (!alert) throw DomainError.notFound('预警', input.alertId);
    requireHubStaff(caller, alert.regionCode);
    checkVersion(alert.version, input.expectedVersion);
    alert.status = riskAlertWorkflow.transition(alert.status as AlertState, 'HANDLE', caller);
    alert.handledAt = new Date();
    alert.handlingNote = note;
    await em.flush();
    return alert;
  });
}

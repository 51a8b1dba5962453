import { isLeader } from '@jiefen/auth';
import type { SubgraphContext } from '@jiefen/subgraph-kit';
import { statusLabel, receivingOrganizationOf } from '@jiefen/subgraph-kit';
import { DOCKING_STATUS_NAMES } from './enums.js';
import { disputeWorkflow } from '../domain/dispute.workflow.js';
import { disputeScope, dockingScope } from '../domain/access.rules.js';
import type { Dispute } from '../entities/dispute.entity.js';
import type { Docking } from '../entities/docking.entity.js';
import { hubText } from './access.js';
import type { Region } from '../entities/region.entity.js';
import type { DisputeType } from './dispute.type.js';
import type { DockingType } from './docking.type.js';
import type { RegionLevel, RegionType } from './region.type.js';

export function toDisputeType(d: Dispute): DisputeType {
  return {
    id: d.id,
    number: d.number,
    category: d.category,
    channel: d.channel,
    summary: d.summary,
    regionCode: d.regionCode,
    peopleInvolved: d.peopleInvolved,
    tier: d.tier,
    status: d.status,
    statusLabel: statusLabel(disputeWorkflow, d.status),
    riskLevel: d.riskLevel,
    registeredAt: d.registeredAt,
    firstContactName: d.firstContactName ?? null,
    method: d.method ?? null,
    responsibleUnit: d.responsibleUnitKind
      ? {
          kind: d.responsibleUnitKind,
          name: d.responsibleUnitName ?? '',
          code: d.responsibleUnitCode ?? null,
          agency: d.responsibleAgency ?? null,
          routedAt: d.routedAt ?? null,
        }
      : null,
    attemptsAtTier: d.attemptsAtTier,
    dueAt: d.dueAt ?? null,
    overdue: !!d.dueAt && d.dueAt.getTime() < Date.now(),
    outcome: d.outcome ?? null,
    resolvedAt: d.resolvedAt ?? null,
    closedAt: d.closedAt ?? null,
    version: d.version,
    entity: d,
    personal: hubText('Dispute', d.id, d.id, disputeScope(d)),
  };
}

export function toRegionType(r: Region): RegionType {
  return { code: r.code, name: r.name, level: r.level as RegionLevel, parentCode: r.parentCode ?? null, population: r.population ?? null };
}

export function toDockingType(d: Docking, ctx: SubgraphContext): DockingType {
  const masked = !!ctx.caller && isLeader(ctx.caller);
  return {
    id: d.id,
    kind: d.kind,
    mode: d.mode,
    status: d.status,
    statusLabel: statusLabel({ stateNames: DOCKING_STATUS_NAMES }, d.status),
    fromAgency: d.fromAgency,
    toAgency: d.toAgency,
    fromOrganizationCode: d.fromOrganizationCode,
    fromOrganizationName: d.fromOrganizationName ?? null,
    toOrganizationCode: d.toOrganizationCode ?? null,
    toOrganizationName: d.toOrganizationName ?? null,
    receivingOrganization: receivingOrganizationOf({ organizationCode: d.toOrganizationCode, organizationName: d.toOrganizationName }),
    disputeId: d.disputeId ?? null,
    regionCode: d.regionCode,
    sentAt: d.sentAt,
    acceptBy: d.acceptBy ?? null,
    concludeBy: d.concludeBy ?? null,
    confirmBy: d.confirmBy ?? null,
    concludedAt: d.concludedAt ?? null,
    outcome: d.outcome ?? null,
    outcomeSummary: masked ? null : (d.outcomeSummary ?? null),
    dueAt: d.dueAt ?? null,
    overdue: !!d.dueAt && d.dueAt.getTime() < Date.now(),
    masked,
    personal: hubText('Docking', d.id, d.disputeId ?? null, dockingScope(d)),
  };
}

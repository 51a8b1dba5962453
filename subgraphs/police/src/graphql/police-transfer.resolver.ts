import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { isUuid, requireCaller, requireUuid, visibility, type PersonalTextRead, type SubgraphContext } from '@jiefen/subgraph-kit';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotent, type DockingOutgoing } from '@jiefen/docking';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import { transferToMediation } from '../services/docking-outbound.service.js';
import { reporterOf } from './police-incident.resolver.js';
import { PoliceIncidentType } from './police-incident.type.js';
import { DockingRef, PoliceTransferType, TransferToMediationInput } from './police-transfer.type.js';

type Context = SubgraphContext<PoliceLoaders>;

/** A transfer is the incident's outgoing docking (the docking package's hand-over row). */
function toType(t: DockingOutgoing, visibility: Visibility, people: PersonalTextRead['people']): PoliceTransferType {
  return {
    id: t.id,
    dockingId: t.dockingId,
    incidentId: t.recordId,
    toOrganizationCode: t.organizationCode ?? '',
    toOrganizationName: t.organizationName ?? null,
    reason: t.reason ?? '',
    status: t.status,
    outcome: t.outcome ?? null,
    outcomeSummary: t.outcomeSummary ?? null,
    mediationCaseNumber: t.caseNumber ?? null,
    rejectionReason: t.rejectionReason ?? null,
    officerName: t.officerName ?? '',
    sentAt: t.sentAt,
    acceptedAt: t.acceptedAt ?? null,
    concludedAt: t.concludedAt ?? null,
    personal: { recordType: 'PoliceTransfer', recordId: t.id, visibility, people },
  };
}

async function reporterOfIncident(ctx: Context, incidentId: string) {
  const incident = await ctx.loaders.policeIncidentById.load(incidentId);
  return incident ? reporterOf(incident) : [];
}

@Resolver(() => PoliceIncidentType)
export class PoliceTransferResolver {
  @FieldResolver(() => [PoliceTransferType], { description: '公调对接:移交人民调解的记录与反馈结果' })
  async transfers(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): Promise<PoliceTransferType[]> {
    return (await ctx.loaders.transfers.byRecord.load(incident.id)).map((t) => toType(t, incident.visibility, reporterOf(incident.entity)));
  }

  @Mutation(() => PoliceTransferType, { description: '公调对接:将警情中的民间纠纷移交人民调解组织(对接事件同时抄送综治中心)' })
  async transferToMediation(
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('input', () => TransferToMediationInput) input: TransferToMediationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<PoliceTransferType> {
    const caller = requireCaller(ctx);
    const id = requireUuid('incidentId', incidentId);
    const call = { caller, operation: 'transferToMediation', key: idempotencyKey, input: { incidentId, input } };
    const transfer = await idempotent(ctx.em, call, (em) => transferToMediation(em, caller, id, input));
    return toType(transfer, 'FULL', async () => reporterOfIncident(ctx, transfer.recordId));
  }
}

@Resolver(() => DockingRef)
export class DockingPoliceResolver {
  @FieldResolver(() => PoliceTransferType, { nullable: true, description: '公安:对接的来源记录(移交)' })
  async policeTransfer(@Root() docking: DockingRef, @Ctx() ctx: Context): Promise<PoliceTransferType | null> {
    if (!isUuid(docking.id) || !ctx.caller) return null;
    const transfer = await ctx.loaders.transfers.byDocking.load(docking.id);
    // Both sides of a docking and the hub see it; the record rule decides with the receiver as counterpart.
    const v = transfer ? visibility(ctx, { owner: 'POLICE', regionCode: transfer.regionCode, counterparts: ['JUSTICE', 'GOVERNANCE'] }) : 'NONE';
    if (!transfer || v === 'NONE') return null;
    return toType(transfer, v, async () => reporterOfIncident(ctx, transfer.recordId));
  }
}

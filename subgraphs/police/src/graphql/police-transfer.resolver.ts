import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requireCaller, requireUuid, type SubgraphContext } from '@jiefen/subgraph-kit';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotent } from '@jiefen/docking';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import { transferToMediation } from '../services/docking-outbound.service.js';
import { reporterOf, reporterOfIncident, toTransferType } from './mapping.js';
import { PoliceIncidentType } from './police-incident.type.js';
import { DockingRef, PoliceTransferType, TransferToMediationInput } from './police-transfer.type.js';
import { policeTransferAccess } from './record-access.js';

type Context = SubgraphContext<PoliceLoaders>;

@Resolver(() => PoliceIncidentType)
export class PoliceTransferResolver {
  @FieldResolver(() => [PoliceTransferType], { description: '公调对接:移交人民调解的记录与反馈结果' })
  async transfers(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): Promise<PoliceTransferType[]> {
    return (await ctx.loaders.transfers.byRecord.load(incident.id)).map((t) => toTransferType(t, incident.visibility, reporterOf(incident.entity)));
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
    const transfer = await idempotent(ctx.em, call, (em) =>
      transferToMediation(
        em,
        caller,
        id,
        { organizationCode: input.receiver.creditCode, organizationName: input.receiver.name, reason: input.reason, parties: input.parties },
        ctx.settings,
      ),
    );
    return toTransferType(transfer, 'FULL', async () => reporterOfIncident(ctx, transfer.recordId));
  }
}

@Resolver(() => DockingRef)
export class DockingPoliceResolver {
  @FieldResolver(() => PoliceTransferType, { nullable: true, description: '公安:对接的来源记录(移交)' })
  policeTransfer(@Root() docking: DockingRef, @Ctx() ctx: Context): Promise<PoliceTransferType | null> {
    // Both sides of a docking and the hub see it; the record rule decides with the receiver as counterpart.
    return policeTransferAccess.ofDocking(ctx, docking.id);
  }
}

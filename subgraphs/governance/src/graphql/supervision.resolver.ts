import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { DomainError, keysetPage, requireCaller, requireRegionPrefix, statusLabel } from '@jiefen/subgraph-kit';
import { supervisionWorkflow } from '../domain/supervision.workflow.js';
import { SupervisionItem } from '../entities/supervision-item.entity.js';
import { requireHubSupervisor } from '../services/hub-rules.js';
import { escalateSupervision, remindSupervision, scanOverdue } from '../services/supervision.service.js';
import { hubListPrefix, hubText } from './access.js';
import type { GovernanceContext } from './context.js';
import { SupervisionActionInput } from './supervision.input.js';
import { OverdueScanResultType, SupervisionItemConnection, SupervisionItemsArgs, SupervisionItemType } from './supervision.type.js';

const toItemType = (s: SupervisionItem): SupervisionItemType => ({
  ...s,
  lastRemindedAt: s.lastRemindedAt ?? null,
  lastReminderNote: s.lastReminderNote ?? null,
  clearedAt: s.clearedAt ?? null,
  statusLabel: statusLabel(supervisionWorkflow, s.status),
  // A docking's item names no parties of its own: its text is masked generically for leaders.
  personal: hubText('SupervisionItem', s.id, s.subjectType === 'DISPUTE' ? s.subjectId : null),
});

@Resolver(() => SupervisionItemType)
export class SupervisionResolver {
  @Query(() => SupervisionItemConnection, { description: '督办事项(新的在前)Supervision items, newest first' })
  async supervisionItems(
    @Args(() => SupervisionItemsArgs) args: SupervisionItemsArgs,
    @Ctx() ctx: GovernanceContext,
  ): Promise<InstanceType<typeof SupervisionItemConnection>> {
    requireCaller(ctx);
    const prefix = hubListPrefix(ctx);
    if (prefix === null) throw DomainError.forbidden('督办事项仅限综治中心与领导查看');
    const conditions: FilterQuery<SupervisionItem>[] = [{ regionCode: { $like: `${prefix}%` } }];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.status) conditions.push({ status: args.status });
    if (args.level) conditions.push({ level: args.level });
    if (args.subjectType) conditions.push({ subjectType: args.subjectType });
    const where: FilterQuery<SupervisionItem> = { $and: conditions };
    return keysetPage(ctx.em, SupervisionItem, { where, orderBy: { createdAt: 'desc', id: 'desc' }, page: args }, toItemType);
  }

  @Mutation(() => OverdueScanResultType, {
    description: '扫描本人辖区内超期的纠纷与对接,立督办事项(幂等)并为已恢复的销号(仅 SUPERVISOR)Scan for overdue disputes and dockings',
  })
  async scanOverdueDisputes(@Ctx() ctx: GovernanceContext): Promise<OverdueScanResultType> {
    const caller = requireCaller(ctx);
    requireHubSupervisor(caller);
    const scannedAt = new Date();
    return { ...(await scanOverdue(ctx.em, scannedAt, caller.jurisdiction)), scannedAt };
  }

  @Mutation(() => SupervisionItemType, { description: '催办(催办次数加一)Remind' })
  async remindSupervision(
    @Arg('input', () => SupervisionActionInput) input: SupervisionActionInput,
    @Ctx() ctx: GovernanceContext,
  ): Promise<SupervisionItemType> {
    return toItemType(await remindSupervision(ctx.em, requireCaller(ctx), input));
  }

  @Mutation(() => SupervisionItemType, { description: "提级督办(交上一级督办岗)Escalate to the next tier's supervisors" })
  async escalateSupervision(
    @Arg('input', () => SupervisionActionInput) input: SupervisionActionInput,
    @Ctx() ctx: GovernanceContext,
  ): Promise<SupervisionItemType> {
    return toItemType(await escalateSupervision(ctx.em, requireCaller(ctx), input));
  }
}

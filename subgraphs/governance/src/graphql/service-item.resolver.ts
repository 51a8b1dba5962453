import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireCaller } from '@jiefen/subgraph-kit';
import { ServiceItem } from '../entities/service-item.entity.js';
import { publishServiceItem, withdrawServiceItem } from '../services/service-item.service.js';
import type { GovernanceContext } from './context.js';
import { ServiceItemInput, ServiceItemType } from './service-item.type.js';

const toType = (s: ServiceItem): ServiceItemType => ({ ...s });

@Resolver(() => ServiceItemType)
export class ServiceItemResolver {
  @Query(() => [ServiceItemType], { description: '服务清单(公开,匿名可查)The public service list' })
  async serviceItems(@Ctx() ctx: GovernanceContext): Promise<ServiceItemType[]> {
    // A bounded, public list (tens of items per county): no pagination needed.
    return (await ctx.em.find(ServiceItem, { active: true }, { orderBy: { code: 'asc' }, limit: 500 })).map(toType);
  }

  @Mutation(() => ServiceItemType, { description: '发布服务清单事项(协调督办岗)Publish a service-list item' })
  async publishServiceItem(@Arg('input', () => ServiceItemInput) input: ServiceItemInput, @Ctx() ctx: GovernanceContext): Promise<ServiceItemType> {
    return toType(await publishServiceItem(ctx.em, requireCaller(ctx), input));
  }

  @Mutation(() => ServiceItemType, { description: '撤下服务清单事项 Withdraw a service-list item' })
  async withdrawServiceItem(@Arg('code', () => String) code: string, @Ctx() ctx: GovernanceContext): Promise<ServiceItemType> {
    return toType(await withdrawServiceItem(ctx.em, requireCaller(ctx), code));
  }
}

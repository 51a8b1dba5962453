import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { findRows, requireCaller, requireRegionPrefix, type Row } from '@jiefen/subgraph-kit';
import { ServiceItem } from '../entities/service-item.entity.js';
import { publishServiceItem, withdrawServiceItem } from '../services/service-item.service.js';
import type { GovernanceContext } from './context.js';
import { ServiceItemInput, ServiceItemType } from './service-item.type.js';

const toType = (s: Row<ServiceItem>): ServiceItemType => ({ ...s });

/** The region codes that contain `code` (itself included): 2, 4, 6, 9 and 12 digits. */
const enclosing = (code: string) => [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));

@Resolver(() => ServiceItemType)
export class ServiceItemResolver {
  @Query(() => [ServiceItemType], { description: '服务清单(公开,匿名可查);给出区划时只列适用于该区划的事项及其辖区内各级发布的事项 The public service list' })
  async serviceItems(
    @Arg('regionCode', () => String, { nullable: true, description: '区划代码(2、4、6、9 或 12 位)' }) regionCode: string | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<ServiceItemType[]> {
    const region = regionCode === null ? null : requireRegionPrefix('regionCode', regionCode);
    // The items of the regions above (they apply here) and of those below (published inside it).
    const where =
      region === null ? { active: true } : { active: true, $or: [{ regionCode: { $in: enclosing(region) } }, { regionCode: { $like: `${region}%` } }] };
    // A bounded, public list (tens of items per county): no pagination needed.
    return (await findRows(ctx.em, ServiceItem, where, { orderBy: { code: 'asc' }, limit: 500 })).map(toType);
  }

  @Mutation(() => ServiceItemType, { description: '发布服务清单事项(协调督办岗,本辖区内)Publish a service-list item' })
  async publishServiceItem(@Arg('input', () => ServiceItemInput) input: ServiceItemInput, @Ctx() ctx: GovernanceContext): Promise<ServiceItemType> {
    return toType(await publishServiceItem(ctx.em, requireCaller(ctx), input));
  }

  @Mutation(() => ServiceItemType, { description: '撤下服务清单事项(协调督办岗,仅限本辖区的事项)Withdraw a service-list item' })
  async withdrawServiceItem(@Arg('code', () => String) code: string, @Ctx() ctx: GovernanceContext): Promise<ServiceItemType> {
    return toType(await withdrawServiceItem(ctx.em, requireCaller(ctx), code));
  }
}

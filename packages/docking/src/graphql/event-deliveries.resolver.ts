import { Arg, Ctx, Directive, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { hasRole, type Agency } from '@jiefen/auth';
import { DomainError, requireCaller, type SubgraphContext } from '@jiefen/subgraph-kit';
import { DELIVERY_STATES, type DeliveryState } from '../entities/index.js';
import { isAgency } from '../envelope.js';
import { jsonLogger } from '../log.js';
import { deliveryCounts, listDeliveries, redeliverDead, REDELIVER_MAX } from '../operator.js';

/** Counts of an agency's outgoing event deliveries by state. Shared shape in every subgraph. */
@Directive('@shareable')
@ObjectType('EventDeliveryCounts', { description: '对接事件投递状态统计 Outgoing docking event deliveries by state' })
export class EventDeliveryCountsType {
  @Field(() => Int, { description: '待投递 pending' })
  pending!: number;

  @Field(() => Int, { description: '已送达 delivered' })
  delivered!: number;

  @Field(() => Int, { description: '投递失败、重试中 failing, retrying with backoff' })
  failing!: number;

  @Field(() => Int, { description: '已停止重试(死信),需人工处理 dead, needs an operator' })
  dead!: number;
}

/** One event delivery to one recipient. */
@Directive('@shareable')
@ObjectType('EventDelivery', { description: '一次对接事件投递 One docking event sent to one recipient' })
export class EventDeliveryType {
  @Field(() => String)
  id!: string;

  @Field(() => String, { description: '事件编号' })
  eventId!: string;

  @Field(() => String, { description: '事件类型' })
  type!: string;

  @Field(() => String, { description: '对接编号' })
  dockingId!: string;

  @Field(() => Int, { description: '本对接内的序号' })
  sequence!: number;

  @Field(() => String, { description: '对接对方部门' })
  to!: string;

  @Field(() => String, { description: '接收部门(对方或综治中心抄送)' })
  recipient!: string;

  @Field(() => String, { description: '状态:PENDING / DELIVERED / FAILING / DEAD' })
  state!: string;

  @Field(() => Int, { description: '已尝试次数' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: '最近一次错误' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: '下次重试时间' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '送达时间' })
  deliveredAt!: Date | null;

  @Field(() => Date, { description: '发出时间' })
  createdAt!: Date;
}

@Directive('@shareable')
@ObjectType('EventDeliveries', { description: '本部门对接事件投递情况(运维) Delivery state of this agency’s outgoing docking events' })
export class EventDeliveriesType {
  @Field(() => EventDeliveryCountsType)
  counts!: EventDeliveryCountsType;

  @Field(() => [EventDeliveryType], { description: '按状态筛选的投递(默认:失败与死信),最新在前' })
  items!: EventDeliveryType[];
}

/**
 * `<agency>EventDeliveries`: the agency's outgoing deliveries, for its ADMIN or SUPERVISOR only
 * (operators), filtered by state (`DEAD`…); and `redeliver<Agency>Events(ids)`: dead deliveries put
 * back in line, for its ADMIN only. Each subgraph mounts them under its own names, like the access
 * log (`courtEventDeliveries`, `redeliverCourtEvents`).
 */
export function createEventDeliveriesResolver(agency: Agency, fieldName: string, redeliverName = redeliverNameOf(fieldName)) {
  @Resolver()
  class EventDeliveriesResolver {
    @Query(() => EventDeliveriesType, { name: fieldName, description: '对接事件投递情况(仅本部门管理员、督办人员可查)' })
    async eventDeliveries(
      @Ctx() ctx: SubgraphContext,
      @Arg('states', () => [String], { nullable: true, description: '状态(PENDING / DELIVERED / FAILING / DEAD),默认 FAILING 与 DEAD' })
      states?: string[] | null,
      @Arg('recipient', () => String, { nullable: true, description: '接收部门' }) recipient?: string | null,
      @Arg('dockingId', () => String, { nullable: true, description: '对接编号' }) dockingId?: string | null,
      @Arg('limit', () => Int, { nullable: true, description: '条数(默认 50,最多 500)' }) limit?: number | null,
    ): Promise<EventDeliveriesType> {
      const caller = requireCaller(ctx);
      if (caller.agency !== agency || !(hasRole(caller, 'ADMIN') || hasRole(caller, 'SUPERVISOR'))) {
        throw DomainError.forbidden('只有本部门管理员或督办人员可以查看对接事件投递情况');
      }
      const wanted = states ?? undefined;
      if (wanted && !wanted.every((s) => (DELIVERY_STATES as readonly string[]).includes(s))) {
        throw DomainError.validation('states', `状态须为 ${DELIVERY_STATES.join('、')} 之一`);
      }
      if (recipient && !isAgency(recipient)) throw DomainError.validation('recipient', '接收部门无效');
      if (limit !== null && limit !== undefined && (limit < 1 || limit > 500)) throw DomainError.validation('limit', '条数须在 1 到 500 之间');
      const [counts, items] = await Promise.all([
        deliveryCounts(ctx.em),
        listDeliveries(ctx.em, {
          states: wanted as DeliveryState[] | undefined,
          recipient: (recipient as Agency | null) ?? undefined,
          dockingId: dockingId ?? undefined,
          limit: limit ?? undefined,
        }),
      ]);
      return {
        counts: { pending: counts.total.PENDING, delivered: counts.total.DELIVERED, failing: counts.total.FAILING, dead: counts.total.DEAD },
        items,
      };
    }

    @Mutation(() => [EventDeliveryType], {
      name: redeliverName,
      description: `重新投递已停止重试(DEAD)的对接事件,全部成功或全部不变(仅本部门管理员,一次最多 ${REDELIVER_MAX} 条) Put dead deliveries back in line, all or none (ADMIN)`,
    })
    async redeliver(
      @Ctx() ctx: SubgraphContext,
      @Arg('ids', () => [String], { description: '投递编号(EventDelivery.id)' }) ids: string[],
    ): Promise<EventDeliveryType[]> {
      const caller = requireCaller(ctx);
      if (caller.agency !== agency || !hasRole(caller, 'ADMIN')) throw DomainError.forbidden('只有本部门管理员可以重新投递对接事件');
      const requeued = await redeliverDead(ctx.em, ids);
      // Who put which events back, for the operators' record (the delivery log follows them).
      jsonLogger({ level: 'info', message: 'dead deliveries requeued', agency, ids: requeued, by: caller.subject, requestId: ctx.requestId });
      return listDeliveries(ctx.em.fork(), { ids: requeued, states: ['PENDING', 'FAILING', 'DELIVERED', 'DEAD'], limit: REDELIVER_MAX });
    }
  }
  return EventDeliveriesResolver;
}

/** `courtEventDeliveries` → `redeliverCourtEvents`. */
function redeliverNameOf(fieldName: string): string {
  const prefix = fieldName.replace(/EventDeliveries$/, '');
  return `redeliver${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}Events`;
}

import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { maskName, maskPhone } from '@jiefen/auth';
import { keysetPage, PageArgs, personalField, requireListAccess, type SubgraphContext } from '@jiefen/subgraph-kit';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import { DisputeRef } from './dispute.type.js';
import { toIncidentType } from './mapping.js';
import { PoliceIncidentConnection, PoliceIncidentType } from './police-incident.type.js';
import { policeIncidentAccess } from './record-access.js';

type Context = SubgraphContext<PoliceLoaders>;

const readOf = (incident: PoliceIncidentType) => ({ recordType: 'PoliceIncident', recordId: incident.id, visibility: incident.visibility });

@Resolver(() => PoliceIncidentType)
export class PoliceIncidentResolver {
  @Query(() => PoliceIncidentType, { nullable: true, description: '按编号查询警情' })
  async policeIncident(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PoliceIncidentType | null> {
    return policeIncidentAccess.find(ctx, id);
  }

  @Query(() => PoliceIncidentConnection, { description: '警情列表(按报警时间倒序)' })
  async policeIncidents(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof PoliceIncidentConnection>> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'POLICE');
    const where: FilterQuery<PoliceIncident> = { regionCode: { $like: `${regionPrefix}%` } };
    return keysetPage(ctx.em, PoliceIncident, { where, orderBy: { reportedAt: 'desc', id: 'desc' }, page: args }, (i) =>
      toIncidentType(i, masked ? 'MASKED' : 'FULL'),
    );
  }

  @FieldResolver(() => String, { nullable: true, description: '报警人姓名(公安以外脱敏)' })
  reporterName(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(incident), 'reporterName', incident.entity.reporterName, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '报警人电话(公安以外脱敏)' })
  reporterPhone(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(incident), 'reporterPhone', incident.entity.reporterPhone, maskPhone);
  }
}

@Resolver(() => DisputeRef)
export class DisputePoliceResolver {
  @FieldResolver(() => [PoliceIncidentType], { nullable: true, description: '公安:该纠纷的警情(公安服务不可用时为 null)' })
  policeIncidents(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<PoliceIncidentType[]> {
    return policeIncidentAccess.ofDispute(ctx, dispute.id);
  }
}

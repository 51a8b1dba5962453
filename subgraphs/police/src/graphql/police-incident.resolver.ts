import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { maskName, maskPhone, type RecordScope, type Visibility } from '@jiefen/auth';
import { isUuid, keysetPage, PageArgs, personalField, requireListAccess, requireUuid, requireVisible, visibility, type SubgraphContext } from '@jiefen/subgraph-kit';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import { DisputeRef } from './dispute.type.js';
import { PoliceIncidentConnection, PoliceIncidentType, type PoliceIncidentCategory, type PoliceIncidentStatus } from './police-incident.type.js';

type Context = SubgraphContext<PoliceLoaders>;

/** Record rule input: the police own their incidents; the region decides jurisdiction. */
export const scopeOf = (i: PoliceIncident): RecordScope => ({ owner: 'POLICE', regionCode: i.regionCode });

const readOf = (incident: PoliceIncidentType) => ({ recordType: 'PoliceIncident', recordId: incident.id, visibility: incident.visibility });

/** Who a police record may name: the reporter (the police keep no ID number or birth date of theirs). */
export const reporterOf = (i: PoliceIncident) => [{ name: i.reporterName, phone: i.reporterPhone }];

export function toType(i: PoliceIncident, v: Visibility): PoliceIncidentType {
  return {
    id: i.id,
    disputeId: i.disputeId ?? null,
    nonPoliceCategory: i.nonPoliceCategory ?? null,
    entity: i,
    visibility: v,
    personal: { recordType: 'PoliceIncident', recordId: i.id, visibility: v, people: reporterOf(i) },
    incidentNumber: i.incidentNumber,
    station: i.station,
    category: i.category as PoliceIncidentCategory,
    nonPolice: i.nonPolice,
    summary: i.summary,
    status: i.status as PoliceIncidentStatus,
    regionCode: i.regionCode,
    reportedAt: i.reportedAt,
  };
}

@Resolver(() => PoliceIncidentType)
export class PoliceIncidentResolver {
  @Query(() => PoliceIncidentType, { nullable: true, description: '按编号查询警情' })
  async policeIncident(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PoliceIncidentType | null> {
    const visible = requireVisible(ctx, await ctx.loaders.policeIncidentById.load(requireUuid('id', id)), scopeOf);
    return visible ? toType(visible.record, visible.visibility) : null;
  }

  @Query(() => PoliceIncidentConnection, { description: '警情列表(按报警时间倒序)' })
  async policeIncidents(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof PoliceIncidentConnection>> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'POLICE');
    const where: FilterQuery<PoliceIncident> = { regionCode: { $like: `${regionPrefix}%` } };
    return keysetPage(ctx.em, PoliceIncident, { where, orderBy: { reportedAt: 'desc', id: 'desc' }, page: args }, (i) => toType(i, masked ? 'MASKED' : 'FULL'));
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
  async policeIncidents(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<PoliceIncidentType[]> {
    if (!isUuid(dispute.id) || !ctx.caller) return [];
    const incidents = await ctx.loaders.policeIncidentsByDispute.load(dispute.id);
    return incidents.flatMap((i) => {
      const v = visibility(ctx, scopeOf(i));
      return v === 'NONE' ? [] : [toType(i, v)];
    });
  }
}

export async function resolvePoliceIncidentReference(reference: { id: string }, ctx: Context): Promise<PoliceIncidentType | null> {
  // `_entities` is the classic hole: the same rule as the root field, answered with null.
  if (!isUuid(reference.id)) return null;
  const found = await ctx.loaders.policeIncidentById.load(reference.id);
  const v = found ? visibility(ctx, scopeOf(found)) : 'NONE';
  return found && v !== 'NONE' ? toType(found, v) : null;
}

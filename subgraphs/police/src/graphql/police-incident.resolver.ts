import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import {
  isMinor,
  keysetPage,
  personalField,
  requireCaller,
  requireListAccess,
  type SubgraphContext,
  periodConditions,
  requireRegionPrefix,
} from '@jiefen/subgraph-kit';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotent } from '@jiefen/docking';
import { PoliceIncident } from '../entities/police-incident.entity.js';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import { DisputeRef } from './dispute.type.js';
import { toIncidentType } from './mapping.js';
import {
  ImportIncidentInput,
  ImportIncidentsResult,
  PoliceIncidentConnection,
  PoliceIncidentPartyType,
  PoliceIncidentType,
  RegisterIncidentInput,
  PoliceIncidentsArgs,
} from './police-incident.type.js';
import { importIncidents, registerIncident } from '../services/incident-intake.service.js';
import { policeIncidentAccess } from './record-access.js';

type Context = SubgraphContext<PoliceLoaders>;

const readOf = (incident: PoliceIncidentType, person?: { idNumber?: string | null }) => ({
  recordType: 'PoliceIncident',
  recordId: incident.id,
  visibility: incident.visibility,
  // A minor's data (by the ID number's birth date) only for a supervisor or admin, as everywhere.
  minor: person ? isMinor(person) : false,
});
const reporter = (incident: PoliceIncidentType) => ({ idNumber: incident.entity.reporterIdNumber });

@Resolver(() => PoliceIncidentType)
export class PoliceIncidentResolver {
  @Query(() => PoliceIncidentType, { nullable: true, description: '按编号查询警情' })
  async policeIncident(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PoliceIncidentType | null> {
    return policeIncidentAccess.find(ctx, id);
  }

  @Query(() => PoliceIncidentConnection, { description: '警情列表(按报警时间倒序)' })
  async policeIncidents(
    @Args(() => PoliceIncidentsArgs) args: PoliceIncidentsArgs,
    @Ctx() ctx: Context,
  ): Promise<InstanceType<typeof PoliceIncidentConnection>> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'POLICE');
    // Within the caller's jurisdiction, narrowed by region, status and period (VALIDATION_FAILED when a period ends before it starts).
    const conditions: FilterQuery<PoliceIncident>[] = [
      { regionCode: { $like: `${regionPrefix}%` } },
      ...periodConditions({ reported: ['reportedAt', args.reported] }),
    ];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.status) conditions.push({ status: args.status });
    const where: FilterQuery<PoliceIncident> = { $and: conditions };
    return keysetPage(ctx.em, PoliceIncident, { where, orderBy: { reportedAt: 'desc', id: 'desc' }, page: args }, (i) =>
      toIncidentType(i, masked ? 'MASKED' : 'FULL'),
    );
  }

  @FieldResolver(() => String, { nullable: true, description: '报警人姓名(公安以外脱敏)' })
  reporterName(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(incident, reporter(incident)), 'reporterName', incident.entity.reporterName, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '报警人电话(公安以外脱敏)' })
  reporterPhone(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(incident, reporter(incident)), 'reporterPhone', incident.entity.reporterPhone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '发案地点(可能是当事人住处,公安以外脱敏)' })
  place(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(incident), 'place', incident.entity.place, maskAddress);
  }

  @FieldResolver(() => String, { nullable: true, description: '报警人公民身份号码(公安以外脱敏)' })
  reporterIdNumber(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(incident, reporter(incident)), 'reporterIdNumber', incident.entity.reporterIdNumber, maskIdNumber);
  }

  @FieldResolver(() => [PoliceIncidentPartyType], { description: '当事人(公安以外脱敏;未成年人仅主管或管理员可见原文)' })
  parties(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): PoliceIncidentPartyType[] {
    return (incident.entity.parties ?? []).map((p, i) => {
      const read = readOf(incident, p);
      return {
        role: p.role as PoliceIncidentPartyType['role'],
        name: personalField(ctx, read, `parties[${i}].name`, p.name, maskName),
        idNumber: personalField(ctx, read, `parties[${i}].idNumber`, p.idNumber, maskIdNumber),
        phone: personalField(ctx, read, `parties[${i}].phone`, p.phone, maskPhone),
      };
    });
  }

  @Mutation(() => PoliceIncidentType, { description: '接警登记(110 报警、来所报警、非警务警情):输入有误时一次列出全部错误字段,不写入任何数据' })
  async registerIncident(
    @Arg('input', () => RegisterIncidentInput) input: RegisterIncidentInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<PoliceIncidentType> {
    const caller = requireCaller(ctx);
    // A retried registration (the answer was lost) must not take a second 警情编号 for the same call.
    const call = { caller, operation: 'registerIncident', key: idempotencyKey, input };
    const incident = await idempotent(ctx.em, call, (em) => registerIncident(em, caller, { ...input, reporter: { ...input.reporter } }, ctx.settings));
    return toIncidentType(incident, 'FULL');
  }

  @Mutation(() => ImportIncidentsResult, {
    description: '从派出所接处警系统批量导入警情(按警情编号幂等:相同内容重复导入返回原记录,内容不同的拒绝);任何一条有误则列出全部错误、整批不写入',
  })
  async importIncidents(@Arg('input', () => [ImportIncidentInput]) input: ImportIncidentInput[], @Ctx() ctx: Context): Promise<ImportIncidentsResult> {
    const items = input.map((item) => ({ ...item, reporter: { ...item.reporter } }));
    const results = await importIncidents(ctx.em, requireCaller(ctx), items, ctx.settings);
    return {
      created: results.filter((r) => r.created).length,
      unchanged: results.filter((r) => !r.created).length,
      items: results.map((r) => ({ externalNumber: r.incident.externalNumber!, created: r.created, incident: toIncidentType(r.incident, 'FULL') })),
    };
  }
}

@Resolver(() => DisputeRef)
export class DisputePoliceResolver {
  @FieldResolver(() => [PoliceIncidentType], { nullable: true, description: '公安:该纠纷的警情(公安服务不可用时为 null)' })
  policeIncidents(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<PoliceIncidentType[]> {
    return policeIncidentAccess.ofDispute(ctx, dispute.id);
  }
}

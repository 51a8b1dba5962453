import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { maskName } from '@jiefen/auth';
import { DomainError, keysetPage, pageRequest, requireCaller, requireRegionPrefix, toConnection } from '@jiefen/subgraph-kit';
import { regionLengthOf } from '../domain/screening.js';
import { ScreeningReport } from '../entities/screening-report.entity.js';
import { owesScreeningReports, registerDisputeFromFinding, requirePeriod, screeningDueAt, submitScreeningReport } from '../services/screening.service.js';
import { hubListPrefix, readsInFull } from './access.js';
import type { GovernanceContext } from './context.js';
import { DisputeType } from './dispute.type.js';
import { toDisputeType } from './mappers.js';
import { RegisterFromFindingInput, SubmitScreeningReportInput } from './screening.input.js';
import {
  MissingScreeningReportConnection,
  type MissingScreeningReportType,
  ScreeningFindingType,
  ScreeningReportConnection,
  ScreeningReportsArgs,
  ScreeningReportType,
} from './screening.type.js';

const toReportType = (r: ScreeningReport): ScreeningReportType => ({ ...r });

function requireHubReader(ctx: GovernanceContext): string {
  requireCaller(ctx);
  const prefix = hubListPrefix(ctx);
  if (prefix === null) throw DomainError.forbidden('排查信息仅限综治中心与领导查看');
  return prefix;
}

@Resolver(() => ScreeningReportType)
export class ScreeningResolver {
  @Mutation(() => ScreeningReportType, { description: '报送排查报告(村、社区每周;镇、街道每半月;无发现即零报告)Submit a screening report' })
  async submitScreeningReport(
    @Arg('input', () => SubmitScreeningReportInput) input: SubmitScreeningReportInput,
    @Ctx() ctx: GovernanceContext,
  ): Promise<ScreeningReportType> {
    return toReportType(await submitScreeningReport(ctx.em, requireCaller(ctx), input, ctx.settings));
  }

  @Mutation(() => DisputeType, { description: '排查发现一键登记为纠纷(网格排查渠道)Register a finding as a dispute' })
  async registerDisputeFromFinding(
    @Arg('input', () => RegisterFromFindingInput) input: RegisterFromFindingInput,
    @Ctx() ctx: GovernanceContext,
  ): Promise<DisputeType> {
    return toDisputeType(await registerDisputeFromFinding(ctx.em, requireCaller(ctx), input, ctx.personKeyOf, ctx.settings));
  }

  @Query(() => ScreeningReportConnection, { description: '某一周期的排查报告 Reports of a period' })
  async screeningReports(
    @Args(() => ScreeningReportsArgs) args: ScreeningReportsArgs,
    @Ctx() ctx: GovernanceContext,
  ): Promise<InstanceType<typeof ScreeningReportConnection>> {
    const prefix = requireHubReader(ctx);
    const period = requirePeriod('periodKey', args.periodKey);
    const conditions: FilterQuery<ScreeningReport>[] = [{ periodKey: period.key }, { regionCode: { $like: `${prefix}%` } }];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    const where: FilterQuery<ScreeningReport> = { $and: conditions };
    return keysetPage(ctx.em, ScreeningReport, { where, orderBy: { regionCode: 'asc' }, page: args }, toReportType);
  }

  @Query(() => MissingScreeningReportConnection, {
    description: '逾期未报:本人辖区内应报而未报该周期排查报告的村(社区,按周)或镇(街道,按半月);周期截止(含宽限)前为空 Missing reports of a period',
  })
  async missingScreeningReports(
    @Args(() => ScreeningReportsArgs) args: ScreeningReportsArgs,
    @Ctx() ctx: GovernanceContext,
  ): Promise<InstanceType<typeof MissingScreeningReportConnection>> {
    const prefix = requireHubReader(ctx);
    const period = requirePeriod('periodKey', args.periodKey);
    const { limit, after } = pageRequest(args, 1);
    const dueAt = screeningDueAt(period, ctx.settings.clocks);
    const map = (r: { code: string; name: string }): MissingScreeningReportType => ({ regionCode: r.code, regionName: r.name, periodKey: period.key, dueAt });
    if (dueAt.getTime() > ctx.settings.now().getTime()) return toConnection([], limit, 0, (r: { code: string }) => [r.code], map);
    const narrow = args.regionCode ? requireRegionPrefix('regionCode', args.regionCode) : prefix;
    const from = `from region r where length(r.code) = ? and r.code like ? and r.code like ? and ${owesScreeningReports('r')}
      and not exists (select 1 from screening_report s where s.period_key = ? and s.region_code = r.code)`;
    const params = [regionLengthOf(period.cadence), `${prefix}%`, `${narrow}%`, period.key];
    const connection = ctx.em.getConnection();
    const [rows, total] = await Promise.all([
      connection.execute<{ code: string; name: string }[]>(`select r.code, r.name ${from} and r.code > ? order by r.code limit ?`, [
        ...params,
        after ? String(after[0]) : '',
        limit + 1,
      ]),
      connection.execute<{ n: string }[]>(`select count(*) as n ${from}`, params),
    ]);
    return toConnection(rows, limit, Number(total[0]!.n), (r) => [r.code], map);
  }

  @FieldResolver(() => [ScreeningFindingType], { description: '排查发现' })
  async findings(@Root() report: ScreeningReportType, @Ctx() ctx: GovernanceContext): Promise<ScreeningFindingType[]> {
    const full = readsInFull(ctx);
    return (await ctx.loaders.findingsByReport.load(report.id)).map((f) => ({
      id: f.id,
      category: f.category,
      cause: f.cause,
      occurredOn: f.occurredOn,
      place: f.place,
      unit: f.unit ?? null,
      peopleInvolved: f.peopleInvolved,
      keyPersons: f.keyPersons
        ? full
          ? f.keyPersons
          : f.keyPersons
              .split(/[,,、\s]+/)
              .filter(Boolean)
              .map(maskName)
              .join('、')
        : null,
      forecast: f.forecast,
      disputeId: f.disputeId ?? null,
    }));
  }
}

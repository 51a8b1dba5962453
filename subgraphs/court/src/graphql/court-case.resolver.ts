import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import {
  isMinor,
  keysetPage,
  PageArgs,
  PersonalText,
  personalField,
  requireCaller,
  requireListAccess,
  requireUuid,
  type SubgraphContext,
  periodConditions,
  requireRegionPrefix,
  ReceivingOrganizationInput,
  RECEIVER_DESCRIPTION,
  ReceivingOrganizationType,
  receivingOrganizationOf,
  RECEIVER_DEPRECATION,
} from '@jiefen/subgraph-kit';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotent, latestOutgoingDocking, type DockingOutgoing } from '@jiefen/docking';
import type { CourtSettings } from '../domain/clocks.js';
import { CourtCase } from '../entities/court-case.entity.js';
import type { CourtLoaders } from '../loaders/court.loaders.js';
import { divertToMediation, entrustMediation, fileCase, receiveCivilCase, recordMediationOutcome } from '../services/court-case.service.js';
import { CourtCaseConnection, CourtCaseType, MediationOutcome, Procedure, ReceiveCivilCaseInput, CourtCasesArgs } from './court-case.type.js';
import { DisputeRef } from './dispute.type.js';
import { DockingRef } from './docking.type.js';
import { toCourtCaseType } from './mapping.js';
import { courtCaseAccess } from './record-access.js';

type Context = SubgraphContext<CourtLoaders, CourtSettings>;
type Connection = InstanceType<typeof CourtCaseConnection>;

const readOf = (c: CourtCaseType) => ({ recordType: 'CourtCase', recordId: c.id, visibility: c.visibility });
/** The plaintiff's fields: a minor plaintiff (by the ID number's birth date) only for a supervisor or admin. */
const plaintiffRead = (c: CourtCaseType) => ({ ...readOf(c), minor: isMinor({ idNumber: c.entity.plaintiffIdNumber }) });

/** The case's latest hand-over (the docking package's outgoing docking), batched per request. */
const handOverOf = (ctx: Context, c: CourtCaseType): Promise<DockingOutgoing | null> => latestOutgoingDocking(ctx.loaders.outgoing, c.id);

@Resolver(() => CourtCaseType)
export class CourtCaseResolver {
  @Query(() => CourtCaseType, { nullable: true, description: '按编号查询法院案件' })
  async courtCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CourtCaseType | null> {
    return courtCaseAccess.find(ctx, id);
  }

  @Query(() => CourtCaseConnection, { description: '法院案件列表(按收案时间倒序)' })
  async courtCases(@Args(() => CourtCasesArgs) args: CourtCasesArgs, @Ctx() ctx: Context): Promise<Connection> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'COURT');
    // Within the caller's jurisdiction, narrowed by region, status and period (VALIDATION_FAILED when a period ends before it starts).
    const conditions: FilterQuery<CourtCase>[] = [
      { regionCode: { $like: `${regionPrefix}%` } },
      ...periodConditions({ received: ['receivedAt', args.received], sent: ['mediationSentAt', args.sent], concluded: ['mediationOutcomeAt', args.concluded] }),
    ];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.status) conditions.push({ status: args.status });
    const where: FilterQuery<CourtCase> = { $and: conditions };
    return keysetPage(ctx.em, CourtCase, { where, orderBy: { receivedAt: 'desc', id: 'desc' }, page: args }, (c) =>
      toCourtCaseType(c, masked ? 'MASKED' : 'FULL'),
    );
  }

  @Query(() => CourtCaseConnection, { description: '本院送调的案件及调解结果(按送调时间倒序) Our cases sent to mediation, with outcomes' })
  async courtCasesSentToMediation(
    @Args(() => PageArgs) args: PageArgs,
    @Arg('outcome', () => MediationOutcome, { nullable: true, description: '只看某种结果' }) outcome: MediationOutcome | null,
    @Arg('pending', () => Boolean, { nullable: true, description: 'true:只看尚未反馈结果的' }) pending: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Connection> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'COURT');
    const where: FilterQuery<CourtCase> = { regionCode: { $like: `${regionPrefix}%` }, mediationSentAt: { $ne: null } };
    if (outcome) where.mediationOutcome = outcome;
    if (pending) where.mediationDueAt = { $ne: null };
    return keysetPage(ctx.em, CourtCase, { where, orderBy: { mediationSentAt: 'desc', id: 'desc' }, page: args }, (c) =>
      toCourtCaseType(c, masked ? 'MASKED' : 'FULL'),
    );
  }

  @Query(() => CourtCaseConnection, { description: '超期未反馈的送调案件(按期限先后) Mediations past their clock' })
  async overdueMediations(
    @Args(() => PageArgs) args: PageArgs,
    @Arg('asOf', () => Date, { nullable: true, description: '计算时点(默认当前时间)' }) asOf: Date | null,
    @Ctx() ctx: Context,
  ): Promise<Connection> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'COURT');
    const now = asOf ?? ctx.settings.now();
    const where: FilterQuery<CourtCase> = { regionCode: { $like: `${regionPrefix}%` }, mediationDueAt: { $lt: now } };
    return keysetPage(ctx.em, CourtCase, { where, orderBy: { mediationDueAt: 'asc', id: 'asc' }, page: args }, (c) =>
      toCourtCaseType(c, masked ? 'MASKED' : 'FULL', now),
    );
  }

  @FieldResolver(() => ReceivingOrganizationType, { nullable: true, description: '接收单位(最近一次移交的调解组织)' })
  async receivingOrganization(@Root() r: CourtCaseType, @Ctx() ctx: Context): Promise<ReceivingOrganizationType | null> {
    return receivingOrganizationOf(await handOverOf(ctx, r));
  }

  @FieldResolver(() => String, { nullable: true, description: '调解组织', deprecationReason: RECEIVER_DEPRECATION })
  async mediationOrganization(@Root() c: CourtCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.organizationName ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '调解组织统一社会信用代码', deprecationReason: RECEIVER_DEPRECATION })
  async mediationOrganizationCode(@Root() c: CourtCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.organizationCode ?? null;
  }

  @FieldResolver(() => ID, { nullable: true, description: '诉调对接编号(与综治中心台账一致;最近一次送调)' })
  async dockingId(@Root() c: CourtCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.dockingId ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: '调解组织受理时间' })
  async mediationAcceptedAt(@Root() c: CourtCaseType, @Ctx() ctx: Context): Promise<Date | null> {
    return (await handOverOf(ctx, c))?.acceptedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '调解组织的调解案件编号' })
  async mediationCaseNumber(@Root() c: CourtCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.caseNumber ?? null;
  }

  @PersonalText()
  @FieldResolver(() => String, { nullable: true, description: '调解组织不予受理的理由(案件已退回法院)' })
  async mediationRejectionReason(@Root() c: CourtCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.rejectionReason ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '原告姓名(法院以外脱敏)' })
  plaintiffName(@Root() c: CourtCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, plaintiffRead(c), 'plaintiffName', c.entity.plaintiffName, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '原告公民身份号码(法院以外脱敏)' })
  plaintiffIdNumber(@Root() c: CourtCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, plaintiffRead(c), 'plaintiffIdNumber', c.entity.plaintiffIdNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '原告联系电话(法院以外脱敏)' })
  plaintiffPhone(@Root() c: CourtCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, plaintiffRead(c), 'plaintiffPhone', c.entity.plaintiffPhone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '被告姓名或名称(法院以外脱敏)' })
  defendantName(@Root() c: CourtCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(c), 'defendantName', c.entity.defendantName, maskName);
  }

  @Mutation(() => CourtCaseType, { description: '诉前收案:登记法院收到的民事纠纷(民诉前调字号)' })
  async receiveCivilCase(@Arg('input', () => ReceiveCivilCaseInput) input: ReceiveCivilCaseInput, @Ctx() ctx: Context): Promise<CourtCaseType> {
    return toCourtCaseType(await receiveCivilCase(ctx.em, requireCaller(ctx), { ...input }, ctx.references, ctx.settings), 'FULL');
  }

  @Mutation(() => CourtCaseType, { description: '委派调解:立案前将案件委派调解组织调解(30 日;对接事件发送司法行政并抄送综治中心)' })
  async divertToMediation(
    @Arg('id', () => ID) id: string,
    @Arg('receiver', () => ReceivingOrganizationInput, { description: RECEIVER_DESCRIPTION }) receiver: ReceivingOrganizationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<CourtCaseType> {
    const { creditCode: organizationCode, name: organization = null } = receiver;
    const caller = requireCaller(ctx);
    const caseId = requireUuid('id', id);
    const call = { caller, operation: 'divertToMediation', key: idempotencyKey, input: { id, organizationCode, organization } };
    return toCourtCaseType(
      await idempotent(ctx.em, call, (em) => divertToMediation(em, caller, caseId, { organizationCode, organizationName: organization }, ctx.settings)),
      'FULL',
    );
  }

  @Mutation(() => CourtCaseType, { description: '委托调解:立案后委托调解组织调解(普通程序 15 日,简易程序 7 日;对接事件发送司法行政并抄送综治中心)' })
  async entrustMediation(
    @Arg('id', () => ID) id: string,
    @Arg('receiver', () => ReceivingOrganizationInput, { description: RECEIVER_DESCRIPTION }) receiver: ReceivingOrganizationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<CourtCaseType> {
    const { creditCode: organizationCode, name: organization = null } = receiver;
    const caller = requireCaller(ctx);
    const caseId = requireUuid('id', id);
    const call = { caller, operation: 'entrustMediation', key: idempotencyKey, input: { id, organizationCode, organization } };
    return toCourtCaseType(
      await idempotent(ctx.em, call, (em) => entrustMediation(em, caller, caseId, { organizationCode, organizationName: organization }, ctx.settings)),
      'FULL',
    );
  }

  @Mutation(() => CourtCaseType, { description: '登记调解组织书面反馈的调解结果' })
  async recordMediationOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('succeeded', () => Boolean) succeeded: boolean,
    @Arg('note', () => String, { description: '调解情况' }) note: string,
    @Ctx() ctx: Context,
  ): Promise<CourtCaseType> {
    return toCourtCaseType(
      await recordMediationOutcome(ctx.em, requireCaller(ctx), { courtCaseId: requireUuid('id', id), succeeded, note }, ctx.settings),
      'FULL',
    );
  }

  @Mutation(() => CourtCaseType, { description: '立案:诉前调解不成(或当事人不同意调解)的案件登记立案,编民初字号' })
  async fileCase(@Arg('id', () => ID) id: string, @Arg('procedure', () => Procedure) procedure: Procedure, @Ctx() ctx: Context): Promise<CourtCaseType> {
    return toCourtCaseType(await fileCase(ctx.em, requireCaller(ctx), requireUuid('id', id), procedure, ctx.settings), 'FULL');
  }
}

@Resolver(() => DisputeRef)
export class DisputeCourtResolver {
  @FieldResolver(() => [CourtCaseType], { nullable: true, description: '法院:该纠纷的法院案件(法院服务不可用时为 null)' })
  courtCases(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<CourtCaseType[]> {
    return courtCaseAccess.ofDispute(ctx, dispute.id);
  }
}

@Resolver(() => DockingRef)
export class DockingCourtResolver {
  @FieldResolver(() => CourtCaseType, { nullable: true, description: '法院:对接的来源案件(委派/委托调解);法院可见全文,调解组织与综治中心脱敏' })
  courtCase(@Root() docking: DockingRef, @Ctx() ctx: Context): Promise<CourtCaseType | null> {
    return courtCaseAccess.ofDocking(ctx, docking.id);
  }
}

import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import {
  isMinor,
  keysetPage,
  PageArgs,
  PersonalText,
  personalField,
  requireCaller,
  requireListAccess,
  type SubgraphContext,
  periodConditions,
  requireRegionPrefix,
  ReceivingOrganizationInput,
  RECEIVER_DESCRIPTION,
  ReceivingOrganizationType,
  receivingOrganizationOf,
  RECEIVER_DEPRECATION,
} from '@jiefen/subgraph-kit';
import {
  confirmedHandOver,
  HandOverConfirmationType,
  IDEMPOTENCY_KEY_DESCRIPTION,
  idempotent,
  latestOutgoingDocking,
  toHandOverConfirmation,
  type DockingOutgoing,
} from '@jiefen/docking';
import type { PetitionSettings } from '../domain/clocks.js';
import type { PetitionEvent } from '../domain/petition-item.workflow.js';
import { PetitionItem } from '../entities/petition-item.entity.js';
import type { PetitionLoaders } from '../loaders/petition.loaders.js';
import { actOnPetition, ratePetition, referPetitionToMediation, registerPetition, type StepInput } from '../services/petition-item.service.js';
import { DisputeRef } from './dispute.type.js';
import { DockingRef } from './docking.type.js';
import { toType } from './mapping.js';
import { petitionItemAccess } from './record-access.js';
import {
  MediationRespondentInput,
  PetitionItemConnection,
  PetitionItemType,
  RegisterPetitionInput,
  Satisfaction,
  PetitionItemsArgs,
} from './petition-item.type.js';

type Context = SubgraphContext<PetitionLoaders, PetitionSettings>;
type Connection = InstanceType<typeof PetitionItemConnection>;

/** The petitioner's fields: a minor petitioner (by the ID number's birth date) only for a supervisor or admin. */
const readOf = (p: PetitionItemType) => ({
  recordType: 'PetitionItem',
  recordId: p.id,
  visibility: p.visibility,
  minor: isMinor({ idNumber: p.entity.petitionerIdNumber }),
});

/** The record's latest hand-over (the docking package's outgoing docking), batched per request. */
const handOverOf = (ctx: Context, r: PetitionItemType): Promise<DockingOutgoing | null> => latestOutgoingDocking(ctx.loaders.outgoing, r.id);

@Resolver(() => PetitionItemType)
export class PetitionItemResolver {
  @FieldResolver(() => ReceivingOrganizationType, { nullable: true, description: '接收单位(最近一次移交的调解组织)' })
  async receivingOrganization(@Root() r: PetitionItemType, @Ctx() ctx: Context): Promise<ReceivingOrganizationType | null> {
    return receivingOrganizationOf(await handOverOf(ctx, r));
  }

  @FieldResolver(() => String, { nullable: true, description: '调解组织(访调对接)', deprecationReason: RECEIVER_DEPRECATION })
  async mediationOrganization(@Root() p: PetitionItemType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, p))?.organizationName ?? null;
  }

  @FieldResolver(() => ID, { nullable: true, description: '对接编号(与综治中心台账一致,最近一次移交)' })
  async dockingId(@Root() p: PetitionItemType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, p))?.dockingId ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '接收的调解组织统一社会信用代码', deprecationReason: RECEIVER_DEPRECATION })
  async mediationOrganizationCode(@Root() p: PetitionItemType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, p))?.organizationCode ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '调解组织受理后的调解案件编号' })
  async mediationCaseNumber(@Root() p: PetitionItemType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, p))?.caseNumber ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: '调解组织受理时间' })
  async mediationAcceptedAt(@Root() p: PetitionItemType, @Ctx() ctx: Context): Promise<Date | null> {
    return (await handOverOf(ctx, p))?.acceptedAt ?? null;
  }

  @PersonalText()
  @FieldResolver(() => String, { nullable: true, description: '调解组织不予受理的理由(事项退回信访局继续办理)' })
  async referralRejectionReason(@Root() p: PetitionItemType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, p))?.rejectionReason ?? null;
  }

  @FieldResolver(() => HandOverConfirmationType, {
    nullable: true,
    description: '访调所得调解协议的司法确认(人民法院的裁定、调确字案号、时间、理由;申请强制执行的执行案号)',
  })
  async judicialConfirmation(@Root() p: PetitionItemType, @Ctx() ctx: Context): Promise<HandOverConfirmationType | null> {
    return toHandOverConfirmation(confirmedHandOver(await ctx.loaders.outgoing.byRecord.load(p.id)), p.personal);
  }
  @Query(() => PetitionItemType, { nullable: true, description: '按编号查询信访事项' })
  async petitionItem(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PetitionItemType | null> {
    return petitionItemAccess.find(ctx, id);
  }

  @Query(() => PetitionItemConnection, { description: '信访事项列表(按登记时间倒序)' })
  async petitionItems(@Args(() => PetitionItemsArgs) args: PetitionItemsArgs, @Ctx() ctx: Context): Promise<Connection> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'PETITION');
    // Within the caller's jurisdiction, narrowed by region, status and period (VALIDATION_FAILED when a period ends before it starts).
    const conditions: FilterQuery<PetitionItem>[] = [
      { regionCode: { $like: `${regionPrefix}%` } },
      ...periodConditions({ registered: ['registeredAt', args.registered], concluded: ['concludedAt', args.concluded] }),
    ];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.status) conditions.push({ status: args.status });
    const where: FilterQuery<PetitionItem> = { $and: conditions };
    return keysetPage(ctx.em, PetitionItem, { where, orderBy: { registeredAt: 'desc', id: 'desc' }, page: args }, (p) => toType(p, masked ? 'MASKED' : 'FULL'));
  }

  @Query(() => PetitionItemConnection, { description: '超期未办的信访事项(按期限先后) Petitions past their clock' })
  async overduePetitions(
    @Args(() => PageArgs) args: PageArgs,
    @Arg('asOf', () => Date, { nullable: true, description: '计算时点(默认当前时间)' }) asOf: Date | null,
    @Ctx() ctx: Context,
  ): Promise<Connection> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'PETITION');
    const now = asOf ?? ctx.settings.now();
    const where: FilterQuery<PetitionItem> = { regionCode: { $like: `${regionPrefix}%` }, dueAt: { $lt: now } };
    return keysetPage(ctx.em, PetitionItem, { where, orderBy: { dueAt: 'asc', id: 'asc' }, page: args }, (p) => toType(p, masked ? 'MASKED' : 'FULL', now));
  }

  @FieldResolver(() => String, { nullable: true, description: '信访人姓名(信访局以外脱敏)' })
  petitionerName(@Root() p: PetitionItemType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(p), 'petitionerName', p.entity.petitionerName, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '信访人公民身份号码(信访局以外脱敏)' })
  petitionerIdNumber(@Root() p: PetitionItemType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(p), 'petitionerIdNumber', p.entity.petitionerIdNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '信访人联系电话(信访局以外脱敏)' })
  petitionerPhone(@Root() p: PetitionItemType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(p), 'petitionerPhone', p.entity.petitionerPhone, maskPhone);
  }

  @Mutation(() => PetitionItemType, { description: '登记信访事项(15 日内受理、转送或告知不予受理)' })
  async registerPetition(@Arg('input', () => RegisterPetitionInput) input: RegisterPetitionInput, @Ctx() ctx: Context): Promise<PetitionItemType> {
    return toType(await registerPetition(ctx.em, requireCaller(ctx), { ...input }, ctx.references, ctx.settings), 'FULL');
  }

  @Mutation(() => PetitionItemType, { description: '受理信访事项(60 日内办结)' })
  acceptPetition(
    @Arg('id', () => ID) id: string,
    @Arg('handlingUnit', () => String, { description: '承办单位' }) handlingUnit: string,
    @Ctx() ctx: Context,
  ): Promise<PetitionItemType> {
    return this.act(ctx, id, 'ACCEPT', { text: handlingUnit });
  }

  @Mutation(() => PetitionItemType, { description: '转送有权处理的机关' })
  transferPetition(
    @Arg('id', () => ID) id: string,
    @Arg('organ', () => String, { description: '有权处理机关' }) organ: string,
    @Ctx() ctx: Context,
  ): Promise<PetitionItemType> {
    return this.act(ctx, id, 'TRANSFER', { text: organ });
  }

  @Mutation(() => PetitionItemType, { description: '不予受理并告知理由(如已进入诉讼程序)' })
  declinePetition(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<PetitionItemType> {
    return this.act(ctx, id, 'DECLINE', { text: reason });
  }

  @Mutation(() => PetitionItemType, { description: '延长办理期限(一次,至多 30 日,须说明理由)' })
  extendPetitionHandling(
    @Arg('id', () => ID) id: string,
    @Arg('days', () => Int) days: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<PetitionItemType> {
    return this.act(ctx, id, 'EXTEND', { text: reason, days });
  }

  @Mutation(() => PetitionItemType, { description: '移交人民调解(访调对接):对接事件发往司法行政、抄送综治中心,调解结果反馈后办结' })
  async referPetitionToMediation(
    @Arg('id', () => ID) id: string,
    @Arg('receiver', () => ReceivingOrganizationInput, { description: RECEIVER_DESCRIPTION }) receiver: ReceivingOrganizationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Arg('respondents', () => [MediationRespondentInput], { nullable: true, description: '对方当事人(被反映人),随移交送调解组织' })
    respondents: MediationRespondentInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<PetitionItemType> {
    const { creditCode: organizationCode, name: organization = null } = receiver;
    const caller = requireCaller(ctx);
    const others = (respondents ?? []).map((r) => ({ name: r.name, idNumber: r.idNumber ?? null, phone: r.phone ?? null }));
    const call = { caller, operation: 'referPetitionToMediation', key: idempotencyKey, input: { id, organizationCode, organization, respondents: others } };
    return toType(
      await idempotent(ctx.em, call, (em) => referPetitionToMediation(em, caller, id, { organizationCode, organization, respondents: others }, ctx.settings)),
      'FULL',
    );
  }

  @Mutation(() => PetitionItemType, { description: '登记调解组织书面反馈的调解结果:成功即办结,不成则继续办理' })
  recordPetitionMediationOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('succeeded', () => Boolean) succeeded: boolean,
    @Arg('summary', () => String) summary: string,
    @Ctx() ctx: Context,
  ): Promise<PetitionItemType> {
    return this.act(ctx, id, succeeded ? 'MEDIATION_SUCCEEDED' : 'MEDIATION_FAILED', { text: summary });
  }

  @Mutation(() => PetitionItemType, { description: '出具处理意见,办结' })
  answerPetition(@Arg('id', () => ID) id: string, @Arg('answer', () => String) answer: string, @Ctx() ctx: Context): Promise<PetitionItemType> {
    return this.act(ctx, id, 'ANSWER', { text: answer });
  }

  @Mutation(() => PetitionItemType, { description: '登记复查请求(收到处理意见 30 日内)' })
  requestPetitionReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PetitionItemType> {
    return this.act(ctx, id, 'REQUEST_REVIEW', {});
  }

  @Mutation(() => PetitionItemType, { description: '出具复查意见(30 日内)' })
  answerPetitionReview(@Arg('id', () => ID) id: string, @Arg('opinion', () => String) opinion: string, @Ctx() ctx: Context): Promise<PetitionItemType> {
    return this.act(ctx, id, 'ANSWER_REVIEW', { text: opinion });
  }

  @Mutation(() => PetitionItemType, { description: '登记复核请求(收到复查意见 30 日内)' })
  requestPetitionReReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PetitionItemType> {
    return this.act(ctx, id, 'REQUEST_RE_REVIEW', {});
  }

  @Mutation(() => PetitionItemType, { description: '出具复核意见(30 日内)' })
  answerPetitionReReview(@Arg('id', () => ID) id: string, @Arg('opinion', () => String) opinion: string, @Ctx() ctx: Context): Promise<PetitionItemType> {
    return this.act(ctx, id, 'ANSWER_RE_REVIEW', { text: opinion });
  }

  @Mutation(() => PetitionItemType, { description: '登记信访人满意度评价(办结后,一次)' })
  async ratePetition(
    @Arg('id', () => ID) id: string,
    @Arg('satisfaction', () => Satisfaction) satisfaction: Satisfaction,
    @Ctx() ctx: Context,
  ): Promise<PetitionItemType> {
    return toType(await ratePetition(ctx.em, requireCaller(ctx), id, satisfaction, ctx.settings), 'FULL');
  }

  private async act(ctx: Context, id: string, event: PetitionEvent, input: StepInput): Promise<PetitionItemType> {
    return toType(await actOnPetition(ctx.em, requireCaller(ctx), id, event, input, ctx.settings), 'FULL');
  }
}

@Resolver(() => DisputeRef)
export class DisputePetitionResolver {
  @FieldResolver(() => [PetitionItemType], { nullable: true, description: '信访局:该纠纷的信访事项(信访局服务不可用时为 null)' })
  petitions(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<PetitionItemType[]> {
    return petitionItemAccess.ofDispute(ctx, dispute.id);
  }
}

@Resolver(() => DockingRef)
export class DockingPetitionResolver {
  @FieldResolver(() => PetitionItemType, { nullable: true, description: '信访局:对接的来源记录(访调对接的信访事项)' })
  petitionItem(@Root() docking: DockingRef, @Ctx() ctx: Context): Promise<PetitionItemType | null> {
    return petitionItemAccess.ofDocking(ctx, docking.id);
  }
}

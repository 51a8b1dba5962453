import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import { isMinor, keysetPage, PageArgs, personalField, requireCaller, requireListAccess, requireUuid, type SubgraphContext } from '@jiefen/subgraph-kit';
import type { CourtSettings } from '../domain/clocks.js';
import { JudicialConfirmation } from '../entities/judicial-confirmation.entity.js';
import type { CourtLoaders } from '../loaders/court.loaders.js';
import {
  acceptJudicialConfirmation,
  applyForEnforcement,
  extendRuling,
  recordAgreementPerformed,
  refuseJudicialConfirmation,
  ruleOnJudicialConfirmation,
} from '../services/judicial-confirmation.service.js';
import { DisputeRef } from './dispute.type.js';
import {
  ConfirmationApplicantType,
  EnforcementApplicationType,
  JudicialConfirmationConnection,
  JudicialConfirmationType,
} from './judicial-confirmation.type.js';
import { toConfirmationType, toEnforcementType } from './mapping.js';
import { confirmationAccess } from './record-access.js';

type Context = SubgraphContext<CourtLoaders, CourtSettings>;

@Resolver(() => JudicialConfirmationType)
export class JudicialConfirmationResolver {
  @Query(() => JudicialConfirmationType, { nullable: true, description: '按编号查询司法确认申请' })
  async judicialConfirmation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<JudicialConfirmationType | null> {
    return confirmationAccess.find(ctx, id);
  }

  @Query(() => JudicialConfirmationConnection, { description: '待办的司法确认(待受理、待裁定),按期限先后 Confirmations due, soonest deadline first' })
  async confirmationsDue(
    @Args(() => PageArgs) args: PageArgs,
    @Arg('asOf', () => Date, { nullable: true, description: '计算超期的时点(默认当前时间)' }) asOf: Date | null,
    @Ctx() ctx: Context,
  ): Promise<InstanceType<typeof JudicialConfirmationConnection>> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'COURT');
    const now = asOf ?? ctx.settings.now();
    const where: FilterQuery<JudicialConfirmation> = { regionCode: { $like: `${regionPrefix}%` }, nextDeadlineAt: { $ne: null } };
    return keysetPage(ctx.em, JudicialConfirmation, { where, orderBy: { nextDeadlineAt: 'asc', id: 'asc' }, page: args }, (j) =>
      toConfirmationType(j, masked ? 'MASKED' : 'FULL', now),
    );
  }

  @FieldResolver(() => [ConfirmationApplicantType], { description: '申请人' })
  applicants(@Root() j: JudicialConfirmationType): ConfirmationApplicantType[] {
    return j.entity.applicants.map((applicant, i) => ({ position: i + 1, applicant, recordId: j.id, visibility: j.visibility }));
  }

  @FieldResolver(() => EnforcementApplicationType, { nullable: true, description: '强制执行申请' })
  async enforcement(@Root() j: JudicialConfirmationType, @Ctx() ctx: Context): Promise<EnforcementApplicationType | null> {
    const e = await ctx.loaders.enforcementByConfirmation.load(j.id);
    return e ? toEnforcementType(e, j.visibility, j.entity.applicants) : null;
  }

  @Mutation(() => JudicialConfirmationType, { description: '受理司法确认申请(3 日内决定,编调确字号);不符合条件的说明全部理由' })
  async acceptJudicialConfirmation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<JudicialConfirmationType> {
    return toConfirmationType(await acceptJudicialConfirmation(ctx.em, requireCaller(ctx), requireUuid('id', id), ctx.settings), 'FULL');
  }

  @Mutation(() => JudicialConfirmationType, { description: '不予受理:记录法定理由(身份关系、收养、婚姻效力事项,逾期申请等)及说明' })
  async refuseJudicialConfirmation(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true, description: '说明' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<JudicialConfirmationType> {
    return toConfirmationType(await refuseJudicialConfirmation(ctx.em, requireCaller(ctx), requireUuid('id', id), note, ctx.settings), 'FULL');
  }

  @Mutation(() => JudicialConfirmationType, { description: '经院长批准延长审查期限 10 日(限一次)' })
  async extendRuling(
    @Arg('id', () => ID) id: string,
    @Arg('approvedBy', () => String, { description: '批准的院长' }) approvedBy: string,
    @Arg('reason', () => String, { description: '延长理由' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<JudicialConfirmationType> {
    return toConfirmationType(await extendRuling(ctx.em, requireCaller(ctx), requireUuid('id', id), approvedBy, reason, ctx.settings), 'FULL');
  }

  @Mutation(() => JudicialConfirmationType, { description: '裁定:确认调解协议有效,或驳回申请' })
  async ruleOnJudicialConfirmation(
    @Arg('id', () => ID) id: string,
    @Arg('confirmed', () => Boolean, { description: 'true 确认有效,false 驳回申请' }) confirmed: boolean,
    @Arg('note', () => String, { description: '裁定理由' }) note: string,
    @Ctx() ctx: Context,
  ): Promise<JudicialConfirmationType> {
    return toConfirmationType(await ruleOnJudicialConfirmation(ctx.em, requireCaller(ctx), requireUuid('id', id), confirmed, note, ctx.settings), 'FULL');
  }

  @Mutation(() => JudicialConfirmationType, { description: '登记经确认的调解协议已履行' })
  async recordAgreementPerformed(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<JudicialConfirmationType> {
    return toConfirmationType(await recordAgreementPerformed(ctx.em, requireCaller(ctx), requireUuid('id', id), ctx.settings), 'FULL');
  }

  @Mutation(() => EnforcementApplicationType, { description: '申请强制执行:经确认的调解协议一方拒不履行' })
  async applyForEnforcement(
    @Arg('confirmationId', () => ID) confirmationId: string,
    @Arg('applicantName', () => String, { description: '申请执行人(申请人之一)' }) applicantName: string,
    @Arg('unperformedTerms', () => String, { description: '未履行的协议内容' }) unperformedTerms: string,
    @Ctx() ctx: Context,
  ): Promise<EnforcementApplicationType> {
    const e = await applyForEnforcement(
      ctx.em,
      requireCaller(ctx),
      requireUuid('confirmationId', confirmationId),
      { applicantName, unperformedTerms },
      ctx.settings,
    );
    const j = await ctx.loaders.confirmationById.load(e.confirmationId);
    return toEnforcementType(e, 'FULL', j?.applicants ?? []);
  }
}

/** One applicant's fields: a minor applicant (by the ID number's birth date) only for a supervisor or admin. */
const applicantRead = (a: ConfirmationApplicantType) => ({
  recordType: 'JudicialConfirmation',
  recordId: a.recordId,
  visibility: a.visibility,
  minor: isMinor(a.applicant),
});

@Resolver(() => ConfirmationApplicantType)
export class ConfirmationApplicantResolver {
  @FieldResolver(() => String, { nullable: true, description: '姓名(法院以外脱敏)' })
  name(@Root() a: ConfirmationApplicantType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, applicantRead(a), `applicants.${a.position}.name`, a.applicant.name, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '公民身份号码(法院以外脱敏)' })
  idNumber(@Root() a: ConfirmationApplicantType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, applicantRead(a), `applicants.${a.position}.idNumber`, a.applicant.idNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '联系电话(法院以外脱敏)' })
  phone(@Root() a: ConfirmationApplicantType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, applicantRead(a), `applicants.${a.position}.phone`, a.applicant.phone, maskPhone);
  }
}

@Resolver(() => EnforcementApplicationType)
export class EnforcementApplicationResolver {
  @FieldResolver(() => String, { nullable: true, description: '申请执行人(法院以外脱敏)' })
  applicantName(@Root() e: EnforcementApplicationType, @Ctx() ctx: Context): string | null {
    return personalField(
      ctx,
      { recordType: 'EnforcementApplication', recordId: e.id, visibility: e.visibility, minor: e.applicantMinor },
      'applicantName',
      e.entity.applicantName,
      maskName,
    );
  }
}

@Resolver(() => DisputeRef)
export class DisputeConfirmationResolver {
  @FieldResolver(() => [JudicialConfirmationType], { nullable: true, description: '法院:该纠纷的司法确认(法院服务不可用时为 null)' })
  judicialConfirmations(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<JudicialConfirmationType[]> {
    return confirmationAccess.ofDispute(ctx, dispute.id);
  }
}

import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import { DomainError, isMinor, personalField, personalText, requireCaller, requireUuid } from '@jiefen/subgraph-kit';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotent } from '@jiefen/docking';
import { performanceOverdue, type PerformanceState } from '../domain/agreement.js';
import { renderAgreementDocument } from '../domain/agreement-document.js';
import { chinaDate } from '@jiefen/calendar';
import { caseVisibility } from '../domain/access.rules.js';
import { applyForJudicialConfirmation, recordAgreement, recordReturnVisit, scheduleReturnVisit, signAgreement } from '../services/agreement.service.js';
import { MediationAgreementType, ReturnVisitType } from './agreement.type.js';
import type { JusticeContext } from './context.js';
import { MediationAgreementInput, RecordReturnVisitInput, ScheduleReturnVisitInput, SignMediationAgreementInput } from './justice.input.js';
import { partiesOf, toAgreementType, toReturnVisitType } from './mappers.js';

async function visibleAgreement(ctx: JusticeContext, id: string) {
  requireCaller(ctx);
  const a = await ctx.loaders.agreementById.load(requireUuid('id', id));
  if (!a) return null;
  const c = await ctx.loaders.mediationCaseById.load(a.caseId);
  const v = c ? caseVisibility(ctx.caller, c) : 'NONE';
  if (!c || v === 'NONE') throw DomainError.forbidden();
  return { agreement: a, mediationCase: c, visibility: v };
}

@Resolver(() => MediationAgreementType)
export class MediationAgreementResolver {
  @Query(() => MediationAgreementType, { nullable: true, description: '按编号查询调解协议' })
  async mediationAgreement(@Arg('id', () => ID) id: string, @Ctx() ctx: JusticeContext): Promise<MediationAgreementType | null> {
    const found = await visibleAgreement(ctx, id);
    return found ? toAgreementType(found.agreement, found.visibility) : null;
  }

  @Query(() => String, { nullable: true, description: '调解协议书打印版(完整 HTML 文书,供当事人签署;个人信息按权限脱敏)' })
  async mediationAgreementDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: JusticeContext): Promise<string | null> {
    const found = await visibleAgreement(ctx, id);
    if (!found) return null;
    const { agreement: a, mediationCase: c, visibility } = found;
    const today = new Date(`${chinaDate(ctx.settings.now())}T00:00:00Z`);
    const parties = (await ctx.loaders.partiesByCase.load(c.id)).map((p) => {
      const read = { recordType: 'MediationParty', recordId: p.id, visibility, minor: isMinor(p, today) };
      return {
        role: p.role,
        name: personalField(ctx, read, 'name', p.name, maskName) ?? '',
        sex: p.sex ?? null,
        idNumber: personalField(ctx, read, 'idNumber', p.idNumber, maskIdNumber),
        phone: personalField(ctx, read, 'phone', p.phone, maskPhone),
        address: personalField(ctx, read, 'address', p.address, maskAddress),
      };
    });
    // The body names the parties as the header does: masked for whoever reads the header masked.
    const known = await partiesOf(ctx, c.id);
    const body = <T extends string | string[]>(text: T): T =>
      personalText(ctx, { recordType: 'MediationAgreement', recordId: a.id, visibility }, 'document', text, known);
    return renderAgreementDocument({
      number: a.number,
      organizationName: c.organizationName,
      caseNumber: c.caseNumber,
      form: a.form as 'WRITTEN' | 'ORAL',
      parties,
      facts: body(a.facts),
      mattersInDispute: body(a.mattersInDispute),
      responsibilities: body(a.responsibilities),
      terms: body(a.terms),
      performanceMethod: body(a.performanceMethod),
      performanceDeadline: a.performanceDeadline,
      amount: a.amount === null || a.amount === undefined ? null : Number(a.amount),
      mediatorName: c.mediatorName ?? '',
      madeOn: chinaDate(a.recordedAt),
      effectiveDate: a.effectiveDate ?? null,
      confirmationDeadline: a.confirmationDeadline ?? null,
      // One copy for each party and one for the committee (人民调解法 Art 29).
      copies: parties.length + 1,
    });
  }

  @FieldResolver(() => Boolean, { description: '是否逾期未履行' })
  performanceOverdue(@Root() a: MediationAgreementType, @Ctx() ctx: JusticeContext): boolean {
    return a.effectiveDate !== null && performanceOverdue(a.performanceDeadline, a.performanceStatus as PerformanceState, chinaDate(ctx.settings.now()));
  }

  @Mutation(() => MediationAgreementType, { description: '制作调解协议书(口头协议由调解员记录,即时生效)' })
  async recordMediationAgreement(
    @Arg('input', () => MediationAgreementInput) input: MediationAgreementInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationAgreementType> {
    return toAgreementType(await recordAgreement(ctx.em, requireCaller(ctx), input, ctx.settings), 'FULL');
  }

  @Mutation(() => MediationAgreementType, { description: '记录当事人签名(盖章、按指印)、调解员签名和调委会印章;齐备后协议生效、案件调解成功结案' })
  async signMediationAgreement(
    @Arg('input', () => SignMediationAgreementInput) input: SignMediationAgreementInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationAgreementType> {
    return toAgreementType(await signAgreement(ctx.em, requireCaller(ctx), input, ctx.settings), 'FULL');
  }

  @Mutation(() => MediationAgreementType, {
    description:
      '申请司法确认:人民调解协议生效之日起 30 日内,由调解组织将双方的共同申请送交人民法院(法院委派、委托的送交该法院,其他协议送交调解组织所在地基层人民法院)',
  })
  async applyForJudicialConfirmation(
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationAgreementType> {
    const caller = requireCaller(ctx);
    const call = { caller, operation: 'applyForJudicialConfirmation', key: idempotencyKey, input: { agreementId } };
    return toAgreementType(await idempotent(ctx.em, call, (em) => applyForJudicialConfirmation(em, caller, agreementId, ctx.settings)), 'FULL');
  }

  @Mutation(() => ReturnVisitType, { description: '安排回访(疑难复杂纠纷等)' })
  async scheduleReturnVisit(
    @Arg('input', () => ScheduleReturnVisitInput) input: ScheduleReturnVisitInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<ReturnVisitType> {
    return toReturnVisitType(await scheduleReturnVisit(ctx.em, requireCaller(ctx), input, ctx.settings), 'FULL');
  }

  @Mutation(() => ReturnVisitType, { description: '记录回访:履行情况和满意度' })
  async recordReturnVisit(@Arg('input', () => RecordReturnVisitInput) input: RecordReturnVisitInput, @Ctx() ctx: JusticeContext): Promise<ReturnVisitType> {
    return toReturnVisitType(await recordReturnVisit(ctx.em, requireCaller(ctx), input, ctx.settings), 'FULL');
  }
}

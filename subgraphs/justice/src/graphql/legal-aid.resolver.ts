import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import { DomainError, isMinor, keysetPage, personalField, requireCaller, periodConditions, requireRegionPrefix } from '@jiefen/subgraph-kit';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotent } from '@jiefen/docking';
import { isOverdue } from '@jiefen/calendar';
import { legalAidClock, type LegalAidState } from '../domain/legal-aid.workflow.js';
import { LegalAidCase } from '../entities/legal-aid-case.entity.js';
import {
  applyForLegalAid,
  assignLawyer,
  closeLegalAid,
  referLegalAidToMediation,
  referMediationToLegalAid,
  reviewLegalAid,
} from '../services/legal-aid.service.js';
import { isOrganizationBound, legalAidVisibility } from '../domain/access.rules.js';
import { caseListAccess } from './access.js';
import type { JusticeContext } from './context.js';
import { LegalAidApplicationInput, ReferMediationToLegalAidInput, ReferLegalAidToMediationInput } from './justice.input.js';
import { LegalAidCaseConnection, LegalAidCasesArgs, LegalAidCaseType } from './legal-aid.type.js';
import { toLegalAidType } from './mappers.js';
import { legalAidCaseAccess } from './record-access.js';

/** The applicant's fields: a minor applicant (by the ID number's birth date) only for a supervisor or admin. */
const read = (c: LegalAidCaseType) => ({
  recordType: 'LegalAidCase',
  recordId: c.id,
  visibility: c.visibility,
  minor: isMinor({ idNumber: c.entity.applicantIdNumber }),
});
const mapped = (ctx: JusticeContext, c: LegalAidCase) => {
  const v = legalAidVisibility(ctx.caller, c);
  // A mediator who referred a party sees the application it created, masked.
  return toLegalAidType(c, v === 'NONE' ? 'MASKED' : v);
};

@Resolver(() => LegalAidCaseType)
export class LegalAidResolver {
  @Query(() => LegalAidCaseType, { nullable: true, description: '按编号查询法律援助案件' })
  async legalAidCase(@Arg('id', () => ID) id: string, @Ctx() ctx: JusticeContext): Promise<LegalAidCaseType | null> {
    return legalAidCaseAccess.find(ctx, id);
  }

  @Query(() => LegalAidCaseConnection, { description: '法律援助案件列表(按申请时间倒序)' })
  async legalAidCases(
    @Args(() => LegalAidCasesArgs) args: LegalAidCasesArgs,
    @Ctx() ctx: JusticeContext,
  ): Promise<InstanceType<typeof LegalAidCaseConnection>> {
    const { caller, regionPrefix } = caseListAccess(ctx);
    if (isOrganizationBound(caller)) throw DomainError.forbidden('调解员不能查看法律援助案件列表');
    const now = ctx.settings.now();
    const conditions: FilterQuery<LegalAidCase>[] = [
      { regionCode: { $like: `${regionPrefix}%` } },
      ...periodConditions({ applied: ['appliedAt', args.applied], closed: ['closedAt', args.closed] }),
    ];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.status) conditions.push({ status: args.status });
    if (args.overdue === true)
      conditions.push({
        $or: [
          { status: 'APPLIED', reviewDueAt: { $lt: now } },
          { status: 'APPROVED', assignDueAt: { $lt: now } },
        ],
      });
    if (args.overdue === false) {
      conditions.push({
        $and: [
          { $or: [{ status: { $ne: 'APPLIED' } }, { reviewDueAt: { $gte: now } }] },
          { $or: [{ status: { $ne: 'APPROVED' } }, { assignDueAt: { $gte: now } }] },
        ],
      });
    }
    const where: FilterQuery<LegalAidCase> = { $and: conditions };
    return keysetPage(ctx.em, LegalAidCase, { where, orderBy: { appliedAt: 'desc', id: 'desc' }, page: args }, (c) =>
      toLegalAidType(c, legalAidVisibility(ctx.caller, c)),
    );
  }

  @FieldResolver(() => Boolean, { description: '是否超期(审查 7 日或指派 3 日)' })
  overdue(@Root() c: LegalAidCaseType, @Ctx() ctx: JusticeContext): boolean {
    const clock = legalAidClock(c.status as LegalAidState);
    const due = clock === 'REVIEW' ? c.reviewDueAt : clock === 'ASSIGNMENT' ? c.assignDueAt : null;
    return isOverdue(due, ctx.settings.now());
  }

  @FieldResolver(() => String, { description: '申请人姓名' })
  applicantName(@Root() c: LegalAidCaseType, @Ctx() ctx: JusticeContext): string {
    return personalField(ctx, read(c), 'applicantName', c.entity.applicantName, maskName) ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: '申请人公民身份号码' })
  applicantIdNumber(@Root() c: LegalAidCaseType, @Ctx() ctx: JusticeContext): string | null {
    return personalField(ctx, read(c), 'applicantIdNumber', c.entity.applicantIdNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '申请人联系电话' })
  applicantPhone(@Root() c: LegalAidCaseType, @Ctx() ctx: JusticeContext): string | null {
    return personalField(ctx, read(c), 'applicantPhone', c.entity.applicantPhone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '申请人住址' })
  applicantAddress(@Root() c: LegalAidCaseType, @Ctx() ctx: JusticeContext): string | null {
    return personalField(ctx, read(c), 'applicantAddress', c.entity.applicantAddress, maskAddress);
  }

  @Mutation(() => LegalAidCaseType, { description: '受理法律援助申请(7 日内审查)' })
  async applyForLegalAid(@Arg('input', () => LegalAidApplicationInput) input: LegalAidApplicationInput, @Ctx() ctx: JusticeContext): Promise<LegalAidCaseType> {
    return mapped(ctx, await applyForLegalAid(ctx.em, requireCaller(ctx), input, ctx.references, ctx.settings));
  }

  @Mutation(() => LegalAidCaseType, { description: '审查法律援助申请:批准(3 日内指派律师)或不予援助(写明理由)' })
  async reviewLegalAidApplication(
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Arg('reason', () => String, { nullable: true, description: '不予援助的理由' }) reason: string | null,
    @Ctx() ctx: JusticeContext,
  ): Promise<LegalAidCaseType> {
    return mapped(ctx, await reviewLegalAid(ctx.em, requireCaller(ctx), { id, approve, reason }, ctx.settings));
  }

  @Mutation(() => LegalAidCaseType, { description: '指派法律援助律师' })
  async assignLegalAidLawyer(
    @Arg('id', () => ID) id: string,
    @Arg('lawyerName', () => String) lawyerName: string,
    @Arg('lawFirm', () => String) lawFirm: string,
    @Ctx() ctx: JusticeContext,
  ): Promise<LegalAidCaseType> {
    return mapped(ctx, await assignLawyer(ctx.em, requireCaller(ctx), { id, lawyerName, lawFirm }, ctx.settings));
  }

  @Mutation(() => LegalAidCaseType, { description: '法律援助案件结案' })
  async closeLegalAidCase(@Arg('id', () => ID) id: string, @Arg('note', () => String) note: string, @Ctx() ctx: JusticeContext): Promise<LegalAidCaseType> {
    return mapped(ctx, await closeLegalAid(ctx.em, requireCaller(ctx), { id, note }, ctx.settings));
  }

  @Mutation(() => LegalAidCaseType, { description: '援调转介:将法律援助申请转人民调解组织(进入其收件箱)' })
  async referLegalAidToMediation(
    @Arg('input', () => ReferLegalAidToMediationInput) input: ReferLegalAidToMediationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: JusticeContext,
  ): Promise<LegalAidCaseType> {
    const caller = requireCaller(ctx);
    const call = { caller, operation: 'referLegalAidToMediation', key: idempotencyKey, input };
    return mapped(ctx, await idempotent(ctx.em, call, (em) => referLegalAidToMediation(em, caller, input, ctx.settings)));
  }

  @Mutation(() => LegalAidCaseType, { description: '调援转介:调解案件的当事人申请法律援助' })
  async referMediationToLegalAid(
    @Arg('input', () => ReferMediationToLegalAidInput) input: ReferMediationToLegalAidInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: JusticeContext,
  ): Promise<LegalAidCaseType> {
    const caller = requireCaller(ctx);
    const call = { caller, operation: 'referMediationToLegalAid', key: idempotencyKey, input };
    return mapped(ctx, await idempotent(ctx.em, call, (em) => referMediationToLegalAid(em, caller, input, ctx.settings)));
  }
}

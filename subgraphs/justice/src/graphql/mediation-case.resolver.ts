import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import { DomainError, isMinor, keysetPage, PageArgs, personalField, requireCaller, requireUuid, periodConditions } from '@jiefen/subgraph-kit';
import { chinaDate, isOverdue } from '@jiefen/calendar';
import { OPEN_STATES } from '../domain/mediation-case.workflow.js';
import { MediationCase } from '../entities/mediation-case.entity.js';
import { caseVisibility, legalAidVisibility } from '../domain/access.rules.js';
import { caseListAccess, periodOf } from './access.js';
import { MediationAgreementType, ReturnVisitType } from './agreement.type.js';
import type { JusticeContext } from './context.js';
import { DisputeRef, DockingRef } from './dispute.type.js';
import { LegalAidCaseType } from './legal-aid.type.js';
import { caseText, toAgreementType, toCaseType, toLegalAidType, toOrganizationType, toReturnVisitType } from './mappers.js';
import {
  MediationCaseConnection,
  MediationCasesArgs,
  MediationCaseType,
  MediationExtensionType,
  MediationPartyType,
  MediationSessionType,
  MethodChangeType,
  NeutralEvaluationType,
} from './mediation-case.type.js';
import { legalAidCaseAccess, mediationCaseAccess } from './record-access.js';
import { MediationOrganizationType } from './roster.type.js';

type Connection = InstanceType<typeof MediationCaseConnection>;

async function page(ctx: JusticeContext, where: FilterQuery<MediationCase>, args: PageArgs): Promise<Connection> {
  return keysetPage(ctx.em, MediationCase, { where, orderBy: { receivedAt: 'desc', id: 'desc' }, page: args }, (c) =>
    toCaseType(c, caseVisibility(ctx.caller, c)),
  );
}

@Resolver(() => MediationCaseType)
export class MediationCaseResolver {
  @Query(() => MediationCaseType, { nullable: true, description: '按编号查询人民调解案件' })
  async mediationCase(@Arg('id', () => ID) id: string, @Ctx() ctx: JusticeContext): Promise<MediationCaseType | null> {
    return mediationCaseAccess.find(ctx, id);
  }

  @Query(() => MediationCaseConnection, { description: '人民调解案件列表(按收案时间倒序;调解员只看本组织的案件)' })
  async mediationCases(@Args(() => MediationCasesArgs) args: MediationCasesArgs, @Ctx() ctx: JusticeContext): Promise<Connection> {
    const { regionPrefix, organizationCode } = caseListAccess(ctx, args.regionCode);
    const now = ctx.settings.now();
    const period = periodOf(args.from, args.to);
    const conditions: FilterQuery<MediationCase>[] = [
      { regionCode: { $like: `${regionPrefix}%` } },
      ...periodConditions({ received: ['receivedAt', args.received], concluded: ['concludedAt', args.concluded] }),
    ];
    if (organizationCode) conditions.push({ organizationCode });
    if (args.status) conditions.push({ status: args.status });
    if (args.source) conditions.push({ source: args.source });
    if (args.organizationId) conditions.push({ organizationId: requireUuid('organizationId', args.organizationId) });
    if (period.from) conditions.push({ receivedAt: { $gte: period.from } });
    if (period.to) conditions.push({ receivedAt: { $lt: period.to } });
    if (args.overdue === true) conditions.push({ status: { $in: [...OPEN_STATES] }, dueAt: { $lt: now } });
    if (args.overdue === false) conditions.push({ $or: [{ status: { $nin: [...OPEN_STATES] } }, { dueAt: { $gte: now } }, { dueAt: null }] });
    return page(ctx, { $and: conditions }, args);
  }

  @Query(() => MediationCaseConnection, { description: '本调解组织的收件箱:待受理的案件(按收案时间倒序)' })
  async mediationInbox(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: JusticeContext): Promise<Connection> {
    const caller = requireCaller(ctx);
    if (caller.agency !== 'JUSTICE') throw DomainError.forbidden('只有调解组织可以查看收件箱');
    return page(ctx, { organizationCode: caller.organization, status: 'PENDING', regionCode: { $like: `${caller.jurisdiction}%` } }, args);
  }

  @FieldResolver(() => Boolean, { description: '是否超期未办结' })
  overdue(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): boolean {
    return (OPEN_STATES as readonly string[]).includes(c.status) && isOverdue(c.dueAt, ctx.settings.now());
  }

  @FieldResolver(() => MediationOrganizationType, { nullable: true, description: '调解组织' })
  async organization(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<MediationOrganizationType | null> {
    const o = await ctx.loaders.organizationById.load(c.organizationId);
    return o ? toOrganizationType(o) : null;
  }

  @FieldResolver(() => [MediationPartyType], { description: '当事人' })
  async parties(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<MediationPartyType[]> {
    const today = chinaDate(ctx.settings.now());
    return (await ctx.loaders.partiesByCase.load(c.id)).map((p) => ({
      id: p.id,
      role: p.role as MediationPartyType['role'],
      sex: (p.sex ?? null) as MediationPartyType['sex'],
      minor: isMinor(p, new Date(`${today}T00:00:00Z`)),
      entity: p,
      visibility: c.visibility,
    }));
  }

  @FieldResolver(() => [MediationSessionType], { description: '调解笔录' })
  async sessions(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<MediationSessionType[]> {
    return (await ctx.loaders.sessionsByCase.load(c.id)).map((s) => ({
      ...s,
      progress: s.progress ?? null,
      personal: caseText('MediationSession', s.id, c.id, c.visibility),
    }));
  }

  @FieldResolver(() => [NeutralEvaluationType], { description: '中立评估' })
  async evaluations(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<NeutralEvaluationType[]> {
    return (await ctx.loaders.evaluationsByCase.load(c.id)).map((e) => ({
      ...e,
      opinion: e.opinion ?? null,
      completedAt: e.completedAt ?? null,
      personal: caseText('NeutralEvaluation', e.id, c.id, c.visibility),
    }));
  }

  @FieldResolver(() => [MethodChangeType], { description: '调解方式调整记录' })
  async methodChanges(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<MethodChangeType[]> {
    return (await ctx.loaders.methodChangesByCase.load(c.id)).map((m) => ({
      ...m,
      personal: caseText('MethodChange', m.id, c.id, c.visibility),
    })) as unknown as MethodChangeType[];
  }

  @FieldResolver(() => [MediationExtensionType], { description: '延期记录(含当事人同意)' })
  async extensions(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<MediationExtensionType[]> {
    return (await ctx.loaders.extensionsByCase.load(c.id)).map((x) => ({ ...x, personal: caseText('MediationExtension', x.id, c.id, c.visibility) }));
  }

  @FieldResolver(() => MediationAgreementType, { nullable: true, description: '调解协议' })
  async agreement(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<MediationAgreementType | null> {
    const a = await ctx.loaders.agreementByCase.load(c.id);
    return a ? toAgreementType(a, c.visibility) : null;
  }

  @FieldResolver(() => [ReturnVisitType], { description: '回访' })
  async returnVisits(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<ReturnVisitType[]> {
    return (await ctx.loaders.returnVisitsByCase.load(c.id)).map((r) => toReturnVisitType(r, c.visibility));
  }

  @FieldResolver(() => [LegalAidCaseType], { description: '转介法律援助的申请(调援)' })
  async legalAidReferrals(@Root() c: MediationCaseType, @Ctx() ctx: JusticeContext): Promise<LegalAidCaseType[]> {
    return (await ctx.loaders.legalAidCasesBySourceCase.load(c.id)).map((l) =>
      toLegalAidType(l, legalAidVisibility(ctx.caller, l) === 'NONE' ? 'MASKED' : legalAidVisibility(ctx.caller, l)),
    );
  }
}

const partyRead = (p: MediationPartyType) => ({ recordType: 'MediationParty', recordId: p.id, visibility: p.visibility, minor: p.minor });

/** Parties' personal data: in full for the justice bureau (and logged), masked for everyone else. */
@Resolver(() => MediationPartyType)
export class MediationPartyResolver {
  @FieldResolver(() => String, { description: '姓名' })
  name(@Root() p: MediationPartyType, @Ctx() ctx: JusticeContext): string {
    return personalField(ctx, partyRead(p), 'name', p.entity.name, maskName) ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: '公民身份号码' })
  idNumber(@Root() p: MediationPartyType, @Ctx() ctx: JusticeContext): string | null {
    return personalField(ctx, partyRead(p), 'idNumber', p.entity.idNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '联系电话' })
  phone(@Root() p: MediationPartyType, @Ctx() ctx: JusticeContext): string | null {
    return personalField(ctx, partyRead(p), 'phone', p.entity.phone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '住址' })
  address(@Root() p: MediationPartyType, @Ctx() ctx: JusticeContext): string | null {
    return personalField(ctx, partyRead(p), 'address', p.entity.address, maskAddress);
  }
}

@Resolver(() => DisputeRef)
export class DisputeJusticeResolver {
  @FieldResolver(() => [MediationCaseType], { nullable: true, description: '司法局:该纠纷的人民调解案件(司法局服务不可用时为 null)' })
  mediations(@Root() dispute: DisputeRef, @Ctx() ctx: JusticeContext): Promise<MediationCaseType[]> {
    return mediationCaseAccess.ofDispute(ctx, dispute.id);
  }

  @FieldResolver(() => [LegalAidCaseType], { nullable: true, description: '司法局:该纠纷的法律援助案件(司法局服务不可用时为 null)' })
  legalAidCases(@Root() dispute: DisputeRef, @Ctx() ctx: JusticeContext): Promise<LegalAidCaseType[]> {
    return legalAidCaseAccess.ofDispute(ctx, dispute.id);
  }
}

@Resolver(() => DockingRef)
export class DockingJusticeResolver {
  @FieldResolver(() => MediationCaseType, { nullable: true, description: '司法局:接收该对接的人民调解案件(无权查看或司法局不可用时为 null)' })
  mediation(@Root() docking: DockingRef, @Ctx() ctx: JusticeContext): Promise<MediationCaseType | null> {
    return mediationCaseAccess.ofDocking(ctx, docking.id);
  }
}

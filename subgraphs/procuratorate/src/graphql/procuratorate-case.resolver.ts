import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import {
  isMinor,
  keysetPage,
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
import {
  confirmedHandOver,
  HandOverConfirmationType,
  IDEMPOTENCY_KEY_DESCRIPTION,
  idempotent,
  latestOutgoingDocking,
  toHandOverConfirmation,
  type DockingOutgoing,
} from '@jiefen/docking';
import { ProcuratorateCase } from '../entities/procuratorate-case.entity.js';
import type { ProcuratorateLoaders } from '../loaders/procuratorate.loaders.js';
import {
  concludeProcuratorateCase,
  recordReconciliationOutcome,
  referCivilSupervisionToMediation,
  referForReconciliation,
} from '../services/procuratorate-case.service.js';
import type { ProcuratorateSettings } from '../services/support.js';
import { DisputeRef } from './dispute.type.js';
import { DockingRef } from './docking.type.js';
import { toType } from './mapping.js';
import { procuratorateCaseAccess } from './record-access.js';
import {
  ProcuratorateCaseConnection,
  ProcuratorateCaseType,
  ProcuratorateDecision,
  ReconciliationFactsInput,
  RegisterProsecutionCaseInput,
  ProcuratorateCasesArgs,
} from './procuratorate-case.type.js';
import { registerProsecutionCase } from '../services/prosecution-intake.service.js';

type Context = SubgraphContext<ProcuratorateLoaders, ProcuratorateSettings>;

const readOf = (c: ProcuratorateCaseType) => ({ recordType: 'ProcuratorateCase', recordId: c.id, visibility: c.visibility });
/** The suspect's fields: a minor suspect (by the ID number's birth date) only for a supervisor or admin. */
const suspectRead = (c: ProcuratorateCaseType) => ({
  ...readOf(c),
  minor: isMinor({ idNumber: c.entity.suspectIdNumber, birthDate: c.entity.suspectBirthDate }),
});
/** The victim's fields: a minor victim likewise. */
const victimRead = (c: ProcuratorateCaseType) => ({ ...readOf(c), minor: isMinor({ idNumber: c.entity.victimIdNumber }) });
/** A birth date masked to its year. */
const maskBirthDate = (date: string) => `${date.slice(0, 4)}-**-**`;

/** The record's latest hand-over (the docking package's outgoing docking), batched per request. */
const handOverOf = (ctx: Context, r: ProcuratorateCaseType): Promise<DockingOutgoing | null> => latestOutgoingDocking(ctx.loaders.outgoing, r.id);

@Resolver(() => ProcuratorateCaseType)
export class ProcuratorateCaseResolver {
  @FieldResolver(() => ReceivingOrganizationType, { nullable: true, description: '接收单位(最近一次移交的调解组织)' })
  async receivingOrganization(@Root() r: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<ReceivingOrganizationType | null> {
    return receivingOrganizationOf(await handOverOf(ctx, r));
  }

  @FieldResolver(() => String, { nullable: true, description: '调解组织', deprecationReason: RECEIVER_DEPRECATION })
  async mediationOrganization(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.organizationName ?? null;
  }

  @FieldResolver(() => ID, { nullable: true, description: '对接编号(与综治中心台账一致,最近一次移交)' })
  async dockingId(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.dockingId ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '接收的调解组织统一社会信用代码', deprecationReason: RECEIVER_DEPRECATION })
  async mediationOrganizationCode(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.organizationCode ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '调解组织受理后的调解案件编号' })
  async mediationCaseNumber(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.caseNumber ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: '调解组织受理时间' })
  async mediationAcceptedAt(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<Date | null> {
    return (await handOverOf(ctx, c))?.acceptedAt ?? null;
  }

  @PersonalText()
  @FieldResolver(() => String, { nullable: true, description: '调解组织不予受理的理由(案件退回审查)' })
  async referralRejectionReason(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<string | null> {
    return (await handOverOf(ctx, c))?.rejectionReason ?? null;
  }

  @FieldResolver(() => HandOverConfirmationType, {
    nullable: true,
    description: '检调所得调解协议的司法确认(人民法院的裁定、调确字案号、时间、理由;申请强制执行的执行案号)',
  })
  async judicialConfirmation(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): Promise<HandOverConfirmationType | null> {
    return toHandOverConfirmation(confirmedHandOver(await ctx.loaders.outgoing.byRecord.load(c.id)), c.personal);
  }
  @Query(() => ProcuratorateCaseType, { nullable: true, description: '按编号查询检察案件' })
  async procuratorateCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ProcuratorateCaseType | null> {
    return procuratorateCaseAccess.find(ctx, id);
  }

  @Query(() => ProcuratorateCaseConnection, { description: '检察案件列表(按受理时间倒序)' })
  async procuratorateCases(
    @Args(() => ProcuratorateCasesArgs) args: ProcuratorateCasesArgs,
    @Ctx() ctx: Context,
  ): Promise<InstanceType<typeof ProcuratorateCaseConnection>> {
    const { regionPrefix, masked } = requireListAccess(ctx, 'PROCURATORATE');
    // Within the caller's jurisdiction, narrowed by region, status and period (VALIDATION_FAILED when a period ends before it starts).
    const conditions: FilterQuery<ProcuratorateCase>[] = [
      { regionCode: { $like: `${regionPrefix}%` } },
      ...periodConditions({ received: ['receivedAt', args.received], concluded: ['concludedAt', args.concluded] }),
    ];
    if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
    if (args.status) conditions.push({ status: args.status });
    const where: FilterQuery<ProcuratorateCase> = { $and: conditions };
    return keysetPage(ctx.em, ProcuratorateCase, { where, orderBy: { receivedAt: 'desc', id: 'desc' }, page: args }, (c) =>
      toType(c, masked ? 'MASKED' : 'FULL'),
    );
  }

  @FieldResolver(() => String, { nullable: true, description: '犯罪嫌疑人姓名(检察院以外脱敏)' })
  suspectName(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, suspectRead(c), 'suspectName', c.entity.suspectName, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '犯罪嫌疑人公民身份号码(检察院以外脱敏)' })
  suspectIdNumber(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, suspectRead(c), 'suspectIdNumber', c.entity.suspectIdNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '被害人姓名(检察院以外脱敏)' })
  victimName(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, victimRead(c), 'victimName', c.entity.victimName, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '被害人联系电话(检察院以外脱敏)' })
  victimPhone(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, victimRead(c), 'victimPhone', c.entity.victimPhone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '被害人公民身份号码(检察院以外脱敏)' })
  victimIdNumber(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, victimRead(c), 'victimIdNumber', c.entity.victimIdNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '犯罪嫌疑人出生日期(检察院以外只显示年份)' })
  suspectBirthDate(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, suspectRead(c), 'suspectBirthDate', c.entity.suspectBirthDate, maskBirthDate);
  }

  @Mutation(() => ProcuratorateCaseType, {
    description: '审查起诉案件受理登记(罪名、法定刑上限、前科、是否因民间纠纷引起等,刑事和解据此审查);输入有误时一次列出全部错误字段,不写入任何数据',
  })
  async registerProsecutionCase(
    @Arg('input', () => RegisterProsecutionCaseInput) input: RegisterProsecutionCaseInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProcuratorateCaseType> {
    const caller = requireCaller(ctx);
    // A retried registration returns the case instead of refusing its own case number.
    const call = { caller, operation: 'registerProsecutionCase', key: idempotencyKey, input };
    const intake = { ...input, suspect: { ...input.suspect }, victim: { ...input.victim } };
    return toType(await idempotent(ctx.em, call, (em) => registerProsecutionCase(em, caller, intake, ctx.settings)), 'FULL');
  }

  @FieldResolver(() => String, { nullable: true, description: '民事监督申请人姓名(检察院以外脱敏)' })
  applicantName(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(c), 'applicantName', c.entity.applicantName, maskName);
  }

  @FieldResolver(() => String, { nullable: true, description: '民事监督申请人联系电话(检察院以外脱敏)' })
  applicantPhone(@Root() c: ProcuratorateCaseType, @Ctx() ctx: Context): string | null {
    return personalField(ctx, readOf(c), 'applicantPhone', c.entity.applicantPhone, maskPhone);
  }

  @Mutation(() => ProcuratorateCaseType, { description: '刑事和解移交调解(检调对接):先审查刑诉法第二百八十八条的条件,不符合的说明全部理由' })
  async referForReconciliation(
    @Arg('id', () => ID) id: string,
    @Arg('receiver', () => ReceivingOrganizationInput, { description: RECEIVER_DESCRIPTION }) receiver: ReceivingOrganizationInput,
    @Arg('facts', () => ReconciliationFactsInput) facts: ReconciliationFactsInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProcuratorateCaseType> {
    const { creditCode: organizationCode, name: organization = null } = receiver;
    const caller = requireCaller(ctx);
    const caseId = requireUuid('id', id);
    const call = { caller, operation: 'referForReconciliation', key: idempotencyKey, input: { id, organizationCode, facts, organization } };
    return toType(
      await idempotent(ctx.em, call, (em) => referForReconciliation(em, caller, caseId, { organizationCode, organization, facts: { ...facts } }, ctx.settings)),
      'FULL',
    );
  }

  @Mutation(() => ProcuratorateCaseType, { description: '民事监督案件移交调解(检调对接)' })
  async referCivilSupervisionToMediation(
    @Arg('id', () => ID) id: string,
    @Arg('receiver', () => ReceivingOrganizationInput, { description: RECEIVER_DESCRIPTION }) receiver: ReceivingOrganizationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProcuratorateCaseType> {
    const { creditCode: organizationCode, name: organization = null } = receiver;
    const caller = requireCaller(ctx);
    const caseId = requireUuid('id', id);
    const call = { caller, operation: 'referCivilSupervisionToMediation', key: idempotencyKey, input: { id, organizationCode, organization } };
    return toType(
      await idempotent(ctx.em, call, (em) => referCivilSupervisionToMediation(em, caller, caseId, { organizationCode, organization }, ctx.settings)),
      'FULL',
    );
  }

  @Mutation(() => ProcuratorateCaseType, { description: '登记和解结果(审查和解的自愿性、合法性后)' })
  async recordReconciliationOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('reconciled', () => Boolean) reconciled: boolean,
    @Arg('summary', () => String, { description: '和解协议内容或未达成和解的原因' }) summary: string,
    @Ctx() ctx: Context,
  ): Promise<ProcuratorateCaseType> {
    return toType(await recordReconciliationOutcome(ctx.em, requireCaller(ctx), { caseId: requireUuid('id', id), reconciled, summary }, ctx.settings), 'FULL');
  }

  @Mutation(() => ProcuratorateCaseType, { description: '作出处理决定(从宽处罚建议、不起诉、继续起诉;民事监督终结或继续审查)' })
  async concludeProcuratorateCase(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ProcuratorateDecision) decision: ProcuratorateDecision,
    @Arg('note', () => String, { description: '决定理由' }) note: string,
    @Ctx() ctx: Context,
  ): Promise<ProcuratorateCaseType> {
    return toType(await concludeProcuratorateCase(ctx.em, requireCaller(ctx), requireUuid('id', id), decision, note, ctx.settings), 'FULL');
  }
}

@Resolver(() => DisputeRef)
export class DisputeProcuratorateResolver {
  @FieldResolver(() => [ProcuratorateCaseType], { nullable: true, description: '检察院:该纠纷的检察案件(检察院服务不可用时为 null)' })
  procuratorateCases(@Root() dispute: DisputeRef, @Ctx() ctx: Context): Promise<ProcuratorateCaseType[]> {
    return procuratorateCaseAccess.ofDispute(ctx, dispute.id);
  }
}

@Resolver(() => DockingRef)
export class DockingProcuratorateResolver {
  @FieldResolver(() => ProcuratorateCaseType, { nullable: true, description: '检察院:对接的来源记录(检调对接的检察案件)' })
  procuratorateCase(@Root() docking: DockingRef, @Ctx() ctx: Context): Promise<ProcuratorateCaseType | null> {
    return procuratorateCaseAccess.ofDocking(ctx, docking.id);
  }
}

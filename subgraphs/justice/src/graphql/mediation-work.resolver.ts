import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireCaller } from '@jiefen/subgraph-kit';
import { caseVisibility } from '../domain/access.rules.js';
import {
  acceptCase,
  changeMethod,
  concludeWithoutAgreement,
  extendCase,
  recordEvaluation,
  recordSession,
  registerApplication,
  rejectCase,
  requestEvaluation,
} from '../services/mediation-case.service.js';
import type { MediationCase } from '../entities/mediation-case.entity.js';
import type { JusticeContext } from './context.js';
import {
  ChangeMediationMethodInput,
  ConcludeMediationInput,
  ExtendMediationInput,
  MediationApplicationInput,
  MediationSessionInput,
  NeutralEvaluationInput,
} from './justice.input.js';
import { caseText, toCaseType } from './mappers.js';
import { MediationCaseType, MediationSessionType, NeutralEvaluationType } from './mediation-case.type.js';

const mapped = (ctx: JusticeContext, c: MediationCase) => toCaseType(c, caseVisibility(ctx.caller, c));

/** What a mediator does with a case: thin resolvers over the mediation case service. */
@Resolver()
export class MediationWorkResolver {
  @Mutation(() => MediationCaseType, { description: '登记当事人的调解申请(进入本组织收件箱)' })
  async registerMediationApplication(
    @Arg('input', () => MediationApplicationInput) input: MediationApplicationInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationCaseType> {
    return mapped(ctx, await registerApplication(ctx.em, requireCaller(ctx), input, ctx.references, ctx.settings));
  }

  @Mutation(() => MediationCaseType, { description: '受理案件(承办调解员须在聘任期内;办理期限起算)' })
  async acceptMediationCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('mediatorId', () => ID, { nullable: true, description: '承办调解员(默认本人)' }) mediatorId: string | null,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationCaseType> {
    return mapped(ctx, await acceptCase(ctx.em, requireCaller(ctx), caseId, mediatorId, ctx.settings));
  }

  @Mutation(() => MediationCaseType, { description: '不予受理(写明理由)' })
  async rejectMediationCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationCaseType> {
    return mapped(ctx, await rejectCase(ctx.em, requireCaller(ctx), caseId, reason, ctx.settings));
  }

  @Mutation(() => MediationSessionType, { description: '记录调解笔录' })
  async recordMediationSession(
    @Arg('input', () => MediationSessionInput) input: MediationSessionInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationSessionType> {
    const s = await recordSession(ctx.em, requireCaller(ctx), input, ctx.settings);
    return { ...s, progress: s.progress ?? null, personal: caseText('MediationSession', s.id, s.caseId, 'FULL') };
  }

  @Mutation(() => NeutralEvaluationType, { description: '申请专家中立评估' })
  async requestNeutralEvaluation(
    @Arg('input', () => NeutralEvaluationInput) input: NeutralEvaluationInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<NeutralEvaluationType> {
    const e = await requestEvaluation(ctx.em, requireCaller(ctx), input, ctx.settings);
    return { ...e, opinion: null, completedAt: null, personal: caseText('NeutralEvaluation', e.id, e.caseId, 'FULL') };
  }

  @Mutation(() => NeutralEvaluationType, { description: '记录专家评估意见' })
  async recordNeutralEvaluation(
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('opinion', () => String) opinion: string,
    @Ctx() ctx: JusticeContext,
  ): Promise<NeutralEvaluationType> {
    const e = await recordEvaluation(ctx.em, requireCaller(ctx), { evaluationId, opinion }, ctx.settings);
    return { ...e, opinion: e.opinion ?? null, completedAt: e.completedAt ?? null, personal: caseText('NeutralEvaluation', e.id, e.caseId, 'FULL') };
  }

  @Mutation(() => MediationCaseType, { description: '调整调解方式(动态调整)' })
  async changeMediationMethod(
    @Arg('input', () => ChangeMediationMethodInput) input: ChangeMediationMethodInput,
    @Ctx() ctx: JusticeContext,
  ): Promise<MediationCaseType> {
    return mapped(ctx, await changeMethod(ctx.em, requireCaller(ctx), input, ctx.settings));
  }

  @Mutation(() => MediationCaseType, { description: '延长调解期限(须记录各方当事人同意)' })
  async extendMediation(@Arg('input', () => ExtendMediationInput) input: ExtendMediationInput, @Ctx() ctx: JusticeContext): Promise<MediationCaseType> {
    return mapped(ctx, await extendCase(ctx.em, requireCaller(ctx), input, ctx.settings));
  }

  @Mutation(() => MediationCaseType, { description: '调解不成或终止调解结案(告知当事人其他救济途径)' })
  async concludeMediation(@Arg('input', () => ConcludeMediationInput) input: ConcludeMediationInput, @Ctx() ctx: JusticeContext): Promise<MediationCaseType> {
    return mapped(ctx, await concludeWithoutAgreement(ctx.em, requireCaller(ctx), input, ctx.settings));
  }
}

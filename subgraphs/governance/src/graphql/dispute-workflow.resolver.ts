import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotent } from '@jiefen/docking';
import { requireCaller } from '@jiefen/subgraph-kit';
import type { HubSettings } from '../domain/config.js';
import type { Dispute } from '../entities/dispute.entity.js';
import * as workflow from '../services/dispute-workflow.service.js';
import type { GovernanceContext } from './context.js';
import * as I from './dispute-workflow.input.js';
import { DisputeType } from './dispute.type.js';
import { toDisputeType } from './mappers.js';

type Step<T> = (em: EntityManager, caller: Caller, input: T, settings: HubSettings) => Promise<Dispute>;
const run = async <T>(ctx: GovernanceContext, step: Step<T>, input: T) => toDisputeType(await step(ctx.em, requireCaller(ctx), input, ctx.settings));

/**
 * A step of 分流转办 (routing, 一次性告知, consent: the docking opens at routing or at consent, whichever
 * comes second): with an idempotency key, a retry with the same input answers with the first result
 * (the dispute as it is now) instead of failing with ILLEGAL_TRANSITION or handing it over twice.
 */
const runOnce = async <T>(ctx: GovernanceContext, operation: string, step: Step<T>, input: T, key: string | null | undefined) => {
  const caller = requireCaller(ctx);
  const dispute = await idempotent(ctx.em, { caller, operation, key, input }, (em) => step(em, caller, input, ctx.settings));
  return toDisputeType(dispute);
};

/** The hub's steps on a dispute: each one a workflow event, named for what the person does. */
@Resolver()
export class DisputeWorkflowResolver {
  @Mutation(() => DisputeType, { description: '研判分流:确定承办单位、层级与化解方式(或引导诉讼)Route a dispute' })
  routeDispute(
    @Arg('input', () => I.RouteDisputeInput) input: I.RouteDisputeInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: GovernanceContext,
  ) {
    return runOnce(ctx, 'routeDispute', workflow.routeDispute, input, idempotencyKey);
  }

  @Mutation(() => DisputeType, { description: '一次性告知(依据服务清单)Record the one-time notification' })
  notifyParties(
    @Arg('input', () => I.NotifyPartiesInput) input: I.NotifyPartiesInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: GovernanceContext,
  ) {
    return runOnce(ctx, 'notifyParties', workflow.notifyParties, input, idempotencyKey);
  }

  @Mutation(() => DisputeType, { description: '调解前置:记录当事人同意调解或拒绝(引导诉讼)Record consent or refusal' })
  recordConsent(
    @Arg('input', () => I.RecordConsentInput) input: I.RecordConsentInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: GovernanceContext,
  ) {
    return runOnce(ctx, 'recordConsent', workflow.recordConsent, input, idempotencyKey);
  }

  @Mutation(() => DisputeType, { description: '记录一次调解(三三制计数)Record a mediation attempt' })
  recordMediationAttempt(@Arg('input', () => I.RecordAttemptInput) input: I.RecordAttemptInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.recordMediationAttempt, input);
  }

  @Mutation(() => DisputeType, { description: '上交上级化解:本级至少调解三次,风险高时可说明理由提前上交 Escalate to the next tier' })
  escalateDispute(@Arg('input', () => I.EscalateDisputeInput) input: I.EscalateDisputeInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.escalateDispute, input);
  }

  @Mutation(() => DisputeType, { description: '动态调整化解方式 Change the method of resolution' })
  changeDisputeMethod(@Arg('input', () => I.ChangeMethodInput) input: I.ChangeMethodInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.changeDisputeMethod, input);
  }

  @Mutation(() => DisputeType, { description: '记录化解成功 Record the dispute resolved' })
  resolveDispute(@Arg('input', () => I.OutcomeInput) input: I.OutcomeInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.resolveDispute, input);
  }

  @Mutation(() => DisputeType, { description: '记录化解不成 Record that mediation failed' })
  reportDisputeUnresolved(@Arg('input', () => I.OutcomeInput) input: I.OutcomeInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.reportDisputeUnresolved, input);
  }

  @Mutation(() => DisputeType, { description: '提请协调督办岗研判(结案前)Ask the coordination post to review' })
  requestClosingReview(@Arg('input', () => I.RequestReviewInput) input: I.RequestReviewInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.requestClosingReview, input);
  }

  @Mutation(() => DisputeType, { description: '协调督办岗综合研判:同意终结或退回继续化解(仅 SUPERVISOR)Review before closing' })
  reviewDispute(@Arg('input', () => I.ReviewDisputeInput) input: I.ReviewDisputeInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.reviewDispute, input);
  }

  @Mutation(() => DisputeType, { description: '结案(须经研判;仅 SUPERVISOR)Close the non-litigation procedure' })
  closeDispute(@Arg('input', () => I.CloseDisputeInput) input: I.CloseDisputeInput, @Ctx() ctx: GovernanceContext) {
    return run(ctx, workflow.closeDispute, input);
  }
}

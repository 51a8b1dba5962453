import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { hubText, readsInFull } from './access.js';
import type { GovernanceContext } from './context.js';
import {
  DisputeActivityType,
  DisputeDocumentType,
  DisputeHandlingType,
  DisputeNoticeType,
  EscalationType,
  MediationAttemptType,
} from './dispute-handling.type.js';
import { toRiskAlertType } from './risk-alert.resolver.js';
import { RiskAlertType } from './risk-alert.type.js';

/** The lists under `Dispute.handling` (already authorized there), each through a per-request loader. */
@Resolver(() => DisputeHandlingType)
export class DisputeHandlingResolver {
  @FieldResolver(() => [DisputeActivityType], { description: '办理过程(时间线)' })
  async timeline(@Root() h: DisputeHandlingType, @Ctx() ctx: GovernanceContext): Promise<DisputeActivityType[]> {
    return (await ctx.loaders.activitiesByDispute.load(h.disputeId)).map((a) => ({
      ...a,
      fromStatus: a.fromStatus ?? null,
      personal: hubText('DisputeActivity', a.id, h.disputeId),
    }));
  }

  @FieldResolver(() => [MediationAttemptType], { description: '调解记录' })
  async attempts(@Root() h: DisputeHandlingType, @Ctx() ctx: GovernanceContext): Promise<MediationAttemptType[]> {
    return (await ctx.loaders.attemptsByDispute.load(h.disputeId)).map((a) => ({ ...a, personal: hubText('DisputeMediationAttempt', a.id, h.disputeId) }));
  }

  @FieldResolver(() => [EscalationType], { description: '层级变更(分层化解上交)记录' })
  async escalations(@Root() h: DisputeHandlingType, @Ctx() ctx: GovernanceContext): Promise<EscalationType[]> {
    return (await ctx.loaders.escalationsByDispute.load(h.disputeId)).map((e) => ({
      ...e,
      reason: e.reason ?? null,
      personal: hubText('Escalation', e.id, h.disputeId),
    }));
  }

  @FieldResolver(() => [DisputeNoticeType], { description: '一次性告知记录' })
  async notices(@Root() h: DisputeHandlingType, @Ctx() ctx: GovernanceContext): Promise<DisputeNoticeType[]> {
    return (await ctx.loaders.noticesByDispute.load(h.disputeId)).map((n) => ({
      ...n,
      note: n.note ?? null,
      personal: hubText('DisputeNotice', n.id, h.disputeId),
    }));
  }

  @FieldResolver(() => [DisputeDocumentType], { description: '档案材料' })
  async documents(@Root() h: DisputeHandlingType, @Ctx() ctx: GovernanceContext): Promise<DisputeDocumentType[]> {
    const full = readsInFull(ctx);
    return (await ctx.loaders.documentsByDispute.load(h.disputeId)).map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      fileName: full ? (d.fileName ?? null) : null,
      mediaType: d.mediaType ?? null,
      sizeBytes: d.sizeBytes ?? null,
      sha256: d.sha256 ?? null,
      storageUri: full ? (d.storageUri ?? null) : null,
      recordedAt: d.recordedAt,
      recordedByName: d.recordedByName,
    }));
  }

  @FieldResolver(() => [RiskAlertType], { description: '预警' })
  async riskAlerts(@Root() h: DisputeHandlingType, @Ctx() ctx: GovernanceContext): Promise<RiskAlertType[]> {
    return (await ctx.loaders.alertsByDispute.load(h.disputeId)).map(toRiskAlertType);
  }
}

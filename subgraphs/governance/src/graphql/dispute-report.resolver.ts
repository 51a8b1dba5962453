import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GovernanceContext } from './context.js';
import { DisputeReportType } from './dispute-report.type.js';
import { DisputeType } from './dispute.type.js';
import { disputeAccess } from './record-access.js';

@Resolver(() => DisputeType)
export class DisputeReportResolver {
  /** The reports carry no personal data (numbers, organizations, the reason): whoever sees the dispute sees them. */
  @FieldResolver(() => [DisputeReportType], { description: '部门报告及综治中心的登记/关联决定(一案一号) Reports by agencies and the hub’s decisions' })
  async reports(@Root() dispute: DisputeType, @Ctx() ctx: GovernanceContext): Promise<DisputeReportType[]> {
    if (disputeAccess.visibility(ctx, dispute.entity) === 'NONE') return [];
    return (await ctx.loaders.reportsByDispute.load(dispute.id)).map((r) => ({
      agency: r.agency,
      recordType: r.recordType,
      recordNumber: r.recordNumber,
      organizationName: r.organizationName ?? null,
      decision: r.decision,
      reason: r.reason,
      reportedAt: r.reportedAt,
      answeredAt: r.answeredAt,
    }));
  }
}

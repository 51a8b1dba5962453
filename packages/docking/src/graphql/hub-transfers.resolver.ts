import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, ArgsType, Ctx, Directive, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Agency } from '@jiefen/auth';
import {
  ConnectionType,
  keysetPage,
  PageArgs,
  PeriodFilter,
  periodConditions,
  PersonalText,
  registerCodeEnum,
  requireCaller,
  requireListAccess,
  requireRegionPrefix,
  type PersonalTextRead,
  type SubgraphContext,
} from '@jiefen/subgraph-kit';
import { DockingIncoming, INCOMING_DOCKING_STATUSES, type IncomingDockingStatus } from '../entities/index.js';
import { answerIncomingDocking, type IncomingAnswer } from '../incoming.js';

// 转办件 in a receiving agency's schema: the inbox of the hub's 分流转办 (`<agency>HubTransfers`) and
// the three answers (`accept…`, `reject…`, `conclude…`), mounted by each receiving agency under its
// own names, like the event deliveries.

@Directive('@shareable')
@ObjectType('HubTransfer', { description: '转办件:综治中心分流转办给本部门的纠纷(受理、不予受理或办结后反馈综治中心) A dispute the hub routed to this agency' })
export class HubTransferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '对接编号(与综治中心台账一致)' })
  dockingId!: string;

  @Field(() => ID, { nullable: true, description: '综治中心纠纷编号' })
  disputeId!: string | null;

  @Field(() => String, { description: '纠纷统一编号' })
  disputeNumber!: string;

  @Field(() => String, { description: '转办的综治中心' })
  fromOrganizationName!: string;

  @Field(() => String, { description: '转办人' })
  officerName!: string;

  @Field(() => String, { description: '承办单位(统一社会信用代码)' })
  organizationCode!: string;

  @Field(() => String, { nullable: true, description: '承办单位名称' })
  organizationName!: string | null;

  @Field(() => String, { description: '纠纷发生地区划代码' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '纠纷类别' })
  category!: string | null;

  @PersonalText()
  @Field(() => String, { description: '纠纷简要情况与诉求' })
  summary!: string;

  @PersonalText()
  @Field(() => [String], { description: '当事人(角色:姓名 电话)' })
  parties!: string[];

  @Field(() => String, { description: '状态:RECEIVED 待受理 / ACCEPTED 已受理 / REJECTED 不予受理(退回综治中心) / CONCLUDED 已办结并反馈' })
  status!: string;

  @Field(() => String, { nullable: true, description: '本部门转办件编号(受理后)' })
  caseNumber!: string | null;

  @Field(() => String, { nullable: true, description: '承办人' })
  handlerName!: string | null;

  @Field(() => Date)
  sentAt!: Date;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '不予受理的理由' })
  rejectionReason!: string | null;

  @Field(() => Date, { nullable: true })
  concludedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '办理结果:AGREEMENT 化解成功 / NO_AGREEMENT 化解不成 / TERMINATED 终止' })
  outcome!: string | null;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '办理情况' })
  outcomeSummary!: string | null;

  personal!: PersonalTextRead;
}

function toHubTransfer(d: DockingIncoming, masked: boolean): HubTransferType {
  return {
    id: d.id,
    dockingId: d.dockingId,
    disputeId: d.disputeId ?? null,
    disputeNumber: d.sourceNumber,
    fromOrganizationName: d.sourceOrganizationName,
    officerName: d.officerName,
    organizationCode: d.organizationCode,
    organizationName: d.organizationName ?? null,
    regionCode: d.regionCode,
    category: d.category ?? null,
    summary: d.summary,
    parties: d.parties.map((p) => `${p.role}:${p.name}${p.phone ? ` ${p.phone}` : ''}`),
    status: d.status,
    caseNumber: d.caseNumber ?? null,
    handlerName: d.handlerName ?? null,
    sentAt: d.sentAt,
    receivedAt: d.receivedAt,
    acceptedAt: d.acceptedAt ?? null,
    rejectionReason: d.rejectionReason ?? null,
    concludedAt: d.concludedAt ?? null,
    outcome: d.outcome ?? null,
    outcomeSummary: d.outcomeSummary ?? null,
    personal: {
      recordType: 'HubTransfer',
      recordId: d.id,
      visibility: masked ? 'MASKED' : 'FULL',
      people: d.parties.map((p) => ({ name: p.name, idNumber: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })),
    },
  };
}

/** The statuses of a 转办件 as an input enum (the same in every receiving agency's schema). */
export const HubTransferStatus = registerCodeEnum('HubTransferStatus', '转办件状态 Status of a 转办件', INCOMING_DOCKING_STATUSES, {
  RECEIVED: '待受理',
  ACCEPTED: '已受理',
  REJECTED: '不予受理(已退回综治中心)',
  CONCLUDED: '已办结并反馈',
});

/** One page of 转办件: shareable, every receiving agency defines it alike. */
export const HubTransferConnection = ConnectionType('HubTransfer', HubTransferType, '转办件列表', { shareable: true });

@ArgsType()
export class HubTransfersArgs extends PageArgs {
  @Field(() => HubTransferStatus, { nullable: true, description: '状态' })
  status?: IncomingDockingStatus | null;

  @Field(() => String, { nullable: true, description: '区划代码前缀(在本人辖区内进一步筛选)' })
  regionCode?: string | null;

  @Field(() => PeriodFilter, { nullable: true, description: '收到时间在此期间' })
  received?: PeriodFilter | null;
}

/** The names under which an agency mounts its 转办件 (e.g. `petitionHubTransfers`, `acceptPetitionHubTransfer`…). */
export interface HubTransferNames {
  list: string;
  accept: string;
  reject: string;
  conclude: string;
}

/**
 * The receiving agency's 转办件 inbox and answers. The list: the agency's own staff within their
 * jurisdiction (leaders masked), newest first, by status. The answers: see `answerIncomingDocking`.
 */
export function createHubTransfersResolver(agency: Agency, names: HubTransferNames) {
  const answer = async (ctx: SubgraphContext, id: string, a: IncomingAnswer) =>
    toHubTransfer(await answerIncomingDocking(ctx.em, agency, requireCaller(ctx), id, a, ctx.settings.now()), false);

  @Resolver()
  class HubTransfersResolver {
    @Query(() => HubTransferConnection, { name: names.list, description: '转办件:综治中心分流转办给本部门的纠纷(按收到时间倒序,可按状态、区划、期间筛选)' })
    async hubTransfers(@Args(() => HubTransfersArgs) args: HubTransfersArgs, @Ctx() ctx: SubgraphContext): Promise<InstanceType<typeof HubTransferConnection>> {
      const { regionPrefix, masked } = requireListAccess(ctx, agency);
      // Within the caller's jurisdiction, narrowed by region, status and period (VALIDATION_FAILED when a period ends before it starts).
      const conditions: FilterQuery<DockingIncoming>[] = [
        { toAgency: agency, regionCode: { $like: `${regionPrefix}%` } },
        ...periodConditions({ received: ['receivedAt', args.received] }),
      ];
      if (args.regionCode) conditions.push({ regionCode: { $like: `${requireRegionPrefix('regionCode', args.regionCode)}%` } });
      if (args.status) conditions.push({ status: args.status });
      return keysetPage(ctx.em, DockingIncoming, { where: { $and: conditions }, orderBy: { receivedAt: 'desc', id: 'desc' }, page: args }, (d) =>
        toHubTransfer(d, masked),
      );
    }

    @Mutation(() => HubTransferType, { name: names.accept, description: '受理转办件(反馈综治中心)' })
    accept(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<HubTransferType> {
      return answer(ctx, id, { kind: 'ACCEPT' });
    }

    @Mutation(() => HubTransferType, { name: names.reject, description: '不予受理转办件:说明理由,纠纷退回综治中心重新分流' })
    reject(
      @Arg('id', () => ID) id: string,
      @Arg('reason', () => String, { description: '不予受理的理由' }) reason: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<HubTransferType> {
      return answer(ctx, id, { kind: 'REJECT', reason });
    }

    @Mutation(() => HubTransferType, { name: names.conclude, description: '办结转办件:反馈办理结果(化解成功 / 化解不成 / 终止)' })
    conclude(
      @Arg('id', () => ID) id: string,
      @Arg('outcome', () => String, { description: 'AGREEMENT 化解成功 / NO_AGREEMENT 化解不成 / TERMINATED 终止' }) outcome: string,
      @Arg('summary', () => String, { description: '办理情况' }) summary: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<HubTransferType> {
      return answer(ctx, id, { kind: 'CONCLUDE', outcome, summary });
    }
  }
  return HubTransfersResolver;
}

import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Visibility } from '@jiefen/auth';
import { statusLabel, requireCaller, requireUuid, type NamedPerson, type SubgraphContext } from '@jiefen/subgraph-kit';
import { policeMediationWorkflow } from '../domain/police-mediation.workflow.js';
import { consequenceOf } from '../domain/police-mediation.rules.js';
import type { PoliceMediation } from '../entities/police-mediation.entity.js';
import type { PoliceLoaders } from '../loaders/police.loaders.js';
import { advancePoliceMediation, startPoliceMediation } from '../services/police-mediation.service.js';
import { reporterOf } from './mapping.js';
import { PoliceIncidentType } from './police-incident.type.js';
import { PoliceMediationFactsInput, PoliceMediationType, type PoliceMediationStatus } from './police-mediation.type.js';

type Context = SubgraphContext<PoliceLoaders>;

function toType(m: PoliceMediation, visibility: Visibility, people: readonly NamedPerson[]): PoliceMediationType {
  const final = m.status === 'PERFORMED' || m.status === 'NOT_PERFORMED' || m.status === 'FAILED';
  return {
    id: m.id,
    incidentId: m.incidentId,
    status: m.status as PoliceMediationStatus,
    statusLabel: statusLabel(policeMediationWorkflow, m.status),
    agreementTerms: m.agreementTerms ?? null,
    failureReason: m.failureReason ?? null,
    penalty: m.penalty ?? null,
    consequence: final ? consequenceOf(m.status as 'PERFORMED' | 'NOT_PERFORMED' | 'FAILED').description : null,
    officerName: m.officerName,
    startedAt: m.startedAt,
    concludedAt: m.concludedAt ?? null,
    personal: { recordType: 'PoliceMediation', recordId: m.id, visibility, people },
  };
}

/** A mediation the police officer just wrote: theirs, in full. */
async function written(ctx: Context, m: PoliceMediation): Promise<PoliceMediationType> {
  const incident = await ctx.loaders.policeIncidentById.load(m.incidentId);
  return toType(m, 'FULL', incident ? reporterOf(incident) : []);
}

@Resolver(() => PoliceIncidentType)
export class PoliceMediationResolver {
  @FieldResolver(() => PoliceMediationType, { nullable: true, description: '治安调解' })
  async policeMediation(@Root() incident: PoliceIncidentType, @Ctx() ctx: Context): Promise<PoliceMediationType | null> {
    const m = await ctx.loaders.mediationByIncident.load(incident.id);
    return m ? toType(m, incident.visibility, reporterOf(incident.entity)) : null;
  }

  @Mutation(() => PoliceMediationType, { description: '开始治安调解:先核查法定排除情形,不适用的说明全部理由' })
  async startPoliceMediation(
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('facts', () => PoliceMediationFactsInput) facts: PoliceMediationFactsInput,
    @Ctx() ctx: Context,
  ): Promise<PoliceMediationType> {
    return written(ctx, await startPoliceMediation(ctx.em, requireCaller(ctx), requireUuid('incidentId', incidentId), { ...facts }, ctx.settings));
  }

  @Mutation(() => PoliceMediationType, { description: '登记治安调解协议' })
  async recordPoliceMediationAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('terms', () => String) terms: string,
    @Ctx() ctx: Context,
  ): Promise<PoliceMediationType> {
    return written(
      ctx,
      await advancePoliceMediation(ctx.em, requireCaller(ctx), requireUuid('id', id), { event: 'REACH_AGREEMENT', agreementTerms: terms }, ctx.settings),
    );
  }

  @Mutation(() => PoliceMediationType, { description: '治安调解不成:依法处罚并告知当事人可以起诉' })
  async failPoliceMediation(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<PoliceMediationType> {
    return written(
      ctx,
      await advancePoliceMediation(ctx.em, requireCaller(ctx), requireUuid('id', id), { event: 'FAIL', failureReason: reason }, ctx.settings),
    );
  }

  @Mutation(() => PoliceMediationType, { description: '登记协议履行情况:履行的不予处罚,不履行的依法处罚' })
  async recordPoliceMediationPerformance(
    @Arg('id', () => ID) id: string,
    @Arg('performed', () => Boolean) performed: boolean,
    @Ctx() ctx: Context,
  ): Promise<PoliceMediationType> {
    return written(
      ctx,
      await advancePoliceMediation(
        ctx.em,
        requireCaller(ctx),
        requireUuid('id', id),
        { event: performed ? 'CONFIRM_PERFORMED' : 'REPORT_NOT_PERFORMED' },
        ctx.settings,
      ),
    );
  }
}

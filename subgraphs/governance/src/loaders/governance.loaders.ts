import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import {
  coalesceMsFromEnv,
  countBreakdowns,
  type BreakdownSource,
  countScopes,
  findRows,
  indicatorScopeKey,
  manyByKey,
  oneByKey,
  ScopeCoalescer,
  type Counts,
  type IndicatorScope,
  type KeyCount,
} from '@jiefen/subgraph-kit';
import { DisputeActivity } from '../entities/dispute-activity.entity.js';
import { DisputeDocument } from '../entities/dispute-document.entity.js';
import { DisputeNotice } from '../entities/dispute-notice.entity.js';
import { DisputeParty } from '../entities/dispute-party.entity.js';
import { DisputeReport } from '../entities/dispute-report.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import { DockingEvent } from '../entities/docking-event.entity.js';
import { Docking } from '../entities/docking.entity.js';
import { Escalation } from '../entities/escalation.entity.js';
import { MediationAttempt } from '../entities/mediation-attempt.entity.js';
import { Region } from '../entities/region.entity.js';
import { RiskAlert } from '../entities/risk-alert.entity.js';
import { ScreeningFinding } from '../entities/screening-finding.entity.js';
import { DOCKING_FUNNEL, HUB_BREAKDOWNS, type HubBreakdown } from './hub-indicators.js';

/** Per-request DataLoaders of the governance subgraph. */
export function createGovernanceLoaders(em: EntityManager) {
  const byDispute = <T extends { disputeId: string }>(entity: new () => T, orderBy: Record<string, 'asc' | 'desc'>) =>
    manyByKey(
      (ids: readonly string[]) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- MikroORM's FilterQuery cannot be expressed for a generic entity
        findRows(em, entity, { disputeId: { $in: [...ids] } } as any, { orderBy: { disputeId: 'asc', ...orderBy } as any }) as Promise<T[]>,
      (row: T) => row.disputeId,
    );
  return {
    disputeById: oneByKey(
      (ids: readonly string[]) => findRows(em, Dispute, { id: { $in: [...ids] } }),
      (d) => d.id,
    ),
    regionByCode: oneByKey(
      (codes: readonly string[]) => findRows(em, Region, { code: { $in: [...codes] } }),
      (r) => r.code,
    ),
    regionChildren: manyByKey(
      (codes: readonly string[]) => findRows(em, Region, { parentCode: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (r) => r.parentCode ?? '',
    ),
    partiesByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, DisputeParty, { disputeId: { $in: [...ids] } }, { orderBy: { disputeId: 'asc', position: 'asc' } }),
      (p) => p.disputeId,
    ),
    partiesByPersonKey: manyByKey(
      (keys: readonly string[]) => findRows(em, DisputeParty, { personKey: { $in: [...keys] } }, { orderBy: { disputeId: 'asc' } }),
      (p) => p.personKey ?? '',
    ),
    attemptsByDispute: byDispute(MediationAttempt, { sequence: 'asc' }),
    escalationsByDispute: byDispute(Escalation, { escalatedAt: 'asc' }),
    activitiesByDispute: byDispute(DisputeActivity, { sequence: 'asc' }),
    noticesByDispute: byDispute(DisputeNotice, { givenAt: 'asc' }),
    documentsByDispute: byDispute(DisputeDocument, { recordedAt: 'asc' }),
    reportsByDispute: byDispute(DisputeReport, { reportedAt: 'asc', id: 'asc' }),
    findingsByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, ScreeningFinding, { disputeId: { $in: [...ids] } }),
      (f) => f.disputeId ?? '',
    ),
    alertsByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, RiskAlert, { disputeId: { $in: [...ids] } }, { orderBy: { raisedAt: 'asc', id: 'asc' } }),
      (a) => a.disputeId ?? '',
    ),
    findingsByReport: manyByKey(
      (ids: readonly string[]) => findRows(em, ScreeningFinding, { reportId: { $in: [...ids] } }, { orderBy: { reportId: 'asc', position: 'asc' } }),
      (f) => f.reportId,
    ),
    dockingById: oneByKey(
      (ids: readonly string[]) => findRows(em, Docking, { id: { $in: [...ids] } }),
      (d) => d.id,
    ),
    dockingsByDispute: manyByKey(
      (ids: readonly string[]) => findRows(em, Docking, { disputeId: { $in: [...ids] } }, { orderBy: { sentAt: 'asc', id: 'asc' } }),
      (d) => d.disputeId ?? '',
    ),
    eventsByDocking: manyByKey(
      (ids: readonly string[]) => findRows(em, DockingEvent, { dockingId: { $in: [...ids] } }, { orderBy: { dockingId: 'asc', at: 'asc', id: 'asc' } }),
      (e) => e.dockingId,
    ),
    /** The breakdowns of `IndicatorReport.hub` for every scope of a tick (a report's children, its trend): one statement per table. */
    hubBreakdowns: hubBreakdownLoaders(em),
    /** `IndicatorReport.dockingFunnel` for every scope of a tick: one statement. */
    dockingFunnel: new DataLoader<IndicatorScope, Counts, string>((scopes) => FUNNEL_SHARED.load(em, scopes), { cacheKeyFn: indicatorScopeKey }),
  };
}

export type GovernanceLoaders = ReturnType<typeof createGovernanceLoaders>;

// A page's report, children and trend reach these loaders in different ticks of its one request
// (and two leaders' pages at once): they share one statement, as the kit's indicator blocks do.
const FUNNEL_SHARED = new ScopeCoalescer<EntityManager, Counts>(
  (em, scopes) => countScopes(em, DOCKING_FUNNEL, scopes),
  () => coalesceMsFromEnv(),
);
const BREAKDOWNS_SHARED = HUB_BREAKDOWNS.map(
  (source) =>
    new ScopeCoalescer<EntityManager, Record<string, KeyCount[]>>(
      (em, scopes) => countBreakdowns(em, source as BreakdownSource, scopes),
      () => coalesceMsFromEnv(),
    ),
);

/** Which of `HUB_BREAKDOWNS` counts each breakdown. */
const BREAKDOWN_TABLE = Object.fromEntries(HUB_BREAKDOWNS.flatMap((source, i) => Object.keys(source.keys).map((name) => [name, i]))) as Record<
  HubBreakdown,
  number
>;

/** A loader per breakdown table (its breakdowns together); `load(name, scope)` answers one breakdown of one scope. */
function hubBreakdownLoaders(em: EntityManager) {
  const loaders = BREAKDOWNS_SHARED.map(
    (shared) =>
      new DataLoader<IndicatorScope, Record<string, KeyCount[]>, string>((scopes) => shared.load(em, scopes), {
        cacheKeyFn: indicatorScopeKey,
      }),
  );
  return {
    async load(name: HubBreakdown, scope: IndicatorScope): Promise<KeyCount[]> {
      return (await loaders[BREAKDOWN_TABLE[name]]!.load(scope))[name] ?? [];
    },
  };
}

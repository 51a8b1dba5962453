import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { DISPUTE_STATES } from '../src/domain/dispute.workflow.js';
import { TIERS } from '../src/domain/tiers.js';
import { scanOverdue } from '../src/services/supervision.service.js';
import { governanceSubgraph } from '../src/subgraph.js';
import { mutate, refused, registration } from './hub-helpers.js';

const DAY = 86_400_000;
type Docking = {
  id: string;
  kind: string;
  status: string;
  fromAgency: string;
  toAgency: string;
  regionCode: string;
  outcomeSummary: string | null;
  overdue: boolean;
  timeline: { type: string; summary: string | null }[];
};
const DOCKINGS = `query($kind: DockingKind, $status: DockingStatus, $overdue: Boolean, $region: String) {
  dockings(first: 100, kind: $kind, status: $status, overdue: $overdue, regionCode: $region) { totalCount edges { node { id kind status fromAgency toAgency regionCode outcomeSummary overdue timeline { type summary } } } } }`;
const ITEMS = `query($region: String) { supervisionItems(first: 100, regionCode: $region) { totalCount edges { node { id subjectId subjectType status level reminderCount escalationCount version } } } }`;

describe('the demo hub, supervision (督办), regions and the docking ledger', () => {
  let stack: Stack;
  const demo = demoDisputes();
  const total = async (args: string, as = 'hub-coordinator') =>
    (await stack.querySubgraph<{ disputes: { totalCount: number } }>('governance', `{ disputes(${args}) { totalCount } }`, {}, as)).body.data!.disputes
      .totalCount;
  const dockings = async (as: string, vars: Record<string, unknown> = {}) =>
    (await stack.querySubgraph<{ dockings: { totalCount: number; edges: { node: Docking }[] } }>('governance', DOCKINGS, vars, as)).body.data!.dockings;

  // A report's own block, its children's and its trend's reach the loaders in different ticks and
  // share their statements within the coalescing window: wide here, so that a slow tick on a loaded
  // machine does not make a county's request cost other than a town's (compared below).
  const window = process.env.JIEFEN_INDICATOR_COALESCE_MS;
  beforeAll(async () => {
    process.env.JIEFEN_INDICATOR_COALESCE_MS = '150';
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(async () => {
    if (window === undefined) delete process.env.JIEFEN_INDICATOR_COALESCE_MS;
    else process.env.JIEFEN_INDICATOR_COALESCE_MS = window;
    await stack?.stop();
  });

  it('seeds a hub with disputes in every status, tier and channel, filtered in SQL', async () => {
    for (const status of DISPUTE_STATES) expect(await total(`status: ${status}`), status).toBeGreaterThan(0);
    for (const tier of TIERS) expect(await total(`tier: ${tier}`), tier).toBeGreaterThan(0);
    for (const channel of ['WINDOW', 'ONLINE', 'HOTLINE_12348', 'GRID_SCREENING', 'AGENCY_TRANSFER'])
      expect(await total(`channel: ${channel}`), channel).toBeGreaterThan(0);
    for (const risk of ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']) expect(await total(`riskLevel: ${risk}`), risk).toBeGreaterThan(0);
    const all = await total('first: 1');
    expect(all).toBe(demo.length);
    const overdue = await total('overdue: true');
    expect(overdue).toBeGreaterThan(0);
    expect(overdue + (await total('overdue: false'))).toBe(all);
    expect(await total('status: IN_MEDIATION, tier: TOWN, regionCode: "321281"')).toBeLessThanOrEqual(await total('status: IN_MEDIATION'));
  });

  it('turns overdue disputes into supervision items idempotently, and clears them when back within a clock', async () => {
    const em = () => stack.subgraphs.governance!.orm.em.fork();
    const d = await mutate<{ id: string; dueAt: string }>(
      stack,
      'registerDispute',
      'RegisterDisputeInput',
      registration('WINDOW'),
      'hub-coordinator',
      'id dueAt',
    );
    const later = new Date(new Date(d.dueAt).getTime() + DAY);
    const first = await scanOverdue(em(), later);
    expect(first.created).toBeGreaterThan(0);
    expect(await scanOverdue(em(), later)).toEqual({ created: 0, cleared: 0 });
    const items = async () =>
      (
        await stack.querySubgraph<{
          supervisionItems: {
            edges: { node: { subjectId: string; status: string; id: string; level: string; reminderCount: number; escalationCount: number } }[];
          };
        }>(
          'governance',
          '{ supervisionItems(first: 100, status: null, regionCode: "321281123201") { edges { node { id subjectId status level reminderCount escalationCount } } } }',
          {},
          'hub-coordinator',
        )
      ).body
        .data!.supervisionItems.edges.map((e) => e.node)
        .filter((i) => i.subjectId === d.id);
    expect(await items()).toEqual([expect.objectContaining({ status: 'OPEN', level: 'VILLAGE', reminderCount: 0 })]);

    const [item] = await items();
    expect(
      await mutate(stack, 'remindSupervision', 'SupervisionActionInput', { itemId: item!.id, note: '请三日内分流' }, 'hub-coordinator', 'reminderCount'),
    ).toEqual({ reminderCount: 1 });
    expect(await mutate(stack, 'remindSupervision', 'SupervisionActionInput', { itemId: item!.id }, 'hub-coordinator', 'reminderCount')).toEqual({
      reminderCount: 2,
    });
    expect(
      await mutate(
        stack,
        'escalateSupervision',
        'SupervisionActionInput',
        { itemId: item!.id, note: '村级催办无果' },
        'hub-coordinator',
        'level escalationCount',
      ),
    ).toEqual({ level: 'TOWN', escalationCount: 1 });
    expect(await mutate(stack, 'escalateSupervision', 'SupervisionActionInput', { itemId: item!.id }, 'hub-coordinator', 'level')).toEqual({ level: 'COUNTY' });
    expect((await refused(stack, 'escalateSupervision', 'SupervisionActionInput', { itemId: item!.id })).extensions.code).toBe('ILLEGAL_TRANSITION');
    for (const who of [callerOf('hub-coordinator', { roles: ['STAFF'] }), 'leader', 'court-staff']) {
      expect((await refused(stack, 'remindSupervision', 'SupervisionActionInput', { itemId: item!.id }, who)).extensions.code).toBe('FORBIDDEN');
    }

    // Routed now: its clock moved on, so the item for the missed routing deadline is cleared (销号).
    await mutate(stack, 'routeDispute', 'RouteDisputeInput', {
      disputeId: d.id,
      unitKind: 'MEDIATION_ORGANIZATION',
      unitName: '中迎村人民调解委员会',
      tier: 'VILLAGE',
      reason: '适宜村级调解',
    });
    expect((await scanOverdue(em(), later)).cleared).toBeGreaterThanOrEqual(1);
    expect(await items()).toEqual([expect.objectContaining({ status: 'CLEARED', reminderCount: 2 })]);
    expect((await refused(stack, 'remindSupervision', 'SupervisionActionInput', { itemId: item!.id })).extensions.code).toBe('ILLEGAL_TRANSITION');
  });

  it('scans from the supervisor mutation only', async () => {
    const ok = await stack.querySubgraph<{ scanOverdueDisputes: { created: number; cleared: number } }>(
      'governance',
      'mutation { scanOverdueDisputes { created cleared scannedAt } }',
      {},
      'hub-coordinator',
    );
    expect(ok.body.errors).toBeUndefined();
    const again = await stack.querySubgraph<{ scanOverdueDisputes: { created: number } }>(
      'governance',
      'mutation { scanOverdueDisputes { created } }',
      {},
      'hub-coordinator',
    );
    expect(again.body.data!.scanOverdueDisputes.created).toBe(0);
    const staff = await stack.querySubgraph(
      'governance',
      'mutation { scanOverdueDisputes { created } }',
      {},
      callerOf('hub-coordinator', { roles: ['STAFF'] }),
    );
    expect(staff.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const list = await stack.querySubgraph<{ supervisionItems: { totalCount: number } }>('governance', ITEMS, { region: '321281' }, 'leader');
    expect(list.body.data!.supervisionItems.totalCount).toBeGreaterThan(0);
    expect((await stack.querySubgraph('governance', ITEMS, {}, 'police-officer')).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('shows the docking ledger to the hub, to each side of a docking, and masked to leaders', async () => {
    const hub = await dockings('hub-coordinator');
    // One hand-over per mediated dispute, as the demo story tells it.
    expect(hub.totalCount).toBe(demo.filter((d) => d.handOver).length);
    expect(new Set(hub.edges.map((e) => e.node.kind))).toEqual(new Set(['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB']));
    const court = await dockings('court-staff');
    expect(court.totalCount).toBe(demo.filter((d) => d.handOver?.kind === 'COURT').length);
    expect(court.edges.every((e) => e.node.fromAgency === 'COURT')).toBe(true);
    const mediator = await dockings('mediator');
    expect(mediator.edges.every((e) => e.node.toAgency === 'JUSTICE' && e.node.regionCode.startsWith('321281123'))).toBe(true);
    expect(mediator.totalCount).toBeGreaterThan(0);
    const leader = await dockings('leader', { status: 'CONCLUDED' });
    expect(leader.totalCount).toBeGreaterThan(0);
    expect(leader.edges.every((e) => e.node.outcomeSummary === null && e.node.timeline.every((t) => t.summary === null))).toBe(true);
    expect((await dockings('hub-coordinator', { status: 'CONCLUDED' })).edges[0]!.node.outcomeSummary).not.toBeNull();
    const kinds = await Promise.all(
      ['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB'].map(async (kind) => (await dockings('hub-coordinator', { kind })).totalCount),
    );
    expect(kinds.reduce((a, b) => a + b)).toBe(hub.totalCount);
    const overdue = await dockings('hub-coordinator', { overdue: true });
    expect(overdue.edges.every((e) => e.node.overdue)).toBe(true);
    expect(overdue.totalCount + (await dockings('hub-coordinator', { overdue: false })).totalCount).toBe(hub.totalCount);

    const courtDocking = court.edges[0]!.node;
    const policeView = await stack.querySubgraph('governance', 'query($id: ID!) { docking(id: $id) { id } }', { id: courtDocking.id }, 'police-officer');
    expect(policeView.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const entities = await stack.querySubgraph<{ _entities: ({ id: string } | null)[] }>(
      'governance',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Docking { id kind } } }',
      { r: [{ __typename: 'Docking', id: courtDocking.id }] },
      'police-officer',
    );
    expect(entities.body.data!._entities).toEqual([null]);
    const asCourt = await stack.querySubgraph<{ _entities: { id: string }[] }>(
      'governance',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Docking { id } } }',
      { r: [{ __typename: 'Docking', id: courtDocking.id }] },
      'court-staff',
    );
    expect(asCourt.body.data!._entities[0]!.id).toBe(courtDocking.id);
    const withCourt = demo.find((d) => d.handOver?.kind === 'COURT')!;
    const byDispute = await stack.querySubgraph<{ dispute: { dockings: { kind: string }[] } }>(
      'governance',
      'query($id: ID!) { dispute(id: $id) { dockings { kind } } }',
      { id: withCourt.id },
      'court-staff',
    );
    expect(byDispute.body.data!.dispute.dockings.map((k) => k.kind)).toEqual(['COURT']);
  });

  it('counts disputes per region and period in SQL, one statement for a whole level of the region tree', async () => {
    // The demo's last hundred days, up to the moment it was seeded.
    const period = { from: new Date(Date.now() - 110 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const COUNTS = `query($code: String!, $period: IndicatorPeriod!) { indicators(regionCode: $code, period: $period) { population
      hub { registered resolved overdue registeredPer10k resolutionRate byChannel { key count } byCategory { key count } }
      children { regionCode hub { registered resolved byChannel { key count } } } } }`;
    type C = {
      registered: number;
      resolved: number;
      overdue: number;
      registeredPer10k: number | null;
      byChannel: { key: string; count: number }[];
      byCategory: { count: number }[];
    };
    type R = { indicators: { hub: C; children: { regionCode: string; hub: C }[] } | null };
    const queries = stack.subgraphs.governance!.queries;
    queries.reset();
    const county = await stack.querySubgraph<R>('governance', COUNTS, { code: '321281', period }, 'leader');
    const countyStatements = queries.count;
    const c = county.body.data!.indicators!;
    const seeded = demo.filter((d) => d.registeredAt >= new Date(period.from) && d.registeredAt < new Date(period.to)).length;
    expect(c.hub.registered).toBeGreaterThanOrEqual(seeded);
    expect(c.hub.resolved).toBeGreaterThan(0);
    expect(c.hub.registeredPer10k).toBeCloseTo((c.hub.registered / 1_120_000) * 10_000, 2);
    expect(c.hub.byChannel.reduce((n, k) => n + k.count, 0)).toBe(c.hub.registered);
    expect(c.hub.byCategory.reduce((n, k) => n + k.count, 0)).toBe(c.hub.registered);
    expect(c.children.length).toBeGreaterThan(20);
    expect(c.children.reduce((n, t) => n + t.hub.registered, 0)).toBe(c.hub.registered);

    queries.reset();
    await stack.querySubgraph('governance', COUNTS, { code: '321281123', period }, 'leader');
    expect(queries.count).toBe(countyStatements);
    // A town's officer asking for the county: refused at the root.
    const outside = await stack.querySubgraph<R>('governance', COUNTS, { code: '321281', period }, 'police-officer');
    expect(outside.body.data!.indicators).toBeNull();
    expect(outside.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await stack.querySubgraph(
      'governance',
      '{ indicators(regionCode: "321281", period: { from: "2026-12-01T00:00:00Z", to: "2026-09-01T00:00:00Z" }) { hub { registered } } }',
      {},
      'leader',
    );
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'period.to' });
  });
});

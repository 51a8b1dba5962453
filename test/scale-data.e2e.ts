import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { subgraphs } from '@jiefen/schema';
import { seedScale, type ScaleResult } from '@jiefen/scripts/scale';
import { startStack, type Stack } from '@jiefen/testing';
import type { DatabaseConfig } from '@jiefen/database';

/** The values of a status enum in the committed SDL: generated from the workflow's states (registerWorkflowEnum). */
function enumValues(subgraph: string, name: string): string[] {
  const sdl = readFileSync(new URL(`../schema/subgraphs/${subgraph}.graphql`, import.meta.url), 'utf8');
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(sdl)?.[1];
  if (!body) throw new Error(`enum ${name} not in ${subgraph}.graphql`);
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}

async function sql<T extends Record<string, unknown>>(config: DatabaseConfig, text: string): Promise<T[]> {
  const client = new pg.Client({ host: config.host, port: config.port, user: config.user, password: config.password, database: config.dbName });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const LEADER_PAGE = `query LeaderPage($first: Int!) {
  disputes(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id number status region { code } mediations { caseNumber status } courtCases { caseNumber } policeIncidents { incidentNumber } petitions { itemNumber } } }
  }
  region(code: "321281") { code name }
}`;

describe('the scale data (npm run seed -- --disputes N)', () => {
  let stack: Stack;
  let result: ScaleResult;
  const config = (name: string) => stack.subgraphs[name]!.database.config;

  beforeAll(async () => {
    stack = await startStack({ subgraphs });
    result = await seedScale({
      disputes: 2000,
      seed: 7,
      configs: Object.fromEntries(Object.keys(stack.subgraphs).map((name) => [name, config(name)])),
      personKeySecret: stack.keys.personKeySecret,
      now: new Date('2026-12-01T00:00:00Z'),
    });
  }, 300_000);
  afterAll(async () => stack?.stop());

  it('writes every dispute, with parties and timelines, in realistic proportion', async () => {
    expect(result.rows.governance!.dispute).toBe(2000);
    expect(result.rows.governance!.dispute_party).toBe(4000);
    const [d] = await sql<{ n: string; justice: string; concluded: string; agreements: string }>(
      config('justice'),
      `select count(*) as n, count(*) filter (where status = 'CONCLUDED') as concluded, count(*) filter (where outcome = 'AGREEMENT') as agreements, 0 as justice from mediation_case`,
    );
    const cases = Number(d!.n);
    expect(cases / 2000).toBeGreaterThan(0.75);
    expect(cases / 2000).toBeLessThan(0.92);
    const share = Number(d!.agreements) / Number(d!.concluded);
    expect(share).toBeGreaterThan(0.92);
    expect(share).toBeLessThan(0.98);
    const [agreements] = await sql<{ n: string }>(config('justice'), 'select count(*) as n from mediation_agreement');
    expect(Number(agreements!.n)).toBe(Number(d!.agreements));
    // Spread over three years up to "now".
    const [span] = await sql<{ first: Date; last: Date }>(config('governance'), 'select min(registered_at) as first, max(registered_at) as last from dispute');
    expect(span!.first.getTime()).toBeLessThan(Date.parse('2024-03-01T00:00:00Z'));
    expect(span!.last.getTime()).toBeLessThan(Date.parse('2026-12-01T00:00:00Z'));
    expect(span!.last.getTime()).toBeGreaterThan(Date.parse('2026-11-20T00:00:00Z'));
    // Every region a record names is in the tree.
    const [orphans] = await sql<{ n: string }>(
      config('governance'),
      'select count(*) as n from dispute d where not exists (select 1 from region r where r.code = d.region_code)',
    );
    expect(Number(orphans!.n)).toBe(0);
  });

  it('keeps the docking ledgers consistent: hub, sender, receiver, roster', async () => {
    const roster = new Set((await sql<{ code: string }>(config('justice'), 'select code from mediation_organization')).map((r) => r.code));
    const hub = await sql<{ id: string; to_organization_code: string; from_agency: string; status: string; last_sequence: number }>(
      config('governance'),
      'select id, to_organization_code, from_agency, status, last_sequence from docking',
    );
    expect(hub.length).toBeGreaterThan(300);
    for (const d of hub) expect(roster.has(d.to_organization_code), d.to_organization_code).toBe(true);
    const events = await sql<{ docking_id: string; n: string }>(
      config('governance'),
      'select docking_id, count(*) as n from docking_event group by docking_id',
    );
    const eventsOf = new Map(events.map((e) => [e.docking_id, Number(e.n)]));
    for (const d of hub) expect(eventsOf.get(d.id)).toBe(d.last_sequence);
    const requested = new Set(
      (await sql<{ docking_id: string }>(config('justice'), `select docking_id from docking_inbox where type = 'DockingRequested'`)).map((r) => r.docking_id),
    );
    const cases = new Set(
      (await sql<{ docking_id: string }>(config('justice'), 'select docking_id::text from mediation_case where docking_id is not null')).map(
        (r) => r.docking_id,
      ),
    );
    for (const d of hub) {
      expect(requested.has(d.id)).toBe(true);
      expect(cases.has(d.id)).toBe(true);
    }
    const outgoing = new Map<string, string>();
    for (const agency of ['court', 'police', 'petition', 'procuratorate']) {
      for (const row of await sql<{ docking_id: string; organization_code: string; status: string }>(
        config(agency),
        'select docking_id::text, organization_code, status from docking_outgoing',
      )) {
        expect(roster.has(row.organization_code)).toBe(true);
        outgoing.set(row.docking_id, row.status);
      }
    }
    // The sender knows what the hub knows: same dockings, same state.
    expect(outgoing.size).toBe(hub.length);
    for (const d of hub) expect(outgoing.get(d.id)).toBe(d.status);
  });

  it('leaves every record in a state its workflow has', async () => {
    const checks: [string, string, string, string][] = [
      ['governance', 'dispute', 'governance', 'DisputeStatus'],
      ['governance', 'docking', 'governance', 'DockingStatus'],
      ['governance', 'risk_alert', 'governance', 'AlertStatus'],
      ['justice', 'mediation_case', 'justice', 'MediationCaseStatus'],
      ['court', 'court_case', 'court', 'CourtCaseStatus'],
      ['police', 'police_incident', 'police', 'PoliceIncidentStatus'],
      ['police', 'police_mediation', 'police', 'PoliceMediationStatus'],
      ['petition', 'petition_item', 'petition', 'PetitionItemStatus'],
      ['procuratorate', 'procuratorate_case', 'procuratorate', 'ProcuratorateCaseStatus'],
    ];
    for (const [db, table, sdl, name] of checks) {
      const legal = enumValues(sdl, name);
      const used = (await sql<{ status: string }>(config(db), `select distinct status from ${table}`)).map((r) => r.status);
      expect(used.length, table).toBeGreaterThan(0);
      for (const status of used) expect(legal, `${table}.status`).toContain(status);
    }
  });

  it('serves a leader the dispute page of their county through the gateway', async () => {
    const [expected] = await sql<{ n: string }>(config('governance'), `select count(*) as n from dispute where region_code like '321281%'`);
    const response = await stack.query<{ disputes: { totalCount: number; edges: { node: { region: { code: string } } }[] } }>(
      LEADER_PAGE,
      { first: 50 },
      'leader',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.disputes.totalCount).toBe(Number(expected!.n));
    expect(response.body.data!.disputes.edges.length).toBe(Math.min(50, Number(expected!.n)));
    for (const edge of response.body.data!.disputes.edges) expect(edge.node.region.code.startsWith('321281')).toBe(true);
  });
});

// The demo tells one true story (issue 12, build point 5): all six databases seeded as `npm start`
// seeds them, then checked with SQL and through the gateway — every hand-over points at an
// organization on justice's roster; for every docking the sender's row, the hub's ledger, the
// committee's case and the hub's dispute agree; each agency has data this week, this month and this
// quarter of the seeding day; and every persona has something to do on day one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDayStart } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- SQL rows are read by column
type Gql = { data?: Record<string, any> | null; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Seeded as of the last Thursday afternoon (Beijing) before now, so "this week" has four days in it whatever today is. */
const NOW = (() => {
  const today = chinaDayStart(new Date());
  const weekday = new Date(today.getTime() + 8 * HOUR).getUTCDay(); // 0 Sunday … 4 Thursday
  const thursday = new Date(today.getTime() - ((weekday + 7 - 4) % 7) * DAY + 14 * HOUR);
  return thursday > new Date() ? new Date(thursday.getTime() - 7 * DAY) : thursday;
})();
/** Beijing midnight at the start of NOW's week (Monday), month and quarter. */
const PERIODS = (() => {
  const local = new Date(NOW.getTime() + 8 * HOUR);
  const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d) - 8 * HOUR);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  return { week: at(y, m, d - ((local.getUTCDay() + 6) % 7)), month: at(y, m, 1), quarter: at(y, m - (m % 3), 1) };
})();

const SENDERS = ['court', 'police', 'petition', 'procuratorate', 'governance'] as const;
const LEDGER_OF = { AGREEMENT: 'SETTLED', NO_AGREEMENT: 'NOT_SETTLED', TERMINATED: 'TERMINATED' } as Record<string, string>;
const HAND_OVER_OF = { PENDING: 'SENT', REJECTED: 'REJECTED', ACCEPTED: 'ACCEPTED', IN_SESSION: 'ACCEPTED', CONCLUDED: 'CONCLUDED' } as Record<string, string>;

describe('the demo data tells one true story', () => {
  let stack: Stack;
  const sql = (name: string, query: string, params: unknown[] = []): Promise<Row[]> => stack.subgraphs[name]!.orm.em.getConnection().execute(query, params);
  const ok = async (query: string, as: string, variables: Record<string, unknown> = {}) => {
    const { status, body } = (await stack.query(query, variables, as)) as { status: number; body: Gql };
    expect(status).toBe(200);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true, seedOptions: { now: NOW } });
  });
  afterAll(() => stack?.stop());

  it("hands every case over to an organization on justice's roster", async () => {
    const roster = new Set((await sql('justice', 'select code from mediation_organization')).map((r) => r.code as string));
    let handOvers = 0;
    for (const sender of SENDERS) {
      for (const row of await sql(sender, 'select docking_id, organization_code from docking_outgoing')) {
        handOvers += 1;
        expect(roster, `${sender} ${row.docking_id}`).toContain(row.organization_code);
      }
    }
    const ledger = await sql('governance', `select id, to_organization_code from docking where mode <> 'CONFIRMATION'`);
    for (const row of ledger) expect(roster, `ledger ${row.id}`).toContain(row.to_organization_code);
    const cases = await sql('justice', 'select organization_code from mediation_case where docking_id is not null');
    for (const row of cases) expect(roster).toContain(row.organization_code);
    expect(handOvers).toBeGreaterThan(10);
    expect(new Set(ledger.map((r) => r.id)).size).toBe(ledger.length);
  });

  it('agrees on every docking: sender status = ledger status = the committee case, and the hub dispute follows', async () => {
    const cases = new Map((await sql('justice', 'select * from mediation_case where docking_id is not null')).map((r) => [r.docking_id as string, r]));
    const outgoing = new Map<string, Row>();
    for (const sender of SENDERS) for (const row of await sql(sender, 'select * from docking_outgoing')) outgoing.set(row.docking_id, row);
    const disputes = new Map((await sql('governance', 'select id, status from dispute')).map((r) => [r.id as string, r.status as string]));
    const ledger = await sql('governance', `select * from docking where mode <> 'CONFIRMATION'`);
    expect(new Set(ledger.map((r) => r.kind))).toEqual(new Set(['COURT', 'POLICE', 'PROCURATORATE', 'PETITION', 'LEGAL_AID', 'HUB']));
    expect(ledger.length).toBe(cases.size);
    for (const docking of ledger) {
      const c = cases.get(docking.id);
      expect(c, `justice case of docking ${docking.id}`).toBeDefined();
      expect(docking.status).toBe(HAND_OVER_OF[c!.status]);
      expect(docking.outcome ?? null).toBe(c!.outcome ? LEDGER_OF[c!.outcome] : null);
      expect(c!.dispute_id).toBe(docking.dispute_id);
      // 援调 is inside justice: its sender's record is the legal aid case, not an outgoing row.
      if (docking.kind === 'LEGAL_AID') {
        const [aid] = await sql('justice', 'select status from legal_aid_case where referred_mediation_case_id = ?', [c!.id]);
        expect(aid?.status).toBe('REFERRED_TO_MEDIATION');
      } else {
        const o = outgoing.get(docking.id);
        expect(o, `sender row of docking ${docking.id}`).toBeDefined();
        expect(o!.status).toBe(docking.status);
        expect(o!.outcome ?? null).toBe(c!.outcome ?? null);
        expect(o!.organization_code).toBe(c!.organization_code);
        // The sender shows the committee's 人民调解案号 once accepted.
        expect(o!.case_number ?? null).toBe(c!.accepted_at ? c!.case_number : null);
      }
      const hub = disputes.get(docking.dispute_id);
      if (c!.status === 'ACCEPTED' || c!.status === 'IN_SESSION') expect(hub).toBe('IN_MEDIATION');
      if (c!.outcome === 'AGREEMENT') expect(['RESOLVED', 'UNDER_REVIEW', 'REVIEWED', 'CLOSED']).toContain(hub);
      if (c!.outcome && c!.outcome !== 'AGREEMENT') expect(hub).toBe('UNRESOLVED');
    }
    // Every sender row belongs to a docking of the ledger.
    const ids = new Set(ledger.map((r) => r.id as string));
    for (const id of outgoing.keys()) expect(ids).toContain(id);
  });

  it("keeps each sender's own record where its hand-over is", async () => {
    const cases = new Map((await sql('justice', 'select * from mediation_case where docking_id is not null')).map((r) => [r.docking_id as string, r]));
    const police = await sql('police', 'select o.docking_id, i.status from docking_outgoing o join police_incident i on i.id::text = o.record_id');
    for (const row of police) {
      const c = cases.get(row.docking_id)!;
      expect(row.status).toBe(c.status === 'CONCLUDED' ? 'CLOSED' : c.status === 'REJECTED' ? 'DISPATCHED' : 'TRANSFERRED');
    }
    const court = await sql(
      'court',
      'select o.docking_id, k.status, k.mediation_outcome from docking_outgoing o join court_case k on k.id::text = o.record_id',
    );
    for (const row of court) {
      const c = cases.get(row.docking_id)!;
      expect(row.mediation_outcome ?? null).toBe(c.outcome ? (c.outcome === 'AGREEMENT' ? 'SUCCEEDED' : 'FAILED') : null);
    }
    const petition = await sql('petition', 'select o.docking_id, p.status from docking_outgoing o join petition_item p on p.id::text = o.record_id');
    for (const row of petition) {
      const c = cases.get(row.docking_id)!;
      expect(row.status).toBe(
        c.status === 'CONCLUDED' ? (c.outcome === 'AGREEMENT' ? 'CONCLUDED' : 'ACCEPTED') : c.status === 'REJECTED' ? 'ACCEPTED' : 'REFERRED_TO_MEDIATION',
      );
    }
    expect(police.length + court.length + petition.length).toBeGreaterThan(5);
  });

  it("stores the hub's 统一编号 on every agency's record of a dispute, as the hub's answer to its report would", async () => {
    const hub = new Map((await sql('governance', 'select id, number from dispute')).map((r) => [r.id as string, r.number as string]));
    const records: [string, string][] = [
      ['police', 'police_incident'],
      ['court', 'court_case'],
      ['petition', 'petition_item'],
      ['procuratorate', 'procuratorate_case'],
      ['justice', 'mediation_case'],
    ];
    let checked = 0;
    for (const [agency, table] of records) {
      const rows = await sql(agency, `select dispute_id, dispute_number from ${table} where dispute_id is not null`);
      for (const row of rows) expect([table, row.dispute_number]).toEqual([table, hub.get(row.dispute_id as string)]);
      checked += rows.length;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('has data this week, this month and this quarter in every agency, and nothing after the seeding moment', async () => {
    const checks: [string, string, string][] = [
      ['governance', 'dispute', 'registered_at'],
      ['governance', 'docking', 'sent_at'],
      ['governance', 'mediation_attempt', 'attempted_at'],
      ['governance', 'docking', 'concluded_at'],
      ['justice', 'mediation_case', 'received_at'],
      ['justice', 'mediation_session', 'held_at'],
      ['justice', 'mediation_agreement', 'recorded_at'],
      ['court', 'court_case', 'received_at'],
      ['court', 'judicial_confirmation', 'applied_at'],
      ['police', 'police_incident', 'reported_at'],
      ['petition', 'petition_item', 'registered_at'],
      ['procuratorate', 'procuratorate_case', 'received_at'],
    ];
    const empty: string[] = [];
    for (const [agency, table, column] of checks) {
      const [row] = await sql(
        agency,
        `select count(*) filter (where ${column} >= ?) as week, count(*) filter (where ${column} >= ?) as month,
                count(*) filter (where ${column} >= ?) as quarter, count(*) filter (where ${column} > ?) as later from ${table}`,
        [PERIODS.week, PERIODS.month, PERIODS.quarter, NOW],
      );
      for (const period of ['week', 'month', 'quarter'] as const) if (Number(row![period]) === 0) empty.push(`${table}.${column} ${period}`);
      expect(Number(row!.later), `${table}.${column} after the seeding moment`).toBe(0);
    }
    expect(empty).toEqual([]);
  });

  it('gives every persona something to do on day one', async () => {
    const nodes = async (as: string, query: string) => {
      const data = await ok(query, as);
      return (Object.values(data)[0] as { edges: { node: Row }[] }).edges.map((e) => e.node);
    };
    const police = await nodes('police-officer', '{ policeIncidents(first: 100) { edges { node { id status } } } }');
    expect(police.filter((i) => i.status === 'RECEIVED' || i.status === 'DISPATCHED').length, '警情 to mediate or transfer').toBeGreaterThan(0);
    expect((await nodes('mediator', '{ mediationInbox(first: 50) { edges { node { id status } } } }')).length, 'inbox').toBeGreaterThan(0);
    const mediating = await nodes('mediator', '{ mediationCases(first: 100, status: IN_SESSION) { edges { node { id status } } } }');
    expect(mediating.length, 'cases with sessions to conclude').toBeGreaterThan(0);
    const court = await nodes('court-staff', '{ courtCases(first: 100) { edges { node { id status } } } }');
    expect(court.filter((c) => c.status === 'RECEIVED').length, 'cases to send').toBeGreaterThan(0);
    const due = await nodes('court-staff', '{ confirmationsDue(first: 100) { edges { node { id status } } } }');
    expect(due.filter((c) => c.status === 'ACCEPTED').length, 'confirmations to rule').toBeGreaterThan(0);
    for (const status of ['REGISTERED', 'RESOLVED', 'UNDER_REVIEW', 'REVIEWED']) {
      const disputes = await nodes('hub-coordinator', `{ disputes(first: 5, status: ${status}) { edges { node { id status } } } }`);
      expect(disputes.length, `hub disputes ${status}`).toBeGreaterThan(0);
    }
    const procurator = await nodes('procurator', '{ procuratorateCases(first: 100) { edges { node { id status kind } } } }');
    expect(procurator.filter((c) => c.kind === 'CRIMINAL_RECONCILIATION' && ['RECEIVED', 'UNDER_REVIEW'].includes(c.status)).length).toBeGreaterThan(0);
    const petitions = await nodes('petition-officer', '{ petitionItems(first: 100) { edges { node { id status } } } }');
    expect(petitions.filter((p) => p.status === 'REGISTERED').length, 'items to accept').toBeGreaterThan(0);
  });
});

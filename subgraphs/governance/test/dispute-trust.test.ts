import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';

type Party = { name: string; idNumber: string | null; phone: string | null; address: string | null; minor: boolean; personKey: string | null };
type DisputeWithParties = { id: string; regionCode: string; parties: Party[] };

const PARTIES = `query($id: ID!) { dispute(id: $id) { id regionCode parties { name idNumber phone address minor personKey } } }`;
const ACCESS_LOG = `{ governanceAccessLog(first: 50) { totalCount edges { node { subject agency recordType recordId fields requestId } } } }`;

describe('governance: disputes, parties and personal data', () => {
  let stack: Stack;
  const disputes = demoDisputes();
  const withMinor = disputes.find((d) => d.parties.some((p) => Number(p.birthDate.slice(0, 4)) > 2008))!;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('shows the hub the parties in full and logs that read', async () => {
    const d = disputes[0]!;
    const result = await stack.querySubgraph<{ dispute: DisputeWithParties }>('governance', PARTIES, { id: d.id }, 'hub-coordinator');
    const parties = result.body.data!.dispute.parties;
    expect(parties.map((p) => p.name)).toEqual(d.parties.map((p) => p.name));
    expect(parties.map((p) => p.idNumber)).toEqual(d.parties.map((p) => p.idNumber));
    expect(parties[0]!.personKey).toMatch(/^[0-9a-f]{64}$/);

    const log = await stack.querySubgraph<{ governanceAccessLog: { edges: { node: { subject: string; recordType: string; fields: string[] } }[] } }>(
      'governance',
      ACCESS_LOG,
      {},
      callerOf('hub-coordinator', { roles: ['ADMIN'] }),
    );
    const lines = log.body.data!.governanceAccessLog.edges.map((e) => e.node);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatchObject({ subject: 'hub-coordinator-002', recordType: 'DisputeParty' });
    expect(lines[0]!.fields).toEqual(['address', 'idNumber', 'name', 'phone']);
  });

  it('masks personal data for a leader and for other agencies, and logs nothing for them', async () => {
    const d = disputes[1]!;
    const before = await countLog();
    for (const persona of ['leader', 'court-staff']) {
      const result = await stack.querySubgraph<{ dispute: DisputeWithParties }>('governance', PARTIES, { id: d.id }, persona);
      const party = result.body.data!.dispute.parties[0]!;
      const real = d.parties[0]!;
      expect(party.name).toBe(real.name.length === 2 ? `${real.name[0]}*` : `${real.name[0]}${'*'.repeat(real.name.length - 2)}${real.name.at(-1)}`);
      expect(party.idNumber).toBe(`${real.idNumber.slice(0, 4)}**********${real.idNumber.slice(-4)}`);
      expect(party.phone).toBe(`${real.phone.slice(0, 3)}****${real.phone.slice(-4)}`);
      expect(party.address).toMatch(/^江苏省兴化市.*\*\*\*\*$/);
    }
    expect(await countLog()).toBe(before);
  });

  it("treats minors' data as sensitive: masked even for hub staff without a supervisor role", async () => {
    const asStaff = await stack.querySubgraph<{ dispute: DisputeWithParties }>(
      'governance',
      PARTIES,
      { id: withMinor.id },
      callerOf('hub-coordinator', { roles: ['STAFF'] }),
    );
    const minor = asStaff.body.data!.dispute.parties.find((p) => p.minor)!;
    expect(minor.idNumber).toMatch(/\*{10}/);
    const asSupervisor = await stack.querySubgraph<{ dispute: DisputeWithParties }>('governance', PARTIES, { id: withMinor.id }, 'hub-coordinator');
    expect(asSupervisor.body.data!.dispute.parties.find((p) => p.minor)!.idNumber).not.toContain('*');
  });

  it('lets anonymous callers read only public listings', async () => {
    const disputesAnon = await stack.querySubgraph('governance', '{ disputes { totalCount } }');
    expect(disputesAnon.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const region = await stack.querySubgraph<{ region: { name: string } }>('governance', '{ region(code: "321281123") { name } }');
    expect(region.body.data!.region.name).toBe('戴南镇');
  });

  it('finds a person across disputes by the pseudonymous key, never by ID number', async () => {
    const first = await stack.querySubgraph<{ dispute: DisputeWithParties }>('governance', PARTIES, { id: disputes[0]!.id }, 'hub-coordinator');
    const key = first.body.data!.dispute.parties[0]!.personKey!;
    const result = await stack.querySubgraph<{ _entities: { key: string; disputes: { id: string }[] }[] }>(
      'governance',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { key disputes { id } } } }',
      { r: [{ __typename: 'Person', key }] },
      'hub-coordinator',
    );
    expect(result.body.data!._entities[0]!.disputes.map((d) => d.id)).toContain(disputes[0]!.id);
  });

  it('keeps the access log to the agency admin and append-only in the database', async () => {
    const staff = await stack.querySubgraph('governance', ACCESS_LOG, {}, 'hub-coordinator');
    expect(staff.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const otherAdmin = await stack.querySubgraph('governance', ACCESS_LOG, {}, callerOf('court-staff', { roles: ['ADMIN'] }));
    expect(otherAdmin.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const connection = stack.subgraphs.governance!.orm.em.getConnection();
    await expect(connection.execute('update personal_data_access set subject = ?', ['x'])).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from personal_data_access')).rejects.toThrow(/append-only/);
    const mutationType = await stack.querySubgraph<{ __schema: { mutationType: null | { fields: { name: string }[] } } }>(
      'governance',
      '{ __schema { mutationType { fields { name } } } }',
      {},
      'hub-coordinator',
    );
    const mutations = mutationType.body.data!.__schema.mutationType?.fields.map((f) => f.name) ?? [];
    expect(mutations.filter((name) => /access/i.test(name))).toEqual([]);
  });

  async function countLog(): Promise<number> {
    const log = await stack.querySubgraph<{ governanceAccessLog: { totalCount: number } }>(
      'governance',
      ACCESS_LOG,
      {},
      callerOf('hub-coordinator', { roles: ['ADMIN'] }),
    );
    return log.body.data!.governanceAccessLog.totalCount;
  }
});

// Persona × operation matrix: what each persona sees through the gateway, what it is refused,
// and an `_entities` attempt per subgraph at a record the caller may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '@jiefen/auth';
import { demoDisputes, type DemoDispute } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

type AgencyKey = keyof DemoDispute['agencies'];
const disputes = demoDisputes();
const WHO = [...Object.keys(PERSONAS), 'anonymous'] as const;
const asOf = (who: string) => (who === 'anonymous' ? null : who);

/** The agencies' lists: root field, owning agency and the demo flag that says which disputes have a record. */
const LISTS: { field: string; owner: string; flag: AgencyKey; subgraph: string; typename: string }[] = [
  { field: 'mediationCases', owner: 'JUSTICE', flag: 'justice', subgraph: 'justice', typename: 'MediationCase' },
  { field: 'courtCases', owner: 'COURT', flag: 'court', subgraph: 'court', typename: 'CourtCase' },
  { field: 'policeIncidents', owner: 'POLICE', flag: 'police', subgraph: 'police', typename: 'PoliceIncident' },
  { field: 'procuratorateCases', owner: 'PROCURATORATE', flag: 'procuratorate', subgraph: 'procuratorate', typename: 'ProcuratorateCase' },
  { field: 'petitionItems', owner: 'PETITION', flag: 'petition', subgraph: 'petition', typename: 'PetitionItem' },
];
/** The same records as seen from a dispute. */
const CONTRIBUTIONS: Record<AgencyKey, string> = {
  justice: 'mediations',
  court: 'courtCases',
  police: 'policeIncidents',
  procuratorate: 'procuratorateCases',
  petition: 'petitions',
};

const inJurisdiction = (who: string, d: DemoDispute) => d.regionCode.startsWith(PERSONAS[who]!.jurisdiction);
const isLeader = (who: string) => PERSONAS[who]?.roles.includes('LEADER') ?? false;

describe('persona × operation matrix through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  describe.each(WHO)('%s', (who) => {
    const as = asOf(who);

    it('reads the dispute register within its jurisdiction (anonymous: refused)', async () => {
      const { body } = await stack.query<{ disputes: { totalCount: number } }>('{ disputes { totalCount } }', {}, as);
      if (!as) return expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.data!.disputes.totalCount).toBe(disputes.filter((d) => inJurisdiction(who, d)).length);
    });

    it('reads a dispute by id only inside its jurisdiction', async () => {
      const d = disputes.find((x) => !x.regionCode.startsWith('321281123'))!;
      const { body } = await stack.query<{ dispute: { id: string } | null }>('query($id: ID!) { dispute(id: $id) { id number } }', { id: d.id }, as);
      if (!as) return expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      if (inJurisdiction(who, d)) return expect(body.data!.dispute!.id).toBe(d.id);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.data?.dispute ?? null).toBeNull();
    });

    it.each(LISTS)('lists $field only when it owns them or leads', async ({ field, owner, flag }) => {
      const { body } = await stack.query<Record<string, { totalCount: number }>>(`{ ${field} { totalCount } }`, {}, as);
      if (!as) return expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      if (PERSONAS[who]!.agency !== owner && !isLeader(who)) return expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.errors).toBeUndefined();
      expect(body.data![field]!.totalCount).toBe(disputes.filter((d) => d.agencies[flag] && inJurisdiction(who, d)).length);
    });

    it("sees parties' personal data in full only as the hub, masked otherwise", async () => {
      const d = disputes.find((x) => x.regionCode.startsWith('321281123') && x.parties.every((p) => Number(p.birthDate.slice(0, 4)) < 2008))!;
      const { body } = await stack.query<{ dispute: { parties: { name: string; idNumber: string }[] } | null }>(
        'query($id: ID!) { dispute(id: $id) { parties { name idNumber } } }',
        { id: d.id },
        as,
      );
      if (!as) return expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const party = body.data!.dispute!.parties[0]!;
      const full = PERSONAS[who]!.agency === 'GOVERNANCE' && !isLeader(who);
      expect(party.idNumber === d.parties[0]!.idNumber).toBe(full);
      expect(party.name === d.parties[0]!.name).toBe(full);
      if (!full) expect(party.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    });

    it("sees on a dispute only the agencies' records it may see", async () => {
      const d = disputes.find((x) => x.n === 30)!; // 戴南镇: mediation, court, police and procuratorate records
      const fields = Object.values(CONTRIBUTIONS)
        .map((f) => `${f} { id }`)
        .join(' ');
      const { body } = await stack.query<{ dispute: Record<string, { id: string }[] | null> | null }>(
        `query($id: ID!) { dispute(id: $id) { id ${fields} } }`,
        { id: d.id },
        as,
      );
      if (!as) return expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      for (const [flag, field] of Object.entries(CONTRIBUTIONS) as [AgencyKey, string][]) {
        const owner = LISTS.find((l) => l.flag === flag)!.owner;
        // The agency that handed the case to mediation is its docking counterpart: it sees the mediation (masked).
        const counterpart = flag === 'justice' && d.handOver?.fromAgency === PERSONAS[who]!.agency;
        const expected = d.agencies[flag] && (PERSONAS[who]!.agency === owner || isLeader(who) || counterpart) ? 1 : 0;
        expect(body.data!.dispute![field], `${who} → ${field}`).toHaveLength(expected);
      }
    });

    it('reads the public region tree, even anonymously', async () => {
      const { body } = await stack.query<{ region: { name: string; children: unknown[] } }>('{ region(code: "321281") { name children { code } } }', {}, as);
      expect(body.data!.region.name).toBe('兴化市');
      expect(body.data!.region.children.length).toBeGreaterThan(20);
    });

    it("is refused the hub's personal-data access log without the hub's ADMIN role", async () => {
      const { body } = await stack.query('{ governanceAccessLog { totalCount } }', {}, as);
      expect(body.errors?.[0]?.extensions?.code).toBe(as ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    });
  });

  it("logs the hub's unmasked read in its access log, with the gateway's request id; the leader's masked read is not logged", async () => {
    const d = disputes[2]!;
    const admin = { ...PERSONAS['hub-coordinator']!, roles: ['ADMIN' as const] };
    const log = () =>
      stack.query<{ governanceAccessLog: { totalCount: number; edges: { node: { recordType: string; subject: string; requestId: string } }[] } }>(
        '{ governanceAccessLog(first: 5) { totalCount edges { node { recordType subject requestId } } } }',
        {},
        admin,
      );
    const before = (await log()).body.data!.governanceAccessLog.totalCount;
    const leader = await stack.query<{ dispute: { parties: { idNumber: string }[] } }>(
      'query($id: ID!) { dispute(id: $id) { parties { idNumber } } }',
      { id: d.id },
      'leader',
    );
    expect(leader.body.data!.dispute.parties[0]!.idNumber).toContain('*');
    expect((await log()).body.data!.governanceAccessLog.totalCount).toBe(before);
    const response = await fetch(stack.gateway!.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('hub-coordinator')}`, 'x-request-id': 'matrix-read-1' },
      body: JSON.stringify({ query: 'query($id: ID!) { dispute(id: $id) { parties { idNumber } } }', variables: { id: d.id } }),
    });
    const hub = (await response.json()) as { data: { dispute: { parties: { idNumber: string }[] } } };
    expect(hub.data.dispute.parties[0]!.idNumber).toBe(d.parties[0]!.idNumber);
    const after = (await log()).body.data!.governanceAccessLog;
    expect(after.totalCount).toBe(before + d.parties.length);
    expect(after.edges[0]!.node).toEqual({ recordType: 'DisputeParty', subject: 'hub-coordinator-002', requestId: 'matrix-read-1' });
  });

  describe('_entities straight to each subgraph, with a valid gateway signature', () => {
    const outside = disputes.find((d) => !d.regionCode.startsWith('321281123') && d.agencies.justice && d.agencies.police)!;

    it.each(LISTS)('$subgraph: a $typename of another agency or another town resolves to null', async ({ subgraph, typename, field, owner }) => {
      const owners = Object.keys(PERSONAS).filter((p) => PERSONAS[p]!.agency === owner && PERSONAS[p]!.jurisdiction === '321281');
      const reader = owners[0] ?? 'leader';
      const page = await stack.querySubgraph<Record<string, { edges: { node: { id: string } }[] }>>(
        subgraph,
        `{ ${field}(first: 1) { edges { node { id } } } }`,
        {},
        reader,
      );
      const id = page.body.data![field]!.edges[0]!.node.id;
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`;
      for (const intruder of Object.keys(PERSONAS).filter((p) => PERSONAS[p]!.agency !== owner && !isLeader(p))) {
        const { body } = await stack.querySubgraph<{ _entities: unknown[] }>(subgraph, q, { r: [{ __typename: typename, id }] }, intruder);
        expect(body.data!._entities, `${intruder} reading ${typename}`).toEqual([null]);
      }
      const { body } = await stack.querySubgraph<{ _entities: { id: string }[] }>(subgraph, q, { r: [{ __typename: typename, id }] }, reader);
      expect(body.data!._entities[0]!.id).toBe(id);
    });

    it('governance: a dispute of another town resolves to null for the 戴南 police officer and mediator', async () => {
      const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id summary } } }';
      for (const who of ['police-officer', 'mediator']) {
        const { body } = await stack.querySubgraph<{ _entities: unknown[] }>('governance', q, { r: [{ __typename: 'Dispute', id: outside.id }] }, who);
        expect(body.data!._entities).toEqual([null]);
      }
    });

    it('every subgraph refuses _service and _entities without the signature', async () => {
      for (const s of Object.values(stack.subgraphs)) {
        const response = await fetch(s.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
        });
        expect(response.status).toBe(401);
        expect(await response.json()).not.toHaveProperty('data');
      }
    });
  });
});

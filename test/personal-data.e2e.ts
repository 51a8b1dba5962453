// Personal data wherever it is written, in every subgraph: a minor's record read by ordinary staff of
// the owning agency is masked, by its supervisor or admin in full (and logged); free text that names
// the parties is masked for leaders and the other side of a docking, full and logged for the owner —
// through the gateway (root field and the dispute's contribution) and straight on `_entities`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName, PERSONAS, type Caller, type Role } from '@jiefen/auth';
import { demoPeople, type DemoPerson } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { callerOf, startStack, type Stack } from '@jiefen/testing';

// Every 15th demo person is a minor (born 2011–2014); the first two are adults.
const people = demoPeople(15);
const minor = people[14]!;
const adult = people[0]!;

type Row = Record<string, unknown>;

/** One kind of record holding personal data, and how to make, read and judge it. */
interface Case {
  name: string;
  subgraph: string;
  typename: string;
  owner: string;
  /** The owning agency's access-log root field. */
  log: string;
  /** Other personas that see the record, masked (besides the leader). */
  counterparts: string[];
  /** The people the record itself names (only those can be found in its text: a petition knows its petitioner alone). */
  known: DemoPerson[];
  /** Root field by id, and the dispute's contribution that lists it. */
  root: string;
  contribution: string;
  selection: string;
  /** The free-text field the access log names. */
  textField: string;
  /** Writes the fixture (a seeded record rewritten with a minor and free text naming the parties); returns its id and dispute. */
  setup(sql: (query: string, params?: unknown[]) => Promise<Row[]>): Promise<{ id: string; disputeId: string }>;
  /** The minor's structured name and ID number as read; null where the agency keeps nothing to tell a minor by. */
  minorFields(r: Row): { name: unknown; idNumber: unknown } | null;
  text(r: Row): string;
}

/** Free text naming the parties the way records do in practice: names, an ID number, a mobile number. */
const TEXT = `${adult.name}于协议生效后三个月内分期支付${minor.name}人民币5000元;${minor.name}身份证${minor.idNumber},电话${minor.phone}`;

const first = async (sql: Parameters<Case['setup']>[0], query: string) => {
  const [row] = await sql(query);
  if (!row) throw new Error(`fixture: nothing found by ${query}`);
  return row as { id: string; dispute_id: string };
};

const CASES: Case[] = [
  {
    name: 'court case',
    subgraph: 'court',
    typename: 'CourtCase',
    owner: 'court-staff',
    log: 'courtAccessLog',
    counterparts: [],
    known: [minor, adult],
    root: 'courtCase',
    contribution: 'courtCases',
    textField: 'mediationOutcomeNote',
    selection: 'id plaintiffName plaintiffIdNumber defendantName mediationOutcomeNote',
    async setup(sql) {
      const r = await first(sql, 'select id, dispute_id from court_case order by id limit 1');
      await sql(
        'update court_case set plaintiff_name = ?, plaintiff_id_number = ?, plaintiff_phone = ?, defendant_name = ?, mediation_outcome_note = ? where id = ?',
        [minor.name, minor.idNumber, minor.phone, adult.name, TEXT, r.id],
      );
      return { id: r.id, disputeId: r.dispute_id };
    },
    minorFields: (r) => ({ name: r.plaintiffName, idNumber: r.plaintiffIdNumber }),
    text: (r) => String(r.mediationOutcomeNote),
  },
  {
    name: 'judicial confirmation',
    subgraph: 'court',
    typename: 'JudicialConfirmation',
    owner: 'court-staff',
    log: 'courtAccessLog',
    counterparts: [],
    known: [minor, adult],
    root: 'judicialConfirmation',
    contribution: 'judicialConfirmations',
    textField: 'agreementSummary',
    selection: 'id applicants { name idNumber } agreementSummary',
    async setup(sql) {
      const r = await first(sql, 'select id, dispute_id from judicial_confirmation order by id limit 1');
      const applicants = [
        { name: minor.name, idNumber: minor.idNumber, phone: minor.phone },
        { name: adult.name, idNumber: adult.idNumber, phone: adult.phone },
      ];
      await sql('update judicial_confirmation set applicants = ?, agreement_summary = ? where id = ?', [JSON.stringify(applicants), TEXT, r.id]);
      return { id: r.id, disputeId: r.dispute_id };
    },
    minorFields: (r) => (r.applicants as Row[])[0] as { name: unknown; idNumber: unknown },
    text: (r) => String(r.agreementSummary),
  },
  {
    name: 'petition item',
    subgraph: 'petition',
    typename: 'PetitionItem',
    owner: 'petition-officer',
    log: 'petitionAccessLog',
    counterparts: [],
    known: [minor],
    root: 'petitionItem',
    contribution: 'petitions',
    textField: 'subject',
    selection: 'id petitionerName petitionerIdNumber subject',
    async setup(sql) {
      const r = await first(sql, 'select id, dispute_id from petition_item order by id limit 1');
      await sql('update petition_item set petitioner_name = ?, petitioner_id_number = ?, petitioner_phone = ?, subject = ? where id = ?', [
        minor.name,
        minor.idNumber,
        minor.phone,
        TEXT,
        r.id,
      ]);
      return { id: r.id, disputeId: r.dispute_id };
    },
    minorFields: (r) => ({ name: r.petitionerName, idNumber: r.petitionerIdNumber }),
    text: (r) => String(r.subject),
  },
  {
    name: 'procuratorate case',
    subgraph: 'procuratorate',
    typename: 'ProcuratorateCase',
    owner: 'procurator',
    log: 'procuratorateAccessLog',
    counterparts: [],
    known: [minor, adult],
    root: 'procuratorateCase',
    contribution: 'procuratorateCases',
    textField: 'agreementSummary',
    selection: 'id suspectName suspectIdNumber victimName agreementSummary',
    async setup(sql) {
      const r = await first(sql, 'select id, dispute_id from procuratorate_case order by id limit 1');
      await sql('update procuratorate_case set suspect_name = ?, suspect_id_number = ?, victim_name = ?, agreement_summary = ? where id = ?', [
        minor.name,
        minor.idNumber,
        adult.name,
        TEXT,
        r.id,
      ]);
      return { id: r.id, disputeId: r.dispute_id };
    },
    minorFields: (r) => ({ name: r.suspectName, idNumber: r.suspectIdNumber }),
    text: (r) => String(r.agreementSummary),
  },
  {
    // The police keep no ID number or birth date of a reporter: nothing tells a minor there.
    name: 'police incident',
    subgraph: 'police',
    typename: 'PoliceIncident',
    owner: 'police-officer',
    log: 'policeAccessLog',
    counterparts: [],
    known: [minor],
    root: 'policeIncident',
    contribution: 'policeIncidents',
    textField: 'summary',
    selection: 'id reporterName summary',
    async setup(sql) {
      const r = await first(
        sql,
        "select id, dispute_id from police_incident where region_code like '321281123%' and dispute_id is not null order by id limit 1",
      );
      await sql('update police_incident set reporter_name = ?, reporter_phone = ?, summary = ? where id = ?', [minor.name, minor.phone, TEXT, r.id]);
      return { id: r.id, disputeId: r.dispute_id };
    },
    minorFields: () => null,
    text: (r) => String(r.summary),
  },
  {
    name: 'mediation case',
    subgraph: 'justice',
    typename: 'MediationCase',
    owner: 'mediator',
    log: 'justiceAccessLog',
    counterparts: ['court-staff'],
    known: [minor, adult],
    root: 'mediationCase',
    contribution: 'mediations',
    textField: 'summary',
    selection: 'id parties { name idNumber } summary sessions { participants opinions } agreement { terms }',
    async setup(sql) {
      const r = await first(
        sql,
        `select c.id, c.dispute_id from mediation_case c where c.organization_code = '${PERSONAS.mediator!.organization}'
        and exists (select 1 from mediation_agreement a where a.case_id = c.id) and exists (select 1 from mediation_session s where s.case_id = c.id) order by c.id limit 1`,
      );
      // Sent by the court: the court is the other side of the docking and reads the case masked.
      await sql("update mediation_case set summary = ?, docking_from = 'COURT' where id = ?", [TEXT, r.id]);
      await sql(
        'update mediation_party set name = ?, id_number = ?, phone = ?, birth_date = ? where case_id = ? and position = (select min(position) from mediation_party where case_id = ?)',
        [minor.name, minor.idNumber, minor.phone, minor.birthDate, r.id, r.id],
      );
      await sql('update mediation_party set name = ? where case_id = ? and position = (select max(position) from mediation_party where case_id = ?)', [
        adult.name,
        r.id,
        r.id,
      ]);
      await sql('update mediation_session set participants = array[?, ?], opinions = ? where case_id = ?', [
        `${minor.name}(申请人)`,
        `${adult.name}(被申请人)`,
        TEXT,
        r.id,
      ]);
      await sql('update mediation_agreement set terms = array[?] where case_id = ?', [TEXT, r.id]);
      return { id: r.id, disputeId: r.dispute_id };
    },
    minorFields: (r) => (r.parties as Row[])[0] as { name: unknown; idNumber: unknown },
    text: (r) => {
      const sessions = r.sessions as { participants: string[]; opinions: string }[];
      return [r.summary, ...sessions.flatMap((s) => [...s.participants, s.opinions]), ...(r.agreement as { terms: string[] }).terms].join('|');
    },
  },
  {
    name: 'dispute',
    subgraph: 'governance',
    typename: 'Dispute',
    owner: 'hub-coordinator',
    log: 'governanceAccessLog',
    counterparts: ['police-officer', 'mediator'],
    known: [minor, adult],
    root: 'dispute',
    contribution: '',
    textField: 'summary',
    selection: 'id parties { name idNumber } summary',
    async setup(sql) {
      const r = await first(sql, "select id, id as dispute_id from dispute where region_code like '321281123%' order by id limit 1");
      await sql('update dispute set summary = ? where id = ?', [TEXT, r.id]);
      await sql(
        'update dispute_party set name = ?, id_number = ?, phone = ?, birth_date = ? where dispute_id = ? and position = (select min(position) from dispute_party where dispute_id = ?)',
        [minor.name, minor.idNumber, minor.phone, minor.birthDate, r.id, r.id],
      );
      await sql('update dispute_party set name = ? where dispute_id = ? and position = (select max(position) from dispute_party where dispute_id = ?)', [
        adult.name,
        r.id,
        r.id,
      ]);
      return { id: r.id, disputeId: r.dispute_id };
    },
    minorFields: (r) => (r.parties as Row[])[0] as { name: unknown; idNumber: unknown },
    text: (r) => String(r.summary),
  },
];

const READS = ['root', 'contribution', '_entities'] as const;
type Read = (typeof READS)[number];

describe('personal data in every subgraph: the minors rule and free text', () => {
  let stack: Stack;
  const fixtures = new Map<string, { id: string; disputeId: string }>();
  let reader = 0;

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
    for (const c of CASES) {
      const conn = stack.subgraphs[c.subgraph]!.orm.em.getConnection();
      fixtures.set(c.name, await c.setup((query, params) => conn.execute(query, params ?? [])));
    }
  });
  afterAll(() => stack?.stop());

  /** A caller for one read: a persona with its roles replaced and a subject of its own, to find its reads in the log. */
  const as = (persona: string, roles?: Role[]): Caller => callerOf(persona, { subject: `pii-reader-${(reader += 1)}`, ...(roles ? { roles } : {}) });

  async function read(c: Case, how: Read, caller: Caller): Promise<Row | null> {
    const { id, disputeId } = fixtures.get(c.name)!;
    if (how === '_entities') {
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${c.typename} { ${c.selection} } } }`;
      const { body } = await stack.querySubgraph<{ _entities: (Row | null)[] }>(c.subgraph, q, { r: [{ __typename: c.typename, id }] }, caller);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data!._entities[0] ?? null;
    }
    if (how === 'contribution') {
      const { body } = await stack.query<{ dispute: Record<string, Row[]> }>(
        `query($id: ID!) { dispute(id: $id) { ${c.contribution} { ${c.selection} } } }`,
        { id: disputeId },
        caller,
      );
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data!.dispute[c.contribution]!.find((r) => r.id === id) ?? null;
    }
    const { body } = await stack.query<Record<string, Row | null>>(`query($id: ID!) { ${c.root}(id: $id) { ${c.selection} } }`, { id }, caller);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data![c.root] ?? null;
  }

  /** The owner's access-log entries written for `caller`'s reads of the fixture. */
  async function logged(c: Case, caller: Caller): Promise<string[]> {
    const admin = callerOf(c.owner, { roles: ['ADMIN'] });
    const { body } = await stack.querySubgraph<Record<string, { edges: { node: { subject: string; recordId: string; fields: string[] } }[] }>>(
      c.subgraph,
      `{ ${c.log}(first: 100) { edges { node { subject recordId fields } } } }`,
      {},
      admin,
    );
    expect(body.errors).toBeUndefined();
    return body
      .data![c.log]!.edges.map((e) => e.node)
      .filter((n) => n.subject === caller.subject)
      .flatMap((n) => n.fields);
  }

  const readsOf = (c: Case) => READS.filter((how) => how !== 'contribution' || c.contribution);

  describe.each(CASES)('$name ($subgraph)', (c) => {
    it.each(readsOf(c))("ordinary staff of the owner (%s): the minor's data masked, the adults' in full", async (how) => {
      const caller = as(c.owner, ['STAFF']);
      const r = (await read(c, how, caller))!;
      const fields = c.minorFields(r);
      if (fields) {
        expect(fields.name).toBe(maskName(minor.name));
        expect(fields.idNumber).not.toBe(minor.idNumber);
        expect(c.text(r)).not.toContain(minor.name);
        expect(c.text(r)).not.toContain(minor.idNumber);
        expect(c.text(r)).toContain(maskName(minor.name));
      } else {
        expect(c.text(r)).toContain(minor.name);
      }
      expect(c.text(r)).toContain(adult.name);
      expect(await logged(c, caller)).toContain(c.textField);
    });

    it.each(readsOf(c).flatMap((how) => (['SUPERVISOR', 'ADMIN'] as const).map((role) => [how, role] as const)))(
      "a %s read by the owner's %s: everything in full, and logged",
      async (how, role) => {
        const caller = as(c.owner, ['STAFF', role]);
        const r = (await read(c, how, caller))!;
        const fields = c.minorFields(r);
        if (fields) expect(fields).toEqual({ name: minor.name, idNumber: minor.idNumber });
        expect(c.text(r)).toContain(minor.name);
        expect(c.text(r)).toContain(adult.name);
        expect(c.text(r)).toContain(minor.idNumber);
        expect(await logged(c, caller)).toContain(c.textField);
      },
    );

    it.each(readsOf(c).flatMap((how) => ['leader', ...c.counterparts].map((who) => [how, who] as const)))(
      'a %s read by %s: free text masked, nothing logged',
      async (how, who) => {
        const caller = as(who);
        const r = await read(c, how, caller);
        if (!r) return expect(how).not.toBe('root'); // some contributions are the owner's and leaders' only
        const text = c.text(r);
        for (const p of c.known) {
          expect(text).not.toContain(p.name);
          expect(text).toContain(maskName(p.name));
        }
        expect(text).not.toContain(minor.idNumber);
        expect(text).not.toContain(minor.phone);
        expect(await logged(c, caller)).toEqual([]);
      },
    );
  });

  it('the printed agreement masks its body as it masks its header, for the court on the other side of the docking', async () => {
    const c = CASES.find((x) => x.typename === 'MediationCase')!;
    const { id } = fixtures.get(c.name)!;
    const { body: page } = await stack.query<{ mediationCase: { agreement: { id: string } } }>(
      'query($id: ID!) { mediationCase(id: $id) { agreement { id } } }',
      { id },
      as('mediator'),
    );
    const docId = page.data!.mediationCase.agreement.id;
    const doc = async (caller: Caller) =>
      (await stack.query<{ mediationAgreementDocument: string }>('query($id: ID!) { mediationAgreementDocument(id: $id) }', { id: docId }, caller)).body.data!
        .mediationAgreementDocument;
    const court = await doc(as('court-staff'));
    expect(court).toContain(maskName(adult.name));
    expect(court).not.toContain(adult.name);
    expect(court).not.toContain(minor.name);
    const mediator = as('mediator', ['MEDIATOR', 'SUPERVISOR']);
    const full = await doc(mediator);
    expect(full).toContain(`${adult.name}于协议生效后三个月内分期支付${minor.name}`);
    expect(await logged(c, mediator)).toContain('document');
  });
});

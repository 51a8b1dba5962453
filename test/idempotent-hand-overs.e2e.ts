// 幂等键 through the gateway: a client that lost the answer to a hand-over retries with the same
// idempotency key and gets the first result — one record, one docking, one event — instead of
// ILLEGAL_TRANSITION; the key reused with other arguments is refused; without a key nothing changes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const DAINAN = '321281123';
const VILLAGE = '321281123201';
const FACTS = {
  charge: '故意伤害罪(轻伤)',
  arisesFromCivilDispute: true,
  likelySentenceMonths: 12,
  intentionalCrimeWithinFiveYears: false,
  suspectRepents: true,
  victimAccepts: true,
};

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

/** One hand-over: who sends it from which agency, and how to get a fresh record it may hand over. */
interface HandOver {
  mutation: string;
  sender: 'police' | 'court' | 'procuratorate' | 'petition' | 'justice';
  as: string;
  query: string;
  /** Outbox rows one hand-over writes: the counterpart and the hub's copy, or the hub alone (援调). */
  rows: number;
  prepare(): Promise<{ variables: Record<string, unknown>; changed: Record<string, unknown> }>;
}

describe('idempotency keys on the mutations that hand a case over', () => {
  let stack: Stack;
  let disputeId: string;
  const people = demoPeople(400).slice(384, 390);
  const db = (name: string) => stack.subgraphs[name]!.orm.em.getConnection();
  const outboxRows = async (name: string) => Number((await db(name).execute<{ n: string }[]>('select count(*) as n from docking_outbox'))[0]!.n);
  const ok = async (query: string, variables: Record<string, unknown>, as: string | null) => {
    const { status, body } = await stack.query(query, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    expect((body as Gql).errors, JSON.stringify((body as Gql).errors)).toBeUndefined();
    return (body as Gql).data!;
  };

  const openIncident = async () => {
    const [incident] = await db('police').execute<{ id: string }[]>(
      `select id from police_incident i where region_code like ? and status <> 'TRANSFERRED' and not exists (select 1 from docking_outgoing t where t.record_id = i.id::text)
       and not exists (select 1 from police_mediation m where m.incident_id = i.id) order by id limit 1`,
      [`${DAINAN}%`],
    );
    await db('police').execute(`update police_incident set status = 'DISPATCHED' where id = ?`, [incident!.id]);
    return incident!.id;
  };
  const transferInput = (reason: string) => ({
    receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
    reason,
    parties: [
      { role: 'APPLICANT', name: people[0]!.name },
      { role: 'RESPONDENT', name: people[1]!.name },
    ],
  });
  const TRANSFER =
    'mutation($id: ID!, $input: TransferToMediationInput!, $key: String) { transferToMediation(incidentId: $id, input: $input, idempotencyKey: $key) { id dockingId status } }';

  const HAND_OVERS: HandOver[] = [
    {
      mutation: 'transferToMediation',
      sender: 'police',
      as: 'police-officer',
      rows: 2,
      query: TRANSFER,
      async prepare() {
        const id = await openIncident();
        return {
          variables: { id, input: transferInput('邻里纠纷,不属于治安案件,双方同意人民调解') },
          changed: { id, input: transferInput('另一理由:双方同意调解') },
        };
      },
    },
    {
      mutation: 'divertToMediation',
      sender: 'court',
      as: 'court-staff',
      rows: 2,
      query:
        'mutation($id: ID!, $code: String!, $name: String, $key: String) { divertToMediation(id: $id, receiver: { creditCode: $code, name: $name }, idempotencyKey: $key) { id dockingId status } }',
      async prepare() {
        const received = await ok(
          'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id } }',
          {
            input: {
              disputeId,
              cause: '相邻关系纠纷',
              regionCode: VILLAGE,
              plaintiffName: people[2]!.name,
              plaintiffIdNumber: people[2]!.idNumber,
              defendantName: people[3]!.name,
            },
          },
          'court-staff',
        );
        const id = received.receiveCivilCase.id as string;
        return { variables: { id, code: COMMITTEE, name: '戴南镇人民调解委员会' }, changed: { id, code: COMMITTEE, name: '戴南镇调委会' } };
      },
    },
    {
      mutation: 'referForReconciliation',
      sender: 'procuratorate',
      as: 'procurator',
      rows: 2,
      query:
        'mutation($id: ID!, $code: String!, $facts: ReconciliationFactsInput!, $key: String) { referForReconciliation(id: $id, receiver: { creditCode: $code }, facts: $facts, idempotencyKey: $key) { id dockingId status } }',
      async prepare() {
        const [crime] = await db('procuratorate').execute<{ id: string }[]>(
          `select id from procuratorate_case where kind = 'CRIMINAL_RECONCILIATION' and region_code like ? and victim_name is not null order by id limit 1`,
          [`${DAINAN}%`],
        );
        await db('procuratorate').execute(
          `update procuratorate_case set status = 'RECEIVED', outcome = null, outcome_at = null, decision = null, concluded_at = null where id = ?`,
          [crime!.id],
        );
        return {
          variables: { id: crime!.id, code: COMMITTEE, facts: FACTS },
          changed: { id: crime!.id, code: COMMITTEE, facts: { ...FACTS, likelySentenceMonths: 6 } },
        };
      },
    },
    {
      mutation: 'referCivilSupervisionToMediation',
      sender: 'procuratorate',
      as: 'procurator',
      rows: 2,
      query:
        'mutation($id: ID!, $code: String!, $name: String, $key: String) { referCivilSupervisionToMediation(id: $id, receiver: { creditCode: $code, name: $name }, idempotencyKey: $key) { id dockingId status } }',
      async prepare() {
        const [civil] = await db('procuratorate').execute<{ id: string }[]>(
          `select id from procuratorate_case where kind = 'CIVIL_SUPERVISION' and region_code like ? and applicant_name is not null order by id limit 1`,
          [`${DAINAN}%`],
        );
        await db('procuratorate').execute(
          `update procuratorate_case set status = 'RECEIVED', outcome = null, outcome_at = null, decision = null, concluded_at = null where id = ?`,
          [civil!.id],
        );
        return { variables: { id: civil!.id, code: COMMITTEE, name: '戴南镇人民调解委员会' }, changed: { id: civil!.id, code: COMMITTEE, name: null } };
      },
    },
    {
      mutation: 'referPetitionToMediation',
      sender: 'petition',
      as: 'petition-officer',
      rows: 2,
      query:
        'mutation($id: ID!, $code: String!, $name: String, $key: String) { referPetitionToMediation(id: $id, receiver: { creditCode: $code, name: $name }, idempotencyKey: $key) { id dockingId status } }',
      async prepare() {
        const registered = await ok(
          'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }',
          {
            input: {
              disputeId,
              form: 'VISIT',
              subject: '反映邻里宅基地界址纠纷长期未解决,要求处理',
              regionCode: VILLAGE,
              petitionerName: people[4]!.name,
              petitionerIdNumber: people[4]!.idNumber,
              petitionerPhone: people[4]!.phone,
            },
          },
          'petition-officer',
        );
        const id = registered.registerPetition.id as string;
        await ok('mutation($id: ID!) { acceptPetition(id: $id, handlingUnit: "戴南镇人民政府") { status } }', { id }, 'petition-officer');
        return { variables: { id, code: COMMITTEE, name: null }, changed: { id, code: COMMITTEE, name: '戴南镇人民调解委员会' } };
      },
    },
    {
      mutation: 'referLegalAidToMediation',
      sender: 'justice',
      as: 'legal-aid',
      rows: 1,
      query:
        'mutation($input: ReferLegalAidToMediationInput!, $key: String) { referLegalAidToMediation(input: $input, idempotencyKey: $key) { id status referredMediationCaseId } }',
      async prepare() {
        const applied = await ok(
          'mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { id } }',
          {
            input: {
              disputeId,
              applicant: { name: people[5]!.name, idNumber: people[5]!.idNumber, phone: people[5]!.phone },
              matter: '相邻关系纠纷,申请法律援助',
              category: 'NEIGHBOURHOOD',
              regionCode: VILLAGE,
            },
          },
          'legal-aid',
        );
        const orgs = await ok('{ mediationOrganizations(regionCode: "321281123", type: TOWN_STREET_COMMITTEE) { edges { node { id code } } } }', {}, null);
        const committee = (orgs.mediationOrganizations.edges as { node: { id: string; code: string } }[]).find((e) => e.node.code === COMMITTEE)!.node;
        const input = (name: string) => ({ id: applied.applyForLegalAid.id, receiver: { creditCode: committee.code }, respondent: { name } });
        return { variables: { input: input(people[1]!.name) }, changed: { input: input(people[3]!.name) } };
      },
    },
  ];

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
    const registered = await ok(
      'mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }',
      {
        input: {
          category: 'NEIGHBOURHOOD',
          channel: 'WINDOW',
          summary: '相邻两户因宅基地界址及排水问题多次冲突',
          regionCode: VILLAGE,
          peopleInvolved: 2,
          parties: [
            { role: 'APPLICANT', name: people[0]!.name, idNumber: people[0]!.idNumber },
            { role: 'RESPONDENT', name: people[1]!.name },
          ],
        },
      },
      'hub-coordinator',
    );
    disputeId = registered.registerDispute.id as string;
  });
  afterAll(() => stack?.stop());

  it.each(HAND_OVERS.map((h) => [h.mutation, h] as const))(
    '%s: a retry with the key returns the first result; the key with other arguments is refused; no key is as before',
    async (_name, h) => {
      const { variables, changed } = await h.prepare();
      const key = randomUUID();
      const before = await outboxRows(h.sender);
      const first = (await ok(h.query, { ...variables, key }, h.as))[h.mutation];
      expect(await outboxRows(h.sender)).toBe(before + h.rows);

      const again = (await ok(h.query, { ...variables, key }, h.as))[h.mutation];
      expect(again).toEqual(first);

      const reused = await stack.query(h.query, { ...changed, key }, h.as);
      expect((reused.body as Gql).errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
      expect((reused.body as Gql).errors?.[0]?.message).toMatch(/幂等键/);

      // Without a key the retry is a new request, refused by the record's state, as before keys existed.
      const plain = await stack.query(h.query, variables, h.as);
      expect(['ILLEGAL_TRANSITION', 'CONFLICT']).toContain((plain.body as Gql).errors?.[0]?.extensions?.code);
      expect(await outboxRows(h.sender)).toBe(before + h.rows);
    },
  );

  it('referMediationToLegalAid (a step that may repeat): a retry with the key returns the first application instead of a second one', async () => {
    const applied = await ok(
      'mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { id } }',
      {
        input: {
          disputeId,
          applicant: { name: people[2]!.name, idNumber: people[2]!.idNumber },
          matter: '相邻关系纠纷,申请法律援助',
          category: 'NEIGHBOURHOOD',
          regionCode: VILLAGE,
        },
      },
      'legal-aid',
    );
    const orgs = await ok('{ mediationOrganizations(regionCode: "321281123", type: TOWN_STREET_COMMITTEE) { edges { node { id code } } } }', {}, null);
    const committee = (orgs.mediationOrganizations.edges as { node: { id: string; code: string } }[]).find((e) => e.node.code === COMMITTEE)!.node;
    const referred = await ok(
      'mutation($input: ReferLegalAidToMediationInput!) { referLegalAidToMediation(input: $input) { referredMediationCaseId } }',
      {
        input: { id: applied.applyForLegalAid.id, receiver: { creditCode: committee.code }, respondent: { name: people[3]!.name } },
      },
      'legal-aid',
    );
    const caseId = referred.referLegalAidToMediation.referredMediationCaseId as string;
    await ok('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status } }', { c: caseId }, 'mediator');
    const seen = await ok('query($id: ID!) { mediationCase(id: $id) { parties { id role } } }', { id: caseId }, 'mediator');
    const respondent = (seen.mediationCase.parties as { id: string; role: string }[]).find((p) => p.role === 'RESPONDENT')!;
    const REFER =
      'mutation($input: ReferMediationToLegalAidInput!, $key: String) { referMediationToLegalAid(input: $input, idempotencyKey: $key) { id status } }';
    const input = { caseId, partyId: respondent.id, matter: '被申请人经济困难,申请法律援助' };
    const key = randomUUID();
    const before = await outboxRows('justice');
    const first = await ok(REFER, { input, key }, 'mediator');
    const again = await ok(REFER, { input, key }, 'mediator');
    expect(again.referMediationToLegalAid).toEqual(first.referMediationToLegalAid);
    expect(await outboxRows('justice')).toBe(before + 1);
    const [{ n }] = await db('justice').execute<{ n: string }[]>('select count(*) as n from legal_aid_case where source_mediation_case_id = ?', [caseId]);
    expect(Number(n)).toBe(1);
    const reused = await stack.query(REFER, { input: { ...input, matter: '另一申请事项:申请法律援助' }, key }, 'mediator');
    expect((reused.body as Gql).errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await outboxRows('justice')).toBe(before + 1);
  });

  it('hands over once when the same request arrives twice at the same moment', async () => {
    const id = await openIncident();
    const key = randomUUID();
    const before = await outboxRows('police');
    const variables = { id, input: transferInput('邻里纠纷,双方同意人民调解(重复提交)'), key };
    const [a, b] = await Promise.all([ok(TRANSFER, variables, 'police-officer'), ok(TRANSFER, variables, 'police-officer')]);
    expect(b.transferToMediation).toEqual(a.transferToMediation);
    const [{ n }] = await db('police').execute<{ n: string }[]>('select count(*) as n from docking_outgoing where record_id = ?', [id]);
    expect(Number(n)).toBe(1);
    expect(await outboxRows('police')).toBe(before + 2);
  });

  it('refuses a malformed key as bad input, writing nothing', async () => {
    const id = await openIncident();
    const before = await outboxRows('police');
    const { body } = await stack.query(TRANSFER, { id, input: transferInput('邻里纠纷,双方同意人民调解'), key: 'no spaces allowed' }, 'police-officer');
    expect((body as Gql).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'idempotencyKey' });
    expect(await outboxRows('police')).toBe(before);
    const [{ n }] = await db('police').execute<{ n: string }[]>('select count(*) as n from docking_outgoing where record_id = ?', [id]);
    expect(Number(n)).toBe(0);
  });
});

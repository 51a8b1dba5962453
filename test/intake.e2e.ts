// The agencies' own front doors, through the gateway: a police officer registers incidents (110,
// 非警务警情) and a station imports its own; a registered incident goes straight to 治安调解 or 公调
// (landing in the committee's inbox). A procurator registers 审查起诉 cases, and 刑事和解 is judged
// on the facts the intake recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const DAINAN_VILLAGE = '321281123201';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

const INCIDENT_FIELDS = 'id incidentNumber status channel category nonPolice nonPoliceCategory regionCode disputeId';
const REGISTER = `mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const IMPORT =
  'mutation($input: [ImportIncidentInput!]!) { importIncidents(input: $input) { created unchanged items { externalNumber created incident { id } } } }';
const REGISTER_CASE = 'mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { id status chapter disputeId } }';
const REFER = `mutation($id: ID!, $facts: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: { creditCode: "${COMMITTEE}", name: "戴南镇人民调解委员会" }, facts: $facts) { status dockingId } }`;

const incident = (over: Record<string, unknown> = {}) => ({
  channel: 'CALL_110',
  category: 'CIVIL_DISPUTE',
  nonPolice: false,
  summary: '报警人称与邻居因宅基地边界发生争执,请求民警到场',
  reporter: { name: '吴长根', phone: '13952612345' },
  parties: [
    { role: 'APPLICANT', name: '吴长根', phone: '13952612345' },
    { role: 'RESPONDENT', name: '蒋春华' },
  ],
  place: '戴南镇董北村五组',
  regionCode: DAINAN_VILLAGE,
  station: '兴化市公安局戴南派出所',
  ...over,
});

describe('front doors through the gateway: 接警登记, station import, 审查起诉 intake', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown>, as: string): Promise<Gql> => {
    const { status, body } = await stack.query(query, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as Gql;
  };
  const ok = async (query: string, variables: Record<string, unknown>, as: string) => {
    const body = await q(query, variables, as);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };
  const incidents = async () =>
    Number((await stack.subgraphs.police!.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from police_incident'))[0]!.n);

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police', 'procuratorate'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it("registers a 110 incident in 戴南镇 and transfers it (公调): it lands in the committee's inbox", async () => {
    const registered = (await ok(REGISTER, { input: incident() }, 'police-officer')).registerIncident;
    expect(registered).toMatchObject({ status: 'RECEIVED', channel: 'CALL_110', regionCode: DAINAN_VILLAGE, disputeId: null });
    const sent = await ok(
      'mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId status } }',
      {
        id: registered.id,
        input: {
          receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
          reason: '宅基地边界纠纷,不属于治安案件,双方同意人民调解',
          parties: [
            { role: 'APPLICANT', name: '吴长根', phone: '13952612345' },
            { role: 'RESPONDENT', name: '蒋春华' },
          ],
        },
      },
      'police-officer',
    );
    const { dockingId } = sent.transferToMediation as { dockingId: string };
    const inboxed = await until("the registered incident in the committee's inbox", async () => {
      const data = await ok('{ mediationInbox(first: 100) { edges { node { dockingId status source parties { name } } } } }', {}, 'mediator');
      return (data.mediationInbox.edges as { node: Record<string, any> }[]).map((e) => e.node).find((n) => n.dockingId === dockingId); // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path
    });
    expect(inboxed).toMatchObject({ status: 'PENDING', source: 'POLICE', parties: [{ name: '吴长根' }, { name: '蒋春华' }] });
    const after = await ok('query($id: ID!) { policeIncident(id: $id) { status } }', { id: registered.id }, 'police-officer');
    expect(after.policeIncident.status).toBe('TRANSFERRED');
  });

  it('registers a walk-in 非警务警情 with its category, and 治安调解 can start on a registered incident the same day', async () => {
    const walkIn = (await ok(REGISTER, { input: incident({ channel: 'WALK_IN', nonPolice: true, nonPoliceCategory: 'CONSUMER_DISPUTE' }) }, 'police-officer'))
      .registerIncident;
    expect(walkIn).toMatchObject({ channel: 'WALK_IN', nonPolice: true, nonPoliceCategory: '消费纠纷', status: 'RECEIVED' });
    const fight = (await ok(REGISTER, { input: incident({ category: 'PUBLIC_ORDER', summary: '报警人称与邻居争执中被推倒擦伤' }) }, 'police-officer'))
      .registerIncident;
    const facts = {
      hiredViolence: false,
      gangFightOrProvocation: false,
      repeatOffender: false,
      partyRefuses: false,
      reoffendedDuringMediation: false,
      suspectFled: false,
      minorInvolved: false,
      guardianPresent: false,
    };
    const started = await ok(
      'mutation($id: ID!, $facts: PoliceMediationFactsInput!) { startPoliceMediation(incidentId: $id, facts: $facts) { status } }',
      { id: fight.id, facts },
      'police-officer',
    );
    expect(started.startPoliceMediation.status).toBe('IN_MEDIATION');
  });

  it('imports a station batch twice without duplicates; an invalid batch reports every invalid field and writes nothing', async () => {
    const batch = ['DN-0001', 'DN-0002'].map((externalNumber, i) => ({
      ...incident({ reportedAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString() }),
      externalNumber,
    }));
    const first = (await ok(IMPORT, { input: batch }, 'police-officer')).importIncidents;
    expect(first).toMatchObject({ created: 2, unchanged: 0 });
    const count = await incidents();
    const second = (await ok(IMPORT, { input: batch }, 'police-officer')).importIncidents;
    expect(second).toMatchObject({ created: 0, unchanged: 2 });
    expect(second.items.map((i: { incident: { id: string } }) => i.incident.id)).toEqual(first.items.map((i: { incident: { id: string } }) => i.incident.id));
    expect(await incidents()).toBe(count);

    const invalid = await q(
      IMPORT,
      {
        input: [
          { ...batch[0], externalNumber: 'DN-0003' },
          { ...incident({ reporter: { name: '吴长根', phone: '123' }, nonPoliceCategory: 'CIVIL_DISPUTE' }), externalNumber: 'DN-0004' },
          { ...incident({ regionCode: '321281101', place: '' }), reportedAt: new Date().toISOString(), externalNumber: 'DN-0005' },
        ],
      },
      'police-officer',
    );
    expect(invalid.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['input[1].reportedAt', 'input[1].nonPoliceCategory', 'input[1].reporter.phone', 'input[2].place', 'input[2].regionCode'],
    });
    expect(invalid.errors![0]!.message).toMatch(/^输入有误\(5 处\)/);
    expect(await incidents()).toBe(count);
  });

  it('registers 审查起诉 cases: an eligible one is referred for 刑事和解, an ineligible one refused with every reason', async () => {
    const base = {
      regionCode: '321281123',
      charge: '故意伤害罪',
      statutoryMaximumMonths: 36,
      intentionalCrimeWithinFiveYears: false,
      arisesFromCivilDispute: true,
      suspect: { name: '严国庆', idNumber: '321281197511020043' },
      victim: { name: '顾兰英', phone: '13852698765' },
    };
    const eligible = (await ok(REGISTER_CASE, { input: { ...base, caseNumber: '兴检刑诉受〔2026〕901号' } }, 'procurator')).registerProsecutionCase;
    expect(eligible).toMatchObject({ status: 'RECEIVED', chapter: 4, disputeId: null });
    const referred = await ok(REFER, { id: eligible.id, facts: { suspectRepents: true, victimAccepts: true } }, 'procurator');
    expect(referred.referForReconciliation.status).toBe('REFERRED_TO_MEDIATION');
    const { dockingId } = referred.referForReconciliation as { dockingId: string };
    await until("the referral in the committee's inbox", async () => {
      const data = await ok('{ mediationInbox(first: 100) { edges { node { dockingId source } } } }', {}, 'mediator');
      return (data.mediationInbox.edges as { node: { dockingId: string; source: string } }[]).find((e) => e.node.dockingId === dockingId);
    });

    const ineligible = (
      await ok(
        REGISTER_CASE,
        { input: { ...base, caseNumber: '兴检刑诉受〔2026〕902号', statutoryMaximumMonths: 120, intentionalCrimeWithinFiveYears: true } },
        'procurator',
      )
    ).registerProsecutionCase;
    const refused = await q(REFER, { id: ineligible.id, facts: { suspectRepents: true, victimAccepts: true } }, 'procurator');
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'NOT_ELIGIBLE',
      reasons: ['SENTENCE_OVER_THREE_YEARS', 'INTENTIONAL_CRIME_WITHIN_FIVE_YEARS'],
    });
    expect(refused.errors![0]!.message).toBe('不适用刑事和解:可能判处三年有期徒刑以上刑罚;犯罪嫌疑人在五年以内曾经故意犯罪');
    const still = await ok('query($id: ID!) { procuratorateCase(id: $id) { status referredAt } }', { id: ineligible.id }, 'procurator');
    expect(still.procuratorateCase).toEqual({ status: 'RECEIVED', referredAt: null });
  });
});

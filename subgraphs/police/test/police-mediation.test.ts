import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { policeSubgraph } from '../src/subgraph.js';

const START = `mutation($id: ID!, $facts: PoliceMediationFactsInput!) { startPoliceMediation(incidentId: $id, facts: $facts) { id status } }`;
const AGREE = `mutation($id: ID!, $terms: String!) { recordPoliceMediationAgreement(id: $id, terms: $terms) { status } }`;
const PERFORM = `mutation($id: ID!, $performed: Boolean!) { recordPoliceMediationPerformance(id: $id, performed: $performed) { status penalty consequence } }`;
const FAIL = `mutation($id: ID!, $reason: String!) { failPoliceMediation(id: $id, reason: $reason) { status penalty consequence } }`;
const clean = {
  hiredViolence: false,
  gangFightOrProvocation: false,
  repeatOffender: false,
  partyRefuses: false,
  reoffendedDuringMediation: false,
  suspectFled: false,
  minorInvolved: false,
  guardianPresent: false,
};

describe('治安调解 (police mediation)', () => {
  let stack: Stack;
  const countyOfficer = callerOf('police-officer', { jurisdiction: '321281' });
  // Open incidents (not yet mediated) in the demo data.
  const open = demoDisputes()
    .filter((d) => d.agencies.police)
    .map((d) => demoId('police-incident', d.n));
  const mediations = async () =>
    Number((await stack.subgraphs.police!.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from police_mediation'))[0]!.n);
  const statusOf = async (incidentId: string) =>
    (await stack.subgraphs.police!.orm.em.getConnection().execute<{ status: string }[]>('select status from police_incident where id = ?', [incidentId]))[0]!
      .status;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [policeSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  const fresh = async () => {
    const rows = await stack.subgraphs
      .police!.orm.em.getConnection()
      .execute<{ id: string }[]>(
        `select id from police_incident i where status in ('RECEIVED','DISPATCHED','TRANSFERRED') and not exists (select 1 from police_mediation m where m.incident_id = i.id) and id in (${open.map(() => '?').join(',')}) limit 1`,
        open,
      );
    await stack.subgraphs.police!.orm.em.getConnection().execute(`update police_incident set status = 'RECEIVED' where id = ?`, [rows[0]!.id]);
    return rows[0]!.id;
  };

  it('mediates an eligible case to a performed agreement: no penalty, incident mediated', async () => {
    const incident = await fresh();
    const started = await stack.querySubgraph<{ startPoliceMediation: { id: string; status: string } }>(
      'police',
      START,
      { id: incident, facts: clean },
      countyOfficer,
    );
    expect(started.body.data!.startPoliceMediation.status).toBe('IN_MEDIATION');
    const id = started.body.data!.startPoliceMediation.id;
    await stack.querySubgraph('police', AGREE, { id, terms: '赔偿医药费人民币800元,当面赔礼道歉' }, countyOfficer);
    const done = await stack.querySubgraph<{ recordPoliceMediationPerformance: { status: string; penalty: boolean; consequence: string } }>(
      'police',
      PERFORM,
      { id, performed: true },
      countyOfficer,
    );
    expect(done.body.data!.recordPoliceMediationPerformance).toMatchObject({ status: 'PERFORMED', penalty: false, consequence: '达成协议并履行,不予处罚' });
    expect(await statusOf(incident)).toBe('MEDIATED');
  });

  it('penalises and advises litigation when mediation fails', async () => {
    const incident = await fresh();
    const started = await stack.querySubgraph<{ startPoliceMediation: { id: string } }>('police', START, { id: incident, facts: clean }, countyOfficer);
    const failed = await stack.querySubgraph<{ failPoliceMediation: { status: string; penalty: boolean; consequence: string } }>(
      'police',
      FAIL,
      { id: started.body.data!.startPoliceMediation.id, reason: '双方对赔偿数额分歧过大' },
      countyOfficer,
    );
    expect(failed.body.data!.failPoliceMediation).toMatchObject({ status: 'FAILED', penalty: true });
    expect(failed.body.data!.failPoliceMediation.consequence).toMatch(/人民法院提起民事诉讼/);
    expect(await statusOf(incident)).toBe('CASE_FILED');
  });

  it.each([
    ['hired violence', { hiredViolence: true }, 'HIRED_VIOLENCE'],
    ['a gang fight or 寻衅滋事', { gangFightOrProvocation: true }, 'GANG_FIGHT_OR_PROVOCATION'],
    ['a repeat offender', { repeatOffender: true }, 'REPEAT_OFFENDER'],
    ['a refusing party', { partyRefuses: true }, 'PARTY_REFUSES'],
    ['re-offending during mediation', { reoffendedDuringMediation: true }, 'REOFFENDED_DURING_MEDIATION'],
    ['a fled suspect', { suspectFled: true }, 'SUSPECT_FLED'],
    ['a minor without a guardian', { minorInvolved: true }, 'MINOR_WITHOUT_GUARDIAN'],
  ])('refuses %s with the reason and writes nothing', async (_label, facts, code) => {
    const incident = await fresh();
    const before = await mediations();
    const { body } = await stack.querySubgraph('police', START, { id: incident, facts: { ...clean, ...facts } }, countyOfficer);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: [code] });
    expect(body.errors![0]!.message).toMatch(/^不适用治安调解:/);
    expect(await mediations()).toBe(before);
    expect(await statusOf(incident)).toBe('RECEIVED');
  });

  it('refuses an illegal transition and other agencies', async () => {
    const incident = await fresh();
    const started = await stack.querySubgraph<{ startPoliceMediation: { id: string } }>(
      'police',
      START,
      { id: incident, facts: { ...clean, minorInvolved: true, guardianPresent: true } },
      countyOfficer,
    );
    const id = started.body.data!.startPoliceMediation.id;
    const early = await stack.querySubgraph('police', PERFORM, { id, performed: true }, countyOfficer);
    expect(early.body.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    const mediator = await stack.querySubgraph('police', AGREE, { id, terms: '赔偿医药费人民币800元' }, 'mediator');
    expect(mediator.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const again = await stack.querySubgraph('police', START, { id: incident, facts: clean }, countyOfficer);
    expect(again.body.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it("masks the reporter outside the police and logs the officer's unmasked read", async () => {
    const q = '{ policeIncidents(first: 1) { edges { node { id reporterName reporterPhone } } } }';
    const leader = await stack.querySubgraph<{ policeIncidents: { edges: { node: { reporterPhone: string } }[] } }>('police', q, {}, 'leader');
    expect(leader.body.data!.policeIncidents.edges[0]!.node.reporterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const officer = await stack.querySubgraph<{ policeIncidents: { edges: { node: { id: string; reporterPhone: string } }[] } }>(
      'police',
      q,
      {},
      countyOfficer,
    );
    const node = officer.body.data!.policeIncidents.edges[0]!.node;
    expect(node.reporterPhone).toMatch(/^1\d{10}$/);
    const log = await stack.querySubgraph<{ policeAccessLog: { edges: { node: { recordId: string; fields: string[] } }[] } }>(
      'police',
      '{ policeAccessLog(first: 1) { edges { node { recordId fields } } } }',
      {},
      callerOf('police-officer', { roles: ['ADMIN'] }),
    );
    expect(log.body.data!.policeAccessLog.edges[0]!.node).toEqual({ recordId: node.id, fields: ['reporterName', 'reporterPhone'] });
  });
});

// One dispute through all five docking kinds, seen in one view through the gateway: a dispute the hub
// registered in 戴南镇 is diverted by the court (诉调), transferred by the police (公调), referred by the
// procuratorate (检调) and by the petition bureau (访调), and its legal aid case is referred to
// mediation (援调, recorded in the hub's ledger). A leader's single `dispute` query then returns every
// agency's records and the five dockings with their clocks; the hub coordinator sees the ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const DAINAN = '321281123';
const VILLAGE = '321281123201';
const KINDS = ['COURT', 'LEGAL_AID', 'PETITION', 'POLICE', 'PROCURATORATE'];

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

/** Waits for a condition (events travel asynchronously), failing after a timeout; never a fixed sleep. */
const VIEW = `query($id: ID!) { dispute(id: $id) {
  number parties { name }
  dockings { kind mode status acceptBy concludeBy }
  courtCases { id } mediations { id } policeIncidents { id } procuratorateCases { id } petitions { id } legalAidCases { id }
} }`;

describe('one dispute through all five docking kinds, in one view', () => {
  let stack: Stack;
  const ok = async (query: string, variables: Record<string, unknown>, as: string | null) => {
    const { status, body } = await stack.query(query, variables, as ?? undefined);
    expect(status, JSON.stringify(body)).toBe(200);
    expect((body as Gql).errors, JSON.stringify((body as Gql).errors)).toBeUndefined();
    return (body as Gql).data!;
  };
  const db = (name: 'governance' | 'police' | 'procuratorate') => stack.subgraphs[name]!.orm.em.getConnection();

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true });
  });
  afterAll(() => stack?.stop());

  it("carries the dispute through 诉调, 公调, 检调, 访调 and 援调 and shows every agency's records", async () => {
    const [applicant, respondent] = demoPeople(400).slice(381, 383);
    const registered = await ok(
      'mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id number } }',
      {
        input: {
          category: 'NEIGHBOURHOOD',
          channel: 'WINDOW',
          summary: '相邻两户因宅基地界址及排水问题多次冲突',
          regionCode: VILLAGE,
          peopleInvolved: 2,
          parties: [
            { role: 'APPLICANT', name: applicant!.name, idNumber: applicant!.idNumber },
            { role: 'RESPONDENT', name: respondent!.name },
          ],
        },
      },
      'hub-coordinator',
    );
    const disputeId = registered.registerDispute.id as string;
    const dockingIds: Record<string, string> = {};

    // 诉调: a civil case received before filing, diverted (委派) to the committee.
    const received = await ok(
      'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id } }',
      {
        input: {
          disputeId,
          cause: '相邻关系纠纷',
          regionCode: VILLAGE,
          plaintiffName: applicant!.name,
          plaintiffIdNumber: applicant!.idNumber,
          plaintiffPhone: applicant!.phone,
          defendantName: respondent!.name,
        },
      },
      'court-staff',
    );
    const courtCaseId = received.receiveCivilCase.id as string;
    const diverted = await ok(
      'mutation($id: ID!, $code: String!) { divertToMediation(id: $id, receiver: { creditCode: $code, name: "戴南镇人民调解委员会" }) { dockingId } }',
      { id: courtCaseId, code: COMMITTEE },
      'court-staff',
    );
    dockingIds.COURT = diverted.divertToMediation.dockingId;

    // 公调: no intake mutation for incidents — a demo incident in 戴南镇 still with the police, tied to the dispute.
    const [incident] = await db('police').execute<{ id: string }[]>(
      `select id from police_incident i where region_code like ? and not exists (select 1 from docking_outgoing t where t.record_id = i.id::text)
       and not exists (select 1 from police_mediation m where m.incident_id = i.id) order by id limit 1`,
      [`${DAINAN}%`],
    );
    await db('police').execute(`update police_incident set status = 'DISPATCHED', dispute_id = ? where id = ?`, [disputeId, incident!.id]);
    const transferred = await ok(
      'mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId } }',
      {
        id: incident!.id,
        input: {
          receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
          reason: '邻里纠纷,不属于治安案件,双方同意人民调解',
          parties: [
            { role: 'APPLICANT', name: applicant!.name },
            { role: 'RESPONDENT', name: respondent!.name },
          ],
        },
      },
      'police-officer',
    );
    dockingIds.POLICE = transferred.transferToMediation.dockingId;

    // 检调: no intake mutation for cases — a demo criminal case in 戴南镇, put back to its intake and tied to the dispute.
    const [crime] = await db('procuratorate').execute<{ id: string }[]>(
      `select id from procuratorate_case where kind = 'CRIMINAL_RECONCILIATION' and region_code like ? and victim_name is not null order by id limit 1`,
      [`${DAINAN}%`],
    );
    await db('procuratorate').execute(
      `update procuratorate_case set status = 'RECEIVED', outcome = null, outcome_at = null, decision = null, concluded_at = null, dispute_id = ? where id = ?`,
      [disputeId, crime!.id],
    );
    const reconciled = await ok(
      'mutation($id: ID!, $code: String!, $facts: ReconciliationFactsInput!) { referForReconciliation(id: $id, receiver: { creditCode: $code }, facts: $facts) { dockingId } }',
      {
        id: crime!.id,
        code: COMMITTEE,
        facts: {
          charge: '故意伤害罪(轻伤)',
          arisesFromCivilDispute: true,
          likelySentenceMonths: 12,
          intentionalCrimeWithinFiveYears: false,
          suspectRepents: true,
          victimAccepts: true,
        },
      },
      'procurator',
    );
    dockingIds.PROCURATORATE = reconciled.referForReconciliation.dockingId;

    // 访调: a visit registered for the dispute, accepted and referred.
    const petition = await ok(
      'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }',
      {
        input: {
          disputeId,
          form: 'VISIT',
          subject: '反映邻里宅基地界址纠纷长期未解决,要求处理',
          regionCode: VILLAGE,
          petitionerName: applicant!.name,
          petitionerIdNumber: applicant!.idNumber,
          petitionerPhone: applicant!.phone,
        },
      },
      'petition-officer',
    );
    const petitionId = petition.registerPetition.id as string;
    await ok('mutation($id: ID!) { acceptPetition(id: $id, handlingUnit: "戴南镇人民政府") { status } }', { id: petitionId }, 'petition-officer');
    const visited = await ok(
      'mutation($id: ID!, $code: String!) { referPetitionToMediation(id: $id, receiver: { creditCode: $code }) { dockingId } }',
      { id: petitionId, code: COMMITTEE },
      'petition-officer',
    );
    dockingIds.PETITION = visited.referPetitionToMediation.dockingId;

    // 援调: the applicant's legal aid application for the dispute, referred to the committee.
    const applied = await ok(
      'mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { id } }',
      {
        input: {
          disputeId,
          applicant: { name: applicant!.name, idNumber: applicant!.idNumber, phone: applicant!.phone },
          matter: '相邻关系纠纷,申请法律援助',
          category: 'NEIGHBOURHOOD',
          regionCode: VILLAGE,
        },
      },
      'legal-aid',
    );
    const legalAidId = applied.applyForLegalAid.id as string;
    const orgs = await ok('{ mediationOrganizations(regionCode: "321281123", type: TOWN_STREET_COMMITTEE) { edges { node { id code } } } }', {}, null);
    const committee = (orgs.mediationOrganizations.edges as { node: { id: string; code: string } }[]).find((e) => e.node.code === COMMITTEE)!.node;
    const referred = await ok(
      'mutation($input: ReferLegalAidToMediationInput!) { referLegalAidToMediation(input: $input) { referredMediationCaseId } }',
      {
        input: { id: legalAidId, receiver: { creditCode: committee.code }, respondent: { name: respondent!.name, idNumber: respondent!.idNumber } },
      },
      'legal-aid',
    );
    const legalAidMediationId = referred.referLegalAidToMediation.referredMediationCaseId as string;

    // The hub's ledger holds the five dockings once the events have arrived.
    const ledger = await until("five dockings in the hub's ledger", async () => {
      const rows = await db('governance').execute<{ id: string; kind: string; from_agency: string; to_agency: string }[]>(
        'select id, kind, from_agency, to_agency from docking where dispute_id = ? order by kind',
        [disputeId],
      );
      const [{ n }] = await stack.subgraphs
        .justice!.orm.em.getConnection()
        .execute<{ n: string }[]>('select count(*) as n from mediation_case where dispute_id = ?', [disputeId]);
      return rows.length === 5 && n === '5' ? rows : null;
    });
    expect(ledger.map((d) => d.kind)).toEqual(KINDS);
    for (const kind of ['COURT', 'POLICE', 'PROCURATORATE', 'PETITION']) {
      expect(ledger.find((d) => d.kind === kind)).toMatchObject({ id: dockingIds[kind], to_agency: 'JUSTICE' });
    }
    expect(ledger.find((d) => d.kind === 'LEGAL_AID')).toMatchObject({ from_agency: 'JUSTICE', to_agency: 'JUSTICE' });

    // One query as a leader: every agency's records and every docking, masked.
    const view = (await ok(VIEW, { id: disputeId }, 'leader')).dispute;
    expect(view.number).toBe(registered.registerDispute.number);
    expect(view.parties).toHaveLength(2);
    expect(view.parties.map((p: { name: string }) => p.name)).not.toContain(applicant!.name);
    expect(view.dockings.map((d: { kind: string }) => d.kind).sort()).toEqual(KINDS);
    for (const d of view.dockings) {
      expect(d).toMatchObject({ status: 'SENT', acceptBy: expect.any(String), concludeBy: expect.any(String) });
    }
    expect(view.dockings.find((d: { kind: string }) => d.kind === 'LEGAL_AID')).toMatchObject({ mode: 'REFERRAL' });
    expect(view.courtCases).toEqual([{ id: courtCaseId }]);
    expect(view.policeIncidents).toEqual([{ id: incident!.id }]);
    expect(view.procuratorateCases).toEqual([{ id: crime!.id }]);
    expect(view.petitions).toEqual([{ id: petitionId }]);
    expect(view.legalAidCases).toEqual([{ id: legalAidId }]);
    // The committee's five cases, one per docking, the legal aid referral among them.
    expect(view.mediations).toHaveLength(5);
    expect(view.mediations.map((m: { id: string }) => m.id)).toContain(legalAidMediationId);

    // The hub coordinator sees the ledger, 援调 included, as a docking inside justice.
    const hub = await ok(
      'query($r: String!) { dockings(regionCode: $r, kind: LEGAL_AID, first: 50) { edges { node { id disputeId fromAgency toAgency kind mode status } } } }',
      { r: DAINAN },
      'hub-coordinator',
    );
    const legalAid = (hub.dockings.edges as { node: Record<string, unknown> }[]).map((e) => e.node).find((n) => n.disputeId === disputeId);
    expect(legalAid).toMatchObject({ fromAgency: 'JUSTICE', toAgency: 'JUSTICE', kind: 'LEGAL_AID', mode: 'REFERRAL', status: 'SENT' });
    const own = (await ok('query($id: ID!) { dispute(id: $id) { dockings { kind } } }', { id: disputeId }, 'hub-coordinator')).dispute;
    expect(own.dockings).toHaveLength(5);
  });
});

// 一案一号 through the gateway: whatever comes in at an agency's own door and is a dispute is reported
// to the hub, which registers it (or links it to the dispute it has, by person key, town and
// category) and answers with the dispute's id and 统一编号; the agency keeps them and its record is
// in the leader's one dispute view. An officer's 非警务 labour dispute; a court case received without
// a hub id; then a petition by the same plaintiff about the same matter links to the court's dispute
// (no duplicate, the decision visible). Bad input at each door: every invalid field, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path

/** A valid 公民身份号码 from its first 17 digits (GB 11643 check character), unknown to the demo data. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const VIEW = `query($id: ID!) { dispute(id: $id) {
  id number category status
  policeIncidents { id incidentNumber }
  courtCases { id caseNumber }
  petitions { id itemNumber }
  reports { agency recordType recordNumber decision reason }
} }`;

describe('一案一号: every door reports to the hub, which registers or links and answers', () => {
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
  const sql = (agency: string, text: string, params: unknown[] = []) => stack.subgraphs[agency]!.orm.em.getConnection().execute<Row[]>(text, params);
  /** Waits for the hub's answer to reach a record: its dispute id and 统一编号. */
  const answered = (what: string, query: string, field: string, id: string, as: string) =>
    until(`${what} answered by the hub`, async () => {
      const record = (await ok(query, { id }, as))[field] as { disputeId: string | null; disputeNumber: string | null };
      return record.disputeId && record.disputeNumber ? (record as { disputeId: string; disputeNumber: string }) : null;
    });
  const view = async (id: string) => (await ok(VIEW, { id }, 'leader')).dispute as Row;

  beforeAll(async () => {
    stack = await startStack({
      subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police', 'court', 'petition', 'procuratorate'].includes(s.name)),
      seed: true,
    });
  });
  afterAll(() => stack?.stop());

  it('an officer registers a 劳资纠纷 call: the incident gets its dispute id and 统一编号, and is in the leader’s dispute view', async () => {
    const worker = idNumber('32128119880712003');
    const { registerIncident: incident } = await ok(
      'mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id incidentNumber disputeId } }',
      {
        input: {
          channel: 'WALK_IN',
          category: 'CIVIL_DISPUTE',
          nonPolice: true,
          nonPoliceCategory: 'LABOUR_DISPUTE',
          summary: '务工人员来所反映老板拖欠两个月工资,双方争执',
          reporter: { name: '陈永林', phone: '13952600001', idNumber: worker },
          parties: [
            { role: 'APPLICANT', name: '陈永林', phone: '13952600001', idNumber: worker },
            { role: 'RESPONDENT', name: '戴南某不锈钢加工厂' },
          ],
          place: '戴南镇董北村工业集中区',
          regionCode: '321281123201',
          station: '兴化市公安局戴南派出所',
        },
      },
      'police-officer',
    );
    const { disputeId, disputeNumber } = await answered(
      'the incident',
      'query($id: ID!) { policeIncident(id: $id) { disputeId disputeNumber } }',
      'policeIncident',
      incident.id,
      'police-officer',
    );
    const dispute = await view(disputeId);
    expect(dispute).toMatchObject({ number: disputeNumber, category: '劳动争议', status: 'REGISTERED' });
    expect(dispute.policeIncidents).toEqual([{ id: incident.id, incidentNumber: incident.incidentNumber }]);
    expect(dispute.reports).toEqual([
      expect.objectContaining({ agency: 'POLICE', recordType: 'PoliceIncident', recordNumber: incident.incidentNumber, decision: 'REGISTERED' }),
    ]);
  });

  it('a court case received without a hub id is registered; a petition about the same matter links to it, with the reason', async () => {
    const plaintiff = idNumber('32128119790304005');
    const { receiveCivilCase: courtCase } = await ok(
      'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id caseNumber disputeId } }',
      {
        input: {
          cause: '相邻关系纠纷',
          category: 'NEIGHBOURHOOD',
          place: '戴南镇董北村三组',
          regionCode: '321281123201',
          plaintiffName: '顾长海',
          plaintiffIdNumber: plaintiff,
          plaintiffPhone: '13952600002',
          defendantName: '顾长江',
        },
      },
      'court-staff',
    );
    expect(courtCase.disputeId).toBeNull();
    const court = await answered(
      'the court case',
      'query($id: ID!) { courtCase(id: $id) { disputeId disputeNumber } }',
      'courtCase',
      courtCase.id,
      'court-staff',
    );
    expect((await view(court.disputeId)).courtCases).toEqual([{ id: courtCase.id, caseNumber: courtCase.caseNumber }]);
    const [{ n: before }] = await sql('governance', 'select count(*)::int as n from dispute');

    // Another village of the same town, another door, the same person and matter.
    const { registerPetition: petition } = await ok(
      'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id itemNumber disputeId } }',
      {
        input: {
          form: 'VISIT',
          subject: '反映邻居砌墙堵塞通道,法院已收案但迟迟未处理',
          category: 'NEIGHBOURHOOD',
          place: '戴南镇董北村三组',
          regionCode: '321281123202',
          petitionerName: '顾长海',
          petitionerIdNumber: plaintiff,
          petitionerPhone: '13952600002',
        },
      },
      'petition-officer',
    );
    const linked = await answered(
      'the petition',
      'query($id: ID!) { petitionItem(id: $id) { disputeId disputeNumber } }',
      'petitionItem',
      petition.id,
      'petition-officer',
    );
    expect(linked).toEqual(court);
    const [{ n: after }] = await sql('governance', 'select count(*)::int as n from dispute');
    expect(after).toBe(before);
    const dispute = await view(court.disputeId);
    expect(dispute.petitions).toEqual([{ id: petition.id, itemNumber: petition.itemNumber }]);
    expect(dispute.courtCases).toEqual([{ id: courtCase.id, caseNumber: courtCase.caseNumber }]);
    expect(dispute.reports.map((r: Row) => [r.agency, r.recordNumber, r.decision])).toEqual([
      ['COURT', courtCase.caseNumber, 'REGISTERED'],
      ['PETITION', petition.itemNumber, 'LINKED'],
    ]);
    expect(dispute.reports[1].reason).toContain(court.disputeNumber);
    expect(dispute.reports[1].reason).toContain('戴南镇');
    expect(dispute.reports[1].reason).not.toContain(plaintiff);
  });

  it('a 民间纠纷 call with the officer’s 纠纷类别 (邻里) links to the hub’s dispute of the same party, town and category', async () => {
    const neighbour = idNumber('32128119750923004');
    const { registerDispute: registered } = await ok(
      'mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id number } }',
      {
        input: {
          category: 'NEIGHBOURHOOD',
          channel: 'WINDOW',
          summary: '两户因院墙滴水和排水沟多次争吵',
          regionCode: '321281123201',
          peopleInvolved: 2,
          parties: [
            { role: 'APPLICANT', name: '王秀兰', idNumber: neighbour },
            { role: 'RESPONDENT', name: '王秀英' },
          ],
        },
      },
      'hub-coordinator',
    );
    const [{ n: before }] = await sql('governance', 'select count(*)::int as n from dispute');
    const { registerIncident: incident } = await ok(
      'mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id incidentNumber disputeCategory } }',
      {
        input: {
          channel: 'CALL_110',
          category: 'CIVIL_DISPUTE',
          nonPolice: true,
          nonPoliceCategory: 'CIVIL_DISPUTE',
          disputeCategory: 'NEIGHBOURHOOD',
          summary: '邻居因排水沟堵塞再起争执,报警求助',
          reporter: { name: '王秀兰', phone: '13952600003', idNumber: neighbour },
          parties: [{ role: 'APPLICANT', name: '王秀兰', phone: '13952600003', idNumber: neighbour }],
          place: '戴南镇董北村五组',
          // Another village of the same town: the hub links by town.
          regionCode: '321281123202',
          station: '兴化市公安局戴南派出所',
        },
      },
      'police-officer',
    );
    expect(incident.disputeCategory).toBe('邻里');
    const linked = await answered(
      'the incident',
      'query($id: ID!) { policeIncident(id: $id) { disputeId disputeNumber } }',
      'policeIncident',
      incident.id,
      'police-officer',
    );
    expect(linked).toEqual({ disputeId: registered.id, disputeNumber: registered.number });
    const [{ n: after }] = await sql('governance', 'select count(*)::int as n from dispute');
    expect(after).toBe(before);
    const dispute = await view(registered.id);
    expect(dispute.category).toBe('邻里');
    expect(dispute.policeIncidents).toEqual([{ id: incident.id, incidentNumber: incident.incidentNumber }]);
    expect(dispute.reports.map((r: Row) => [r.agency, r.recordNumber, r.decision])).toEqual([['POLICE', incident.incidentNumber, 'LINKED']]);
  });

  it('a 审查起诉 case with its 纠纷类别 is registered under it (not 其他)', async () => {
    const { registerProsecutionCase: prosecution } = await ok(
      'mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { id caseNumber disputeCategory } }',
      {
        input: {
          caseNumber: '兴检刑诉受〔2026〕9101号',
          regionCode: '321281123201',
          charge: '故意伤害罪',
          statutoryMaximumMonths: 36,
          intentionalCrimeWithinFiveYears: false,
          arisesFromCivilDispute: true,
          disputeCategory: 'NEIGHBOURHOOD',
          suspect: { name: '孙大成', idNumber: idNumber('32128119800101007') },
          victim: { name: '孙小成', idNumber: idNumber('32128119820202008') },
        },
      },
      'procurator',
    );
    expect(prosecution.disputeCategory).toBe('邻里');
    const answer = await answered(
      'the case',
      'query($id: ID!) { procuratorateCase(id: $id) { disputeId disputeNumber } }',
      'procuratorateCase',
      prosecution.id,
      'procurator',
    );
    expect((await view(answer.disputeId)).category).toBe('邻里');
  });

  it('refuses bad input at each door with every invalid field, and writes nothing', async () => {
    const counts = async () => [
      (await sql('police', 'select count(*)::int as n from police_incident'))[0]!.n,
      (await sql('court', 'select count(*)::int as n from court_case'))[0]!.n,
      (await sql('petition', 'select count(*)::int as n from petition_item'))[0]!.n,
      (await sql('procuratorate', 'select count(*)::int as n from procuratorate_case'))[0]!.n,
      (await sql('governance', 'select count(*)::int as n from dispute_report'))[0]!.n,
    ];
    const before = await counts();
    const refused = async (query: string, input: Record<string, unknown>, as: string) => {
      const body = await q(query, { input }, as);
      expect(body.data).toBeNull();
      const error = body.errors![0]!;
      expect(error.extensions!.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/^输入有误/);
      return error.extensions!.fields;
    };
    expect(
      await refused(
        'mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id } }',
        {
          channel: 'CALL_110',
          category: 'CIVIL_DISPUTE',
          nonPolice: true,
          summary: '争',
          reporter: { name: '张三', phone: '123' },
          place: '戴',
          regionCode: '3212',
          station: '派出所',
        },
        'police-officer',
      ),
    ).toEqual(['nonPoliceCategory', 'summary', 'reporter.phone', 'place', 'regionCode', 'station']);
    expect(
      await refused(
        'mutation($input: RegisterIncidentInput!) { registerIncident(input: $input) { id } }',
        {
          channel: 'CALL_110',
          category: 'PUBLIC_ORDER',
          nonPolice: false,
          disputeCategory: 'NEIGHBOURHOOD',
          summary: '争',
          reporter: { name: '张三', phone: '13952600009' },
          place: '戴南镇董北村',
          regionCode: '321281123201',
          station: '兴化市公安局戴南派出所',
        },
        'police-officer',
      ),
    ).toEqual(['disputeCategory', 'summary']);
    expect(
      await refused(
        'mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id } }',
        {
          cause: '纠',
          regionCode: '321281123201',
          plaintiffName: '顾长海',
          plaintiffIdNumber: '321281197903040050',
          defendantName: '顾长江',
        },
        'court-staff',
      ),
    ).toEqual(['cause', 'plaintiffIdNumber', 'category']);
    expect(
      await refused(
        'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }',
        { form: 'VISIT', subject: '短', regionCode: '321281123201', petitionerName: '顾长海', petitionerIdNumber: 'x' },
        'petition-officer',
      ),
    ).toEqual(['subject', 'petitionerIdNumber', 'category']);
    expect(
      await refused(
        'mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { id } }',
        {
          caseNumber: '兴',
          regionCode: '321281123',
          charge: '故意伤害罪',
          statutoryMaximumMonths: -1,
          intentionalCrimeWithinFiveYears: false,
          arisesFromCivilDispute: false,
          disputeCategory: 'NEIGHBOURHOOD',
          suspect: { name: '赵大勇' },
          victim: { name: '钱小梅' },
        },
        'procurator',
      ),
    ).toEqual(['caseNumber', 'statutoryMaximumMonths', 'suspect.birthDate', 'disputeCategory']);
    expect(await counts()).toEqual(before);
  });
});

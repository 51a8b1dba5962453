import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoPeople } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { createJusticeSubgraph } from '../src/subgraph.js';

// The legal aid center (persona `legal-aid`): 7-day review, 3-day assignment, referral both ways.
const DAY = 86_400_000;
const clock = { now: new Date('2026-11-28T02:00:00Z') };
const [person, other] = demoPeople(20, '321281', 91).filter((p) => p.birthDate < '2000');

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are read by path

describe('legal aid', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown> = {}, as: Parameters<Stack['querySubgraph']>[3] = 'legal-aid'): Promise<Gql> =>
    (await stack.querySubgraph('justice', query, variables, as)).body as Gql;
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.justice!.orm.em.getConnection().execute<T[]>(query, params);
  type OutboxRow = { recipient: string; type: string; sequence: number; to_agency: string; payload: Record<string, unknown> };
  const outbox = (dockingId: string) =>
    sql<OutboxRow>('select recipient, type, sequence, to_agency, payload from docking_outbox where docking_id = ? order by sequence, recipient', [dockingId]);
  const count = async (table: string) =>
    Number((await stack.subgraphs.justice!.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from "${table}"`))[0]!.n);
  const FIELDS = 'id status overdue reviewDueAt assignDueAt lawyerName applicantName applicantIdNumber referredMediationCaseId';
  const apply = async () =>
    (
      await q(`mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { ${FIELDS} } }`, {
        input: {
          applicant: { name: person!.name, idNumber: person!.idNumber, phone: person!.phone },
          matter: '追索劳动报酬,申请指派律师代理',
          category: 'LABOUR',
          regionCode: '321281123',
        },
      })
    ).data!.applyForLegalAid as { id: string; status: string; reviewDueAt: string; overdue: boolean; applicantName: string };
  const review = (id: string, approve: boolean, reason: string | null = null) =>
    q(`mutation($id: ID!, $a: Boolean!, $r: String) { reviewLegalAidApplication(id: $id, approve: $a, reason: $r) { ${FIELDS} denialReason } }`, {
      id,
      a: approve,
      r: reason,
    });
  const view = async (id: string) => (await q(`query($id: ID!) { legalAidCase(id: $id) { ${FIELDS} } }`, { id })).data!.legalAidCase;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [createJusticeSubgraph({ now: () => clock.now })], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('reviews within 7 days and assigns a lawyer within 3 days', async () => {
    clock.now = new Date('2026-11-28T02:00:00Z');
    const applied = await apply();
    expect(applied).toMatchObject({ status: 'APPLIED', overdue: false, reviewDueAt: '2026-12-05T02:00:00.000Z', applicantName: person!.name });
    clock.now = new Date(clock.now.getTime() + 5 * DAY);
    const approved = (await review(applied.id, true)).data!.reviewLegalAidApplication;
    expect(approved).toMatchObject({ status: 'APPROVED', overdue: false, assignDueAt: '2026-12-06T02:00:00.000Z' });
    clock.now = new Date(clock.now.getTime() + 2 * DAY);
    const assigned = await q(
      'mutation($id: ID!) { assignLegalAidLawyer(id: $id, lawyerName: "高振华", lawFirm: "江苏昭阳律师事务所") { status overdue lawyerName } }',
      { id: applied.id },
    );
    expect(assigned.data!.assignLegalAidLawyer).toEqual({ status: 'LAWYER_ASSIGNED', overdue: false, lawyerName: '高振华' });
    const closed = await q('mutation($id: ID!) { closeLegalAidCase(id: $id, note: "调解结案,受援人获偿") { status } }', { id: applied.id });
    expect(closed.data!.closeLegalAidCase.status).toBe('CLOSED');
    const illegal = await review(applied.id, true);
    expect(illegal.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
  });

  it('shows a late review and a late assignment as overdue', async () => {
    clock.now = new Date('2026-11-28T02:00:00Z');
    const late = await apply();
    const slow = await apply();
    await review(slow.id, true);
    clock.now = new Date('2026-12-06T00:00:00Z');
    expect((await view(late.id)).overdue).toBe(true);
    expect((await view(slow.id)).overdue).toBe(true);
    const list = await q('{ legalAidCases(overdue: true, first: 100) { edges { node { id overdue status } } } }');
    const nodes = (list.data!.legalAidCases.edges as { node: { id: string; overdue: boolean; status: string } }[]).map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([late.id, slow.id]));
    expect(nodes.every((n) => n.overdue && ['APPLIED', 'APPROVED'].includes(n.status))).toBe(true);
    const fine = await q('{ legalAidCases(overdue: false, first: 100) { edges { node { overdue } } } }');
    expect(fine.data!.legalAidCases.edges.every((e: { node: { overdue: boolean } }) => !e.node.overdue)).toBe(true);
  });

  it("refers legal aid to mediation (the committee's inbox) and mediation to legal aid", async () => {
    clock.now = new Date('2026-11-28T02:00:00Z');
    const applied = await apply();
    const orgs = await q('{ mediationOrganizations(regionCode: "321281123", type: TOWN_STREET_COMMITTEE) { edges { node { id code } } } }', {}, null);
    const referred = await q(
      'mutation($input: ReferLegalAidToMediationInput!) { referLegalAidToMediation(input: $input) { status referredMediationCaseId } }',
      {
        input: {
          id: applied.id,
          receiver: { creditCode: orgs.data!.mediationOrganizations.edges[0].node.code },
          respondent: { name: other!.name, idNumber: other!.idNumber },
        },
      },
    );
    const caseId = referred.data!.referLegalAidToMediation.referredMediationCaseId as string;
    expect(referred.data!.referLegalAidToMediation.status).toBe('REFERRED_TO_MEDIATION');
    const inbox = await q('{ mediationInbox(first: 100) { edges { node { id source status parties { role name } } } } }', {}, 'mediator');
    const pending = (inbox.data!.mediationInbox.edges as { node: { id: string; source: string; parties: { role: string; name: string }[] } }[]).find(
      (e) => e.node.id === caseId,
    )!.node;
    expect(pending).toMatchObject({
      source: 'LEGAL_AID',
      status: 'PENDING',
      parties: [
        { role: 'APPLICANT', name: person!.name },
        { role: 'RESPONDENT', name: other!.name },
      ],
    });

    await q('mutation($c: ID!) { acceptMediationCase(caseId: $c) { status } }', { c: caseId }, 'mediator');
    // 援调 is recorded in the hub's ledger: addressed to the hub only, never to justice itself.
    const [{ docking_id: dockingId }] = await sql<{ docking_id: string }>('select docking_id from mediation_case where id = ?', [caseId]);
    const rows = await outbox(dockingId);
    expect(rows.map((r) => [r.type, r.recipient, r.to_agency, r.sequence])).toEqual([
      ['DockingRequested', 'GOVERNANCE', 'GOVERNANCE', 1],
      ['DockingAccepted', 'GOVERNANCE', 'GOVERNANCE', 2],
    ]);
    expect(rows[0]!.payload).toMatchObject({
      kind: 'LEGAL_AID',
      mode: 'REFERRAL',
      disputeId: null,
      regionCode: '321281123',
      source: { agency: 'JUSTICE', recordType: 'LegalAidCase', recordId: applied.id },
      parties: [
        { role: 'APPLICANT', name: person!.name },
        { role: 'RESPONDENT', name: other!.name },
      ],
    });
    const partyId = (await q('query($id: ID!) { mediationCase(id: $id) { parties { id } } }', { id: caseId }, 'mediator')).data!.mediationCase.parties[1].id;
    const back = await q(
      'mutation($input: ReferMediationToLegalAidInput!) { referMediationToLegalAid(input: $input) { id source status sourceMediationCaseId applicantName } }',
      {
        input: { caseId, partyId, matter: '被申请人经济困难,申请法律援助' },
      },
      'mediator',
    );
    expect(back.data!.referMediationToLegalAid).toMatchObject({ source: 'MEDIATION_REFERRAL', status: 'APPLIED', sourceMediationCaseId: caseId });
    // The mediator sees the application it created only masked; the center sees it in full.
    expect(back.data!.referMediationToLegalAid.applicantName).not.toBe(other!.name);
    expect((await view(back.data!.referMediationToLegalAid.id)).applicantName).toBe(other!.name);
    const referrals = await q('query($id: ID!) { mediationCase(id: $id) { legalAidReferrals { id } } }', { id: caseId }, 'mediator');
    expect(referrals.data!.mediationCase.legalAidReferrals).toEqual([{ id: back.data!.referMediationToLegalAid.id }]);
    const backRows = await outbox(back.data!.referMediationToLegalAid.id);
    expect(backRows.map((r) => [r.type, r.recipient, r.to_agency])).toEqual([['DockingRequested', 'GOVERNANCE', 'GOVERNANCE']]);
    expect(backRows[0]!.payload).toMatchObject({
      kind: 'LEGAL_AID',
      mode: 'REFERRAL',
      source: { agency: 'JUSTICE', recordType: 'MediationCase', recordId: caseId },
    });
    expect(await sql('select 1 from docking_outbox where from_agency = ? and recipient = ?', ['JUSTICE', 'JUSTICE'])).toEqual([]);
  });

  it('keeps legal aid to the center: mediators see no list, other staff cannot decide, bad input writes nothing', async () => {
    const mediator = await q('{ legalAidCases { totalCount } }', {}, 'mediator');
    expect(mediator.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const police = await q('{ legalAidCases { totalCount } }', {}, 'police-officer');
    expect(police.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const applied = await apply();
    const otherStaff = await q(
      'mutation($id: ID!) { reviewLegalAidApplication(id: $id, approve: true) { status } }',
      { id: applied.id },
      callerOf('legal-aid', { organization: '11321281014090047K' }),
    );
    expect(otherStaff.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const before = await count('legal_aid_case');
    const noReason = await review(applied.id, false);
    expect(noReason.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const badPhone = await q('mutation($input: LegalAidApplicationInput!) { applyForLegalAid(input: $input) { id } }', {
      input: { applicant: { name: person!.name, phone: '12345' }, matter: '追索劳动报酬', category: 'LABOUR', regionCode: '321281123' },
    });
    expect(badPhone.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'applicant.phone' });
    expect(badPhone.errors![0]!.message).toMatch(/联系电话无效/);
    expect(await count('legal_aid_case')).toBe(before);
    expect((await view(applied.id)).status).toBe('APPLIED');
  });

  it('seeds applications in every status and contributes them to the dispute', async () => {
    const all = await q('{ legalAidCases(first: 100) { edges { node { status source } } } }');
    const statuses = new Set((all.data!.legalAidCases.edges as { node: { status: string } }[]).map((e) => e.node.status));
    expect([...statuses].sort()).toEqual(['APPLIED', 'APPROVED', 'CLOSED', 'DENIED', 'LAWYER_ASSIGNED', 'REFERRED_TO_MEDIATION']);
    const d = demoDisputes()[0]!;
    const contributed = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { legalAidCases { applicationNumber applicantIdNumber } } } }',
      { r: [{ __typename: 'Dispute', id: d.id }] },
    );
    expect(contributed.data!._entities[0].legalAidCases[0]).toMatchObject({
      applicationNumber: expect.stringMatching(/^兴法援〔2026〕\d{4}号$/),
      applicantIdNumber: d.parties[0]!.idNumber,
    });
    const asLeader = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { legalAidCases { applicantIdNumber } } } }',
      { r: [{ __typename: 'Dispute', id: d.id }] },
      'leader',
    );
    expect(asLeader.data!._entities[0].legalAidCases[0].applicantIdNumber).toContain('*');
    const asPolice = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { legalAidCases { id } } } }',
      { r: [{ __typename: 'Dispute', id: d.id }] },
      'police-officer',
    );
    expect(asPolice.data!._entities[0].legalAidCases).toEqual([]);
  });
});

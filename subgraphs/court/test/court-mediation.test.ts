import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople } from '@jiefen/demo-data';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { receiveMediationOutcome } from '../src/services/court-case.service.js';
import { courtSubgraph } from '../src/subgraph.js';

const person = demoPeople(200)[150]!;
const RECEIVE = `mutation($input: ReceiveCivilCaseInput!) { receiveCivilCase(input: $input) { id caseNumber status stage plaintiffName } }`;
const DIVERT = `mutation($id: ID!, $org: String!) { divertToMediation(id: $id, receiver: { creditCode: "54321281MJ12345677", name: $org }) { status mediationMode mediationSentAt mediationDueAt } }`;
const OUTCOME = `mutation($id: ID!, $ok: Boolean!, $note: String!) { recordMediationOutcome(id: $id, succeeded: $ok, note: $note) { status mediationOutcome } }`;
const FILE = `mutation($id: ID!, $p: CourtProcedure!) { fileCase(id: $id, procedure: $p) { status stage filingNumber procedure } }`;
const ENTRUST = `mutation($id: ID!, $org: String!) { entrustMediation(id: $id, receiver: { creditCode: "54321281MJ12345677", name: $org }) { status mediationMode mediationSentAt mediationDueAt } }`;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('诉调: 委派, outcome, filing and 委托', () => {
  let stack: Stack;
  const dispute = demoDisputes().find((d) => d.agencies.court && d.regionCode.startsWith(DEMO_TOWN_DAINAN))!;
  const input = {
    disputeId: dispute.id,
    cause: '买卖合同纠纷',
    regionCode: dispute.regionCode,
    plaintiffName: person.name,
    plaintiffIdNumber: person.idNumber,
    plaintiffPhone: person.phone,
    defendantName: '兴化市戴南某不锈钢制品有限公司',
  };
  const count = async (table: string) =>
    Number((await stack.subgraphs.court!.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table}`))[0]!.n);
  const receive = async () =>
    (await stack.querySubgraph<{ receiveCivilCase: { id: string; caseNumber: string } }>('court', RECEIVE, { input }, 'court-staff')).body.data!
      .receiveCivilCase;

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [courtSubgraph], gateway: false, seed: true, hubRegister: demoDisputes() });
  });
  afterAll(() => stack?.stop());

  it('diverts a pre-filing case (30 days); the mediation succeeds; the court lists it with its outcome', async () => {
    const c = await receive();
    expect(c.caseNumber).toMatch(/^\(2026\)苏1281民诉前调\d+号$/);
    const sent = await stack.querySubgraph<{ divertToMediation: { status: string; mediationMode: string; mediationSentAt: string; mediationDueAt: string } }>(
      'court',
      DIVERT,
      { id: c.id, org: '戴南镇人民调解委员会' },
      'court-staff',
    );
    const d = sent.body.data!.divertToMediation;
    expect(d).toMatchObject({ status: 'DIVERTED_TO_MEDIATION', mediationMode: 'PRE_FILING_DELEGATION' });
    expect(days(d.mediationSentAt, d.mediationDueAt)).toBe(30);
    const done = await stack.querySubgraph<{ recordMediationOutcome: { status: string; mediationOutcome: string } }>(
      'court',
      OUTCOME,
      { id: c.id, ok: true, note: '双方达成调解协议' },
      'court-staff',
    );
    expect(done.body.data!.recordMediationOutcome).toEqual({ status: 'MEDIATION_SUCCEEDED', mediationOutcome: 'SUCCEEDED' });
    const list = await stack.querySubgraph<{
      courtCasesSentToMediation: { edges: { node: { id: string; mediationOutcome: string | null; mediationOrganization: string } }[] };
    }>('court', '{ courtCasesSentToMediation(first: 100) { edges { node { id mediationOutcome mediationOrganization } } } }', {}, 'court-staff');
    const nodes = list.body.data!.courtCasesSentToMediation.edges.map((e) => e.node);
    expect(nodes[0]).toEqual({ id: c.id, mediationOutcome: 'SUCCEEDED', mediationOrganization: '戴南镇人民调解委员会' });
    expect(new Set(nodes.map((n) => n.mediationOutcome))).toEqual(new Set(['SUCCEEDED', 'FAILED', null]));
  });

  it('files a case whose 委派 failed (event entry point), with a 民初 number; then 委托 with the summary clock', async () => {
    const c = await receive();
    await stack.querySubgraph('court', DIVERT, { id: c.id, org: '戴南镇人民调解委员会' }, 'court-staff');
    const failed = await receiveMediationOutcome(
      stack.subgraphs.court!.orm.em.fork(),
      { courtCaseId: c.id, succeeded: false, note: '被告拒绝调解方案' },
      courtSubgraph.settings,
    );
    expect(failed.status).toBe('MEDIATION_FAILED');
    const filed = await stack.querySubgraph<{ fileCase: { status: string; stage: string; filingNumber: string; procedure: string } }>(
      'court',
      FILE,
      { id: c.id, p: 'SUMMARY' },
      'court-staff',
    );
    expect(filed.body.data!.fileCase).toMatchObject({ status: 'FILED', stage: 'FILED', procedure: 'SUMMARY' });
    expect(filed.body.data!.fileCase.filingNumber).toMatch(/^\(2026\)苏1281民初\d+号$/);
    const entrusted = await stack.querySubgraph<{
      entrustMediation: { status: string; mediationMode: string; mediationSentAt: string; mediationDueAt: string };
    }>('court', ENTRUST, { id: c.id, org: '兴化市道路交通事故纠纷人民调解委员会' }, 'court-staff');
    const e = entrusted.body.data!.entrustMediation;
    expect(e).toMatchObject({ status: 'IN_ENTRUSTED_MEDIATION', mediationMode: 'IN_LITIGATION_COMMISSION' });
    expect(days(e.mediationSentAt, e.mediationDueAt)).toBe(7);
    // Filing numbers are issued without gaps.
    const other = await receive();
    await stack.querySubgraph('court', FILE, { id: other.id, p: 'ORDINARY' }, 'court-staff');
    const second = await stack.querySubgraph<{ courtCase: { filingNumber: string } }>(
      'court',
      'query($id: ID!) { courtCase(id: $id) { filingNumber } }',
      { id: other.id },
      'court-staff',
    );
    const seq = (s: string) => Number(/民初(\d+)号/.exec(s)![1]);
    expect(seq(second.body.data!.courtCase.filingNumber)).toBe(seq(filed.body.data!.fileCase.filingNumber) + 1);
  });

  it('lists overdue mediations as of an injected moment, oldest deadline first', async () => {
    const q =
      'query($asOf: DateTimeISO) { overdueMediations(first: 100, asOf: $asOf) { totalCount edges { node { id mediationDueAt mediationOverdue status } } } }';
    const now = await stack.querySubgraph<{ overdueMediations: { totalCount: number } }>('court', q, { asOf: '2026-01-01T00:00:00Z' }, 'court-staff');
    expect(now.body.data!.overdueMediations.totalCount).toBe(0);
    const later = await stack.querySubgraph<{
      overdueMediations: { totalCount: number; edges: { node: { mediationDueAt: string; mediationOverdue: boolean; status: string } }[] };
    }>('court', q, { asOf: '2027-06-01T00:00:00Z' }, 'court-staff');
    const nodes = later.body.data!.overdueMediations.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    expect(nodes.every((n) => n.mediationOverdue && ['DIVERTED_TO_MEDIATION', 'IN_ENTRUSTED_MEDIATION'].includes(n.status))).toBe(true);
    expect([...nodes.map((n) => n.mediationDueAt)].sort()).toEqual(nodes.map((n) => n.mediationDueAt));
  });

  it('refuses illegal transitions, bad input and other agencies with coded Chinese errors, writing nothing', async () => {
    const c = await receive();
    const before = await count('court_case');
    const early = await stack.querySubgraph('court', OUTCOME, { id: c.id, ok: true, note: '双方达成调解协议' }, 'court-staff');
    expect(early.body.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    expect(early.body.errors![0]!.message).toBe('法院案件当前状态“诉前已收案”不允许执行“登记调解成功”');
    const entrust = await stack.querySubgraph('court', ENTRUST, { id: c.id, org: '戴南镇人民调解委员会' }, 'court-staff');
    expect(entrust.body.errors![0]!.extensions!.code).toBe('ILLEGAL_TRANSITION');
    const badId = await stack.querySubgraph('court', RECEIVE, { input: { ...input, plaintiffIdNumber: '321281199001011235' } }, 'court-staff');
    expect(badId.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'plaintiffIdNumber' });
    // Several invalid fields: every one listed at once.
    const many = await stack.querySubgraph(
      'court',
      RECEIVE,
      { input: { ...input, cause: '债', plaintiffIdNumber: '321281199001011235', plaintiffPhone: '12345', defendantName: ' ' } },
      'court-staff',
    );
    expect(many.body.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['cause', 'plaintiffIdNumber', 'plaintiffPhone', 'defendantName'],
    });
    const badOrg = await stack.querySubgraph('court', DIVERT, { id: c.id, org: ' ' }, 'court-staff');
    expect(badOrg.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'receiver.name' });
    for (const who of ['police-officer', 'leader', 'mediator']) {
      const { body } = await stack.querySubgraph('court', DIVERT, { id: c.id, org: '戴南镇人民调解委员会' }, who);
      expect(body.errors![0]!.extensions!.code, who).toBe('FORBIDDEN');
    }
    const elsewhere = await stack.querySubgraph(
      'court',
      DIVERT,
      { id: c.id, org: '戴南镇人民调解委员会' },
      callerOf('court-staff', { jurisdiction: '321282' }),
    );
    expect(elsewhere.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const anonymous = await stack.querySubgraph('court', DIVERT, { id: c.id, org: '戴南镇人民调解委员会' });
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await count('court_case')).toBe(before);
    const still = await stack.querySubgraph<{ courtCase: { status: string; mediationSentAt: string | null } }>(
      'court',
      'query($id: ID!) { courtCase(id: $id) { status mediationSentAt } }',
      { id: c.id },
      'court-staff',
    );
    expect(still.body.data!.courtCase).toEqual({ status: 'RECEIVED', mediationSentAt: null });
  });

  it("masks the parties outside the court and logs the court's unmasked read", async () => {
    const c = await receive();
    const q = 'query($id: ID!) { courtCase(id: $id) { id plaintiffName plaintiffIdNumber plaintiffPhone defendantName } }';
    const leader = await stack.querySubgraph<{ courtCase: { plaintiffIdNumber: string; plaintiffPhone: string } }>('court', q, { id: c.id }, 'leader');
    expect(leader.body.data!.courtCase.plaintiffIdNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(leader.body.data!.courtCase.plaintiffPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const before = await count('personal_data_access');
    const staff = await stack.querySubgraph<{ courtCase: { plaintiffIdNumber: string } }>('court', q, { id: c.id }, 'court-staff');
    expect(staff.body.data!.courtCase.plaintiffIdNumber).toBe(person.idNumber);
    const log = await stack.querySubgraph<{ courtAccessLog: { edges: { node: { recordType: string; recordId: string; fields: string[] } }[] } }>(
      'court',
      '{ courtAccessLog(first: 1) { edges { node { recordType recordId fields } } } }',
      {},
      callerOf('court-staff', { roles: ['ADMIN'] }),
    );
    expect(log.body.data!.courtAccessLog.edges[0]!.node).toEqual({
      recordType: 'CourtCase',
      recordId: c.id,
      fields: ['defendantName', 'plaintiffIdNumber', 'plaintiffName', 'plaintiffPhone'],
    });
    expect(await count('personal_data_access')).toBe(before + 1);
    const refused = await stack.querySubgraph('court', '{ courtAccessLog { totalCount } }', {}, 'court-staff');
    expect(refused.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('counts diversion, success and filings per region and period in SQL (IndicatorReport.court)', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndicatorReport { regionCode court {
      civilCasesReceived divertedPreFiling preFilingSucceeded preFilingFailed filings filingsPer10k diversionRate preFilingResolutionRate entrustedMediations confirmationsConfirmed enforcementApplications } } } }`;
    // The report as the gateway sends it: the key, and the hub's population the court @requires.
    const report = (from: string, to: string) => ({ r: [{ __typename: 'IndicatorReport', regionCode: '321281', from, to, population: 1_120_000 }] });
    const vars = report(new Date(Date.now() - 400 * 86_400_000).toISOString(), new Date(Date.now() + 86_400_000).toISOString());
    const figures = async (variables: ReturnType<typeof report>, as: string) =>
      (await stack.querySubgraph<{ _entities: { court: Record<string, number> }[] }>('court', q, variables, as)).body.data!._entities[0]!.court;
    const before = await figures(vars, 'leader');
    const c = await receive();
    await stack.querySubgraph('court', DIVERT, { id: c.id, org: '戴南镇人民调解委员会' }, 'court-staff');
    await stack.querySubgraph('court', OUTCOME, { id: c.id, ok: false, note: '调解不成' }, 'court-staff');
    await stack.querySubgraph('court', FILE, { id: c.id, p: 'ORDINARY' }, 'court-staff');
    const after = await figures(vars, 'court-staff');
    expect(after.civilCasesReceived - before.civilCasesReceived).toBe(1);
    expect(after.divertedPreFiling - before.divertedPreFiling).toBe(1);
    expect(after.preFilingFailed - before.preFilingFailed).toBe(1);
    expect(after.filings - before.filings).toBe(1);
    expect(after.diversionRate).toBeCloseTo(after.divertedPreFiling / after.civilCasesReceived, 4);
    expect(after.filingsPer10k).toBeCloseTo((after.filings / 1_120_000) * 10_000, 2);
    expect(after.confirmationsConfirmed).toBeGreaterThan(0);
    expect(after.enforcementApplications).toBeGreaterThan(0);
    const empty = await figures(report('2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'), 'leader');
    expect(empty).toMatchObject({ civilCasesReceived: 0, diversionRate: null });
    const police = await stack.querySubgraph('court', q, vars, 'police-officer');
    expect(police.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const backwards = await stack.querySubgraph('court', q, report(vars.r[0]!.to, vars.r[0]!.from), 'leader');
    expect(backwards.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });
});

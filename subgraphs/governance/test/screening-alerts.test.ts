import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '@jiefen/testing';
import { periodContaining } from '../src/domain/screening.js';
import { governanceSubgraph } from '../src/subgraph.js';
import { freshIdNumber, mutate, refused, registration, rowCount } from './hub-helpers.js';

const VILLAGE = '321281123201';
const finding = {
  category: 'LAND_REQUISITION',
  cause: '青苗补偿款分配方案引发村民不满',
  occurredOn: '2026-11-10',
  place: '中迎村三组',
  unit: '中迎村村民委员会',
  peopleInvolved: 12,
  keyPersons: '王大明、刘小红',
  forecast: 'MAY_ESCALATE',
};
type Report = { id: string; zeroReport: boolean; findingCount: number; findings: { id: string; keyPersons: string | null; disputeId: string | null }[] };
const REPORT_FIELDS = 'id zeroReport findingCount findings { id keyPersons disputeId }';
const MISSING = `query($p: String!, $r: String) { missingScreeningReports(periodKey: $p, regionCode: $r, first: 100) { totalCount edges { node { regionCode regionName dueAt } } } }`;

describe('screening (排查) and early warning (预警)', () => {
  let stack: Stack;
  // Past periods the demo seed did not report for (it reports from 1 January of the seeding year): missing reports there are overdue.
  const lastWeek = '2025-W30';
  const lastHalf = '2025-07-H1';

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('takes a zero report and a report with a finding, which becomes a dispute in one step', async () => {
    const zero = await mutate<Report>(
      stack,
      'submitScreeningReport',
      'SubmitScreeningReportInput',
      { regionCode: '321281123202', periodKey: lastWeek, findings: [] },
      'hub-coordinator',
      REPORT_FIELDS,
    );
    expect(zero).toMatchObject({ zeroReport: true, findingCount: 0, findings: [] });

    const report = await mutate<Report>(
      stack,
      'submitScreeningReport',
      'SubmitScreeningReportInput',
      { regionCode: VILLAGE, periodKey: lastWeek, findings: [finding] },
      'hub-coordinator',
      REPORT_FIELDS,
    );
    expect(report).toMatchObject({ zeroReport: false, findingCount: 1 });
    const findingId = report.findings[0]!.id;
    const parties = [{ role: 'APPLICANT', name: '王大明', idNumber: freshIdNumber() }];
    const dispute = await mutate<{ id: string; channel: string; category: string; regionCode: string; peopleInvolved: number; riskLevel: string }>(
      stack,
      'registerDisputeFromFinding',
      'RegisterFromFindingInput',
      { findingId, parties },
      'hub-coordinator',
      'id channel category regionCode peopleInvolved riskLevel',
    );
    expect(dispute).toMatchObject({ channel: 'GRID_SCREENING', category: '征地拆迁', regionCode: VILLAGE, peopleInvolved: 12, riskLevel: 'HIGH' });
    const again = await refused(stack, 'registerDisputeFromFinding', 'RegisterFromFindingInput', { findingId, parties });
    expect(again.extensions.code).toBe('ILLEGAL_TRANSITION');

    const { body } = await stack.querySubgraph<{ screeningReports: { edges: { node: Report }[] } }>(
      'governance',
      `query($p: String!) { screeningReports(periodKey: $p, regionCode: "${VILLAGE}") { edges { node { ${REPORT_FIELDS} } } } }`,
      { p: lastWeek },
      'hub-coordinator',
    );
    expect(body.data!.screeningReports.edges[0]!.node.findings[0]!.disputeId).toBe(dispute.id);
    const masked = await stack.querySubgraph<{ screeningReports: { edges: { node: Report }[] } }>(
      'governance',
      `query($p: String!) { screeningReports(periodKey: $p, regionCode: "${VILLAGE}") { edges { node { ${REPORT_FIELDS} } } } }`,
      { p: lastWeek },
      'leader',
    );
    expect(masked.body.data!.screeningReports.edges[0]!.node.findings[0]!.keyPersons).toBe('王*明、刘*红');
  });

  it('lists the villages and towns that missed a period as overdue, and none for a period still open', async () => {
    const missing = await stack.querySubgraph<{ missingScreeningReports: { totalCount: number; edges: { node: { regionCode: string } }[] } }>(
      'governance',
      MISSING,
      { p: lastWeek, r: '321281123' },
      'hub-coordinator',
    );
    const codes = missing.body.data!.missingScreeningReports.edges.map((e) => e.node.regionCode);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes).not.toContain(VILLAGE);
    expect(codes).not.toContain('321281123202');
    expect(codes.every((c) => c.startsWith('321281123') && c.length === 12)).toBe(true);
    expect(missing.body.data!.missingScreeningReports.totalCount).toBe(codes.length);

    await mutate(
      stack,
      'submitScreeningReport',
      'SubmitScreeningReportInput',
      { regionCode: '321281123', periodKey: lastHalf, findings: [] },
      'hub-coordinator',
      'id',
    );
    const towns = await stack.querySubgraph<{ missingScreeningReports: { edges: { node: { regionCode: string } }[] } }>(
      'governance',
      MISSING,
      { p: lastHalf, r: null },
      'hub-coordinator',
    );
    const townCodes = towns.body.data!.missingScreeningReports.edges.map((e) => e.node.regionCode);
    expect(townCodes).not.toContain('321281123');
    expect(townCodes.length).toBeGreaterThan(10);
    expect(townCodes.every((c) => c.length === 9)).toBe(true);

    const current = periodContaining('WEEKLY', new Date()).key;
    const open = await stack.querySubgraph<{ missingScreeningReports: { totalCount: number } }>(
      'governance',
      MISSING,
      { p: current, r: null },
      'hub-coordinator',
    );
    expect(open.body.data!.missingScreeningReports.totalCount).toBe(0);
    const police = await stack.querySubgraph('governance', MISSING, { p: lastWeek, r: null }, 'police-officer');
    expect(police.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses bad reports with a coded error and writes nothing', async () => {
    const before = await rowCount(stack, 'screening_report', 'screening_finding');
    const cases: [Record<string, unknown>, string][] = [
      [{ regionCode: VILLAGE, periodKey: lastWeek, findings: [] }, 'periodKey'],
      [{ regionCode: '321281123203', periodKey: lastHalf, findings: [] }, 'periodKey'],
      [{ regionCode: '321281123203', periodKey: '2026-W99', findings: [] }, 'periodKey'],
      [{ regionCode: '321282100201', periodKey: lastWeek, findings: [] }, 'regionCode'],
      [{ regionCode: '321281123203', periodKey: lastWeek, findings: [{ ...finding, peopleInvolved: 0 }] }, 'findings[0].peopleInvolved'],
    ];
    // A forecast outside the schema's enum never reaches the service.
    expect(
      (
        await refused(stack, 'submitScreeningReport', 'SubmitScreeningReportInput', {
          regionCode: '321281123203',
          periodKey: lastWeek,
          findings: [{ ...finding, forecast: 'SOON' }],
        })
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    for (const [input, field] of cases) {
      const error = await refused(stack, 'submitScreeningReport', 'SubmitScreeningReportInput', input);
      expect(error.extensions, JSON.stringify(input)).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await rowCount(stack, 'screening_report', 'screening_finding')).toBe(before);
  });

  it('raises a repeat-person alert when the same person key comes back', async () => {
    const person = { role: 'APPLICANT', name: '赵重复', idNumber: freshIdNumber() };
    const first = await mutate<{ riskLevel: string }>(
      stack,
      'registerDispute',
      'RegisterDisputeInput',
      registration('WINDOW', { parties: [person] }),
      'hub-coordinator',
      'id riskLevel',
    );
    expect(first.riskLevel).toBe('LOW');
    const second = await mutate<{ id: string; riskLevel: string; handling: { riskAlerts: { rule: string; level: string; reason: string }[] } }>(
      stack,
      'registerDispute',
      'RegisterDisputeInput',
      registration('ONLINE', {
        parties: [
          { ...person, role: 'RESPONDENT' },
          { role: 'APPLICANT', name: '钱某', idNumber: freshIdNumber() },
        ],
      }),
      'hub-coordinator',
      'id riskLevel handling { riskAlerts { rule level reason } }',
    );
    expect(second.riskLevel).toBe('MEDIUM');
    expect(second.handling.riskAlerts).toEqual([{ rule: 'REPEAT_PERSON', level: 'MEDIUM', reason: expect.stringMatching(/已有 1 件其他纠纷/) }]);

    const list = await stack.querySubgraph<{ riskAlerts: { edges: { node: { disputeId: string; rule: string } }[] } }>(
      'governance',
      '{ riskAlerts(level: MEDIUM, regionCode: "321281123201", first: 50) { edges { node { disputeId rule } } } }',
      {},
      'leader',
    );
    expect(list.body.data!.riskAlerts.edges.map((e) => e.node)).toContainEqual({ disputeId: second.id, rule: 'REPEAT_PERSON' });
  });

  it('lets hub staff raise an alert by hand, counts open alerts by level and handles them', async () => {
    const counts = async () =>
      (
        await stack.querySubgraph<{ openRiskAlertCounts: { level: string; count: number }[] }>(
          'governance',
          '{ openRiskAlertCounts(regionCode: "321281123") { level count } }',
          {},
          'hub-coordinator',
        )
      ).body.data!.openRiskAlertCounts;
    const before = await counts();
    const alert = await mutate<{ id: string; rule: string; status: string }>(
      stack,
      'raiseRiskAlert',
      'RaiseRiskAlertInput',
      { regionCode: '321281123', level: 'CRITICAL', reason: '节前讨薪人员可能聚集' },
      'hub-coordinator',
      'id rule status',
    );
    expect(alert).toMatchObject({ rule: 'MANUAL', status: 'OPEN' });
    const after = await counts();
    expect(after.find((c) => c.level === 'CRITICAL')!.count).toBe(before.find((c) => c.level === 'CRITICAL')!.count + 1);
    expect(
      await mutate(stack, 'handleRiskAlert', 'HandleRiskAlertInput', { alertId: alert.id, note: '已约谈企业负责人' }, 'hub-coordinator', 'status'),
    ).toEqual({ status: 'HANDLED' });
    expect((await refused(stack, 'handleRiskAlert', 'HandleRiskAlertInput', { alertId: alert.id, note: '再次处置' })).extensions.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(
      (await refused(stack, 'raiseRiskAlert', 'RaiseRiskAlertInput', { regionCode: '321281123', level: 'HIGH', reason: '领导不能预警处置' }, 'leader'))
        .extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      (await refused(stack, 'raiseRiskAlert', 'RaiseRiskAlertInput', { regionCode: '321281123', level: 'EXTREME', reason: '等级无效的预警' })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

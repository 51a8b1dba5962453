import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DisputeReportedPayload, type DockingEvent } from '@jiefen/docking';
import { startStack, type Stack } from '@jiefen/testing';
import { isReportedCase } from '../src/domain/dispute-report.rules.js';
import { procuratorateSubgraph } from '../src/subgraph.js';

// 一案一号 at the procuratorate: a 审查起诉 case that is a dispute (刑诉法 Art 288's two doors) is
// reported to the hub at intake, and the hub's answer is kept; other criminal cases are not reported.

const REGISTER = `mutation($input: RegisterProsecutionCaseInput!) { registerProsecutionCase(input: $input) { id caseNumber disputeId disputeNumber } }`;
const CASE = `query($id: ID!) { procuratorateCase(id: $id) { disputeId disputeNumber } }`;
type Case = { id: string; caseNumber: string; disputeId: string | null; disputeNumber: string | null };

let n = 500;
const input = (over: Record<string, unknown> = {}) => ({
  caseNumber: `兴检刑诉受〔2026〕${(n += 1)}号`,
  regionCode: '321281123',
  charge: '故意伤害罪',
  statutoryMaximumMonths: 36,
  intentionalCrimeWithinFiveYears: false,
  arisesFromCivilDispute: true,
  suspect: { name: '赵大勇', idNumber: '321281199005200032' },
  victim: { name: '钱小梅', phone: '13812345678' },
  ...over,
});

describe('procuratorate intake reports its disputes to the hub', () => {
  let stack: Stack;
  const sql = <T>(query: string, params: unknown[] = []) => stack.subgraphs.procuratorate!.orm.em.getConnection().execute<T[]>(query, params);
  const reports = (id: string) =>
    sql<{ payload: DisputeReportedPayload }>(`select payload from docking_outbox where type = 'DisputeReported' and docking_id = ?`, [id]);
  const register = async (over: Record<string, unknown> = {}) => {
    const { body } = await stack.querySubgraph<{ registerProsecutionCase: Case }>('procuratorate', REGISTER, { input: input(over) }, 'procurator');
    expect(body.errors).toBeUndefined();
    return body.data!.registerProsecutionCase;
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [procuratorateSubgraph], gateway: false, seed: false });
  });
  afterAll(() => stack?.stop());

  it.each([
    [true, false, true],
    [false, true, true],
    [false, false, false],
  ])('arises from a civil dispute %s, negligent %s → reported %s', (arisesFromCivilDispute, negligent, reported) => {
    expect(isReportedCase({ arisesFromCivilDispute, negligent })).toBe(reported);
  });

  it('reports a case arising from a civil dispute with victim and suspect, and keeps the answer; not a case that is no dispute', async () => {
    const c = await register();
    const [report, ...more] = await reports(c.id);
    expect(more).toEqual([]);
    expect(report!.payload).toMatchObject({
      source: { agency: 'PROCURATORATE', recordType: 'ProcuratorateCase', recordId: c.id, number: c.caseNumber },
      category: null,
      parties: [
        expect.objectContaining({ role: 'APPLICANT', name: '钱小梅' }),
        expect.objectContaining({ role: 'RESPONDENT', idNumber: '321281199005200032' }),
      ],
    });
    const other = await register({ charge: '盗窃罪', chapter: 5, negligent: false, arisesFromCivilDispute: false });
    expect(await reports(other.id)).toEqual([]);

    const disputeId = randomUUID();
    const event = {
      id: randomUUID(),
      type: 'DisputeReportAnswered',
      dockingId: c.id,
      sequence: 1,
      from: 'GOVERNANCE',
      to: 'PROCURATORATE',
      occurredAt: new Date().toISOString(),
      payload: {
        recordType: 'ProcuratorateCase',
        recordId: c.id,
        disputeId,
        disputeNumber: '321281123-2026-000079',
        decision: 'REGISTERED',
        reason: '登记',
        answeredAt: new Date().toISOString(),
      },
    } as DockingEvent;
    const text = canonicalJson(event);
    const signature = await signDelivery(text, { from: 'GOVERNANCE', recipient: 'PROCURATORATE', privateKey: stack.docking.keys.privateKeys.GOVERNANCE! });
    const res = await fetch(stack.docking.settings.endpoints.PROCURATORATE!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body: text,
    });
    expect(res.status).toBe(200);
    const read = await stack.querySubgraph<{ procuratorateCase: Case }>('procuratorate', CASE, { id: c.id }, 'procurator');
    expect(read.body.data!.procuratorateCase).toEqual({ disputeId, disputeNumber: '321281123-2026-000079' });
  });
});

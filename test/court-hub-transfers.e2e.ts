// 分流转办 to the court through the gateway: the hub routes a registered dispute to the basic court
// (诉前调解 at its 诉讼服务中心) by its 统一社会信用代码; after 一次性告知 and consent it is in the court's
// 转办件 inbox — a cursor connection filtered by status, region and the period it was received in —
// the court accepts and concludes it with an agreement, and the hub's dispute is resolved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack, until } from '@jiefen/testing';

const VILLAGE = '321281123200'; // a village of 戴南镇
const COURT = '113212810140900121'; // 兴化市人民法院 (the `court-staff` persona's)

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
type Gql = { data?: Node | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const INBOX = `query($status: HubTransferStatus, $regionCode: String, $received: PeriodFilter, $first: Int, $after: String) {
  courtHubTransfers(status: $status, regionCode: $regionCode, received: $received, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id dockingId disputeId status category caseNumber outcome } }
  }
}`;

describe('分流转办 to the court: routed → in its 转办件 inbox → accepted → concluded → the hub’s dispute resolved', () => {
  let stack: Stack;
  const q = async (query: string, variables: Record<string, unknown>, as: string): Promise<Gql> => {
    const { status, body } = await stack.query(query, variables, as);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as Gql;
  };
  const ok = async (query: string, variables: Record<string, unknown>, as = 'hub-coordinator') => {
    const body = await q(query, variables, as);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  };
  const step = async (field: string, inputType: string, input: Record<string, unknown>) =>
    (await ok(`mutation($input: ${inputType}!) { ${field}(input: $input) { id status } }`, { input }))[field] as { id: string; status: string };
  const dispute = async (id: string) =>
    (await ok('query($id: ID!) { dispute(id: $id) { status dockings { id status toAgency toOrganizationCode } } }', { id })).dispute as Node;
  const inbox = async (variables: Record<string, unknown>) => (await ok(INBOX, variables, 'court-staff')).courtHubTransfers as Node;
  /** Registers a dispute, routes it to the court, tells and asks the parties: handed over at consent. */
  const routedToCourt = async (summary: string) => {
    const { id: disputeId } = await step('registerDispute', 'RegisterDisputeInput', {
      category: 'CONTRACT',
      channel: 'WINDOW',
      summary,
      regionCode: VILLAGE,
      peopleInvolved: 2,
      parties: [
        { role: 'APPLICANT', name: '周德胜', phone: '13912340001' },
        { role: 'RESPONDENT', name: '兴化市戴南某五金加工厂' },
      ],
    });
    await step('routeDispute', 'RouteDisputeInput', {
      disputeId,
      unitKind: 'AGENCY',
      agency: 'COURT',
      receiver: { creditCode: COURT, name: '兴化市人民法院' },
      tier: 'COUNTY',
      method: 'JUDICIAL_MEDIATION',
      reason: '买卖合同货款纠纷,标的较大,引导诉前调解',
    });
    await step('notifyParties', 'NotifyPartiesInput', { disputeId, serviceItemCodes: ['FW-001'], form: 'WRITTEN' });
    await step('recordConsent', 'RecordDisputeConsentInput', { disputeId, consented: true });
    const [docking] = (await dispute(disputeId)).dockings as Node[];
    expect(docking).toMatchObject({ status: 'SENT', toAgency: 'COURT', toOrganizationCode: COURT });
    return { disputeId, dockingId: docking!.id as string };
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'court'].includes(s.name)), seed: true });
  });
  afterAll(() => stack?.stop());

  it('lists the hand-over in the court’s inbox by status, region and period; accepted and concluded, the hub resolves the dispute', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const first = await routedToCourt('两方因五金配件货款结算争执,欠款八万元');
    const second = await routedToCourt('加工厂拖欠原材料货款,双方对质量扣款有争议');
    const received = { from: since };
    const both = await until('both hand-overs in the court’s inbox', async () => {
      const page = await inbox({ status: 'RECEIVED', received });
      return page.totalCount === 2 ? page : null;
    });
    // Newest first, a page at a time: the cursor continues where the first page ended.
    expect(both.edges.map((e: Node) => e.node.dockingId)).toEqual([second.dockingId, first.dockingId]);
    const one = await inbox({ status: 'RECEIVED', received, first: 1 });
    expect(one).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const next = await inbox({ status: 'RECEIVED', received, first: 1, after: one.pageInfo.endCursor });
    expect(next.edges.map((e: Node) => e.node.dockingId)).toEqual([first.dockingId]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    // Other towns and periods are filtered out in SQL.
    expect((await inbox({ status: 'RECEIVED', received, regionCode: '321281100' })).totalCount).toBe(0);
    expect((await inbox({ received: { to: since } })).edges.some((e: Node) => e.node.dockingId === first.dockingId)).toBe(false);

    const transfer = both.edges[1].node as Node;
    expect(transfer).toMatchObject({ disputeId: first.disputeId, category: '合同', status: 'RECEIVED' });
    const accepted = await ok('mutation($id: ID!) { acceptCourtHubTransfer(id: $id) { status caseNumber } }', { id: transfer.id }, 'court-staff');
    expect(accepted.acceptCourtHubTransfer.status).toBe('ACCEPTED');
    await until('the acceptance at the hub', async () => ((await dispute(first.disputeId)).dockings as Node[])[0]!.status === 'ACCEPTED');
    expect((await inbox({ status: 'ACCEPTED', received })).edges.map((e: Node) => e.node.id)).toEqual([transfer.id]);
    await ok(
      'mutation($id: ID!) { concludeCourtHubTransfer(id: $id, outcome: "AGREEMENT", summary: "诉前调解达成协议,分两期付清货款") { status outcome } }',
      { id: transfer.id },
      'court-staff',
    );
    const resolved = await until('the outcome at the hub', async () => {
      const d = await dispute(first.disputeId);
      return d.status === 'RESOLVED' ? d : null;
    });
    expect((resolved.dockings as Node[])[0]).toMatchObject({ status: 'CONCLUDED', toAgency: 'COURT' });
    expect((await inbox({ status: 'CONCLUDED', received })).edges.map((e: Node) => e.node.outcome)).toEqual(['AGREEMENT']);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const body = await q(INBOX, { received: { from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' } }, 'court-staff');
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(body.errors![0]!.extensions)).toContain('received.to');
  });
});

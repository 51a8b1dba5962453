import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf, startStack, type Stack } from '@jiefen/testing';
import { governanceSubgraph } from '../src/subgraph.js';

const REGISTER = `mutation($input: RegisterDisputeInput!) {
  registerDispute(input: $input) { id number category status statusLabel regionCode firstContactName parties { name idNumber personKey } }
}`;

const valid = () => ({
  category: 'NEIGHBOURHOOD',
  channel: 'WINDOW',
  summary: '两户因院墙排水问题发生争执,要求调解',
  regionCode: '321281123201',
  peopleInvolved: 2,
  parties: [
    { role: 'APPLICANT', name: '张小三', idNumber: '32128119800101123' + checkChar('32128119800101123'), phone: '13812345678', address: '江苏省兴化市戴南镇' },
    { role: 'RESPONDENT', name: '李四', phone: '0523-83212345' },
  ],
});

function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

describe('registerDispute (统一受理登记)', () => {
  let stack: Stack;
  const count = async () => {
    const rows = await stack.subgraphs
      .governance!.orm.em.getConnection()
      .execute<{ n: string }[]>('select (select count(*) from dispute) + (select count(*) from dispute_party) as n');
    return Number(rows[0]!.n);
  };

  beforeAll(async () => {
    stack = await startStack({ subgraphs: [governanceSubgraph], gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it('registers with a unified number, the first-contact officer and person keys', async () => {
    const { body } = await stack.querySubgraph<{
      registerDispute: {
        number: string;
        category: string;
        status: string;
        statusLabel: string;
        firstContactName: string;
        parties: { idNumber: string; personKey: string | null }[];
      };
    }>('governance', REGISTER, { input: valid() }, 'hub-coordinator');
    expect(body.errors).toBeUndefined();
    const dispute = body.data!.registerDispute;
    expect(dispute.number).toMatch(/^321281123-\d{4}-\d{6}$/);
    // The enum code in, the Chinese name kept and shown; the status with its Chinese label.
    expect(dispute).toMatchObject({ category: '邻里', status: 'REGISTERED', statusLabel: '已登记' });
    expect(dispute.firstContactName).toBe('朱晓燕');
    expect(dispute.parties[0]!.personKey).toMatch(/^[0-9a-f]{64}$/);
    expect(dispute.parties[1]!.personKey).toBeNull();
  });

  it('gives gap-free, unique numbers under concurrent registration', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        stack.querySubgraph<{ registerDispute: { number: string } }>(
          'governance',
          REGISTER,
          { input: { ...valid(), regionCode: '321281101' } },
          'hub-coordinator',
        ),
      ),
    );
    const sequences = results.map((r) => Number(r.body.data!.registerDispute.number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(20);
    expect(sequences.at(-1)! - sequences[0]!).toBe(19);
  });

  const bad: [string, (input: ReturnType<typeof valid>) => void, string][] = [
    ['an ID number with a wrong check character', (i) => void (i.parties[0]!.idNumber = '321281198001011230'), 'parties[0].idNumber'],
    ['an ID number with an impossible birth date', (i) => void (i.parties[0]!.idNumber = '32128119800230' + '1234'), 'parties[0].idNumber'],
    ['a bad phone number', (i) => void (i.parties[1]!.phone = '12345'), 'parties[1].phone'],
    ['a summary too short', (i) => void (i.summary = '吵架'), 'summary'],
    ['a county-level region code', (i) => void (i.regionCode = '321281'), 'regionCode'],
    ['a region code that does not exist', (i) => void (i.regionCode = '321281123999'), 'regionCode'],
    ['a region outside the jurisdiction', (i) => void (i.regionCode = '321282100'), 'regionCode'],
    ['no applicant', (i) => void (i.parties = i.parties.slice(1)), 'parties[0]'],
    ['a name too long', (i) => void (i.parties[1]!.name = '名'.repeat(51)), 'parties[1].name'],
    ['a negative number of people', (i) => void (i.peopleInvolved = -3), 'peopleInvolved'],
  ];

  it.each(bad)('refuses %s with VALIDATION_FAILED naming the field, and writes nothing', async (_label, spoil, field) => {
    const before = await count();
    const input = valid();
    spoil(input);
    const { body } = await stack.querySubgraph('governance', REGISTER, { input }, 'hub-coordinator');
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(body.errors![0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await count()).toBe(before);
  });

  it('lists every invalid field at once (form and parties), and writes nothing', async () => {
    const before = await count();
    const input = valid();
    input.summary = '吵架';
    input.peopleInvolved = 0;
    input.parties[0]!.idNumber = '321281198001011230';
    input.parties[1]!.phone = '12345';
    const { body } = await stack.querySubgraph('governance', REGISTER, { input }, 'hub-coordinator');
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['summary', 'peopleInvolved', 'parties[0].idNumber', 'parties[1].phone'],
    });
    expect(await count()).toBe(before);
  });

  it('lists disputes by registration period; a period that ends before it starts is refused', async () => {
    const LIST = 'query($p: PeriodFilter) { disputes(first: 100, registered: $p) { totalCount } }';
    const list = (p: unknown) => stack.querySubgraph<{ disputes: { totalCount: number } }>('governance', LIST, { p }, 'hub-coordinator');
    const start = new Date(Date.now() - 1000).toISOString();
    const count = async (p: unknown) => (await list(p)).body.data!.disputes.totalCount;
    const [since, before] = [await count({ from: start }), await count({ to: start })];
    await stack.querySubgraph('governance', REGISTER, { input: valid() }, 'hub-coordinator');
    expect(await count({ from: start })).toBe(since + 1);
    expect(await count({ to: start })).toBe(before);
    expect(await count({ from: new Date(Date.now() + 3_600_000).toISOString() })).toBe(0);
    const reversed = await list({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(reversed.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'registered.to' });
  });

  it('refuses a category or channel outside the schema enum before the service runs, and writes nothing', async () => {
    const before = await count();
    for (const spoil of [(i: ReturnType<typeof valid>) => void (i.category = '打架'), (i: ReturnType<typeof valid>) => void (i.channel = 'WECHAT')]) {
      const input = valid();
      spoil(input);
      const { body } = await stack.querySubgraph('governance', REGISTER, { input }, 'hub-coordinator');
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect(await count()).toBe(before);
  });

  it('lets only the hub register', async () => {
    const before = await count();
    for (const who of ['court-staff', 'leader', callerOf('hub-coordinator', { roles: ['LEADER'] })]) {
      const { body } = await stack.querySubgraph('governance', REGISTER, { input: valid() }, who);
      expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const anonymous = await stack.querySubgraph('governance', REGISTER, { input: valid() });
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });
});

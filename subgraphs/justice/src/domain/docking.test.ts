import { describe, expect, it } from 'vitest';
import { dockedCategory, dockedPartiesProblem, dockingRequestProblem, outcomeSummary, sourceOfKind, withinArea, DOCKING_KINDS } from './docking.js';

const request = {
  kind: 'POLICE',
  mode: 'TRANSFER',
  regionCode: '321281123200',
  summary: '邻里排水纠纷',
  disputeId: null,
  target: { organizationCode: '54321281MJ12345677' },
  parties: [{ role: 'APPLICANT', name: '张小三' }],
};

describe('docking requests', () => {
  it("takes the case source from the kind (诉调 COURT, 公调 POLICE …; the hub's routing HUB_REFERRAL)", () => {
    for (const kind of DOCKING_KINDS) expect(sourceOfKind(kind)).toBe(kind === 'HUB' ? 'HUB_REFERRAL' : kind);
  });

  it("maps a sender's category onto the statistics categories, 其他 when unknown", () => {
    expect(dockedCategory('邻里')).toBe('邻里');
    expect(dockedCategory('邻里纠纷')).toBe('邻里');
    expect(dockedCategory('民间纠纷')).toBe('其他');
    expect(dockedCategory(null)).toBe('其他');
    expect(dockedCategory(42)).toBe('其他');
  });

  it('accepts a complete request', () => {
    expect(dockingRequestProblem(request)).toBeNull();
    expect(dockingRequestProblem({ ...request, disputeId: '6f1c2a3b-0000-4000-8000-000000000001' })).toBeNull();
  });

  it.each([
    ['an unknown kind', { kind: 'TAX' }, '对接类型无效'],
    ['an unknown mode', { mode: 'SOMETIMES' }, '对接方式无效'],
    ['a bad region code', { regionCode: '3212' }, '纠纷发生地区划代码无效'],
    ['no summary', { summary: ' ' }, '缺少纠纷概要'],
    ['a bad dispute id', { disputeId: 'D-1' }, '纠纷编号无效'],
    ['no target', { target: null }, '缺少接收的调解组织'],
    ['no parties', { parties: [] }, '缺少当事人信息'],
    ['a party without a name', { parties: [{ role: 'APPLICANT' }] }, '当事人信息不完整'],
    ['a party that is not a record', { parties: ['张三'] }, '当事人信息不完整'],
  ])('names what is wrong with %s', (_label, change, problem) => {
    expect(dockingRequestProblem({ ...request, ...change })).toBe(problem);
  });

  it('refuses the same person twice but not a missing respondent', () => {
    expect(dockedPartiesProblem([{ idNumber: null }, { idNumber: null }])).toBeNull();
    expect(dockedPartiesProblem([{ idNumber: '321281198001011234' }, { idNumber: '321281198001011234' }])).toBe('同一当事人不能重复登记');
  });

  it("keeps cases within the organization's area", () => {
    expect(withinArea('321281123', '321281123200')).toBe(true);
    expect(withinArea('321281', '321281123200')).toBe(true);
    expect(withinArea('321281123', '321281124001')).toBe(false);
  });

  it('summarizes an outcome with the agreement or the note', () => {
    expect(outcomeSummary('调解成功,达成协议', { agreementNumber: '兴司调协〔2026〕0001号', terms: ['疏通沟渠', '赔偿300元'] })).toBe(
      '调解成功,达成协议(兴司调协〔2026〕0001号):疏通沟渠;赔偿300元',
    );
    expect(outcomeSummary('调解不成', { note: '双方分歧较大' })).toBe('调解不成:双方分歧较大');
    expect(outcomeSummary('调解不成', {})).toBe('调解不成');
  });
});

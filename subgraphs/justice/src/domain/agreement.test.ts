import { describe, expect, it } from 'vitest';
import {
  addSignatures,
  confirmationApplicationProblem,
  effectiveDateOf,
  performanceDeadlineProblem,
  performanceOverdue,
  type SigningState,
} from './agreement.js';
import { chineseDate, escapeHtml, renderAgreementDocument } from './agreement-document.js';

const base: SigningState = { form: 'WRITTEN', partyIds: ['a', 'b'], signatures: [], mediatorSignedAt: null, sealedAt: null };

describe('mediation agreement rules', () => {
  it('takes effect when all parties, the mediator and the seal are on it', () => {
    const t1 = new Date('2026-11-10T02:00:00Z');
    const one = addSignatures(base, [{ partyId: 'a', method: 'SIGNATURE' }], t1);
    expect(effectiveDateOf({ ...base, signatures: one }, t1)).toBeNull();
    const both = addSignatures({ ...base, signatures: one }, [{ partyId: 'b', method: 'FINGERPRINT' }], new Date('2026-11-10T17:00:00Z'));
    expect(effectiveDateOf({ ...base, signatures: both, mediatorSignedAt: t1.toISOString() }, t1)).toBeNull();
    // The last mark counts, in China time (17:00 UTC is the next day).
    expect(effectiveDateOf({ ...base, signatures: both, mediatorSignedAt: t1.toISOString(), sealedAt: t1.toISOString() }, t1)).toBe('2026-11-11');
  });

  it('refuses strangers, double signatures and signatures on an oral agreement', () => {
    const at = new Date('2026-11-10T02:00:00Z');
    expect(() => addSignatures(base, [{ partyId: 'x', method: 'SEAL' }], at)).toThrow(expect.objectContaining({ details: { field: 'signatures[0].partyId' } }));
    expect(() =>
      addSignatures(
        base,
        [
          { partyId: 'a', method: 'SEAL' },
          { partyId: 'a', method: 'SIGNATURE' },
        ],
        at,
      ),
    ).toThrow(/已签名/);
    expect(() => addSignatures({ ...base, form: 'ORAL' }, [{ partyId: 'a', method: 'SEAL' }], at)).toThrow(/口头协议/);
    expect(effectiveDateOf({ ...base, form: 'ORAL' }, at)).toBe('2026-11-10');
  });

  it('tracks the performance deadline', () => {
    expect(performanceDeadlineProblem('2026-11-01', '2026-11-10')).toMatch(/履行期限/);
    expect(performanceDeadlineProblem('2026-11-10', '2026-11-10')).toBeNull();
    expect(performanceOverdue('2026-11-01', 'PENDING', '2026-11-02')).toBe(true);
    expect(performanceOverdue('2026-11-01', 'PERFORMED', '2026-11-02')).toBe(false);
    expect(performanceOverdue('2026-11-01', 'PARTIALLY_PERFORMED', '2026-11-01')).toBe(false);
  });
});

describe('the printable agreement', () => {
  const html = renderAgreementDocument({
    number: '兴司调协〔2026〕0001号',
    organizationName: '戴南镇人民调解委员会',
    caseNumber: '兴司调〔2026〕0001号',
    form: 'WRITTEN',
    parties: [
      { role: 'APPLICANT', name: '张三', sex: 'MALE', idNumber: '11010519491231002X', phone: '13812345678', address: '兴化市戴南镇<script>' },
      { role: 'RESPONDENT', name: '李四', sex: 'FEMALE', idNumber: null, phone: null, address: null },
    ],
    facts: '双方因排水沟渠发生争执。',
    mattersInDispute: '沟渠疏通费用由谁承担。',
    responsibilities: '双方均有责任。',
    terms: ['李四于十日内疏通沟渠', '张三补偿 "500" 元 & 赔礼道歉'],
    performanceMethod: '现场疏通,现金支付。',
    performanceDeadline: '2026-12-10',
    amount: 500,
    mediatorName: '顾秀英',
    madeOn: '2026-11-28',
    effectiveDate: '2026-11-28',
    confirmationDeadline: '2026-12-28',
    copies: 3,
  });

  it('is a complete document in the form people sign', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('</html>');
    for (const text of [
      '人民调解协议书',
      '兴司调协〔2026〕0001号',
      '申请人:张三',
      '被申请人:李四',
      '公民身份号码:11010519491231002X',
      '一、</span>李四于十日内疏通沟渠',
      '二、</span>',
      '人民币 500.00 元',
      '二〇二六年十二月十日前履行完毕',
      '申请人(签名、盖章或按指印)',
      '人民调解员(签名)',
      '戴南镇人民调解委员会(印章)',
      '本协议一式三份',
      '二〇二六年十二月二十八日前',
      '二〇二六年十一月二十八日',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('escapes every user text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('兴化市戴南镇&lt;script&gt;');
    expect(html).toContain('&quot;500&quot; 元 &amp; 赔礼道歉');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });

  it('dates in Chinese numerals', () => {
    expect(chineseDate('2026-01-05')).toBe('二〇二六年一月五日');
    expect(chineseDate('2026-10-20')).toBe('二〇二六年十月二十日');
    expect(chineseDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
  });
});

describe('applying for judicial confirmation', () => {
  const effective = { effectiveDate: '2026-03-01', confirmationDeadline: '2026-03-31', appliedAt: null };
  it('is open from the effective date to the deadline inclusive', () => {
    expect(confirmationApplicationProblem(effective, '2026-03-01')).toBeNull();
    expect(confirmationApplicationProblem(effective, '2026-03-31')).toBeNull();
    expect(confirmationApplicationProblem(effective, '2026-04-01')).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'agreementId' } });
  });
  it('needs an effective agreement not applied for yet', () => {
    expect(confirmationApplicationProblem({ ...effective, effectiveDate: null, confirmationDeadline: null }, '2026-03-01')).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    expect(confirmationApplicationProblem({ ...effective, appliedAt: new Date() }, '2026-03-02')).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
});

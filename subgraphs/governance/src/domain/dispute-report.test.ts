import { describe, expect, it } from 'vitest';
import { linkCriteria, linkReason, registrationReason } from './dispute-report.rules.js';

const at = new Date('2026-11-30T02:00:00Z');

describe('一案一号: link criteria', () => {
  it('a report with ID numbers and a category links by person key, category, town and window', () => {
    expect(linkCriteria({ personKeys: ['k1', 'k2', 'k1'], category: '邻里', regionCode: '321281123456', reportedAt: at }, 90)).toEqual({
      personKeys: ['k1', 'k2'],
      category: '邻里',
      town: '321281123',
      since: new Date('2026-09-01T02:00:00Z'),
    });
  });

  it.each([
    ['no ID numbers', [], '邻里'],
    ['no category', ['k1'], null],
  ] as const)('a report with %s is never linked', (_why, personKeys, category) => {
    expect(linkCriteria({ personKeys: [...personKeys], category, regionCode: '321281123', reportedAt: at }, 90)).toBeNull();
  });

  it('the reasons name the dispute, town and category, and never an ID number', () => {
    const reason = linkReason({ number: '321281123-2026-000001', category: '邻里' }, '戴南镇', 90);
    expect(reason).toContain('321281123-2026-000001');
    expect(reason).toContain('戴南镇');
    expect(reason).toContain('邻里');
    expect(registrationReason('公安机关', 'J1', false)).toContain('不作关联');
    expect(registrationReason('公安机关', 'J1', true)).toContain('未找到');
  });
});

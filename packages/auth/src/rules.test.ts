import { describe, expect, it } from 'vitest';
import type { Caller } from './caller.js';
import { maskAddress, maskIdNumber, maskName, maskPhone, personKey } from './masking.js';
import { listScope, recordVisibility, visibilityOf, type RecordRule } from './rules.js';

const caller = (agency: Caller['agency'], roles: Caller['roles'], jurisdiction = '321281'): Caller => ({
  subject: 's',
  name: 'n',
  agency,
  organization: 'o',
  roles,
  jurisdiction,
});

describe('record rule', () => {
  const courtCase = { owner: 'COURT' as const, regionCode: '321281123201' };

  it.each([
    ['the owner in its jurisdiction', caller('COURT', ['STAFF']), 'FULL'],
    ['the owner outside its jurisdiction', caller('COURT', ['STAFF'], '321282'), 'NONE'],
    ['another agency', caller('POLICE', ['STAFF']), 'NONE'],
    ['a leader', caller('GOVERNANCE', ['LEADER']), 'MASKED'],
    ['a leader of the owning agency', caller('COURT', ['LEADER']), 'MASKED'],
    ['a leader outside the jurisdiction', caller('GOVERNANCE', ['LEADER'], '321282'), 'NONE'],
    ['anonymous', null, 'NONE'],
  ] as const)('gives %s %s', (_label, who, expected) => {
    expect(visibilityOf(who, courtCase)).toBe(expected);
  });

  it('lets the other side of a docking see the record masked', () => {
    expect(visibilityOf(caller('JUSTICE', ['MEDIATOR']), { ...courtCase, counterparts: ['JUSTICE'] })).toBe('MASKED');
  });

  it('lets an agency keep out callers the federation rule lets in, never let more in', () => {
    const rule: RecordRule<{ regionCode: string; organization: string }> = {
      scope: (r) => ({ owner: 'JUSTICE', regionCode: r.regionCode }),
      excludes: (who, r) => who.roles.includes('MEDIATOR') && who.organization !== r.organization,
    };
    const record = { regionCode: '321281123201', organization: 'o' };
    expect(recordVisibility(caller('JUSTICE', ['MEDIATOR']), rule, record)).toBe('FULL');
    expect(recordVisibility(caller('JUSTICE', ['MEDIATOR']), rule, { ...record, organization: 'other' })).toBe('NONE');
    expect(recordVisibility(caller('POLICE', ['STAFF']), rule, record)).toBe('NONE');
    expect(recordVisibility(null, rule, record)).toBe('NONE');
  });

  it('scopes lists by jurisdiction and refuses other agencies', () => {
    expect(listScope(caller('COURT', ['STAFF'], '321281123'), 'COURT')).toEqual({ regionPrefix: '321281123', masked: false });
    expect(listScope(caller('GOVERNANCE', ['LEADER']), 'COURT')).toEqual({ regionPrefix: '321281', masked: true });
    expect(listScope(caller('POLICE', ['STAFF']), 'COURT')).toBeNull();
    expect(listScope(null, 'COURT')).toBeNull();
  });
});

describe('masking', () => {
  it('masks as the federation agreed', () => {
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskIdNumber('32128119900101123X')).toBe('3212**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('江苏省兴化市戴南镇孙王村3组12号')).toBe('江苏省兴化市戴南镇****');
  });

  it('derives a stable pseudonymous person key that depends on the secret', () => {
    const a = personKey('secret-1', '32128119900101123x');
    expect(a).toBe(personKey('secret-1', '32128119900101123X'));
    expect(a).not.toBe(personKey('secret-2', '32128119900101123X'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

import { describe, expect, it } from 'vitest';
import { ageOn, idNumberCheckChar, isValidIdNumber, parseIdNumber } from './id-number.js';

describe('公民身份号码 (GB 11643-1999)', () => {
  it('accepts the examples of DOMAIN.md', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ regionCode: '110105', birthDate: '1949-12-31', sex: 'FEMALE' });
    expect(parseIdNumber('440524188001010014')).toEqual({ regionCode: '440524', birthDate: '1880-01-01', sex: 'MALE' });
  });

  it('computes the check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it.each([
    ['wrong check character', '110105194912310021'],
    ['impossible date', '110105194902300023'],
    ['too short', '11010519491231002'],
    ['letters', '11010519491231ABCX'],
    ['born in the future', `321281${new Date().getUTCFullYear() + 1}0101001X`],
  ])('rejects %s', (_label, value) => {
    expect(isValidIdNumber(value)).toBe(false);
  });

  it('accepts a lower-case x', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('computes age for the minors rule', () => {
    expect(ageOn('2010-06-15', new Date(Date.UTC(2026, 5, 14)))).toBe(15);
    expect(ageOn('2010-06-15', new Date(Date.UTC(2026, 5, 15)))).toBe(16);
  });
});

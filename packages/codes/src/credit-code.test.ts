import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.js';
import { isValidAmount, isValidPhone, isValidRegionCode } from './formats.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts codes whose check character matches', () => {
    // Published codes of well-known organizations.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('911100001000013440')).toBe(false);
    const first17 = '11321281014090012';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
  });

  it('rejects letters outside the alphabet and wrong check characters', () => {
    expect(isValidCreditCode('91350100M000100Y4I')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('9135010')).toBe(false);
  });
});

describe('formats', () => {
  it('phones', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('0523-83212345')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
  });

  it('region codes', () => {
    expect(isValidRegionCode('321281')).toBe(true);
    expect(isValidRegionCode('321281123')).toBe(true);
    expect(isValidRegionCode('321281123201')).toBe(true);
    expect(isValidRegionCode('3212811')).toBe(false);
    expect(isValidRegionCode('000000')).toBe(false);
  });

  it('amounts', () => {
    expect(isValidAmount(1200.5)).toBe(true);
    expect(isValidAmount(0.01)).toBe(true);
    expect(isValidAmount(-1)).toBe(false);
    expect(isValidAmount(1.005)).toBe(false);
    expect(isValidAmount(Number.NaN)).toBe(false);
  });
});

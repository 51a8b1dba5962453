import { describe, expect, it } from 'vitest';
import { maskPersonalText } from './masking.js';

describe('maskPersonalText', () => {
  const people = [{ name: '黄长林', idNumber: '32128119800101123X', phone: '13812345678' }, { name: '钱静' }];

  it('masks every known name, ID number and phone wherever it is written', () => {
    expect(maskPersonalText('黄长林于协议生效后三个月内分期支付钱静,黄长林电话13812345678', people)).toBe(
      '黄*林于协议生效后三个月内分期支付钱*,黄*林电话138****5678',
    );
  });

  it('masks the longer of two overlapping names whole', () => {
    expect(maskPersonalText('钱静怡与钱静', [{ name: '钱静' }, { name: '钱静怡' }])).toBe('钱*怡与钱*');
  });

  it('masks unknown ID and mobile numbers only when asked to, never digits inside longer numbers', () => {
    const text = '证号110105194912310021,手机13900001111,账号6222021001123456789';
    expect(maskPersonalText(text, [])).toBe(text);
    expect(maskPersonalText(text, [], { generic: true })).toBe('证号1101**********0021,手机139****1111,账号6222021001123456789');
  });
});

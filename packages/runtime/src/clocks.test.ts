import { describe, expect, it } from 'vitest';
import { parseClockOverrides } from './clocks.js';

const defaults = { routeDays: 3, mediationDays: { VILLAGE: 15, TOWN: 30 }, term: { months: 1, days: 0 } };

describe('JIEFEN_<AGENCY>_CLOCKS', () => {
  it('takes whole-day clocks and object clocks given whole', () => {
    expect(parseClockOverrides(defaults, '{"routeDays":5,"term":{"months":0,"days":45}}', 'X')).toEqual({ routeDays: 5, term: { months: 0, days: 45 } });
  });

  it('refuses bad JSON, unknown clocks, wrong shapes and partial object clocks', () => {
    expect(() => parseClockOverrides(defaults, '{', 'X')).toThrow('X is not valid JSON');
    expect(() => parseClockOverrides(defaults, '[1]', 'X')).toThrow('JSON object');
    expect(() => parseClockOverrides(defaults, '{"routDays":5}', 'X')).toThrow('unknown clock "routDays"');
    expect(() => parseClockOverrides(defaults, '{"routeDays":-1}', 'X')).toThrow('X.routeDays');
    expect(() => parseClockOverrides(defaults, '{"routeDays":"5"}', 'X')).toThrow('X.routeDays');
    expect(() => parseClockOverrides(defaults, '{"mediationDays":{"VILLAGE":10}}', 'X')).toThrow('X.mediationDays: expected the keys TOWN, VILLAGE');
  });
});

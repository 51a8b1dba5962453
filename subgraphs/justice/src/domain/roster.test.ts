import { describe, expect, it } from 'vitest';
import { compositionProblem, stationProblem, termCovers, termEndOf, type MemberFacts } from './roster.js';

const member = (sex: 'MALE' | 'FEMALE', committeeRole: MemberFacts['committeeRole'] = 'MEMBER'): MemberFacts => ({ sex, committeeRole });

describe('mediation organization rules', () => {
  it('wants a committee of 3–9 members with a woman and one chair', () => {
    const ok = [member('MALE', 'CHAIR'), member('FEMALE'), member('MALE')];
    expect(compositionProblem('TOWN_STREET_COMMITTEE', ok)).toBeNull();
    expect(compositionProblem('TOWN_STREET_COMMITTEE', ok.slice(0, 2))).toMatch(/三至九人/);
    expect(compositionProblem('SECTOR_COMMITTEE', [...ok, ...Array.from({ length: 7 }, () => member('MALE'))])).toMatch(/三至九人/);
    expect(compositionProblem('VILLAGE_RESIDENTS_COMMITTEE', [member('MALE', 'CHAIR'), member('MALE'), member('MALE')])).toMatch(/妇女/);
    expect(compositionProblem('ENTERPRISE_COMMITTEE', [member('FEMALE'), member('MALE'), member('MALE')])).toMatch(/主任/);
    // Mediators who are not committee members do not count towards the 3–9.
    expect(compositionProblem('TOWN_STREET_COMMITTEE', [...ok.slice(0, 2), member('MALE', null)])).toMatch(/三至九人/);
  });

  it('wants a stationed room or studio to have a mediator, and only stationed rooms a station', () => {
    expect(compositionProblem('STATIONED_ROOM', [member('MALE', null)])).toBeNull();
    expect(compositionProblem('LAWYER_STUDIO', [])).toMatch(/至少需要一名/);
    expect(stationProblem('STATIONED_ROOM', '兴化市公安局戴南派出所', 'POLICE')).toBeNull();
    expect(stationProblem('STATIONED_ROOM', null, null)).toMatch(/派驻单位/);
    expect(stationProblem('TOWN_STREET_COMMITTEE', '某单位', 'COURT')).toMatch(/只有派驻/);
    expect(stationProblem('TOWN_STREET_COMMITTEE', null, null)).toBeNull();
  });

  it('gives mediators a three-year term', () => {
    expect(termEndOf('2024-01-01')).toBe('2026-12-31');
    expect(termEndOf('2024-03-01')).toBe('2027-02-28');
    const term = { termStart: '2023-06-01', termEnd: termEndOf('2023-06-01') };
    expect(termCovers(term, '2026-05-31')).toBe(true);
    expect(termCovers(term, '2026-06-01')).toBe(false);
    expect(termCovers(term, '2023-05-31')).toBe(false);
  });
});

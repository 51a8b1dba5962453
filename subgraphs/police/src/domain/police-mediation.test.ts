import { describe, expect, it } from 'vitest';
import { consequenceOf, exclusionsOf, type PoliceMediationFacts } from './police-mediation.rules.js';
import { DomainError } from '@jiefen/workflow';
import { POLICE_MEDIATION_EVENTS, POLICE_MEDIATION_STATES, policeMediationWorkflow, type PoliceMediationState } from './police-mediation.workflow.js';

const clean: PoliceMediationFacts = {
  hiredViolence: false,
  gangFightOrProvocation: false,
  repeatOffender: false,
  partyRefuses: false,
  reoffendedDuringMediation: false,
  suspectFled: false,
  minorInvolved: false,
  guardianPresent: false,
};

describe('治安调解 exclusions', () => {
  it('allows a plain case', () => expect(exclusionsOf(clean)).toEqual([]));

  it.each([
    ['hiredViolence', 'HIRED_VIOLENCE'],
    ['gangFightOrProvocation', 'GANG_FIGHT_OR_PROVOCATION'],
    ['repeatOffender', 'REPEAT_OFFENDER'],
    ['partyRefuses', 'PARTY_REFUSES'],
    ['reoffendedDuringMediation', 'REOFFENDED_DURING_MEDIATION'],
    ['suspectFled', 'SUSPECT_FLED'],
  ] as const)('excludes %s', (fact, code) => {
    expect(exclusionsOf({ ...clean, [fact]: true }).map((e) => e.code)).toEqual([code]);
  });

  it('needs a guardian for a minor', () => {
    expect(exclusionsOf({ ...clean, minorInvolved: true }).map((e) => e.code)).toEqual(['MINOR_WITHOUT_GUARDIAN']);
    expect(exclusionsOf({ ...clean, minorInvolved: true, guardianPresent: true })).toEqual([]);
  });

  it('lists every reason at once', () => {
    expect(exclusionsOf({ ...clean, hiredViolence: true, suspectFled: true, minorInvolved: true })).toHaveLength(3);
  });

  it('follows Art 9 on the consequences', () => {
    expect(consequenceOf('PERFORMED')).toMatchObject({ penalty: false, adviseLitigation: false });
    expect(consequenceOf('NOT_PERFORMED')).toMatchObject({ penalty: true, adviseLitigation: true });
    expect(consequenceOf('FAILED')).toMatchObject({ penalty: true, adviseLitigation: true });
  });
});

describe('治安调解 workflow: every (state, event) pair', () => {
  const allowed: Record<string, PoliceMediationState> = {
    'IN_MEDIATION/REACH_AGREEMENT': 'AGREED',
    'IN_MEDIATION/FAIL': 'FAILED',
    'AGREED/CONFIRM_PERFORMED': 'PERFORMED',
    'AGREED/REPORT_NOT_PERFORMED': 'NOT_PERFORMED',
  };
  const pairs = POLICE_MEDIATION_STATES.flatMap((s) => POLICE_MEDIATION_EVENTS.map((e) => [s, e] as const));
  it.each(pairs)('%s + %s', (state, event) => {
    const expected = allowed[`${state}/${event}`];
    if (expected) expect(policeMediationWorkflow.transition(state, event, 'OFFICER')).toBe(expected);
    else expect(() => policeMediationWorkflow.transition(state, event, 'OFFICER')).toThrow(DomainError);
  });
});

import { describe, expect, it } from 'vitest';
import { isOverdue } from '@jiefen/calendar';
import { DEFAULT_HUB_CLOCKS, disputeDueAt } from './clocks.js';
import { confirmByAfter, dockingClockDates, dockingDueAt } from './docking.js';
import { DEFAULT_WARNING_RULES, riskAfter, warningsAtEscalation, warningsAtRegistration } from './early-warning.js';
import { ALERT_EVENTS, ALERT_STATES, riskAlertWorkflow } from './risk-alert.workflow.js';
import { SUPERVISION_EVENTS, SUPERVISION_STATES, supervisionLevelAfterEscalation, supervisionWorkflow } from './supervision.workflow.js';
import { decideEscalation, maxRisk, nextTier, tierOfRegion } from './tiers.js';

const at = new Date('2026-11-01T00:00:00Z');
const days = (n: number) => new Date(at.getTime() + n * 86_400_000);

describe('三三制 escalation', () => {
  const base = { tier: 'VILLAGE' as const, attemptsAtTier: 3, riskLevel: 'LOW' as const, overrideReason: null };
  it('goes up a tier after three attempts', () => {
    expect(decideEscalation(base)).toEqual({ toTier: 'TOWN', override: false });
    expect(decideEscalation({ ...base, tier: 'TOWN', attemptsAtTier: 5 })).toEqual({ toTier: 'COUNTY', override: false });
  });
  it('refuses before three attempts without a reason, or with a reason but too little risk', () => {
    expect(() => decideEscalation({ ...base, attemptsAtTier: 2 })).toThrow(
      expect.objectContaining({ code: 'ESCALATION_REFUSED', details: { attempts: 2, required: 3, riskLevel: 'LOW' } }),
    );
    expect(() => decideEscalation({ ...base, attemptsAtTier: 0, riskLevel: 'MEDIUM', overrideReason: '群体性' })).toThrow(/不足以提前上交/);
  });
  it('allows the override for high risk with a reason', () => {
    expect(decideEscalation({ ...base, attemptsAtTier: 1, riskLevel: 'HIGH', overrideReason: '涉及 40 人' })).toEqual({ toTier: 'TOWN', override: true });
    expect(
      decideEscalation(
        { ...base, attemptsAtTier: 0, riskLevel: 'CRITICAL', overrideReason: '可能引发群体性事件' },
        { minAttempts: 3, overrideFromRisk: 'CRITICAL' },
      ).override,
    ).toBe(true);
  });
  it('stops at the county', () => {
    expect(() => decideEscalation({ ...base, tier: 'COUNTY' })).toThrow(/县级/);
    expect(nextTier('COUNTY')).toBeNull();
  });
  it('knows a region code’s tier and the highest risk', () => {
    expect([tierOfRegion('321281123201'), tierOfRegion('321281123'), tierOfRegion('321281')]).toEqual(['VILLAGE', 'TOWN', 'COUNTY']);
    expect(maxRisk('LOW', 'HIGH', 'MEDIUM')).toBe('HIGH');
  });
});

describe('clocks', () => {
  it('gives each open state its clock and none to a finished dispute', () => {
    expect(disputeDueAt('REGISTERED', 'VILLAGE', at)).toEqual(days(3));
    expect(disputeDueAt('ROUTED', 'VILLAGE', at)).toEqual(days(7));
    expect(disputeDueAt('IN_MEDIATION', 'VILLAGE', at)).toEqual(days(15));
    expect(disputeDueAt('IN_MEDIATION', 'TOWN', at)).toEqual(days(30));
    expect(disputeDueAt('RESOLVED', 'TOWN', at)).toEqual(days(5));
    expect(disputeDueAt('UNRESOLVED', 'TOWN', at)).toEqual(days(5));
    expect(disputeDueAt('UNDER_REVIEW', 'TOWN', at)).toEqual(days(7));
    expect(disputeDueAt('REVIEWED', 'TOWN', at)).toEqual(days(3));
    expect(disputeDueAt('CLOSED', 'TOWN', at)).toBeNull();
    expect(disputeDueAt('GUIDED_TO_LITIGATION', 'TOWN', at)).toBeNull();
  });
  it('is configuration', () => {
    expect(disputeDueAt('IN_MEDIATION', 'VILLAGE', at, { ...DEFAULT_HUB_CLOCKS, mediationDays: { VILLAGE: 10, TOWN: 20, COUNTY: 30 } })).toEqual(days(10));
    expect(isOverdue(days(1), days(2))).toBe(true);
    expect(isOverdue(days(2), days(1))).toBe(false);
    expect(isOverdue(null, days(1))).toBe(false);
  });
  it('computes docking clocks by kind and mode', () => {
    expect(dockingClockDates('COURT', 'ENTRUST', at)).toEqual({ acceptBy: days(3), concludeBy: days(30) });
    expect(dockingClockDates('COURT', 'COMMISSION', at).concludeBy).toEqual(days(15));
    expect(dockingClockDates('PETITION', 'TRANSFER', at).concludeBy).toEqual(days(60));
    expect(confirmByAfter(at)).toEqual(days(30));
    const clocks = { acceptBy: days(1), concludeBy: days(2), confirmBy: days(3) };
    expect(dockingDueAt({ status: 'SENT', ...clocks })).toEqual(days(1));
    expect(dockingDueAt({ status: 'ACCEPTED', ...clocks })).toEqual(days(2));
    expect(dockingDueAt({ status: 'IN_PROGRESS', ...clocks })).toEqual(days(2));
    expect(dockingDueAt({ status: 'CONCLUDED', ...clocks })).toEqual(days(3));
    for (const status of ['REJECTED', 'FED_BACK', 'WITHDRAWN'] as const) expect(dockingDueAt({ status, ...clocks })).toBeNull();
  });
});

describe('early-warning rules', () => {
  it('warns on people involved by the highest threshold reached', () => {
    expect(warningsAtRegistration({ peopleInvolved: 3, category: '邻里', priorDisputesByParty: [0] })).toEqual([]);
    expect(warningsAtRegistration({ peopleInvolved: 12, category: '邻里', priorDisputesByParty: [] })).toEqual([
      expect.objectContaining({ rule: 'PEOPLE_INVOLVED', level: 'HIGH' }),
    ]);
    expect(warningsAtRegistration({ peopleInvolved: 60, category: '邻里', priorDisputesByParty: [] })[0]!.level).toBe('CRITICAL');
  });
  it('warns on a repeat dispute by the same person and on a sensitive category', () => {
    const warnings = warningsAtRegistration({ peopleInvolved: 2, category: '征地拆迁', priorDisputesByParty: [0, 1] });
    expect(warnings.map((w) => w.rule)).toEqual(['REPEAT_PERSON', 'SENSITIVE_CATEGORY']);
    expect(warnings[0]!.reason).toMatch(/1 件其他纠纷/);
    expect(riskAfter('LOW', warnings)).toBe('HIGH');
  });
  it('follows its configuration', () => {
    const rules = {
      ...DEFAULT_WARNING_RULES,
      repeatPerson: { atLeast: 2, withinDays: 90, level: 'HIGH' as const },
      sensitiveCategories: { categories: [], level: 'HIGH' as const },
    };
    expect(warningsAtRegistration({ peopleInvolved: 2, category: '征地拆迁', priorDisputesByParty: [1] }, rules)).toEqual([]);
    expect(warningsAtRegistration({ peopleInvolved: 2, category: '邻里', priorDisputesByParty: [2] }, rules)[0]!.level).toBe('HIGH');
  });
  it('warns on escalations and never lowers a risk', () => {
    expect(warningsAtEscalation({ toTier: 'TOWN', override: false })[0]).toMatchObject({ rule: 'ESCALATION', level: 'MEDIUM' });
    expect(warningsAtEscalation({ toTier: 'COUNTY', override: true })[0]).toMatchObject({ level: 'HIGH', reason: expect.stringMatching(/提前/) });
    expect(warningsAtEscalation({ toTier: 'VILLAGE', override: false })).toEqual([]);
    expect(riskAfter('CRITICAL', warningsAtEscalation({ toTier: 'TOWN', override: false }))).toBe('CRITICAL');
  });
});

describe('supervision and alert workflows', () => {
  const expectedSupervision: Record<string, string | null> = {
    'OPEN REMIND': 'OPEN',
    'OPEN ESCALATE': 'OPEN',
    'OPEN CLEAR': 'CLEARED',
    'CLEARED REMIND': null,
    'CLEARED ESCALATE': null,
    'CLEARED CLEAR': null,
  };
  it.each(SUPERVISION_STATES.flatMap((s) => SUPERVISION_EVENTS.map((e) => [s, e] as const)))('supervision %s + %s', (state, event) => {
    const to = expectedSupervision[`${state} ${event}`];
    if (to) {
      expect(supervisionWorkflow.transition(state, event, { roles: ['SUPERVISOR'] })).toBe(to);
      expect(() => supervisionWorkflow.transition(state, event, { roles: ['STAFF'] })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    } else {
      expect(() => supervisionWorkflow.transition(state, event, { roles: ['SUPERVISOR', 'SYSTEM'] })).toThrow(
        expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
      );
    }
  });
  it('escalates supervision to the next tier and no further than the county', () => {
    expect(supervisionLevelAfterEscalation('VILLAGE')).toBe('TOWN');
    expect(supervisionLevelAfterEscalation('TOWN')).toBe('COUNTY');
    expect(() => supervisionLevelAfterEscalation('COUNTY')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
  it.each(ALERT_STATES.flatMap((s) => ALERT_EVENTS.map((e) => [s, e] as const)))('alert %s + %s', (state, event) => {
    if (state === 'OPEN') {
      expect(riskAlertWorkflow.transition(state, event, { roles: ['STAFF'] })).toBe('HANDLED');
      expect(() => riskAlertWorkflow.transition(state, event, { roles: ['LEADER'] })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    } else {
      expect(() => riskAlertWorkflow.transition(state, event, { roles: ['STAFF'] })).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    }
  });
});

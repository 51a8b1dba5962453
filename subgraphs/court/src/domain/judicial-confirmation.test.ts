import { describe, expect, it } from 'vitest';
import { caseYearOf, courtCodeOf, formatCaseNumber } from './case-numbers.js';
import {
  CONFIRMATION_EVENTS,
  CONFIRMATION_STATES,
  checkRulingExtension,
  confirmationWorkflow,
  openClock,
  type ConfirmationActor,
  type ConfirmationState,
} from './judicial-confirmation.workflow.js';
import { matterKindsOf, refusalReasonsOf, type ApplicationFacts } from './judicial-confirmation.rules.js';

const ALLOWED: Record<string, [ConfirmationState, ConfirmationActor[]]> = {
  'APPLIED/ACCEPT': ['ACCEPTED', ['COURT_STAFF']],
  'APPLIED/REFUSE': ['REFUSED', ['COURT_STAFF']],
  'ACCEPTED/EXTEND_RULING': ['ACCEPTED', ['COURT_STAFF']],
  'ACCEPTED/CONFIRM': ['CONFIRMED', ['COURT_STAFF']],
  'ACCEPTED/REJECT': ['REJECTED', ['COURT_STAFF']],
  'CONFIRMED/RECORD_PERFORMANCE': ['PERFORMED', ['COURT_STAFF', 'MEDIATION_ORGANIZATION']],
  'CONFIRMED/APPLY_ENFORCEMENT': ['ENFORCEMENT_APPLIED', ['COURT_STAFF']],
};
const ACTORS: ConfirmationActor[] = ['COURT_STAFF', 'MEDIATION_ORGANIZATION'];

describe('judicial confirmation workflow: every (state, event, actor)', () => {
  const cases = CONFIRMATION_STATES.flatMap((s) => CONFIRMATION_EVENTS.flatMap((e) => ACTORS.map((a) => [s, e, a] as const)));
  it.each(cases)('%s + %s by %s', (state, event, actor) => {
    const allowed = ALLOWED[`${state}/${event}`];
    if (!allowed) expect(() => confirmationWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    else if (allowed[1].includes(actor)) expect(confirmationWorkflow.transition(state, event, actor)).toBe(allowed[0]);
    else expect(() => confirmationWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('extends the ruling period once only', () => {
    expect(() => checkRulingExtension(false)).not.toThrow();
    expect(() => checkRulingExtension(true)).toThrow(expect.objectContaining({ code: 'ALREADY_EXTENDED' }));
  });

  it('runs the acceptance clock while applied and the ruling clock while accepted', () => {
    expect(Object.fromEntries(CONFIRMATION_STATES.map((s) => [s, openClock(s)]))).toEqual({
      APPLIED: 'ACCEPTANCE',
      ACCEPTED: 'RULING',
      REFUSED: null,
      CONFIRMED: null,
      REJECTED: null,
      PERFORMED: null,
      ENFORCEMENT_APPLIED: null,
    });
  });
});

describe('judicial confirmation: refusals', () => {
  const effective = new Date('2026-10-01T02:00:00Z');
  const facts: ApplicationFacts = { matters: ['DEBT'], agreementEffectiveAt: effective, appliedAt: new Date('2026-10-20T02:00:00Z'), jointApplication: true };

  it('accepts an ordinary joint application in time', () => expect(refusalReasonsOf(facts)).toEqual([]));

  it.each([
    ['PERSONAL_STATUS', 'EXCLUDED_MATTER_PERSONAL_STATUS', /身份关系/],
    ['ADOPTION', 'EXCLUDED_MATTER_ADOPTION', /收养/],
    ['MARRIAGE_VALIDITY', 'EXCLUDED_MATTER_MARRIAGE_VALIDITY', /婚姻效力/],
  ] as const)('refuses a %s matter', (matter, code, reason) => {
    const reasons = refusalReasonsOf({ ...facts, matters: ['SUPPORT', matter] });
    expect(reasons.map((r) => r.code)).toEqual([code]);
    expect(reasons[0]!.reason).toMatch(reason);
  });

  it('counts 30 days from the agreement taking effect (day 30 in time, later refused)', () => {
    expect(refusalReasonsOf({ ...facts, appliedAt: new Date('2026-10-31T02:00:00Z') })).toEqual([]);
    expect(refusalReasonsOf({ ...facts, appliedAt: new Date('2026-10-31T02:00:01Z') }).map((r) => r.code)).toEqual(['LATE_APPLICATION']);
    expect(refusalReasonsOf({ ...facts, appliedAt: new Date('2026-10-31T02:00:01Z') }, { ...defaultsWith(45) })).toEqual([]);
  });

  it('needs both parties and lists every reason at once', () => {
    const reasons = refusalReasonsOf({
      matters: ['ADOPTION', 'MARRIAGE_VALIDITY'],
      agreementEffectiveAt: effective,
      appliedAt: new Date('2026-12-01T00:00:00Z'),
      jointApplication: false,
    });
    expect(reasons.map((r) => r.code)).toEqual(['EXCLUDED_MATTER_ADOPTION', 'EXCLUDED_MATTER_MARRIAGE_VALIDITY', 'LATE_APPLICATION', 'NOT_JOINT_APPLICATION']);
  });
});

describe('judicial confirmation: matter kinds from the agreed terms', () => {
  it('names the excluded matters and otherwise other civil rights', () => {
    expect(matterKindsOf('李四于十四日内支付货款8000元')).toEqual(['OTHER']);
    expect(matterKindsOf('确认双方亲子关系')).toEqual(['PERSONAL_STATUS']);
    expect(matterKindsOf('解除收养关系')).toEqual(['ADOPTION']);
    expect(matterKindsOf('确认婚姻无效')).toEqual(['MARRIAGE_VALIDITY']);
  });
});

describe('case numbers', () => {
  it('formats court case numbers with the court code of the region', () => {
    expect(courtCodeOf('321281123204')).toBe('苏1281');
    expect(courtCodeOf('990000')).toBeNull();
    expect(formatCaseNumber(2026, '苏1281', 'FIRST_INSTANCE_CIVIL', 1234)).toBe('(2026)苏1281民初1234号');
    expect(formatCaseNumber(2026, '苏1281', 'JUDICIAL_CONFIRMATION', 12)).toBe('(2026)苏1281民特调确字12号');
    expect(formatCaseNumber(2027, '苏1281', 'ENFORCEMENT', 5)).toBe('(2027)苏1281执5号');
  });

  it('takes the year in Beijing time', () => {
    expect(caseYearOf(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(caseYearOf(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });
});

function defaultsWith(applicationDays: number) {
  return {
    delegatedMediationDays: 30,
    entrustedMediationDays: { ORDINARY: 15, SUMMARY: 7 },
    confirmationApplicationDays: applicationDays,
    confirmationAcceptanceDays: 3,
    confirmationRulingDays: 15,
    confirmationRulingExtensionDays: 10,
  };
}

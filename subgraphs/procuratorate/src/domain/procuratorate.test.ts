import { describe, expect, it } from 'vitest';
import {
  PROCURATORATE_ACTORS,
  PROCURATORATE_CASE_EVENTS,
  PROCURATORATE_CASE_STATES,
  procuratorateCaseWorkflow,
  type ProcuratorateActor,
  type ProcuratorateCaseState,
} from './procuratorate-case.workflow.js';
import { allowedDecisions, CHARGES, ineligibilityOf, type ReconciliationFacts } from './reconciliation.rules.js';

const ALLOWED: Record<string, [ProcuratorateCaseState, ProcuratorateActor[]]> = {
  'RECEIVED/REFER': ['REFERRED_TO_MEDIATION', ['PROCURATOR']],
  'RECEIVED/CONCLUDE': ['CONCLUDED', ['PROCURATOR']],
  'UNDER_REVIEW/REFER': ['REFERRED_TO_MEDIATION', ['PROCURATOR']],
  'UNDER_REVIEW/CONCLUDE': ['CONCLUDED', ['PROCURATOR']],
  'REFERRED_TO_MEDIATION/REFERRAL_REJECTED': ['UNDER_REVIEW', ['MEDIATION_ORGANIZATION']],
  'REFERRED_TO_MEDIATION/RECORD_RECONCILED': ['RECONCILED', ['PROCURATOR', 'MEDIATION_ORGANIZATION']],
  'REFERRED_TO_MEDIATION/RECORD_NOT_RECONCILED': ['RECONCILIATION_FAILED', ['PROCURATOR', 'MEDIATION_ORGANIZATION']],
  'RECONCILED/CONCLUDE': ['CONCLUDED', ['PROCURATOR']],
  'RECONCILIATION_FAILED/CONCLUDE': ['CONCLUDED', ['PROCURATOR']],
};

describe('procuratorate case workflow: every (state, event, actor)', () => {
  const cases = PROCURATORATE_CASE_STATES.flatMap((s) => PROCURATORATE_CASE_EVENTS.flatMap((e) => PROCURATORATE_ACTORS.map((a) => [s, e, a] as const)));
  it.each(cases)('%s + %s by %s', (state, event, actor) => {
    const allowed = ALLOWED[`${state}/${event}`];
    if (!allowed) expect(() => procuratorateCaseWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    else if (allowed[1].includes(actor)) expect(procuratorateCaseWorkflow.transition(state, event, actor)).toBe(allowed[0]);
    else expect(() => procuratorateCaseWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
  it('ends only when concluded', () => expect(PROCURATORATE_CASE_STATES.filter((s) => procuratorateCaseWorkflow.isFinal(s))).toEqual(['CONCLUDED']));
});

describe('刑事和解 eligibility (刑诉法 Art 288)', () => {
  const injury: ReconciliationFacts = {
    charge: '故意伤害罪',
    ...CHARGES['故意伤害罪']!,
    arisesFromCivilDispute: true,
    likelySentenceMonths: 24,
    intentionalCrimeWithinFiveYears: false,
    suspectRepents: true,
    victimAccepts: true,
  };
  const traffic: ReconciliationFacts = { ...injury, charge: '交通肇事罪', ...CHARGES['交通肇事罪']!, arisesFromCivilDispute: false, likelySentenceMonths: 60 };
  const codes = (f: ReconciliationFacts) => ineligibilityOf(f).map((r) => r.code);

  it('admits a chapter-4/5 crime from a civil dispute up to 3 years', () => {
    expect(codes(injury)).toEqual([]);
    expect(codes({ ...injury, likelySentenceMonths: 36 })).toEqual([]);
    expect(codes({ ...injury, charge: '故意毁坏财物罪', chapter: 5 })).toEqual([]);
  });

  it('admits a negligent crime up to 7 years, except dereliction', () => {
    expect(codes(traffic)).toEqual([]);
    expect(codes({ ...traffic, likelySentenceMonths: 84 })).toEqual([]);
    expect(codes({ ...traffic, likelySentenceMonths: 85 })).toEqual(['SENTENCE_OVER_SEVEN_YEARS']);
    expect(codes({ ...traffic, charge: '玩忽职守罪', ...CHARGES['玩忽职守罪']! })).toEqual(['DERELICTION_OF_DUTY']);
  });

  it('names every failed condition of the civil-dispute route', () => {
    expect(codes({ ...injury, likelySentenceMonths: 37 })).toEqual(['SENTENCE_OVER_THREE_YEARS']);
    expect(codes({ ...injury, arisesFromCivilDispute: false })).toEqual(['NOT_FROM_CIVIL_DISPUTE']);
    expect(codes({ ...injury, charge: '寻衅滋事罪', ...CHARGES['寻衅滋事罪']!, likelySentenceMonths: 48, arisesFromCivilDispute: false })).toEqual([
      'NOT_FROM_CIVIL_DISPUTE',
      'CHAPTER_NOT_ELIGIBLE',
      'SENTENCE_OVER_THREE_YEARS',
    ]);
  });

  it("excludes a prior intentional crime within 5 years and needs remorse and the victim's acceptance — all reasons at once", () => {
    expect(codes({ ...injury, intentionalCrimeWithinFiveYears: true, suspectRepents: false, victimAccepts: false })).toEqual([
      'INTENTIONAL_CRIME_WITHIN_FIVE_YEARS',
      'NO_SINCERE_REMORSE',
      'VICTIM_NOT_WILLING',
    ]);
    expect(ineligibilityOf({ ...injury, victimAccepts: false })[0]!.reason).toBe('被害人不愿和解');
  });

  it('allows the Art 290 decisions only after a reconciliation', () => {
    expect(allowedDecisions('CRIMINAL_RECONCILIATION', true)).toEqual(['LENIENCY_RECOMMENDATION', 'NO_PROSECUTION', 'PROSECUTION_CONTINUES']);
    expect(allowedDecisions('CRIMINAL_RECONCILIATION', false)).toEqual(['PROSECUTION_CONTINUES']);
    expect(allowedDecisions('CIVIL_SUPERVISION', true)).toEqual(['REVIEW_TERMINATED']);
    expect(allowedDecisions('CIVIL_SUPERVISION', false)).toEqual(['SUPERVISION_CONTINUES']);
  });
});

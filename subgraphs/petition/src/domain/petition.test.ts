import { describe, expect, it } from 'vitest';
import { isOverdue } from '@jiefen/calendar';
import { checkExtension, checkReviewRequestInTime, handleDueAt, PETITION_CLOCKS, petitionClocks, reviewDueAt, routeDueAt } from './clocks.js';
import {
  checkRating,
  PETITION_ACTORS,
  PETITION_EVENTS,
  PETITION_STATES,
  petitionWorkflow,
  runningClock,
  type PetitionActor,
  type PetitionState,
} from './petition-item.workflow.js';

const O: PetitionActor[] = ['PETITION_OFFICER'];
const B: PetitionActor[] = ['PETITION_OFFICER', 'MEDIATION_ORGANIZATION'];
const ALLOWED: Record<string, [PetitionState, PetitionActor[]]> = {
  'REGISTERED/ACCEPT': ['ACCEPTED', O],
  'REGISTERED/TRANSFER': ['TRANSFERRED', O],
  'REGISTERED/DECLINE': ['NOT_ACCEPTED', O],
  'ACCEPTED/EXTEND': ['ACCEPTED', O],
  'ACCEPTED/REFER_TO_MEDIATION': ['REFERRED_TO_MEDIATION', O],
  'ACCEPTED/ANSWER': ['CONCLUDED', O],
  'REFERRED_TO_MEDIATION/EXTEND': ['REFERRED_TO_MEDIATION', O],
  'REFERRED_TO_MEDIATION/REFERRAL_REJECTED': ['ACCEPTED', ['MEDIATION_ORGANIZATION']],
  'REFERRED_TO_MEDIATION/MEDIATION_SUCCEEDED': ['CONCLUDED', B],
  'REFERRED_TO_MEDIATION/MEDIATION_FAILED': ['ACCEPTED', B],
  'CONCLUDED/REQUEST_REVIEW': ['UNDER_REVIEW', O],
  'UNDER_REVIEW/ANSWER_REVIEW': ['REVIEWED', O],
  'REVIEWED/REQUEST_RE_REVIEW': ['UNDER_RE_REVIEW', O],
  'UNDER_RE_REVIEW/ANSWER_RE_REVIEW': ['RE_REVIEWED', O],
};

describe('petition workflow: every (state, event, actor)', () => {
  const cases = PETITION_STATES.flatMap((s) => PETITION_EVENTS.flatMap((e) => PETITION_ACTORS.map((a) => [s, e, a] as const)));
  it.each(cases)('%s + %s by %s', (state, event, actor) => {
    const allowed = ALLOWED[`${state}/${event}`];
    if (!allowed) expect(() => petitionWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    else if (allowed[1].includes(actor)) expect(petitionWorkflow.transition(state, event, actor)).toBe(allowed[0]);
    else expect(() => petitionWorkflow.transition(state, event, actor)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('runs one clock per open state', () => {
    expect(Object.fromEntries(PETITION_STATES.map((s) => [s, runningClock(s)]))).toEqual({
      REGISTERED: 'ROUTE',
      ACCEPTED: 'HANDLE',
      NOT_ACCEPTED: null,
      TRANSFERRED: null,
      REFERRED_TO_MEDIATION: 'HANDLE',
      CONCLUDED: null,
      UNDER_REVIEW: 'REVIEW',
      REVIEWED: null,
      UNDER_RE_REVIEW: 'RE_REVIEW',
      RE_REVIEWED: null,
    });
  });

  it.each(PETITION_STATES)('rates %s only once it is closed, and once', (state) => {
    if (['CONCLUDED', 'REVIEWED', 'RE_REVIEWED'].includes(state)) {
      expect(() => checkRating(state, false)).not.toThrow();
      expect(() => checkRating(state, true)).toThrow(expect.objectContaining({ code: 'ALREADY_RATED' }));
    } else expect(() => checkRating(state, false)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('petition clocks (信访工作条例 defaults, injected now)', () => {
  const at = new Date('2026-09-01T02:00:00Z');
  const days = (d: Date) => (d.getTime() - at.getTime()) / 86_400_000;

  it('routes in 15 days, handles in 60 (+ extension), answers a review in 30', () => {
    expect(days(routeDueAt(at))).toBe(15);
    expect(days(handleDueAt(at, 0))).toBe(60);
    expect(days(handleDueAt(at, 30))).toBe(90);
    expect(days(reviewDueAt(at))).toBe(30);
    expect(days(routeDueAt(at, petitionClocks({ routeDays: 10 })))).toBe(10);
    expect(PETITION_CLOCKS.routeDays).toBe(15);
  });

  it('is overdue only after the due moment', () => {
    const due = routeDueAt(at);
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue(null, new Date('2099-01-01'))).toBe(false);
  });

  it('extends once by at most 30 days', () => {
    expect(() => checkExtension(0, 30)).not.toThrow();
    expect(() => checkExtension(0, 31)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => checkExtension(0, 0)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => checkExtension(10, 5)).toThrow(expect.objectContaining({ code: 'EXTENSION_NOT_ALLOWED' }));
  });

  it('takes a review request within 30 days of the answer', () => {
    expect(() => checkReviewRequestInTime(at, new Date(at.getTime() + 30 * 86_400_000))).not.toThrow();
    expect(() => checkReviewRequestInTime(at, new Date(at.getTime() + 30 * 86_400_000 + 1))).toThrow(
      expect.objectContaining({ code: 'REVIEW_PERIOD_EXPIRED' }),
    );
  });
});

import { defineWorkflow, DomainError } from '@jiefen/workflow';

/**
 * 信访事项: registered, then within 15 days accepted (受理), transferred to the competent organ
 * (转送) or not accepted; an accepted item is handled within 60 days — answered (出具处理意见,
 * 办结) or referred to people's mediation (访调对接), whose success closes it and whose failure
 * returns it to the bureau; the petitioner may ask for 复查 and then 复核.
 */
export const PETITION_STATES = [
  'REGISTERED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'TRANSFERRED',
  'REFERRED_TO_MEDIATION',
  'CONCLUDED',
  'UNDER_REVIEW',
  'REVIEWED',
  'UNDER_RE_REVIEW',
  'RE_REVIEWED',
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

export const PETITION_EVENTS = [
  'ACCEPT',
  'TRANSFER',
  'DECLINE',
  'EXTEND',
  'REFER_TO_MEDIATION',
  'REFERRAL_REJECTED',
  'MEDIATION_SUCCEEDED',
  'MEDIATION_FAILED',
  'ANSWER',
  'REQUEST_REVIEW',
  'ANSWER_REVIEW',
  'REQUEST_RE_REVIEW',
  'ANSWER_RE_REVIEW',
] as const;
export type PetitionEvent = (typeof PETITION_EVENTS)[number];

export const PETITION_ACTORS = ['PETITION_OFFICER', 'MEDIATION_ORGANIZATION'] as const;
export type PetitionActor = (typeof PETITION_ACTORS)[number];

const OFFICER = ['PETITION_OFFICER'] as const;
const BOTH = ['PETITION_OFFICER', 'MEDIATION_ORGANIZATION'] as const;
const ORGANIZATION = ['MEDIATION_ORGANIZATION'] as const;

export const petitionWorkflow = defineWorkflow<PetitionState, PetitionEvent, PetitionActor>({
  name: '信访事项',
  states: PETITION_STATES,
  events: PETITION_EVENTS,
  stateNames: {
    REGISTERED: '已登记,待受理',
    ACCEPTED: '已受理,办理中',
    NOT_ACCEPTED: '不予受理',
    TRANSFERRED: '已转送有权处理机关',
    REFERRED_TO_MEDIATION: '已移交人民调解',
    CONCLUDED: '已办结',
    UNDER_REVIEW: '复查中',
    REVIEWED: '已复查',
    UNDER_RE_REVIEW: '复核中',
    RE_REVIEWED: '已复核',
  },
  eventNames: {
    ACCEPT: '受理',
    TRANSFER: '转送',
    DECLINE: '不予受理',
    EXTEND: '延长办理期限',
    REFER_TO_MEDIATION: '移交人民调解',
    REFERRAL_REJECTED: '调解组织不予受理',
    MEDIATION_SUCCEEDED: '登记调解成功',
    MEDIATION_FAILED: '登记调解不成',
    ANSWER: '出具处理意见',
    REQUEST_REVIEW: '请求复查',
    ANSWER_REVIEW: '出具复查意见',
    REQUEST_RE_REVIEW: '请求复核',
    ANSWER_RE_REVIEW: '出具复核意见',
  },
  actorNames: { PETITION_OFFICER: '信访工作人员', MEDIATION_ORGANIZATION: '调解组织' },
  table: {
    REGISTERED: { ACCEPT: { to: 'ACCEPTED', by: OFFICER }, TRANSFER: { to: 'TRANSFERRED', by: OFFICER }, DECLINE: { to: 'NOT_ACCEPTED', by: OFFICER } },
    ACCEPTED: {
      EXTEND: { to: 'ACCEPTED', by: OFFICER },
      REFER_TO_MEDIATION: { to: 'REFERRED_TO_MEDIATION', by: OFFICER },
      ANSWER: { to: 'CONCLUDED', by: OFFICER },
    },
    NOT_ACCEPTED: {},
    TRANSFERRED: {},
    REFERRED_TO_MEDIATION: {
      EXTEND: { to: 'REFERRED_TO_MEDIATION', by: OFFICER },
      // The mediation organization declines: the item is back with the bureau, its handling clock still running.
      REFERRAL_REJECTED: { to: 'ACCEPTED', by: ORGANIZATION },
      MEDIATION_SUCCEEDED: { to: 'CONCLUDED', by: BOTH },
      MEDIATION_FAILED: { to: 'ACCEPTED', by: BOTH },
    },
    CONCLUDED: { REQUEST_REVIEW: { to: 'UNDER_REVIEW', by: OFFICER } },
    UNDER_REVIEW: { ANSWER_REVIEW: { to: 'REVIEWED', by: OFFICER } },
    REVIEWED: { REQUEST_RE_REVIEW: { to: 'UNDER_RE_REVIEW', by: OFFICER } },
    UNDER_RE_REVIEW: { ANSWER_RE_REVIEW: { to: 'RE_REVIEWED', by: OFFICER } },
    RE_REVIEWED: {},
  },
});

export const SATISFACTION = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** The petitioner rates once, after the item is closed (办结, 复查 or 复核 answered). */
export function checkRating(state: PetitionState, alreadyRated: boolean): void {
  if (!['CONCLUDED', 'REVIEWED', 'RE_REVIEWED'].includes(state))
    throw new DomainError('ILLEGAL_TRANSITION', '信访事项办结后方可评价', { from: state, event: 'RATE' });
  if (alreadyRated) throw new DomainError('ALREADY_RATED', '信访人已经评价过该事项');
}

/** Which clock runs in a state (null: none). */
export function runningClock(state: PetitionState): 'ROUTE' | 'HANDLE' | 'REVIEW' | 'RE_REVIEW' | null {
  if (state === 'REGISTERED') return 'ROUTE';
  if (state === 'ACCEPTED' || state === 'REFERRED_TO_MEDIATION') return 'HANDLE';
  if (state === 'UNDER_REVIEW') return 'REVIEW';
  if (state === 'UNDER_RE_REVIEW') return 'RE_REVIEW';
  return null;
}

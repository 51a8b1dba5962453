import { nextTier, type Tier } from './tiers.js';
import { defineWorkflow, DomainError } from '@jiefen/workflow';

/** 督办: an overdue dispute or docking, reminded (催办) and escalated to the next tier's supervisors until cleared. */
export const SUPERVISION_STATES = ['OPEN', 'CLEARED'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];
export const SUPERVISION_EVENTS = ['REMIND', 'ESCALATE', 'CLEAR'] as const;
export type SupervisionEvent = (typeof SUPERVISION_EVENTS)[number];

export const SUPERVISION_SUBJECTS = ['DISPUTE', 'DOCKING'] as const;
export type SupervisionSubject = (typeof SUPERVISION_SUBJECTS)[number];

/** The coordination and supervision post (协调督办岗), or the overdue scan itself. */
export type SupervisionActor = 'SUPERVISOR' | 'SYSTEM';
const SUPERVISOR = ['SUPERVISOR'] as const;

export const supervisionWorkflow = defineWorkflow<SupervisionState, SupervisionEvent, SupervisionActor>({
  name: '督办事项',
  states: SUPERVISION_STATES,
  events: SUPERVISION_EVENTS,
  stateNames: { OPEN: '督办中', CLEARED: '已销号' },
  eventNames: { REMIND: '催办', ESCALATE: '提级督办', CLEAR: '销号' },
  actorNames: { SUPERVISOR: '协调督办岗', SYSTEM: '系统' },
  table: {
    OPEN: {
      REMIND: { to: 'OPEN', by: SUPERVISOR },
      ESCALATE: { to: 'OPEN', by: SUPERVISOR },
      // Cleared by the overdue scan once the subject is back within its clock or finished.
      CLEAR: { to: 'CLEARED', by: ['SYSTEM', 'SUPERVISOR'] },
    },
    CLEARED: {},
  },
});

/** The next tier's supervisors; the county is the top. */
export function supervisionLevelAfterEscalation(level: Tier): Tier {
  const next = nextTier(level);
  if (!next) throw new DomainError('ILLEGAL_TRANSITION', '已由县级督办,不能再提级', { level });
  return next;
}

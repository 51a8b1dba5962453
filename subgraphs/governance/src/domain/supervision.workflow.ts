import { nextTier, type Tier } from './tiers.js';
import { RuleViolation } from './rule-violation.js';
import { defineWorkflow } from './workflow.js';

/** 督办: an overdue dispute or docking, reminded (催办) and escalated to the next tier's supervisors until cleared. */
export const SUPERVISION_STATES = ['OPEN', 'CLEARED'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];
export const SUPERVISION_EVENTS = ['REMIND', 'ESCALATE', 'CLEAR'] as const;
export type SupervisionEvent = (typeof SUPERVISION_EVENTS)[number];

export const SUPERVISION_SUBJECTS = ['DISPUTE', 'DOCKING'] as const;
export type SupervisionSubject = (typeof SUPERVISION_SUBJECTS)[number];

const SUPERVISOR = ['SUPERVISOR'];

export const supervisionWorkflow = defineWorkflow<SupervisionState, SupervisionEvent>({
  entity: '督办事项',
  states: SUPERVISION_STATES,
  events: SUPERVISION_EVENTS,
  stateNames: { OPEN: '督办中', CLEARED: '已销号' },
  eventNames: { REMIND: '催办', ESCALATE: '提级督办', CLEAR: '销号' },
  table: {
    OPEN: {
      REMIND: { to: 'OPEN', roles: SUPERVISOR },
      ESCALATE: { to: 'OPEN', roles: SUPERVISOR },
      // Cleared by the overdue scan once the subject is back within its clock or finished.
      CLEAR: { to: 'CLEARED', roles: ['SYSTEM', 'SUPERVISOR'] },
    },
    CLEARED: {},
  },
});

/** The next tier's supervisors; the county is the top. */
export function supervisionLevelAfterEscalation(level: Tier): Tier {
  const next = nextTier(level);
  if (!next) throw new RuleViolation('ILLEGAL_TRANSITION', '已由县级督办,不能再提级', { level });
  return next;
}

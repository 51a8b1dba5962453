import { RuleViolation } from './rule-violation.js';

/** Who acts: the roles of the caller (STAFF, SUPERVISOR …). */
export interface Actor {
  roles: readonly string[];
}

export interface Step<S extends string> {
  to: S;
  /** Any of these roles may take the step. */
  roles: readonly string[];
}

export type TransitionTable<S extends string, E extends string> = Record<S, Partial<Record<E, Step<S>>>>;

export interface Workflow<S extends string, E extends string> {
  states: readonly S[];
  events: readonly E[];
  table: TransitionTable<S, E>;
  /** The next state, or `ILLEGAL_TRANSITION` (no such step) / `FORBIDDEN` (not the actor's step). */
  transition(state: S, event: E, actor: Actor): S;
  /** Whether the step exists (whatever the actor). */
  can(state: S, event: E): boolean;
}

/** A state machine from its transition table, with Chinese names for messages. */
export function defineWorkflow<S extends string, E extends string>(definition: {
  entity: string;
  states: readonly S[];
  events: readonly E[];
  stateNames: Record<S, string>;
  eventNames: Record<E, string>;
  table: TransitionTable<S, E>;
}): Workflow<S, E> {
  const { entity, states, events, stateNames, eventNames, table } = definition;
  return {
    states,
    events,
    table,
    can: (state, event) => table[state]?.[event] !== undefined,
    transition(state, event, actor) {
      const step = table[state]?.[event];
      if (!step) {
        throw new RuleViolation('ILLEGAL_TRANSITION', `${entity}当前状态(${stateNames[state] ?? state})不允许执行“${eventNames[event] ?? event}”`, { from: state, event });
      }
      if (!actor.roles.some((r) => step.roles.includes(r))) {
        throw new RuleViolation('FORBIDDEN', `“${eventNames[event]}”须由${step.roles.map(roleName).join('或')}办理`, { event });
      }
      return step.to;
    },
  };
}

const ROLE_NAMES: Record<string, string> = { STAFF: '工作人员', SUPERVISOR: '协调督办岗', MEDIATOR: '调解员', SYSTEM: '系统', LEADER: '领导', ADMIN: '管理员' };
function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

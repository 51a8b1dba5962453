import { DomainError } from './errors.js';

export interface Step<S extends string, A extends string> {
  to: S;
  /** Who may cause this step: any of these actors (or a caller holding any of these roles). */
  by: readonly A[];
}

/**
 * Who acts: one of the workflow's actors (decided by the service from the caller and the record),
 * or a caller known by the roles it holds — a step is theirs when any role is among its `by`.
 */
export type ActorOf<A extends string> = A | { readonly roles: readonly string[] };

export interface WorkflowSpec<S extends string, E extends string, A extends string, F = never> {
  /** Chinese name of the record, for messages (e.g. 法院案件, 信访事项). */
  name: string;
  states: readonly S[];
  events: readonly E[];
  /** Chinese names: of states in messages (and GraphQL enum descriptions), of events and actors in messages. */
  stateNames: Record<S, string>;
  eventNames: Record<E, string>;
  actorNames: Record<A, string>;
  table: Record<S, Partial<Record<E, Step<S, A>>>>;
  /** The refusal of a step that exists but is not this actor's (default: who may take it). */
  forbidden?: (event: E, step: Step<S, A>) => string;
  /**
   * Rules a step must also pass beyond the table, on facts the service gathers (e.g. 调解前置: the
   * parties were notified before they consent). A guard throws a `DomainError` to refuse.
   */
  guards?: Partial<Record<E, (facts: F, state: S) => void>>;
}

export interface Workflow<S extends string, E extends string, A extends string, F = never> extends WorkflowSpec<S, E, A, F> {
  /**
   * The next state, or a `DomainError`: `ILLEGAL_TRANSITION` (no such step), `FORBIDDEN` (not this
   * actor's step) or the guard's own code. `facts` are required for a step that has a guard.
   */
  transition(state: S, event: E, actor: ActorOf<A>, facts?: F): S;
  /** Whether the step exists (whoever acts). */
  can(state: S, event: E): boolean;
  isFinal(state: S): boolean;
}

function allowed<A extends string>(step: Step<string, A>, actor: ActorOf<A>): boolean {
  return typeof actor === 'string' ? step.by.includes(actor) : actor.roles.some((role) => (step.by as readonly string[]).includes(role));
}

/** One state machine: a transition table, who may take each step, its guards, and the function that walks it. */
export function defineWorkflow<S extends string, E extends string, A extends string, F = never>(spec: WorkflowSpec<S, E, A, F>): Workflow<S, E, A, F> {
  const eventName = (event: E) => spec.eventNames[event] ?? event;
  const defaultForbidden = (event: E, step: Step<S, A>, actor: ActorOf<A>) =>
    typeof actor === 'string'
      ? `${spec.actorNames[actor] ?? actor}不能对${spec.name}执行“${eventName(event)}”`
      : `“${eventName(event)}”须由${step.by.map((a) => spec.actorNames[a] ?? a).join('或')}办理`;
  return {
    ...spec,
    transition(state, event, actor, facts) {
      const step = spec.table[state]?.[event];
      if (!step) {
        throw new DomainError('ILLEGAL_TRANSITION', `${spec.name}当前状态“${spec.stateNames[state] ?? state}”不允许执行“${eventName(event)}”`, {
          from: state,
          event,
        });
      }
      if (!allowed(step, actor)) {
        throw new DomainError('FORBIDDEN', spec.forbidden?.(event, step) ?? defaultForbidden(event, step, actor), { from: state, event });
      }
      const guard = spec.guards?.[event];
      if (guard) {
        // A programming error, not a refusal: the service forgot to gather what the rule needs.
        if (facts === undefined) throw new Error(`${spec.name}: “${eventName(event)}” needs its facts`);
        guard(facts, state);
      }
      return step.to;
    },
    can(state, event) {
      return spec.table[state]?.[event] !== undefined;
    },
    isFinal(state) {
      return Object.keys(spec.table[state] ?? {}).length === 0;
    },
  };
}

/**
 * A rule of an agency's work refused an action: a stable code, a Chinese message and details.
 * Pure (no GraphQL, no ORM): services turn it into the kit's coded error, and nothing is written.
 */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleError';
  }
}

export interface Step<S extends string, A extends string> {
  to: S;
  /** Who may cause this step. */
  by: readonly A[];
}

export interface WorkflowSpec<S extends string, E extends string, A extends string> {
  /** Chinese name of the record, for messages (e.g. 法院案件, 信访事项). */
  name: string;
  states: readonly S[];
  events: readonly E[];
  stateNames: Record<S, string>;
  eventNames: Record<E, string>;
  actorNames: Record<A, string>;
  table: Record<S, Partial<Record<E, Step<S, A>>>>;
}

export interface Workflow<S extends string, E extends string, A extends string> extends WorkflowSpec<S, E, A> {
  /** The next state, or `ILLEGAL_TRANSITION` (no such step) / `FORBIDDEN` (not this actor's step). */
  transition(state: S, event: E, actor: A): S;
  isFinal(state: S): boolean;
}

/** One state machine: a transition table and the function that walks it. */
export function defineWorkflow<S extends string, E extends string, A extends string>(spec: WorkflowSpec<S, E, A>): Workflow<S, E, A> {
  return {
    ...spec,
    transition(state, event, actor) {
      const step = spec.table[state]?.[event];
      const stateName = spec.stateNames[state] ?? state;
      if (!step) {
        throw new RuleError('ILLEGAL_TRANSITION', `${spec.name}当前状态“${stateName}”不允许执行“${spec.eventNames[event]}”`, { from: state, event });
      }
      if (!step.by.includes(actor)) {
        throw new RuleError('FORBIDDEN', `${spec.actorNames[actor]}不能对${spec.name}执行“${spec.eventNames[event]}”`, { from: state, event });
      }
      return step.to;
    },
    isFinal(state) {
      return Object.keys(spec.table[state] ?? {}).length === 0;
    },
  };
}

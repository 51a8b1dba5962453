import { registerEnumType } from 'type-graphql';
import type { Workflow } from '@jiefen/workflow';

/**
 * The GraphQL enum of a workflow's states, registered under `name`: the API's status type comes
 * from the same spec as the transition table, so a state added to the workflow is in the schema
 * and a value the workflow does not know cannot reach a client. Each value is described in Chinese
 * by the state's name, or by `descriptions` where the API says more (a clock, a consequence).
 * Returns the enum object (each state mapped to itself) to pass to `@Field(() => …)`.
 */
export function registerWorkflowEnum<S extends string>(
  workflow: Pick<Workflow<S, string, string, unknown>, 'states' | 'stateNames'>,
  name: string,
  description: string,
  descriptions: Partial<Record<S, string>> = {},
): Record<S, S> {
  const values = Object.fromEntries(workflow.states.map((state) => [state, state])) as Record<S, S>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(workflow.states.map((state) => [state, { description: descriptions[state] ?? workflow.stateNames[state] }])) as Record<
      S,
      { description: string }
    >,
  });
  return values;
}

/**
 * The Chinese name of a record's state, for its `statusLabel` beside `status`: taken from the
 * workflow spec (`stateNames`) the status enum is generated from, so the label and the enum's
 * description are one text. A list that is not a workflow passes `{ stateNames: NAMES }`.
 */
export function statusLabel(names: { stateNames: Readonly<Record<string, string>> }, state: string): string {
  return names.stateNames[state] ?? state;
}

import { registerEnumType } from 'type-graphql';
import { DISPUTE_CATEGORIES, DISPUTE_CATEGORY_CODES, type DisputeCategory } from '@jiefen/codes';

/**
 * The GraphQL enum of a closed list the domain already validates (a channel, a tier, a method…),
 * registered under `name` with every value described in Chinese by `names` — the compiler refuses
 * a value without its name. Inputs take it instead of a `String`, so a client sees the allowed
 * values (and their meaning) in the schema; the service's own check still guards every other caller.
 */
export function registerCodeEnum<T extends string>(name: string, description: string, values: readonly T[], names: Record<T, string>): Record<T, T> {
  const object = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(object, {
    name,
    description,
    valuesConfig: Object.fromEntries(values.map((v) => [v, { description: names[v] }])) as Record<T, { description: string }>,
  });
  return object;
}

/**
 * 纠纷类别 as an input enum, one for every agency: the value is the Latin code
 * (`NEIGHBOURHOOD`), described by the Chinese name, and the resolver receives the Chinese name
 * (`邻里`) that records, statistics and docking payloads keep. Outputs stay the Chinese name.
 */
export const DisputeCategoryEnum = Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [DISPUTE_CATEGORY_CODES[c], c])) as Record<string, DisputeCategory>;
registerEnumType(DisputeCategoryEnum, {
  name: 'DisputeCategory',
  description: '纠纷类别(人民调解统计口径)Dispute category',
  valuesConfig: Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [DISPUTE_CATEGORY_CODES[c], { description: c }])),
});

import type { SubgraphDefinition } from '@jiefen/subgraph-kit';

type Shape = number | { readonly [key: string]: Shape };

/** Refuses a value unlike the default it replaces: a whole number of days (or months), or an object with exactly the default's keys. */
function checkLike(path: string, value: unknown, like: Shape): void {
  if (typeof like === 'number') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new Error(`${path}: expected a whole number ≥ 0, got ${JSON.stringify(value)}`);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: expected an object like ${JSON.stringify(like)}`);
  const expected = Object.keys(like).sort();
  const given = Object.keys(value).sort();
  if (expected.join() !== given.join())
    throw new Error(`${path}: expected the keys ${expected.join(', ')} (a clock is replaced whole), got ${given.join(', ') || 'none'}`);
  for (const key of expected) checkLike(`${path}.${key}`, (value as Record<string, unknown>)[key], like[key]!);
}

/**
 * Parses a JSON object of clock overrides and checks each against the default it replaces: only
 * clocks the agency has, each of the same shape (whole days; an object clock — days per procedure,
 * a term of months and days — given whole). A mistake stops the start: a legal deadline silently
 * computed from a typo would be worse.
 */
export function parseClockOverrides<C extends object>(defaults: C, json: string, name: string): Partial<C> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${name} must be a JSON object of clocks`);
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(defaults, key)) throw new Error(`${name}: unknown clock "${key}" (known: ${Object.keys(defaults).join(', ')})`);
    checkLike(`${name}.${key}`, value, (defaults as Record<string, Shape>)[key]!);
  }
  return parsed as Partial<C>;
}

/** The environment variable holding an agency's clock overrides, e.g. `JIEFEN_COURT_CLOCKS`. */
export function clocksVariableOf(definition: SubgraphDefinition): string {
  return `JIEFEN_${definition.agency}_CLOCKS`;
}

/**
 * The definition with the clocks a deployment sets in `JIEFEN_<AGENCY>_CLOCKS` (a JSON object,
 * e.g. `{"delegatedMediationDays":20}`), validated against the agency's clocks; unchanged when
 * the variable is unset. Services read the clocks from the request context, so this is all it takes.
 */
export function withClocksFromEnv<D extends SubgraphDefinition>(definition: D, env: NodeJS.ProcessEnv = process.env): D {
  const name = clocksVariableOf(definition);
  const json = env[name];
  if (!json) return definition;
  const clocks = { ...definition.settings.clocks, ...parseClockOverrides(definition.settings.clocks, json, name) };
  return { ...definition, settings: { ...definition.settings, clocks } };
}

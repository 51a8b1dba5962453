import DataLoader from 'dataloader';

/**
 * A per-request DataLoader for a reverse lookup (`court_case.dispute_id IN (...)`): one query for
 * all keys of a tick, each key answered with its (possibly empty) list, in the query's order.
 */
export function manyByKey<K, V>(load: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const value of await load(keys)) {
      const key = keyOf(value);
      const group = groups.get(key);
      if (group) group.push(value);
      else groups.set(key, [value]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A per-request DataLoader by a unique key; a missing key resolves to `null`. */
export function oneByKey<K, V>(load: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const found = new Map<K, V>();
    for (const value of await load(keys)) found.set(keyOf(value), value);
    return keys.map((key) => found.get(key) ?? null);
  });
}

import type { FilterQuery } from '@mikro-orm/core';

/**
 * The keyset condition for rows after a cursor `[time, id]` in a (time, id) order, newest or
 * oldest first.
 */
export function afterCursor<T>(field: string, after: (string | number)[] | null, direction: 'asc' | 'desc'): FilterQuery<T> {
  if (!after) return {} as FilterQuery<T>;
  const op = direction === 'desc' ? '$lt' : '$gt';
  const at = new Date(String(after[0]));
  return { $or: [{ [field]: { [op]: at } }, { [field]: at, id: { [op]: String(after[1]) } }] } as FilterQuery<T>;
}

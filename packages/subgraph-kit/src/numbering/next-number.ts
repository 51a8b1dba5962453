import type { EntityManager } from '@mikro-orm/core';

/**
 * The next number of a series (`scope`), in the caller's transaction. The counter row
 * (`number_counter`, {@link NumberCounter}) is incremented with `update … returning`: its row lock
 * queues concurrent takers until the taking transaction ends, so N parallel registrations get N
 * distinct consecutive numbers, and a rollback gives its number back.
 *
 * `start` says the last number already used in the series when its counter does not exist yet
 * (rows numbered before the counter, or written by a bulk loader): it is asked only then, and two
 * first takers at once still get distinct numbers (the second waits on the first's insert and
 * increments it).
 */
export async function nextNumber(em: EntityManager, scope: string, start: () => Promise<number> | number = () => 0): Promise<number> {
  const execute = (sql: string, params: unknown[]) => em.getConnection().execute<{ last: number }[]>(sql, params, 'all', em.getTransactionContext());
  const [taken] = await execute(`update number_counter set last = last + 1 where scope = ? returning last`, [scope]);
  if (taken) return Number(taken.last);
  const first = (await start()) + 1;
  const [inserted] = await execute(
    `insert into number_counter (scope, last) values (?, ?) on conflict (scope) do update set last = number_counter.last + 1 returning last`,
    [scope, first],
  );
  return Number(inserted!.last);
}

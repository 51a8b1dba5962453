import type { EntityManager } from '@mikro-orm/core';
import { DomainError } from './errors.js';

/**
 * SQLSTATEs of a transaction PostgreSQL aborted so that a concurrent one could go on: 40P01
 * deadlock_detected (the victim it picks in a cycle of lock waits) and 40001 serialization_failure
 * (a REPEATABLE READ or SERIALIZABLE transaction that lost). The same work run again normally
 * succeeds. MikroORM reports both as `DeadlockException` (with the code); a raw statement
 * (`getConnection().execute`) throws the driver's error, with the code.
 */
const CONFLICT_SQLSTATES = new Set(['40P01', '40001']);

/** True when an error (or one in its `cause` chain) is PostgreSQL aborting a transaction over a conflict. */
export function isTransactionConflict(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (e.name === 'DeadlockException') return true;
  if (typeof e.code === 'string' && CONFLICT_SQLSTATES.has(e.code)) return true;
  return isTransactionConflict(e.cause, depth + 1);
}

export interface ConflictRetryOptions {
  /** Attempts in all, the first included (default 3). */
  attempts?: number;
  /** The longest random pause before the second attempt, doubled before each further one (default 25 ms). */
  backoffMs?: number;
  /** Told of each conflict that ended an attempt (`retrying`: whether another follows), for the log. */
  onConflict?: (error: unknown, attempt: number, retrying: boolean) => void;
}

/** Answered when every attempt was aborted over a conflict: nothing was changed, and the client may send it again. */
export function conflictPersisted(attempts: number): DomainError {
  return new DomainError('CONFLICT', '数据正被其他操作同时修改,本次操作未生效,请稍后重试', { attempts });
}

/**
 * Runs `work` and, when PostgreSQL aborted its transaction over a conflict
 * ({@link isTransactionConflict}), runs it again after a short random pause — at most `attempts`
 * times in all. Invariants:
 * - each attempt gets a fresh fork of `em` (an empty identity map, no transaction): nothing a
 *   failed attempt loaded or changed in memory reaches the next;
 * - an attempt is rerun only when none of its transactions committed. An aborted transaction is
 *   rolled back entirely (its nested transactions are savepoints inside it), so a rerun does the
 *   work once, not twice; an attempt that committed a transaction before the conflict fails with
 *   the conflict as it is;
 * - so `work` must write only through transactions of the entity manager it is given
 *   (`em.transactional`, a flush, statements given its transaction context), and have no effect
 *   outside its database that must not happen twice;
 * - it never runs inside a transaction: a conflict aborts the whole transaction, so only the code
 *   that owns the outermost one can run it again;
 * - when every attempt was aborted over a conflict, it fails with {@link conflictPersisted}; any
 *   other error fails at once, unchanged.
 */
export async function retryConflicts<T>(
  em: EntityManager,
  work: (em: EntityManager, attempt: number) => Promise<T>,
  options: ConflictRetryOptions = {},
): Promise<T> {
  if (em.isInTransaction()) throw new Error('retryConflicts runs a whole transaction: call it outside one');
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 25;
  for (let attempt = 1; ; attempt++) {
    // Its own event manager, so that the attempt's commits (and only its) are seen; transactions
    // forked from it clone it, and MikroORM reports the commits of outermost transactions only.
    const fork = em.fork({ cloneEventManager: true });
    let committed = false;
    fork.getEventManager().registerSubscriber({
      afterTransactionCommit: () => {
        committed = true;
      },
    });
    try {
      return await work(fork, attempt);
    } catch (error) {
      if (committed || !isTransactionConflict(error)) throw error;
      const retrying = attempt < attempts;
      options.onConflict?.(error, attempt, retrying);
      if (!retrying) throw conflictPersisted(attempts);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * backoffMs * 2 ** (attempt - 1)));
    }
  }
}

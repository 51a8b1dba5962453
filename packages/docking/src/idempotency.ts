import { createHash } from 'node:crypto';
import { helper, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { DomainError } from '@jiefen/subgraph-kit';
import { canonicalJson } from './envelope.js';

// 幂等键: a hand-over is one transaction (the case's change, the docking's outbox rows, its jobs),
// but a client that lost the answer (a crash, a gateway timeout) cannot tell whether it committed,
// and a plain retry then fails with ILLEGAL_TRANSITION (or starts a second docking). With a key,
// the retry gets the first result instead.

/** 8–64 characters a client can generate and send verbatim (a UUID fits). */
const KEY = /^[A-Za-z0-9._:-]{8,64}$/;

/** What the `idempotencyKey` argument means, for the schema (Chinese first). */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  '幂等键(可选):客户端为这一次移交生成的唯一值(如 UUID;8–64 位字母、数字或 . _ : -)。未收到答复时用同一幂等键原样重试,返回第一次的结果,不会重复移交。' +
  ' Idempotency key (optional): a retry with the same key and arguments returns the first result instead of handing the case over again.';

/** One call of a mutation that may carry an idempotency key. */
export interface IdempotentCall {
  caller: Caller;
  /** The mutation's name; a key used for one operation cannot be replayed for another. */
  operation: string;
  /** As the client sent it; null or absent: no idempotency (today's behaviour). */
  key: string | null | undefined;
  /** The mutation's other arguments as the client sent them: what makes a retry "the same request". */
  input: unknown;
}

type Row = Record<string, unknown>;

async function sql<T extends Row>(em: EntityManager, query: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(query, params, 'all', em.getTransactionContext());
}

/** The key, checked; null when there is none. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (!KEY.test(key)) throw DomainError.validation('idempotencyKey', '幂等键须为 8–64 位字母、数字或 . _ : -(建议使用 UUID)');
  return key;
}

/**
 * SHA-256 of the operation and its arguments. Through JSON first: input classes and dates become
 * plain values, and an argument sent as null counts as one left out (GraphQL treats them alike).
 */
function requestHashOf(operation: string, input: unknown): string {
  const json = JSON.stringify(input ?? {}, (_key, value: unknown) => (value === null ? undefined : value));
  const plain: unknown = JSON.parse(json);
  return createHash('sha256')
    .update(canonicalJson({ operation, input: plain }))
    .digest('hex');
}

/**
 * Runs a hand-over at most once per (caller, key). Invariants:
 * - the key's row is claimed as the first statement of the transaction that does the work, so it
 *   commits with the effect and its docking event or not at all: a failed run leaves no key, and a
 *   retry runs afresh;
 * - a concurrent duplicate waits on that claim (the primary key's uncommitted row) and, once the
 *   first commits, returns its result: one hand-over, one docking, one set of events;
 * - the same key from the same caller with different arguments (or for another operation) is
 *   refused with `IDEMPOTENCY_KEY_REUSED` before anything is written;
 * - without a key, `run` is called as it is (its own transaction, today's behaviour).
 *
 * `run` gets the entity manager to use (inside the claim's transaction when there is a key; the
 * services' own `transactional` then nests as a savepoint) and returns the record the mutation
 * answers with; a replay answers with that record as it is now.
 */
export async function idempotent<T extends { id: string }>(em: EntityManager, call: IdempotentCall, run: (em: EntityManager) => Promise<T>): Promise<T> {
  const key = checkIdempotencyKey(call.key);
  if (key === null) return run(em);
  const subject = call.caller.subject;
  const requestHash = requestHashOf(call.operation, call.input);
  return em.transactional(async (tx) => {
    const claimed = await sql(
      tx,
      `insert into idempotent_request (subject, key, operation, request_hash) values (?, ?, ?, ?)
       on conflict (subject, key) do nothing returning key`,
      [subject, key, call.operation, requestHash],
    );
    if (claimed.length === 0) {
      // READ COMMITTED: this statement sees the row the conflicting transaction committed.
      const [first] = await sql<{ operation: string; request_hash: string; result: { type: string; id: string } | null }>(
        tx,
        'select operation, request_hash, result from idempotent_request where subject = ? and key = ?',
        [subject, key],
      );
      if (!first || first.request_hash !== requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一项内容不同的请求:重试请原样提交原请求,新的请求请使用新的幂等键', {
          field: 'idempotencyKey',
          operation: first?.operation,
        });
      }
      // The claim and the result are written in one transaction: a committed row always has one.
      if (!first.result) throw new Error(`idempotent_request ${key} committed without a result`);
      return await tx.findOneOrFail<T>(first.result.type, { id: first.result.id } as FilterQuery<T>);
    }
    const value = await run(tx);
    const result = { type: helper(value).__meta.className, id: value.id };
    await sql(tx, 'update idempotent_request set result = ?::jsonb where subject = ? and key = ?', [JSON.stringify(result), subject, key]);
    return value;
  });
}

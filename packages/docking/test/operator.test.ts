import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { GraphQLSchema } from 'graphql';
import { PERSONAS, type Caller } from '@jiefen/auth';
import { buildFederatedSchema, DomainError, type SubgraphContext } from '@jiefen/subgraph-kit';
import type { TestDatabase } from '@jiefen/testing';
import { backoffDelay, createEventDeliveriesResolver, publishEvent } from '../src/index.js';
import { agencyDatabase, count } from './harness.js';

// type-graphql and @apollo/subgraph load graphql's CommonJS build: execute with the same module.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

let police: TestDatabase;
let schema: GraphQLSchema;

beforeAll(async () => {
  police = await agencyDatabase('operator');
  schema = await buildFederatedSchema({ resolvers: [createEventDeliveriesResolver('POLICE', 'policeEventDeliveries')] });
  for (const dockingId of ['O-1', 'O-2']) {
    await police.orm.em.fork().transactional((em) => publishEvent(em, { type: 'DockingRequested', dockingId, from: 'POLICE', to: 'JUSTICE', payload: {} }));
  }
  await police.orm.em
    .getConnection()
    .execute(`update docking_outbox set state = 'DEAD', attempts = 20, last_error = 'HTTP 503' where docking_id = 'O-2' and recipient = 'JUSTICE'`);
});

afterAll(async () => {
  await police?.drop();
});

const QUERY = `query($states: [String!], $limit: Int) { policeEventDeliveries(states: $states, limit: $limit) {
  counts { pending delivered failing dead } items { dockingId recipient state attempts lastError sequence } } }`;

async function query(caller: Caller | null, variables: Record<string, unknown> = {}) {
  const ctx = { caller, em: police.orm.em.fork(), requestId: 'test' } as unknown as SubgraphContext;
  return graphql({ schema, source: QUERY, variableValues: variables, contextValue: ctx });
}

/** The domain error a refused query failed with (the subgraph's formatter turns it into `extensions`). */
function refusal(result: Awaited<ReturnType<typeof query>>): { code?: string; field?: unknown } {
  const error = result.errors?.[0].originalError;
  return error instanceof DomainError ? { code: error.code, ...error.details } : {};
}

describe('operator view', () => {
  it('shows counts by state and the dead delivery with its last error to the agency’s operators', async () => {
    const admin = { ...PERSONAS['police-officer'], roles: ['STAFF', 'ADMIN'] } as Caller;
    const result = await query(admin);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      policeEventDeliveries: {
        counts: { pending: 3, delivered: 0, failing: 0, dead: 1 },
        items: [{ dockingId: 'O-2', recipient: 'JUSTICE', state: 'DEAD', attempts: 20, lastError: 'HTTP 503', sequence: 1 }],
      },
    });
    const pending = await query(admin, { states: ['PENDING'], limit: 2 });
    expect((pending.data?.policeEventDeliveries as { items: unknown[] }).items).toHaveLength(2);
  });

  it('refuses anyone else, and bad arguments, with coded errors', async () => {
    expect(refusal(await query(null)).code).toBe('UNAUTHENTICATED');
    expect(refusal(await query(PERSONAS['police-officer'])).code).toBe('FORBIDDEN');
    expect(refusal(await query({ ...PERSONAS['hub-coordinator'], roles: ['ADMIN'] } as Caller)).code).toBe('FORBIDDEN');
    const admin = { ...PERSONAS['police-officer'], roles: ['ADMIN'] } as Caller;
    expect(refusal(await query(admin, { states: ['LOST'] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'states' });
    expect(refusal(await query(admin, { limit: 0 }))).toEqual({ code: 'VALIDATION_FAILED', field: 'limit' });
    expect(await count(police, 'docking_outbox')).toBe(4);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, jitter only shortening the wait', () => {
    const policy = { initialMs: 100, factor: 2, maxMs: 1000, jitter: 0.2 };
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, policy, () => 0))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(3, policy, () => 1)).toBe(320);
  });
});

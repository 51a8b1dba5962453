import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@jiefen/auth';
import type { SubgraphDefinition } from '@jiefen/subgraph-kit';
import { callerOf, postGraphQL, startStack, type As, type GraphQLResponse, type Stack } from './stack.js';

/** The ways into one record the record gate guards (`defineRecordAccess` in the kit). */
export type RecordPath = 'root' | 'entities' | 'dispute' | 'docking';

/**
 * What a caller gets: the record in full, masked, or just present (`SEEN`, for a type without a
 * personal-data probe); `NONE` — it exists and they may not see it (null or left out; the root
 * field refuses with `FORBIDDEN` instead, so write that); `ABSENT` — no such record (null, or not
 * listed); or the error code the request is refused with.
 */
export type Expected = 'FULL' | 'MASKED' | 'SEEN' | 'NONE' | 'ABSENT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'VALIDATION_FAILED';

/** How a record type is reached and how to tell masked from full. */
export interface RecordTypeShape {
  /** The root lookup by id (`courtCase`). */
  root?: string;
  /** The contribution to the hub's Dispute (`courtCases`), a list. */
  dispute?: string;
  /** The contribution to the hub's Docking (`courtCase`), one record. */
  docking?: string;
  /**
   * A selection of personal data (`plaintiffIdNumber`, `parties { idNumber }`): a full reader gets
   * no `*` in any of its strings, a masked reader a `*` in every one.
   */
  personal?: string;
}

/** One record of the fixture: its type, id and the dispute / docking it is reached through. */
export interface RecordRef {
  type: string;
  id: string;
  disputeId?: string;
  dockingId?: string;
}

/** One row of the table: a record, one way in, and what each named caller gets. */
export interface RecordRuleCase {
  record: string;
  path: RecordPath;
  expect: Record<string, Expected>;
}

/** A root list: the total each caller sees (all inside their jurisdiction), or the code they are refused with. */
export interface ListCase {
  list: string;
  expect: Record<string, number | Exclude<Expected, 'FULL' | 'MASKED' | 'SEEN' | 'NONE' | 'ABSENT'>>;
}

/** Many disputes (or dockings) at once: the records each shows the caller, answered with one SQL statement. */
export interface BatchCase {
  type: string;
  path: 'dispute' | 'docking';
  as: string;
  keys: readonly string[];
  counts: readonly number[];
}

export interface RecordRuleSuite {
  subgraph: SubgraphDefinition;
  types: Record<string, RecordTypeShape>;
  /** Callers by name besides the personas (`court-staff`…) and `anonymous`. */
  callers?: Record<string, Caller | null>;
  /** The records the rows name, from the seeded stack (a test may add what the seed lacks). */
  records(stack: Stack): Promise<Record<string, RecordRef>> | Record<string, RecordRef>;
  cases: readonly RecordRuleCase[];
  lists?: readonly ListCase[];
  batches?: readonly BatchCase[];
}

type Node = Record<string, unknown>;

/** Every string under a node's personal-data selection (its `id` aside). */
function personalStrings(value: unknown, top = true): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => personalStrings(v, false));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (top && k === 'id' ? [] : personalStrings(v, false)));
  }
  return [];
}

function expectRecord(node: Node | null | undefined, ref: RecordRef, expected: Expected, shape: RecordTypeShape, label: string): void {
  if (expected === 'NONE' || expected === 'ABSENT') {
    expect(node ?? null, label).toBeNull();
    return;
  }
  expect(node, label).toBeTruthy();
  expect(String(node!.id), label).toBe(ref.id.toLowerCase());
  if (expected === 'SEEN') return;
  if (!shape.personal) throw new Error(`${ref.type}: ${expected} needs a personal-data probe (types.${ref.type}.personal); use SEEN`);
  const strings = personalStrings(node);
  expect(strings.length, `${label}: no personal data to probe`).toBeGreaterThan(0);
  if (expected === 'FULL')
    expect(
      strings.filter((s) => s.includes('*')),
      label,
    ).toEqual([]);
  else
    expect(
      strings.filter((s) => !s.includes('*')),
      label,
    ).toEqual([]);
}

function codeOf(response: GraphQLResponse<unknown>): unknown {
  return response.body.errors?.[0]?.extensions?.code;
}

/**
 * The record-rule conformance suite of one subgraph: boots it seeded, then checks every row of the
 * table — each caller through each way in (root field, `_entities`, `Dispute.<records>`,
 * `Docking.<record>`) — plus the root lists, batching of contributions and the gateway signature.
 */
export function recordRuleConformance(suite: RecordRuleSuite): void {
  const name = suite.subgraph.name;
  describe(`record rules: ${name}`, () => {
    let stack: Stack;
    let records: Record<string, RecordRef>;

    beforeAll(async () => {
      stack = await startStack({ subgraphs: [suite.subgraph], gateway: false, seed: true });
      records = await suite.records(stack);
    });
    afterAll(() => stack?.stop());

    const callerNamed = (who: string): As => {
      if (suite.callers && who in suite.callers) return suite.callers[who]!;
      return who === 'anonymous' ? null : who;
    };
    const ask = <T>(query: string, variables: Record<string, unknown>, who: string) => stack.querySubgraph<T>(name, query, variables, callerNamed(who));

    it('refuses every request without the gateway signature, _service and _entities included', async () => {
      const anyType = Object.keys(suite.types)[0]!;
      for (const query of [
        '{ _service { sdl } }',
        '{ __typename }',
        `{ _entities(representations: [{ __typename: "${anyType}", id: "x" }]) { __typename } }`,
      ]) {
        const result = await postGraphQL(stack.subgraphs[name]!.url, query);
        expect(result.status, query).toBe(401);
        expect(result.body.data, query).toBeUndefined();
        expect(result.body.errors![0]!.extensions!.code, query).toBe('UNAUTHENTICATED');
      }
      const forged = await postGraphQL(stack.subgraphs[name]!.url, '{ _service { sdl } }', {}, { 'x-jiefen-context': 'eyJhbGciOiJFZERTQSJ9.e30.AAAA' });
      expect(forged.status).toBe(401);
      expect(forged.body.data).toBeUndefined();
    });

    for (const row of suite.cases) {
      it(`${row.record} through ${row.path}: ${Object.entries(row.expect)
        .map(([who, e]) => `${who} ${e}`)
        .join(', ')}`, async () => {
        const ref = records[row.record];
        if (!ref) throw new Error(`no record ${row.record} in the fixture`);
        const shape = suite.types[ref.type];
        if (!shape) throw new Error(`no shape for ${ref.type}`);
        const fields = `id ${shape.personal ?? ''}`;
        for (const [who, expected] of Object.entries(row.expect)) {
          const label = `${who} → ${row.record} through ${row.path}`;
          if (row.path === 'root') {
            if (!shape.root) throw new Error(`${ref.type} has no root field`);
            if (expected === 'NONE') throw new Error(`${label}: the root field refuses with FORBIDDEN, write that`);
            const result = await ask<Record<string, Node | null>>(`query($id: ID!) { ${shape.root}(id: $id) { ${fields} } }`, { id: ref.id }, who);
            if (['FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED'].includes(expected)) {
              expect(codeOf(result), label).toBe(expected);
              expect(result.body.data?.[shape.root] ?? null, label).toBeNull();
            } else {
              expect(result.body.errors, label).toBeUndefined();
              expectRecord(result.body.data![shape.root], ref, expected, shape, label);
            }
            continue;
          }
          const [typename, key, selection] =
            row.path === 'entities'
              ? [ref.type, ref.id, fields]
              : row.path === 'dispute'
                ? ['Dispute', ref.disputeId, `${shape.dispute} { ${fields} }`]
                : ['Docking', ref.dockingId, `${shape.docking} { ${fields} }`];
          if (!key || (row.path !== 'entities' && !shape[row.path])) throw new Error(`${label}: the fixture or the shape lacks this way in`);
          const result = await ask<{ _entities: (Node | null)[] }>(
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
            { r: [{ __typename: typename, id: key }] },
            who,
          );
          if (['FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED'].includes(expected)) {
            expect(codeOf(result), label).toBe(expected);
            continue;
          }
          // `_entities` and the contributions never refuse: what the caller may not see is simply not there.
          expect(result.body.errors, label).toBeUndefined();
          const entity = result.body.data!._entities[0] ?? null;
          const node =
            row.path === 'entities'
              ? entity
              : row.path === 'dispute'
                ? (((entity?.[shape.dispute!] as Node[] | undefined) ?? []).find((n) => n.id === ref.id.toLowerCase()) ?? null)
                : ((entity?.[shape.docking!] as Node | null | undefined) ?? null);
          expectRecord(node, ref, expected, shape, label);
        }
      });
    }

    for (const row of suite.lists ?? []) {
      it(`lists ${row.list}: ${Object.entries(row.expect)
        .map(([who, e]) => `${who} ${e}`)
        .join(', ')}`, async () => {
        for (const [who, expected] of Object.entries(row.expect)) {
          const result = await ask<Record<string, { totalCount: number; edges: { node: { regionCode: string } }[] }>>(
            `{ ${row.list}(first: 100) { totalCount edges { node { regionCode } } } }`,
            {},
            who,
          );
          if (typeof expected === 'string') {
            expect(codeOf(result), who).toBe(expected);
            continue;
          }
          const page = result.body.data![row.list]!;
          expect(page.totalCount, who).toBe(expected);
          const caller = callerNamed(who);
          const jurisdiction = caller === null ? '' : callerOf(caller).jurisdiction;
          expect(
            page.edges.filter((e) => !e.node.regionCode.startsWith(jurisdiction)),
            who,
          ).toEqual([]);
        }
      });
    }

    for (const batch of suite.batches ?? []) {
      it(`answers ${batch.keys.length} ${batch.path === 'dispute' ? 'disputes' : 'dockings'}' ${batch.type} records for ${batch.as} with one SQL statement`, async () => {
        const shape = suite.types[batch.type]!;
        const field = batch.path === 'dispute' ? shape.dispute! : shape.docking!;
        const typename = batch.path === 'dispute' ? 'Dispute' : 'Docking';
        stack.subgraphs[name]!.queries.reset();
        const result = await ask<{ _entities: Node[] }>(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${field} { id } } } }`,
          { r: batch.keys.map((id) => ({ __typename: typename, id })) },
          batch.as,
        );
        expect(stack.subgraphs[name]!.queries.count).toBe(1);
        const counts = result.body.data!._entities.map((e) => {
          const value = e[field] as Node[] | Node | null;
          return Array.isArray(value) ? value.length : value ? 1 : 0;
        });
        expect(counts).toEqual(batch.counts);
      });
    }
  });
}

/** The same record with every id in upper case: the gate reads a UUID in any case as the same record. */
export function inUpperCase(ref: RecordRef): RecordRef {
  return { type: ref.type, id: ref.id.toUpperCase(), disputeId: ref.disputeId?.toUpperCase(), dockingId: ref.dockingId?.toUpperCase() };
}

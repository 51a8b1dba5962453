import 'reflect-metadata';
import type { EntityManager, EntityName, FilterQuery, OrderDefinition } from '@mikro-orm/core';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { DomainError } from './errors.js';
import { countRows, findRows, type Row } from './rows.js';

/** 分页信息 — shared by every connection of every subgraph, hence `@shareable`. */
@Directive('@shareable')
@ObjectType('PageInfo', { description: '分页信息 Page info (keyset cursors)' })
export class PageInfo {
  @Field(() => Boolean, { description: '是否还有下一页' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标' })
  endCursor!: string | null;
}

/** `first` / `after` arguments of every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: '每页条数(1–100)' })
  first: number = 20;

  @Field(() => String, { nullable: true, description: '从该游标之后开始' })
  after?: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** Opaque keyset cursor: the sort key values of the last row, base64url-encoded. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the validation error
  }
  throw DomainError.validation('after', '分页游标无效');
}

/** Validates `first` and decodes `after`. */
export function pageRequest(args: PageArgs, arity: number): { limit: number; after: (string | number)[] | null } {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw DomainError.validation('first', `每页条数须在 1 到 ${MAX_PAGE_SIZE} 之间`);
  }
  return { limit: args.first, after: args.after ? decodeCursor(args.after, arity) : null };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a connection from `limit + 1` fetched rows (the extra row only tells there is a next page). */
export function toConnection<R, T>(rows: R[], limit: number, totalCount: number, cursorOf: (row: R) => (string | number)[], map: (row: R) => T): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: map(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

/** A list's sort: fields in order, each ascending or descending; the last one is unique (the id), so the order is total. */
export type KeysetOrder = Readonly<Record<string, 'asc' | 'desc'>>;

/** What `keysetPage` lists: the rows that match, in which order, and which page of them. */
export interface KeysetQuery<E> {
  where: FilterQuery<E>;
  orderBy: KeysetOrder;
  page: PageArgs;
}

/** A cursor value of a row's sort field: instants as ISO strings, so the cursor is plain JSON. */
function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'number' ? value : String(value);
}

/**
 * One page of a list in keyset order (no OFFSET: a page costs the same however deep it is, and
 * rows added meanwhile neither repeat nor vanish). Validates `first`, decodes `after` (its values
 * are the last row's sort fields), fetches `first + 1` rows after it and counts all that match.
 * The page's records are plain rows (`findRows`): a list is read, never changed.
 */
export async function keysetPage<E extends object, T>(
  em: EntityManager,
  entity: EntityName<E>,
  query: KeysetQuery<E>,
  map: (row: Row<E>) => T,
): Promise<Connection<T>> {
  const keys = Object.entries(query.orderBy);
  const { limit, after } = pageRequest(query.page, keys.length);
  const properties = em.getMetadata().find(entity)?.properties as Record<string, { runtimeType?: string } | undefined> | undefined;
  const valueOf = (field: string, value: string | number) =>
    properties?.[field]?.runtimeType === 'Date' ? new Date(value) : typeof value === 'number' ? value : String(value);
  // Rows after the cursor: greater (or, descending, smaller) in the first field, or equal in it and after it in the next, …
  const keyset = after
    ? {
        $or: keys.map(([field, direction], i) => ({
          ...Object.fromEntries(keys.slice(0, i).map(([earlier], j) => [earlier, valueOf(earlier, after[j]!)])),
          [field]: { [direction === 'desc' ? '$lt' : '$gt']: valueOf(field, after[i]!) },
        })),
      }
    : {};
  const [rows, total] = await Promise.all([
    findRows(em, entity, { $and: [query.where, keyset] } as FilterQuery<E>, { orderBy: query.orderBy as OrderDefinition<E>, limit: limit + 1 }),
    countRows(em, entity, query.where),
  ]);
  const cursorOf = (row: Row<E>) => keys.map(([field]) => cursorValue((row as Record<string, unknown>)[field]));
  return toConnection(rows, limit, total, cursorOf, map);
}

/**
 * The GraphQL types of a connection: `<Name>Connection` with `<Name>Edge`s. `shareable` for a
 * connection that several subgraphs define alike (the access log).
 */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>, description: string, { shareable = false } = {}) {
  const directive = shareable ? Directive('@shareable') : () => undefined;
  @directive
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @directive
  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: '符合条件的总数' })
    totalCount!: number;
  }
  return ConnectionClass;
}

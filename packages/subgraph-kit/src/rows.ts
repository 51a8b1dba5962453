import {
  ArrayType,
  JsonType,
  QueryHelper,
  ReferenceKind,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type FilterQuery,
  type OrderDefinition,
  type Platform,
} from '@mikro-orm/core';
import { createHash } from 'node:crypto';

/**
 * A record as read for display: the entity's properties, as plain data (no ORM state, no getters,
 * not in the identity map). Read-only, so that a read path cannot change a row in the belief that a
 * flush will save it: a use case that changes a record loads the entity (unit of work) instead.
 */
export type Row<E> = { readonly [K in keyof E as E[K] extends (...args: never[]) => unknown ? never : K]: E[K] };

/** What `findRows` reads besides the filter. */
export interface RowQuery<E> {
  orderBy?: OrderDefinition<E>;
  limit?: number;
}

type Convert = (row: Record<string, unknown>) => void;

/**
 * The second half of MikroORM's hydration, per entity and generated from its metadata: the driver
 * has already mapped columns to property names, dates to `Date`s and booleans (its compiled result
 * mapper); what remains is each custom type's `convertToJSValue` (json, arrays, bigint, date,
 * decimal), called exactly as the hydrator calls it, so a row holds the values an entity would.
 */
const converters = new WeakMap<EntityMetadata, Convert>();

function converterOf(meta: EntityMetadata, platform: Platform): Convert {
  let convert = converters.get(meta);
  if (convert) return convert;
  const typed = meta.props.filter((p) => p.customType && p.fieldNames?.length && p.persist !== false).map((p) => [p.name, p.customType!] as const);
  convert = (row) => {
    for (const [name, type] of typed) {
      const value = row[name];
      if (value !== null && value !== undefined) row[name] = type.convertToJSValue(value, platform, { mode: 'serialization' });
    }
  };
  converters.set(meta, convert);
  return convert;
}

/**
 * The read path of every list and loader: one SELECT through MikroORM's driver (the same SQL as
 * `em.find`, the same filter and order syntax, in the request's transaction if there is one),
 * answered as plain rows keyed by property name — no entity is created, hydrated, merged into the
 * identity map or compared at flush. Writes keep loading entities.
 */
export async function findRows<E extends object>(em: EntityManager, entity: EntityName<E>, where: FilterQuery<E>, query: RowQuery<E> = {}): Promise<Row<E>[]> {
  const meta = em.getMetadata().get<E>(entity);
  const platform = em.getPlatform();
  if (!em.getTransactionContext()) {
    const keyed = keyedStatement(meta, platform, where, query);
    if (keyed) return readKeyed(em, meta, platform, keyed);
  }
  const processed = QueryHelper.processWhere<E>({ where, entityName: meta.className, metadata: em.getMetadata(), platform, aliased: true });
  const rows = await em.getDriver().find<E>(meta.className, processed, {
    ctx: em.getTransactionContext(),
    orderBy: query.orderBy ?? {},
    limit: query.limit,
    populate: [],
  });
  const convert = converterOf(meta, platform);
  for (const row of rows) convert(row as Record<string, unknown>);
  return rows as unknown as Row<E>[];
}

// ---------------------------------------------------------------------------------------------
// Keyed reads: the loaders' shape, planned once.
//
// Nearly every read of a request is a loader's "rows of E whose column is one of these keys" (or a
// list's first page of a plain filter): a handful of equalities on plain columns, an order, a
// limit. For that shape the SQL is the same text every time but for its values, so it is built once
// per entity and shape, sent with the keys as ONE array parameter (`= any($1)`: the same text for 1
// key or 100), and as a named prepared statement: each pooled connection parses and plans it once.
// MikroORM's query builder and knex are skipped (they were a quarter of a subgraph's CPU on the
// dispute page); what the rows become is unchanged: the driver's own result mapper and the custom
// types' conversion, exactly as above. Any other shape — operators, relations, json or array
// columns, nulls, a transaction's reads — takes the query builder as before.
// ---------------------------------------------------------------------------------------------

type Primitive = string | number | boolean;

interface Plan {
  name: string;
  text: string;
  /** For each condition, in order: the property (its custom type converts the values) and whether it takes a list. */
  conditions: { prop: EntityProperty; list: boolean }[];
}

interface KeyedStatement {
  plan: Plan;
  values: unknown[];
}

const plans = new WeakMap<EntityMetadata, Map<string, Plan>>();

const isPrimitive = (value: unknown): value is Primitive => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** A plain, stored column with no query semantics of its own (json paths, array containment). */
function plainColumn(meta: EntityMetadata, name: string): EntityProperty | null {
  const prop = meta.properties[name as keyof typeof meta.properties] as EntityProperty | undefined;
  if (!prop || prop.kind !== ReferenceKind.SCALAR || prop.persist === false || prop.fieldNames?.length !== 1) return null;
  if (prop.customType instanceof JsonType || prop.customType instanceof ArrayType) return null;
  return prop;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The statement for a keyed read, or null when `where`/`query` is not that shape. */
function keyedStatement<E extends object>(meta: EntityMetadata<E>, platform: Platform, where: FilterQuery<E>, query: RowQuery<E>): KeyedStatement | null {
  if (!where || typeof where !== 'object' || Array.isArray(where) || Object.getPrototypeOf(where) !== Object.prototype) return null;
  let shape = '';
  const raw: [string, Primitive | Primitive[]][] = [];
  for (const [name, condition] of Object.entries(where)) {
    let value: Primitive | Primitive[];
    if (isPrimitive(condition)) value = condition;
    else if (Array.isArray(condition)) value = condition;
    else if (condition && typeof condition === 'object' && Object.keys(condition).length === 1 && Array.isArray((condition as { $in?: unknown }).$in))
      value = (condition as { $in: Primitive[] }).$in;
    else if (condition && typeof condition === 'object' && Object.keys(condition).length === 1 && isPrimitive((condition as { $eq?: unknown }).$eq))
      value = (condition as { $eq: Primitive }).$eq;
    else return null;
    if (Array.isArray(value) && !value.every(isPrimitive)) return null;
    shape += `${name}${Array.isArray(value) ? '[]' : '='},`;
    raw.push([name, value]);
  }
  shape += '|';
  const orderBy = query.orderBy ?? {};
  if (typeof orderBy !== 'object' || Array.isArray(orderBy)) return null;
  for (const [name, direction] of Object.entries(orderBy)) {
    if (typeof direction !== 'string' || !/^(asc|desc)$/i.test(direction)) return null;
    shape += `${name} ${direction.toLowerCase()},`;
  }
  const limited = query.limit !== undefined && query.limit !== null;
  if (limited) shape += '|limit';

  let byShape = plans.get(meta as EntityMetadata);
  if (!byShape) plans.set(meta as EntityMetadata, (byShape = new Map()));
  let plan = byShape.get(shape);
  if (!plan) {
    const conditions: Plan['conditions'] = [];
    const where: string[] = [];
    for (const [name, value] of raw) {
      const prop = plainColumn(meta as EntityMetadata, name);
      if (!prop) return null;
      conditions.push({ prop, list: Array.isArray(value) });
      where.push(`"e0".${quote(prop.fieldNames[0]!)} ${Array.isArray(value) ? '= any' : '='}($${conditions.length})`);
    }
    const order: string[] = [];
    for (const [name, direction] of Object.entries(orderBy)) {
      const prop = plainColumn(meta as EntityMetadata, name);
      if (!prop) return null;
      order.push(`"e0".${quote(prop.fieldNames[0]!)} ${(direction as string).toLowerCase()}`);
    }
    const table = (meta.schema && meta.schema !== '*' ? `${quote(meta.schema)}.` : '') + quote(meta.collection);
    const text =
      `select "e0".* from ${table} as "e0"` +
      (where.length ? ` where ${where.join(' and ')}` : '') +
      (order.length ? ` order by ${order.join(', ')}` : '') +
      (limited ? ` limit $${conditions.length + 1}` : '');
    plan = { name: `jf_rows_${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`, text, conditions };
    byShape.set(shape, plan);
  }
  const values: unknown[] = raw.map(([, value], i) => {
    const { prop } = plan.conditions[i]!;
    const type = prop.customType;
    const convert = (v: Primitive) => (type ? type.convertToDatabaseValue(v, platform, { fromQuery: true, key: prop.name, mode: 'query' }) : v);
    return Array.isArray(value) ? value.map(convert) : convert(value);
  });
  if (limited) values.push(query.limit);
  return { plan, values };
}

/** The pooled `pg` client's part we use. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
  emit(event: 'query', data: { sql: string; bindings: unknown[]; method: 'select' }): boolean;
}

async function readKeyed<E extends object>(
  em: EntityManager,
  meta: EntityMetadata<E>,
  platform: Platform,
  { plan, values }: KeyedStatement,
): Promise<Row<E>[]> {
  const knex = (em.getConnection() as unknown as { getKnex(): { client: KnexClient } }).getKnex().client;
  const connection = await knex.acquireConnection();
  let rows: Record<string, unknown>[];
  try {
    // Counted like any statement knex sends (the kit's statement counts and N+1 tests listen here).
    knex.emit('query', { sql: plan.text, bindings: values, method: 'select' });
    rows = (await connection.query({ name: plan.name, text: plan.text, values })).rows;
  } finally {
    await knex.releaseConnection(connection);
  }
  const driver = em.getDriver();
  const convert = converterOf(meta as EntityMetadata, platform);
  return rows.map((row) => {
    const mapped = driver.mapResult(row as never, meta as never) as Record<string, unknown>;
    convert(mapped);
    return mapped as unknown as Row<E>;
  });
}

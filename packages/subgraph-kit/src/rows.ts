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
 * The read path of every list and loader: one SELECT with `em.find`'s filter and order syntax —
 * compiled to a parameterized statement where the filter is plain (below), else through MikroORM's
 * driver (in the request's transaction if there is one) — answered as plain rows keyed by property
 * name: no entity is created, hydrated, merged into the identity map or compared at flush. Writes
 * keep loading entities.
 */
export async function findRows<E extends object>(em: EntityManager, entity: EntityName<E>, where: FilterQuery<E>, query: RowQuery<E> = {}): Promise<Row<E>[]> {
  const meta = em.getMetadata().get<E>(entity);
  const platform = em.getPlatform();
  const driver = em.getDriver();
  const statement = em.getTransactionContext() ? null : selectStatement(meta, platform, where, query);
  const rows = statement
    ? (await run(em, statement)).map((row) => driver.mapResult(row as never, meta as never) as Record<string, unknown>)
    : await driver.find<E>(
        meta.className,
        QueryHelper.processWhere<E>({ where, entityName: meta.className, metadata: em.getMetadata(), platform, aliased: true }),
        {
          ctx: em.getTransactionContext(),
          orderBy: query.orderBy ?? {},
          limit: query.limit,
          populate: [],
        },
      );
  const convert = converterOf(meta, platform);
  for (const row of rows) convert(row as Record<string, unknown>);
  return rows as unknown as Row<E>[];
}

/**
 * How many rows match `where` (a list's `totalCount`): one `count(*)` through the same compiled,
 * prepared path as {@link findRows} where the filter allows, else MikroORM's `em.count`.
 */
export async function countRows<E extends object>(em: EntityManager, entity: EntityName<E>, where: FilterQuery<E>): Promise<number> {
  if (!em.getTransactionContext()) {
    const meta = em.getMetadata().get<E>(entity);
    const statement = countStatement(meta, em.getPlatform(), where);
    if (statement) return Number((await run(em, statement))[0]!.count);
  }
  return em.count(entity, where);
}

// ---------------------------------------------------------------------------------------------
// Reads compiled once, sent with parameters.
//
// MikroORM 6 writes every value into the SQL text (its `formatQuery`) and sends a simple query:
// PostgreSQL parses and plans each statement anew, and building it (query builder, knex, criteria
// nodes, escaping) was a quarter of a subgraph's CPU on the dispute page. The reads of the lists and
// loaders are plain: equalities, `in`, ranges, `like` prefixes, `is null`, `and`/`or`, an order and
// a limit, on the entity's own columns. Those are compiled here to SQL with `$n` parameters — a
// list of keys is ONE array parameter (`= any($1)`), so the text is the same for 1 key or 100 — and
// a statement of equalities and key lists is sent as a named prepared statement: each pooled
// connection parses and plans it once (a `like` prefix or a range is planned for its value). The rows
// become what `em.find` would give: the driver's own result mapper and the custom types'
// conversion, exactly as above. Anything else (json or array columns, relations, other operators,
// raw fragments, a transaction's reads) takes MikroORM's path as before.
// ---------------------------------------------------------------------------------------------

interface Statement {
  text: string;
  values: unknown[];
  /** Whether one plan serves every value: prepared by name only then (see `Compiler.planPerValue`). */
  prepared: boolean;
}

type Scalar = string | number | boolean | Date;

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || (value instanceof Date && !Number.isNaN(value.getTime()));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A plain, stored column with no query semantics of its own (json paths, array containment). */
function plainColumn(meta: EntityMetadata, name: string): EntityProperty | null {
  const prop = meta.properties[name as keyof typeof meta.properties] as EntityProperty | undefined;
  if (!prop || prop.kind !== ReferenceKind.SCALAR || prop.persist === false || prop.fieldNames?.length !== 1) return null;
  if (prop.customType instanceof JsonType || prop.customType instanceof ArrayType) return null;
  return prop;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

const COMPARISONS: Record<string, string> = { $eq: '=', $ne: '<>', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=', $like: 'like' };

/** Not a shape compiled here: the caller falls back to MikroORM. */
class Unsupported extends Error {}

/** Compiles a filter to a `where` condition, pushing its values as `$n` parameters. */
class Compiler {
  readonly values: unknown[] = [];
  /**
   * A `like` prefix or a range is planned for its value: which index serves `region_code like $1`
   * depends on the prefix (a province or one village), and a prepared statement's generic plan,
   * which PostgreSQL adopts after five executions, cannot use the pattern index at all. Such
   * statements go unnamed (parsed and planned with their values each time); equalities and key
   * lists, whose plan is the same for any value, are prepared.
   */
  planPerValue = false;

  constructor(
    private readonly meta: EntityMetadata,
    private readonly platform: Platform,
  ) {}

  private param(prop: EntityProperty, value: Scalar | Scalar[]): string {
    const type = prop.customType;
    const convert = (v: Scalar) => (type ? type.convertToDatabaseValue(v, this.platform, { fromQuery: true, key: prop.name, mode: 'query' }) : v);
    this.values.push(Array.isArray(value) ? value.map(convert) : convert(value));
    return `$${this.values.length}`;
  }

  column(name: string): [EntityProperty, string] {
    const prop = plainColumn(this.meta, name);
    if (!prop) throw new Unsupported();
    return [prop, `"e0".${quote(prop.fieldNames[0]!)}`];
  }

  /** A conjunction: `{ a: …, b: …, $and: [...], $or: [...] }`. */
  where(node: unknown): string {
    if (!isPlainObject(node)) throw new Unsupported();
    const parts: string[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(value)) throw new Unsupported();
        const inner = value.map((v) => this.where(v)).filter((c) => c !== '');
        if (inner.length === 0) {
          if (key === '$or' && value.length > 0) throw new Unsupported();
          continue;
        }
        parts.push(inner.length === 1 ? inner[0]! : `(${inner.join(key === '$and' ? ' and ' : ' or ')})`);
      } else if (key.startsWith('$')) {
        throw new Unsupported();
      } else {
        parts.push(this.condition(key, value));
      }
    }
    return parts.length <= 1 ? (parts[0] ?? '') : `(${parts.join(' and ')})`;
  }

  /** One column's condition: a value, null, a list of values, or an object of operators. */
  private condition(name: string, value: unknown): string {
    const [prop, column] = this.column(name);
    if (value === null) return `${column} is null`;
    if (isScalar(value)) return `${column} = ${this.param(prop, value)}`;
    if (Array.isArray(value)) return this.list(prop, column, value);
    if (!isPlainObject(value)) throw new Unsupported();
    const parts = Object.entries(value).map(([op, operand]) => {
      if (op === '$in') return this.list(prop, column, operand);
      if ((op === '$eq' || op === '$ne') && operand === null) return `${column} is ${op === '$eq' ? '' : 'not '}null`;
      const sql = COMPARISONS[op];
      if (!sql || !isScalar(operand) || (op === '$like' && typeof operand !== 'string')) throw new Unsupported();
      if (op !== '$eq') this.planPerValue = true;
      return `${column} ${sql} ${this.param(prop, operand)}`;
    });
    if (parts.length === 0) throw new Unsupported();
    return parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
  }

  private list(prop: EntityProperty, column: string, values: unknown): string {
    if (!Array.isArray(values) || !values.every(isScalar)) throw new Unsupported();
    return `${column} = any(${this.param(prop, values)})`;
  }
}

function tableOf(meta: EntityMetadata): string {
  return (meta.schema && meta.schema !== '*' ? `${quote(meta.schema)}.` : '') + quote(meta.collection);
}

function compile(meta: EntityMetadata, platform: Platform, where: unknown, build: (compiler: Compiler, condition: string) => string): Statement | null {
  const compiler = new Compiler(meta, platform);
  try {
    const condition = compiler.where(where ?? {});
    const text = build(compiler, condition);
    return { text, values: compiler.values, prepared: !compiler.planPerValue };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

function selectStatement<E extends object>(meta: EntityMetadata<E>, platform: Platform, where: FilterQuery<E>, query: RowQuery<E>): Statement | null {
  return compile(meta as EntityMetadata, platform, where, (compiler, condition) => {
    const orderBy = query.orderBy ?? {};
    if (!isPlainObject(orderBy)) throw new Unsupported();
    const order = Object.entries(orderBy).map(([name, direction]) => {
      if (typeof direction !== 'string' || !/^(asc|desc)$/i.test(direction)) throw new Unsupported();
      return `${compiler.column(name)[1]} ${direction.toLowerCase()}`;
    });
    let text = `select "e0".* from ${tableOf(meta as EntityMetadata)} as "e0"`;
    if (condition) text += ` where ${condition}`;
    if (order.length) text += ` order by ${order.join(', ')}`;
    if (query.limit !== undefined && query.limit !== null) {
      compiler.values.push(query.limit);
      text += ` limit $${compiler.values.length}`;
    }
    return text;
  });
}

function countStatement<E extends object>(meta: EntityMetadata<E>, platform: Platform, where: FilterQuery<E>): Statement | null {
  return compile(meta as EntityMetadata, platform, where, (_compiler, condition) => {
    return `select count(*) as "count" from ${tableOf(meta as EntityMetadata)} as "e0"` + (condition ? ` where ${condition}` : '');
  });
}

/** Statement names by text: a pooled connection prepares each text once, under this name. */
const names = new Map<string, string>();
const MAX_NAMES = 2000;

/** The text's statement name; none (an unnamed statement) once MAX_NAMES texts have one. */
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  // Filters built from a caller's choices vary in shape: the names, and what each connection keeps
  // prepared, stay bounded.
  if (!name && names.size < MAX_NAMES) names.set(text, (name = `jf_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`));
  return name;
}

/** The pooled `pg` client's part we use. */
interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
  emit(event: 'query', data: { sql: string; bindings: unknown[]; method: 'select' }): boolean;
}

async function run(em: EntityManager, { text, values, prepared }: Statement): Promise<Record<string, unknown>[]> {
  const knex = (em.getConnection() as unknown as { getKnex(): { client: KnexClient } }).getKnex().client;
  const connection = await knex.acquireConnection();
  try {
    // Counted like any statement knex sends (the kit's statement counts and N+1 tests listen here).
    knex.emit('query', { sql: text, bindings: values, method: 'select' });
    const name = prepared ? nameOf(text) : undefined;
    return (await connection.query({ ...(name ? { name } : {}), text, values })).rows;
  } finally {
    await knex.releaseConnection(connection);
  }
}

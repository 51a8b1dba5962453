import { QueryHelper, type EntityManager, type EntityMetadata, type EntityName, type FilterQuery, type OrderDefinition, type Platform } from '@mikro-orm/core';

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

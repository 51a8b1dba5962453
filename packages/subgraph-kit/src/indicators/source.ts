// What an indicator source is: the tables and figures an agency counts (sql.ts counts them from
// the records, rollup.ts keeps their per-region, per-day totals).

/**
 * One figure an agency counts in SQL over one table (aliased `x`):
 * - `when`: the column holding the moment the event happened; counted when it falls in the period.
 *   Without it the figure is a snapshot of now (open and overdue now), whatever the period.
 * - `where`: a further condition on `x` (constant SQL, no parameters).
 * - `sum`: a column summed instead of counting rows.
 * - `readsClock`: `where` compares with now (overdue, due by today): the figure changes with time
 *   alone, so it is always counted from the records, never kept in the source's totals.
 */
export interface Measure {
  when?: string;
  where?: string;
  sum?: string;
  readsClock?: boolean;
}

/**
 * A table an agency counts figures from: `from` names it with the alias `x`, `region` its region
 * column. `from` may write `:prefix` for the scopes' region prefix (a LIKE pattern, bound as a
 * parameter) to narrow a table it joins to the same range of its own region index.
 */
export interface IndicatorSource<K extends string = string> {
  from: string;
  region?: string;
  measures: Record<K, Measure>;
  /** Per-region, per-day totals of the stored figures (rollup.ts): periods of whole China days read them instead of the records. */
  rollup?: RollupSpec;
}

export type Counts<K extends string = string> = Record<K, number>;

/** What an indicator source keeps per region and day, and how a change to what it reads finds what it moves. */
export interface RollupSpec {
  /** The tables' name stem (`<name>_own`, `<name>_tree`, functions `<name>_…`); unique in the database. */
  name: string;
  /**
   * A source reading more than one table (a join; a figure's condition reading another table):
   * `column` of `x` names the record each of its rows belongs to (a case's id), `tables` lists every
   * table it reads with the value of that column a changed row `r` moves (`r.id`, `r.case_id`, an
   * expression that is null for none), `keys` a table's primary key column where it is not `id`. Without `root`, the source
   * reads one table.
   */
  root?: { column: string; tables: Record<string, string>; keys?: Record<string, string> };
  /** The one table a source without `root` reads, when its `from` is not written `<table> x …`. */
  table?: string;
}

/** Whether a figure is kept in the totals: an event in time whose condition does not read the clock. */
export const isStored = (measure: Measure): boolean => !!measure.when && !measure.readsClock;

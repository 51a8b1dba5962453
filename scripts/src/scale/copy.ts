// COPY … FROM STDIN writers: rows are buffered per table and each database's buffers go out as one
// COPY per table over a single connection per database (six in all: the server may be shared).
// Every COPY names its columns, so columns added later (nullable or with a default) do not break
// the loader.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseConfig } from '@jiefen/database';

/** A jsonb value (an array given as a plain array is a PostgreSQL array instead). */
export class JsonCell {
  constructor(readonly value: unknown) {}
}
export const json = (value: unknown) => new JsonCell(value);

export type Cell = string | number | boolean | Date | null | undefined | readonly string[] | JsonCell;

/** One value in COPY's text format: `\N` for null, backslash escapes for tab, newline, CR and backslash. */
function text(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escape(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof JsonCell) return escape(JSON.stringify(value.value));
  return escape(`{${value.map((v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
}

const SPECIAL = /[\\\t\n\r]/;
function escape(s: string): string {
  return SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A table being loaded: `row()` buffers a line of COPY text. */
export class CopyTable {
  buffer: string[] = [];
  rows = 0;
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  row(values: readonly Cell[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    this.buffer.push(`${values.map(text).join('\t')}\n`);
    this.rows += 1;
  }
}

/** The tables of one database being loaded together, over one connection. */
export class CopySet {
  private readonly tables = new Map<string, CopyTable>();
  private client: pg.Client | null = null;
  /** The COPYs of the previous batch: the next batch is generated while they run. */
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly config: DatabaseConfig) {}

  async open(table: string, columns: readonly string[]): Promise<CopyTable> {
    if (!this.client) {
      const c = this.config;
      this.client = new pg.Client({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.dbName });
      await this.client.connect();
      // Loading is the only work on these tables; a lost load is simply run again.
      await this.client.query('set synchronous_commit = off');
    }
    const t = new CopyTable(table, columns);
    this.tables.set(table, t);
    return t;
  }

  get(table: string): CopyTable {
    const t = this.tables.get(table);
    if (!t) throw new Error(`table ${table} not opened`);
    return t;
  }

  /** Sends the buffered rows (waiting for the previous batch first, so at most one runs). */
  async flush(): Promise<void> {
    await this.pending;
    const batch = [...this.tables.values()].filter((t) => t.buffer.length).map((t) => ({ t, lines: t.buffer.splice(0) }));
    this.pending = (async () => {
      for (const { t, lines } of batch) await this.copy(t, lines);
    })();
    // Surfaces at the next flush or at end(); never unhandled.
    this.pending.catch(() => undefined);
  }

  private async copy(t: CopyTable, lines: string[]): Promise<void> {
    const stream = this.client!.query(copyFrom(`copy ${t.table} (${t.columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(lines.join(''));
    });
  }

  async end(): Promise<void> {
    await this.flush();
    await this.pending;
    await this.client?.end();
    this.client = null;
  }

  async abort(): Promise<void> {
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.tables.values()].map((t) => [t.table, t.rows]));
  }
}

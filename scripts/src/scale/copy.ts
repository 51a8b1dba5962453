// COPY … FROM STDIN writers: one connection and one COPY stream per table, fed in batches with
// backpressure. Every COPY names its columns, so columns added later (nullable or with a default)
// do not break the loader.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
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

/** A table being loaded: `row()` buffers, `flush()` writes the buffer and waits while the stream is full. */
export class CopyTable {
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  private constructor(
    readonly table: string,
    readonly columns: readonly string[],
    private readonly client: pg.Client,
    private readonly stream: Writable,
    private readonly done: Promise<unknown>,
  ) {}

  static async open(config: DatabaseConfig, table: string, columns: readonly string[]): Promise<CopyTable> {
    const client = new pg.Client({ host: config.host, port: config.port, user: config.user, password: config.password, database: config.dbName });
    await client.connect();
    // Loading is the only work on these tables; a lost load is simply run again.
    await client.query('set synchronous_commit = off');
    const stream = client.query(copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
    const done = new Promise((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // An error surfaces from `done` (awaited at the end) or from the next write; never unhandled.
    done.catch(() => undefined);
    return new CopyTable(table, columns, client, stream, done);
  }

  row(values: readonly Cell[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    const line = `${values.map(text).join('\t')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    try {
      await this.done;
    } finally {
      await this.client.end();
    }
  }

  /** Gives up (after another table failed): ends the connection without committing. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await this.client.end().catch(() => undefined);
  }
}

/** The tables of one database being loaded together. */
export class CopySet {
  private readonly tables = new Map<string, CopyTable>();
  constructor(private readonly config: DatabaseConfig) {}

  async open(table: string, columns: readonly string[]): Promise<CopyTable> {
    const t = await CopyTable.open(this.config, table, columns);
    this.tables.set(table, t);
    return t;
  }

  get(table: string): CopyTable {
    const t = this.tables.get(table);
    if (!t) throw new Error(`table ${table} not opened`);
    return t;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.tables.values()].map((t) => t.flush()));
  }

  async end(): Promise<void> {
    await Promise.all([...this.tables.values()].map((t) => t.end()));
  }

  async abort(): Promise<void> {
    await Promise.all([...this.tables.values()].map((t) => t.abort()));
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.tables.values()].map((t) => [t.table, t.rows]));
  }
}

// `seedScale`: a province's worth of data in the six agencies' databases, by COPY. Used by
// `npm run seed -- --disputes N` and by the benchmark.
import pg from 'pg';
import { ensureDatabase, installDerived, migrate, openDatabase, type DatabaseConfig } from '@jiefen/database';
import { subgraphs } from '@jiefen/schema';
import { CopySet } from './copy.js';
import { GovernanceWriter, openGovernance, writeRegions, writeScreening } from './governance.js';
import { JusticeWriter, openJustice } from './justice.js';
import { planDispute } from './plan.js';
import { openCourt, openPetition, openPolice, openProcuratorate, type SenderWriter } from './senders.js';
import { buildWorld, loadRegions } from './world.js';

export interface ScaleOptions {
  disputes: number;
  /** Same seed, same `now` → the same rows. */
  seed: number;
  /** Each subgraph's database, by name (governance, justice, court, police, procuratorate, petition). */
  configs: Record<string, DatabaseConfig>;
  personKeySecret: string;
  /** Truncate the agencies' tables first instead of refusing to load over existing data. */
  reset?: boolean;
  /** The end of the three years (default: now, to the minute). */
  now?: Date;
  onProgress?(done: number, total: number, elapsedMs: number): void;
  log?(message: string): void;
}

export interface ScaleResult {
  disputes: number;
  rows: Record<string, Record<string, number>>;
  milliseconds: { prepare: number; load: number; analyze: number };
}

/** Tables whose rows make an agency's database "not empty": its own records and the docking ledger. */
const GUARDED: Record<string, string[]> = {
  governance: ['region', 'dispute', 'docking', 'screening_report', 'service_item'],
  justice: ['mediation_organization', 'mediation_case'],
  court: ['court_case', 'judicial_confirmation'],
  police: ['police_incident'],
  procuratorate: ['procuratorate_case'],
  petition: ['petition_item'],
};

async function withClient<T>(config: DatabaseConfig, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: config.host, port: config.port, user: config.user, password: config.password, database: config.dbName });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function prepare(name: string, config: DatabaseConfig, reset: boolean): Promise<void> {
  const definition = subgraphs.find((s) => s.name === name)!;
  // --reset drops the agency's database and migrates a new one: the access log is append-only (a
  // trigger refuses TRUNCATE), and nothing is disabled to get round it. A database in use (npm start
  // running) is not dropped: PostgreSQL refuses, and the error says so.
  if (reset) await withClient({ ...config, dbName: 'postgres' }, (client) => client.query(`drop database if exists "${config.dbName.replace(/"/g, '""')}"`));
  await ensureDatabase(config);
  const orm = await openDatabase(definition.database, config);
  try {
    // The migrations only: the indicator totals' triggers would recompute each region on every
    // batch's COPY; the totals are built once from all the records after the load (`buildTotals`).
    await migrate(orm);
    await installDerived(orm, []);
  } finally {
    await orm.close();
  }
  await withClient(config, async (client) => {
    await client.query('create table if not exists jiefen_seed (name text primary key, applied_at timestamptz not null default now())');
    for (const table of GUARDED[name] ?? []) {
      const { rows } = await client.query<{ any: boolean }>(`select exists (select 1 from "${table}") as any`);
      if (rows[0]!.any)
        throw new Error(
          `${name}: table ${table} already holds data (${config.dbName} on ${config.host}:${config.port}); the scale data loads into empty tables only — run with --reset to drop and re-create the agencies' databases first`,
        );
    }
  });
}

/** Installs the agency's derived objects (its indicator totals), filled from the records just loaded. */
async function buildTotals(name: string, config: DatabaseConfig): Promise<void> {
  const definition = subgraphs.find((s) => s.name === name)!;
  const orm = await openDatabase(definition.database, config);
  try {
    await installDerived(orm, definition.database.derived ?? []);
  } finally {
    await orm.close();
  }
}

/** Loads `disputes` disputes and everything around them into the six databases (migrated first). */
export async function seedScale(options: ScaleOptions): Promise<ScaleResult> {
  const log = options.log ?? (() => undefined);
  const names = ['governance', 'justice', 'court', 'police', 'procuratorate', 'petition'];
  const started = performance.now();
  for (const name of names) await prepare(name, options.configs[name]!, options.reset ?? false);
  const world = buildWorld(await loadRegions('32'));
  log(
    `regions: ${world.regions.length} (${world.counties.length} counties, ${world.towns.length} towns, ${world.places.length} places); roster: ${world.roster.length} organizations`,
  );
  const prepared = performance.now();

  const sets = Object.fromEntries(names.map((name) => [name, new CopySet(options.configs[name]!)])) as Record<string, CopySet>;
  const now = (options.now ?? new Date()).getTime();
  const { seed } = options;
  try {
    await openGovernance(sets.governance!);
    await openJustice(sets.justice!);
    const senders: SenderWriter[] = [
      await openCourt(sets.court!, seed),
      await openPolice(sets.police!, seed),
      await openPetition(sets.petition!, seed),
      await openProcuratorate(sets.procuratorate!, seed),
    ];
    writeRegions(sets.governance!, world);
    const governance = new GovernanceWriter(sets.governance!, seed, options.personKeySecret);
    const justice = new JusticeWriter(sets.justice!, seed, world);
    const batch = 2000;
    for (let n = 1; n <= options.disputes; n += 1) {
      const plan = planDispute(world, seed, n, now);
      governance.write(plan);
      justice.write(plan);
      for (const s of senders) s.write(plan);
      if (n % batch === 0 || n === options.disputes) {
        await Promise.all(Object.values(sets).map((s) => s.flush()));
        options.onProgress?.(n, options.disputes, performance.now() - prepared);
      }
    }
    governance.finish();
    // A year of weekly screening per village for a million disputes, scaled down with the data set.
    writeScreening(sets.governance!, world, seed, Math.max(1, Math.min(156, Math.round(options.disputes / 20_000))), now);
    await Promise.all(Object.values(sets).map((s) => s.end()));
  } catch (error) {
    await Promise.all(Object.values(sets).map((s) => s.abort()));
    throw error;
  }
  for (const name of names) await buildTotals(name, options.configs[name]!);
  const loaded = performance.now();
  for (const name of names) {
    await withClient(options.configs[name]!, async (client) => {
      // `npm start` must not add the demo on top (its regions and ids would clash): the scale data stands in for it.
      await client.query(`insert into jiefen_seed (name) values ('demo'), ('scale') on conflict do nothing`);
      // VACUUM too: a table just filled by COPY has no visibility map, so its covering indexes'
      // index-only scans would still visit every heap page (until autovacuum came by).
      await client.query('vacuum (analyze)');
    });
  }
  const analyzed = performance.now();
  return {
    disputes: options.disputes,
    rows: Object.fromEntries(Object.entries(sets).map(([name, set]) => [name, set.counts()])),
    milliseconds: { prepare: Math.round(prepared - started), load: Math.round(loaded - prepared), analyze: Math.round(analyzed - loaded) },
  };
}

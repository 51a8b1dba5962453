import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@jiefen/testing';
import { startLocalPostgres } from '../src/index.js';

// A second start on a data directory must not take over a server another live process runs
// (a running `npm start`), yet must still clear the orphan a killed run left. The other process is
// a real child node process running this package's build (`node scripts/build.mjs` first).

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = `
import { startLocalPostgres } from '@jiefen/local-postgres';
const [dataDir, port] = process.argv.slice(1);
await startLocalPostgres({ dataDir, port: Number(port), persistent: false });
console.log('ready');
setInterval(() => undefined, 60_000);
`;

const { Client } = pg;

let parent: string | undefined;
let child: ChildProcess | undefined;
let postmaster: number | undefined;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (postmaster && alive(postmaster)) process.kill(postmaster, 'SIGINT');
  if (parent) await rm(parent, { recursive: true, force: true });
});

describe('a data directory in use', () => {
  it('is refused while the process that started its server lives, and taken over once that process is killed', async () => {
    parent = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'jiefen-lpg-'));
    const dataDir = join(parent, 'pg');
    const starter = spawn(process.execPath, ['--input-type=module', '-e', CHILD, dataDir, String(await freePort())], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = starter;
    const exited = new Promise((resolve) => starter.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      starter.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready')) resolve();
      });
      starter.once('exit', (code) => reject(new Error(`the starting process ended (exit ${code}) before its server was ready`)));
    });
    postmaster = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);

    const port = await freePort();
    const refusal = await startLocalPostgres({ dataDir, port, persistent: false }).then(
      async (taken) => taken.stop(),
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toContain(
      `the data directory ${dataDir} is in use by a running PostgreSQL (pid ${postmaster}) started by process ${starter.pid}`,
    );
    expect(alive(postmaster)).toBe(true);

    // SIGKILL skips every exit hook: the server lives on, re-parented — an orphan.
    starter.kill('SIGKILL');
    await exited;
    expect(alive(postmaster)).toBe(true);
    const pg = await startLocalPostgres({ dataDir, port, persistent: false });
    try {
      expect(pg.initialised).toBe(false);
      expect(alive(postmaster)).toBe(false);
      const current = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      expect(current).not.toBe(postmaster);
      expect(alive(current)).toBe(true);
      // `npm start`'s subgraphs connect by the Unix socket the server keeps in `socketDir`.
      expect(existsSync(join(pg.socketDir, `.s.PGSQL.${pg.port}`))).toBe(true);
      const client = new Client({ host: pg.socketDir, port: pg.port, user: pg.user, password: pg.password, database: 'postgres' });
      await client.connect();
      try {
        const { rows } = await client.query<{ local: boolean }>('select inet_server_addr() is null as local');
        expect(rows[0]!.local).toBe(true); // no TCP address: the socket
      } finally {
        await client.end();
      }
    } finally {
      await pg.stop();
    }
  });
});

import { startDatabaseServer, TEST_DATABASE_ENV, type DatabaseServer } from '@jiefen/testing';

let server: DatabaseServer | undefined;

/**
 * One PostgreSQL server for the whole run (embedded unless JIEFEN_TEST_DATABASE_URL names one);
 * every test file creates its own uniquely named databases on it.
 */
export async function setup(): Promise<void> {
  server = await startDatabaseServer();
  process.env[TEST_DATABASE_ENV] = server.url;
  console.log(`[global-setup] PostgreSQL for tests at ${server.host}:${server.port}`);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

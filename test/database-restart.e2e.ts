// An agency's PostgreSQL restarts while hand-overs are being delivered: every process stays up,
// requests during the outage are told which agency's database is down, and every committed
// hand-over reaches the receiver and the hub exactly once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { callerOf, startRestartablePostgres, startStack, type RestartablePostgres, type Stack } from '@jiefen/testing';

const TRANSFERS = 60;
const BATCH = 10;
const COMMITTED_BEFORE = 20;
const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会
const TRANSFER = `mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId } }`;
const INCIDENT = `query($id: ID!) { policeIncident(id: $id) { id status } }`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('an agency database restarts during deliveries', () => {
  let stack: Stack;
  let server: RestartablePostgres;
  const officer = callerOf('police-officer', { jurisdiction: '321281' });
  // This process runs the subgraphs, their delivery workers and the gateway: an unhandled 'error'
  // event or rejection anywhere in them would end it. Listening here turns that into a failure.
  const crashes: string[] = [];
  const onCrash = (error: unknown) => crashes.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  const sql = (name: string) => stack.subgraphs[name]!.orm.em.getConnection();
  const subgraphUrl = (name: string, path: string) => new URL(path, stack.subgraphs[name]!.url).toString();

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    // Police (the sender) and justice (the receiver) on a server of their own, which this test
    // restarts; the hub stays on the run's shared server.
    server = await startRestartablePostgres();
    stack = await startStack({
      subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police'].includes(s.name)),
      seed: true,
      databaseServers: { police: server, justice: server },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  });

  it(
    'keeps every process alive, answers DATABASE_UNAVAILABLE naming the agency, and delivers every committed hand-over once',
    { timeout: 240_000 },
    async () => {
      const template = demoDisputes().find((d) => d.agencies.police && d.regionCode.startsWith('321281123'))!;
      const ids = Array.from({ length: TRANSFERS }, () => randomUUID());
      for (const [i, id] of ids.entries()) {
        await sql('police').execute(
          `insert into police_incident (id, dispute_id, incident_number, station, category, non_police, summary, status, region_code, reported_at, version)
         select ?, null, ?, station, category, true, summary, 'DISPATCHED', region_code, now(), 1 from police_incident where id = ?`,
          [id, `JR${String(i).padStart(6, '0')}`, demoId('police-incident', template.n)],
        );
      }
      const transfer = (id: string) =>
        stack.querySubgraph<{ transferToMediation: { dockingId: string } }>(
          'police',
          TRANSFER,
          {
            id,
            input: {
              receiver: { creditCode: COMMITTEE },
              reason: '民间纠纷,移交人民调解',
              parties: [
                { role: 'APPLICANT', name: '张小三' },
                { role: 'RESPONDENT', name: '李四' },
              ],
            },
          },
          officer,
        );

      for (let i = 0; i < COMMITTED_BEFORE; i += BATCH) {
        for (const r of await Promise.all(ids.slice(i, i + BATCH).map(transfer))) expect(r.body.errors).toBeUndefined();
      }
      // The restart lands mid-burst: transfers in flight, deliveries of the earlier ones under way.
      const inFlight = Promise.all(ids.slice(COMMITTED_BEFORE, COMMITTED_BEFORE + BATCH).map(transfer));
      await server.stopServer();
      await inFlight;

      // During the outage: a coded error naming the agency, through the gateway, with nothing internal.
      const read = await stack.query<{ policeIncident: unknown }>(INCIDENT, { id: ids[0] }, officer);
      const error = read.body.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', service: 'POLICE' });
      expect(error?.message).toContain('公安');
      expect(JSON.stringify(read.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|knex/i);
      const write = await transfer(ids[COMMITTED_BEFORE + BATCH]!);
      expect(write.body.errors?.[0]?.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', service: 'POLICE' });
      expect((await fetch(subgraphUrl('police', '/ready'))).status).toBe(503);
      expect((await fetch(subgraphUrl('police', '/health'))).status).toBe(200);

      await server.startServer();
      await until('police ready again', async () => (await fetch(subgraphUrl('police', '/ready'))).status === 200);
      for (let i = COMMITTED_BEFORE + BATCH + 1; i < TRANSFERS; i += BATCH) {
        for (const r of await Promise.all(ids.slice(i, i + BATCH).map(transfer))) expect(r.body.errors).toBeUndefined();
      }

      // What committed is what the police database holds, whichever side of the restart it fell on.
      const committed = (
        await sql('police').execute<{ docking_id: string }[]>(
          `select docking_id from docking_outgoing where from_agency = 'POLICE' and record_type = 'PoliceIncident' and record_id in (${ids.map(() => '?').join(',')})`,
          ids,
        )
      ).map((r) => r.docking_id);
      expect(committed.length).toBeGreaterThanOrEqual(TRANSFERS - BATCH - 1);
      const inList = committed.map(() => '?').join(',');
      await until(
        'police outbox drained',
        async () => {
          const [row] = await sql('police').execute<{ n: string }[]>(
            `select count(*) as n from docking_outbox where state <> 'DELIVERED' and docking_id in (${inList})`,
            committed,
          );
          return Number(row!.n) === 0;
        },
        120_000,
      );
      // Exactly once: one mediation case and one received hand-over (DockingRequested) per committed
      // hand-over, at justice and at the hub (justice also gets the hub's answer naming the dispute).
      const cases = await sql('justice').execute<{ docking_id: string }[]>(`select docking_id from mediation_case where docking_id in (${inList})`, committed);
      expect(cases.map((c) => c.docking_id).sort()).toEqual([...committed].sort());
      for (const name of ['justice', 'governance']) {
        const inbox = await sql(name).execute<{ docking_id: string }[]>(
          `select docking_id from docking_inbox where type = 'DockingRequested' and docking_id in (${inList})`,
          committed,
        );
        expect(inbox.map((r) => r.docking_id).sort()).toEqual([...committed].sort());
      }
      // Every process alive and answering.
      for (const name of ['governance', 'justice', 'police']) {
        expect((await fetch(subgraphUrl(name, '/health'))).status).toBe(200);
        expect((await fetch(subgraphUrl(name, '/ready'))).status).toBe(200);
      }
      expect((await stack.query<{ policeIncident: { id: string } }>(INCIDENT, { id: ids[0] }, officer)).body.data?.policeIncident?.id).toBe(ids[0]);
      expect(crashes).toEqual([]);
    },
  );
});

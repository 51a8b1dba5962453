// 公调 durability with real servers stopped and started: nothing lost, nothing applied twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, signDelivery, SIGNATURE_HEADER, type DockingEvent } from '@jiefen/docking';
import { demoDisputes, demoId } from '@jiefen/demo-data';
import { subgraphs } from '@jiefen/schema';
import { callerOf, startStack, type Stack, until } from '@jiefen/testing';

const TRANSFERS = 200;
const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会

// Justice comes back after the delivery worker's backoff has grown: allow for its retries.
const SLOW = { timeoutMs: 90_000, intervalMs: 200 };

describe('docking durability: police → justice with justice down', () => {
  let stack: Stack;
  const officer = callerOf('police-officer', { jurisdiction: '321281' });
  const police = () => stack.subgraphs.police!.orm.em.getConnection();
  const justice = () => stack.subgraphs.justice!.orm.em.getConnection();
  const governance = () => stack.subgraphs.governance!.orm.em.getConnection();

  beforeAll(async () => {
    stack = await startStack({ subgraphs: subgraphs.filter((s) => ['governance', 'justice', 'police'].includes(s.name)), gateway: false, seed: true });
  });
  afterAll(() => stack?.stop());

  it(`delivers all ${TRANSFERS} transfers made while justice was down exactly once when it comes back`, async () => {
    await stack.stopSubgraph('justice');
    // 200 new incidents in 戴南镇 (copies of a demo one), each transferred to the town's committee.
    const template = demoDisputes().find((d) => d.agencies.police && d.regionCode.startsWith('321281123'))!;
    const templateId = demoId('police-incident', template.n);
    const ids = Array.from({ length: TRANSFERS }, () => randomUUID());
    for (const [i, id] of ids.entries()) {
      await police().execute(
        `insert into police_incident (id, dispute_id, incident_number, station, category, non_police, summary, status, region_code, reported_at, version)
         select ?, null, ?, station, category, true, summary, 'DISPATCHED', region_code, now(), 1 from police_incident where id = ?`,
        [id, `JD${String(i).padStart(6, '0')}`, templateId],
      );
    }
    const mutation = `mutation($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId } }`;
    const dockingIds: string[] = [];
    for (let i = 0; i < ids.length; i += 20) {
      const batch = await Promise.all(
        ids.slice(i, i + 20).map((id) =>
          stack.querySubgraph<{ transferToMediation: { dockingId: string } }>(
            'police',
            mutation,
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
          ),
        ),
      );
      for (const r of batch) {
        expect(r.body.errors).toBeUndefined();
        dockingIds.push(r.body.data!.transferToMediation.dockingId);
      }
    }
    const pending = await police().execute<{ n: string }[]>(
      `select count(*) as n from docking_outbox where recipient = 'JUSTICE' and state <> 'DELIVERED' and docking_id in (${dockingIds.map(() => '?').join(',')})`,
      dockingIds,
    );
    expect(Number(pending[0]!.n)).toBe(TRANSFERS);

    await stack.startSubgraph('justice');
    await until(
      'all transfers in the mediation inbox',
      async () => {
        const rows = await justice().execute<{ n: string }[]>(
          `select count(*) as n from mediation_case where docking_id in (${dockingIds.map(() => '?').join(',')})`,
          dockingIds,
        );
        return Number(rows[0]!.n) === TRANSFERS;
      },
      SLOW,
    );
    // Exactly once: one case and one received DockingRequested per docking (the hub's answer naming the dispute comes on the same stream); every outbox row to justice delivered.
    const perDocking = await justice().execute<{ docking_id: string; n: string }[]>(
      `select docking_id, count(*) as n from mediation_case where docking_id in (${dockingIds.map(() => '?').join(',')}) group by docking_id having count(*) > 1`,
      dockingIds,
    );
    expect(perDocking).toEqual([]);
    const inbox = await justice().execute<{ n: string }[]>(
      `select count(*) as n from docking_inbox where type = 'DockingRequested' and docking_id in (${dockingIds.map(() => '?').join(',')})`,
      dockingIds,
    );
    expect(Number(inbox[0]!.n)).toBe(TRANSFERS);
    await until(
      'police outbox drained',
      async () => {
        const rows = await police().execute<{ n: string }[]>(
          `select count(*) as n from docking_outbox where state <> 'DELIVERED' and docking_id in (${dockingIds.map(() => '?').join(',')})`,
          dockingIds,
        );
        return Number(rows[0]!.n) === 0;
      },
      SLOW,
    );
    // The hub received its copy of each, once.
    const hub = await governance().execute<{ n: string }[]>(
      `select count(*) as n from docking_inbox where type = 'DockingRequested' and docking_id in (${dockingIds.map(() => '?').join(',')})`,
      dockingIds,
    );
    expect(Number(hub[0]!.n)).toBe(TRANSFERS);
  });

  it('emits nothing when the sender fails before commit', async () => {
    const before = await police().execute<{ n: string }[]>('select count(*) as n from docking_outbox');
    const { transferToMediation } = await import('../subgraphs/police/src/services/docking-outbound.service.js');
    const [template] = await police().execute<{ id: string }[]>('select id from police_incident limit 1');
    const row = { id: randomUUID() };
    await police().execute(
      `insert into police_incident (id, incident_number, station, category, non_police, summary, status, region_code, reported_at, version)
       select ?, 'JCRASH000001', station, category, true, summary, 'DISPATCHED', region_code, now(), 1 from police_incident where id = ?`,
      [row.id, template!.id],
    );
    const em = stack.subgraphs.police!.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await transferToMediation(
          tx,
          officer,
          row!.id,
          {
            organizationCode: COMMITTEE,
            reason: '民间纠纷,移交人民调解',
            parties: [{ role: 'APPLICANT', name: '张小三' }],
          },
          stack.subgraphs.police!.definition.settings,
        );
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    const after = await police().execute<{ n: string }[]>('select count(*) as n from docking_outbox');
    expect(after[0]!.n).toBe(before[0]!.n);
    const transfers = await police().execute<{ n: string }[]>('select count(*) as n from docking_outgoing where record_id = ?', [row!.id]);
    expect(Number(transfers[0]!.n)).toBe(0);
  });

  it('refuses a forged and a replayed event at the justice inbox', async () => {
    const url = stack.docking.settings.endpoints.JUSTICE!;
    const event = {
      id: randomUUID(),
      type: 'DockingRequested',
      dockingId: randomUUID(),
      sequence: 1,
      from: 'POLICE',
      to: 'JUSTICE',
      occurredAt: new Date().toISOString(),
      payload: {},
    } as DockingEvent;
    const body = canonicalJson(event);
    // Forged: "from POLICE" but signed with the court's key.
    const forged = await signDelivery(body, { from: 'COURT', recipient: 'JUSTICE', privateKey: stack.docking.keys.privateKeys.COURT! });
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: forged }, body })).status).toBe(401);
    // Replayed: a captured request signed long ago.
    const stale = await signDelivery(body, {
      from: 'POLICE',
      recipient: 'JUSTICE',
      privateKey: stack.docking.keys.privateKeys.POLICE!,
      now: new Date(Date.now() - 3_600_000),
    });
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: stale }, body })).status).toBe(401);
    const rows = await justice().execute<{ n: string }[]>('select count(*) as n from docking_inbox where docking_id = ?', [event.dockingId]);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});

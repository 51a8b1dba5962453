// The operators' view of docking deliveries, through the gateway: every agency's
// `<agency>EventDeliveries` list shows a fresh delivery with its dates, and an agency ADMIN puts a
// dead delivery back in line with `redeliver<Agency>Events` once the receiver is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Agency, Caller } from '@jiefen/auth';
import { publish } from '@jiefen/docking';
import { subgraphs } from '@jiefen/schema';
import { callerOf, startStack, type Stack, until } from '@jiefen/testing';

/** Each agency's subgraph, its fields, a persona of it and a counterpart to send to. */
const AGENCIES: { agency: Agency; subgraph: string; persona: string; to: Agency }[] = [
  { agency: 'GOVERNANCE', subgraph: 'governance', persona: 'hub-coordinator', to: 'COURT' },
  { agency: 'JUSTICE', subgraph: 'justice', persona: 'mediator', to: 'COURT' },
  { agency: 'COURT', subgraph: 'court', persona: 'court-staff', to: 'PETITION' },
  { agency: 'POLICE', subgraph: 'police', persona: 'police-officer', to: 'COURT' },
  { agency: 'PROCURATORATE', subgraph: 'procuratorate', persona: 'procurator', to: 'COURT' },
  { agency: 'PETITION', subgraph: 'petition', persona: 'petition-officer', to: 'COURT' },
];
const ALL_STATES = ['PENDING', 'DELIVERED', 'FAILING', 'DEAD'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

type Delivery = {
  id: string;
  dockingId: string;
  recipient: string;
  state: string;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};
type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path

describe('event deliveries through the gateway', () => {
  let stack: Stack;
  const admin = (persona: string, roles: Caller['roles'] = ['STAFF', 'ADMIN']) => callerOf(persona, { roles });
  const q = async (query: string, variables: Record<string, unknown>, as: Caller | string): Promise<Gql> =>
    (await stack.query(query, variables, as)).body as Gql;
  const fieldOf = (subgraph: string) => `${subgraph}EventDeliveries`;
  const list = async (subgraph: string, dockingId: string, as: Caller | string, states = ALL_STATES): Promise<Delivery[]> => {
    const body = await q(
      `query($d: String, $s: [String!]) { ${fieldOf(subgraph)}(dockingId: $d, states: $s) { counts { pending delivered failing dead } items { id dockingId recipient state attempts createdAt nextAttemptAt deliveredAt } } }`,
      { d: dockingId, s: states },
      as,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data![fieldOf(subgraph)].items as Delivery[];
  };
  /** Writes a docking event in the sender's database as a business transaction would (outbox + job). */
  const send = async (subgraph: string, from: Agency, to: Agency): Promise<string> => {
    const dockingId = randomUUID();
    await stack.subgraphs[subgraph]!.orm.em.fork().transactional((em) =>
      publish(em, { type: 'DockingRejected', dockingId, from, to, payload: { rejectedAt: new Date().toISOString(), reason: '运维检查' } }),
    );
    return dockingId;
  };

  beforeAll(async () => {
    // Three attempts 50–200 ms apart: a receiver that is down makes a delivery DEAD within a second.
    stack = await startStack({ subgraphs, dockingSettings: { maxAttempts: 3, backoff: { initialMs: 50, factor: 2, maxMs: 200, jitter: 0 } } });
  });
  afterAll(() => stack?.stop());

  it("lists a fresh delivery, with its dates, in every agency's list", async () => {
    for (const { agency, subgraph, persona, to } of AGENCIES) {
      const started = Date.now();
      const dockingId = await send(subgraph, agency, to);
      const items = await list(subgraph, dockingId, admin(persona));
      const toCounterpart = items.find((d) => d.recipient === to);
      expect(toCounterpart, `${subgraph}: ${JSON.stringify(items)}`).toMatchObject({ dockingId, recipient: to });
      expect(ALL_STATES).toContain(toCounterpart!.state);
      expect(toCounterpart!.createdAt).toMatch(ISO);
      expect(Math.abs(Date.parse(toCounterpart!.createdAt) - started)).toBeLessThan(60_000);
      for (const at of [toCounterpart!.nextAttemptAt, toCounterpart!.deliveredAt]) if (at !== null) expect(at).toMatch(ISO);
      // The hub gets a copy of every docking it is not a party of.
      if (agency !== 'GOVERNANCE' && to !== 'GOVERNANCE') expect(items.map((d) => d.recipient)).toContain('GOVERNANCE');
      // Delivered to a receiver that has no such docking (it ignores the event): the list shows when.
      const delivered = await until(`${subgraph}'s delivery to ${to}`, async () =>
        (await list(subgraph, dockingId, admin(persona), ['DELIVERED'])).find((d) => d.recipient === to),
      );
      expect(delivered.deliveredAt).toMatch(ISO);
    }
  });

  it("lets the sender's ADMIN redeliver a dead event once the receiver is back, and nobody else", async () => {
    const officer = admin('petition-officer');
    const other = await send('petition', 'PETITION', 'PROCURATORATE');
    const alive = await until('a delivered event', async () =>
      (await list('petition', other, officer, ['DELIVERED'])).find((d) => d.recipient === 'PROCURATORATE'),
    );
    await stack.stopSubgraph('court');
    const dockingId = await send('petition', 'PETITION', 'COURT');
    const dead = await until('the delivery to the stopped court to die', async () =>
      (await list('petition', dockingId, officer, ['DEAD'])).find((d) => d.recipient === 'COURT'),
    );
    expect(dead.attempts).toBe(3);
    await stack.startSubgraph('court');

    const REDELIVER = 'mutation($ids: [String!]!) { redeliverPetitionEvents(ids: $ids) { id state attempts recipient } }';
    const refusal = async (ids: string[], as: Caller | string) => (await q(REDELIVER, { ids }, as)).errors?.[0]?.extensions;
    // Staff, a supervisor (may read the list, not redeliver), another agency's admin: refused.
    expect(await refusal([dead.id], 'petition-officer')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal([dead.id], admin('petition-officer', ['STAFF', 'SUPERVISOR']))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal([dead.id], admin('court-staff'))).toMatchObject({ code: 'FORBIDDEN' });
    // Bad ids, an unknown id, a delivery that is not dead: refused with a code, all or none.
    expect(await refusal([], officer)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ids' });
    expect(await refusal(['abc'], officer)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ids' });
    expect(await refusal([dead.id, '999999999'], officer)).toMatchObject({ code: 'NOT_FOUND', id: '999999999' });
    expect(await refusal([dead.id, alive.id], officer)).toMatchObject({ code: 'ILLEGAL_TRANSITION', id: alive.id, from: 'DELIVERED' });
    expect((await list('petition', dockingId, officer, ['DEAD'])).map((d) => d.id)).toContain(dead.id);

    const redelivered = await q(REDELIVER, { ids: [dead.id] }, officer);
    expect(redelivered.errors, JSON.stringify(redelivered.errors)).toBeUndefined();
    expect(redelivered.data!.redeliverPetitionEvents).toEqual([expect.objectContaining({ id: dead.id, recipient: 'COURT', attempts: expect.any(Number) })]);
    const delivered = await until('the redelivered event at the court', async () =>
      (await list('petition', dockingId, officer, ['DELIVERED'])).find((d) => d.id === dead.id),
    );
    expect(delivered.deliveredAt).toMatch(ISO);
    // Once delivered it is no longer dead: asking again changes nothing.
    expect(await refusal([dead.id], officer)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
});

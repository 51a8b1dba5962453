// A burst of 公调 hand-overs through the gateway: a police station transfers N incidents to 戴南镇人民
// 调解委员会 at once. Measured: how many the police accept per second (the mutation commits the
// transfer and its outbox event), and for each, the delay from its commit (the mutation's answer) to
// the row in the committee's inbox (justice database) and to the row in the hub's ledger
// (governance database), both found by polling those databases.
import pg from 'pg';
import { createPool, send, type BenchRequest } from './load.js';

const COMMITTEE = '54321281MJ12345677'; // 戴南镇人民调解委员会, the mediator persona's organization
const DAINAN_VILLAGE = '321281123201';

const REGISTER = `mutation Register($input: RegisterIncidentInput!) { registerIncident(input: $input) { id } }`;
const TRANSFER = `mutation Transfer($id: ID!, $input: TransferToMediationInput!) { transferToMediation(incidentId: $id, input: $input) { dockingId status } }`;

export interface HandoverOptions {
  gatewayUrl: string;
  /** Police officers' tokens (the persona, several subjects). */
  tokens: string[];
  count: number;
  concurrency: number;
  justiceDatabaseUrl: string;
  governanceDatabaseUrl: string;
  /**
   * Every agency's database: before the burst, the bench waits until none has an undelivered
   * docking event left (the registrations' reports to the hub and its answers), so that the burst
   * is measured alone and each transfer already names its dispute.
   */
  databaseUrls?: string[];
  /** How often the receivers' databases are polled (ms): the latencies' resolution. */
  pollMs?: number;
  /** Give up waiting for deliveries after this long (ms). */
  timeoutMs?: number;
  /** Told when the timed part starts (the first transfer) and ends (the last delivery seen): the CPU probes' marks. */
  mark?: (moment: 'start' | 'end') => void | Promise<void>;
}

export interface HandoverResult {
  accepted: number;
  errors: number;
  errorSamples: string[];
  /** From the first transfer sent to the last answered. */
  burstMs: number;
  /** Commit → the committee's inbox row, ms, sorted. */
  toInbox: number[];
  /** Commit → the hub's ledger row, ms, sorted. */
  toLedger: number[];
  /** Transfers whose inbox or ledger row had not appeared before the timeout. */
  undelivered: number;
  /** Each transfer's answer time through the gateway, ms, sorted. */
  answers: number[];
  /** Registrations that failed and were sent again (a new incident each time). */
  registrationRetries: number;
  /** From the last registration to no undelivered event left in any database, ms. */
  settleMs: number;
}

/** Waits until no database named has an undelivered docking event (PENDING or FAILING); throws after `timeoutMs`. */
async function settled(urls: string[], timeoutMs: number): Promise<void> {
  const clients = urls.map((url) => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const counts = await Promise.all(
        clients.map(async (c) => Number((await c.query<{ n: string }>(`select count(*) as n from docking_outbox where state <> 'DELIVERED'`)).rows[0]!.n)),
      );
      if (counts.every((n) => n === 0)) return;
      if (performance.now() > deadline) throw new Error(`docking events still undelivered after ${timeoutMs / 1000} s: ${counts.join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function inParallel<T>(count: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

export async function runHandoverBurst(options: HandoverOptions): Promise<HandoverResult> {
  const { pool, path } = createPool(options.gatewayUrl, options.concurrency);
  const token = (i: number) => options.tokens[i % options.tokens.length]!;
  const call = async (request: BenchRequest) => {
    const result = await send(pool, path, request);
    if (result.ok) return result.data as Record<string, Record<string, string>>;
    throw new Error(result.error);
  };
  try {
    // Not timed: the incidents to hand over (接警登记), each still with the police; registered
    // concurrently (the station's incident-number counter queues them). On a busy machine a
    // registration may time out at the gateway: it is sent again (a new incident; the first may
    // have committed too, which changes nothing in the burst).
    let registrationRetries = 0;
    const register = async (request: BenchRequest, attempt = 1): Promise<Record<string, Record<string, string>>> => {
      try {
        return await call(request);
      } catch (error) {
        if (attempt >= 3) throw error;
        registrationRetries += 1;
        return register(request, attempt + 1);
      }
    };
    const incidents = await inParallel(options.count, options.concurrency, async (i) => {
      const data = await register({
        query: REGISTER,
        token: token(i),
        variables: {
          input: {
            channel: 'CALL_110',
            category: 'CIVIL_DISPUTE',
            nonPolice: true,
            nonPoliceCategory: 'CIVIL_DISPUTE',
            summary: `压测警情 ${i + 1}:邻里排水纠纷,双方争执,请求民警到场`,
            reporter: { name: '张建国', phone: '13912345678' },
            parties: [
              { role: 'APPLICANT', name: '张建国', phone: '13912345678' },
              { role: 'RESPONDENT', name: '李红梅' },
            ],
            place: '戴南镇董北村三组',
            regionCode: DAINAN_VILLAGE,
            station: '兴化市公安局戴南派出所',
          },
        },
      });
      return data.registerIncident!.id!;
    });
    const settleStarted = performance.now();
    if (options.databaseUrls) await settled(options.databaseUrls, 10 * 60_000);
    const settleMs = performance.now() - settleStarted;

    const committedAt = new Map<string, number>();
    const inboxAt = new Map<string, number>();
    const ledgerAt = new Map<string, number>();
    const errorSamples: string[] = [];
    let errors = 0;
    let burstDone = false;
    const answers: number[] = [];
    const justice = new pg.Client({ connectionString: options.justiceDatabaseUrl });
    const governance = new pg.Client({ connectionString: options.governanceDatabaseUrl });
    await Promise.all([justice.connect(), governance.connect()]);
    // Polls both receivers from the first commit on, until every committed transfer is in both: the
    // rows their inboxes committed with the event (the case, the ledger entry commit in the same
    // transaction), read incrementally by the time they were applied (5 s of overlap for
    // transactions that commit out of order), so each poll costs the same whatever the burst's size.
    const [{ now: startedAt }] = (await justice.query<{ now: Date }>('select now()')).rows as [{ now: Date }];
    const poller = (client: pg.Client, seen: Map<string, number>) => {
      let since = startedAt;
      return async () => {
        const { rows } = await client.query<{ id: string; at: Date }>(
          `select docking_id as id, applied_at as at from docking_inbox
            where type = 'DockingRequested' and from_agency = 'POLICE' and to_agency = 'JUSTICE' and applied_at > $1`,
          [new Date(since.getTime() - 5000)],
        );
        const now = performance.now();
        for (const { id, at } of rows) {
          if (!seen.has(id)) seen.set(id, now);
          if (at > since) since = at;
        }
      };
    };
    const pollInbox = poller(justice, inboxAt);
    const pollLedger = poller(governance, ledgerAt);
    const delivered = (seen: Map<string, number>) => [...committedAt.keys()].filter((id) => seen.has(id)).length;
    const poll = async () => {
      let deadline = Infinity;
      while (!burstDone || delivered(inboxAt) < committedAt.size || delivered(ledgerAt) < committedAt.size) {
        if (burstDone && deadline === Infinity) deadline = performance.now() + (options.timeoutMs ?? 60_000);
        if (performance.now() > deadline) break;
        await Promise.all([pollInbox(), pollLedger()]);
        await new Promise((r) => setTimeout(r, options.pollMs ?? 20));
      }
    };
    await options.mark?.('start');
    const polling = poll();
    const burstStarted = performance.now();
    try {
      await inParallel(incidents.length, options.concurrency, async (i) => {
        const sentAt = performance.now();
        const result = await send(pool, path, {
          query: TRANSFER,
          token: token(i),
          variables: {
            id: incidents[i],
            input: {
              receiver: { creditCode: COMMITTEE, name: '戴南镇人民调解委员会' },
              reason: '邻里排水纠纷,不属于治安案件,双方同意人民调解',
              parties: [
                { role: 'APPLICANT', name: '张建国', phone: '13912345678' },
                { role: 'RESPONDENT', name: '李红梅' },
              ],
            },
          },
        });
        answers.push(performance.now() - sentAt);
        if (result.ok) {
          const dockingId = (result.data as { transferToMediation: { dockingId: string } }).transferToMediation.dockingId;
          committedAt.set(dockingId, performance.now());
        } else {
          errors += 1;
          if (errorSamples.length < 3) errorSamples.push(result.error.slice(0, 300));
        }
      });
    } finally {
      burstDone = true;
    }
    const burstMs = performance.now() - burstStarted;
    try {
      await polling;
      await options.mark?.('end');
    } finally {
      await Promise.all([justice.end(), governance.end()]);
    }
    const ids = [...committedAt.keys()];
    // A row seen before the mutation's answer reached the bench counts as delivered at the answer.
    const delays = (seen: Map<string, number>) =>
      ids
        .filter((id) => seen.has(id))
        .map((id) => Math.max(0, seen.get(id)! - committedAt.get(id)!))
        .sort((a, b) => a - b);
    return {
      accepted: committedAt.size,
      errors,
      errorSamples,
      burstMs,
      toInbox: delays(inboxAt),
      toLedger: delays(ledgerAt),
      undelivered: ids.filter((id) => !inboxAt.has(id) || !ledgerAt.has(id)).length,
      answers: answers.sort((a, b) => a - b),
      registrationRetries,
      settleMs,
    };
  } finally {
    await pool.close();
  }
}

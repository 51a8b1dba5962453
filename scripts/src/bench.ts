// `npm run bench`: load on the dispute view through the gateway, on a throw-away embedded
// PostgreSQL (or JIEFEN_TEST_DATABASE_URL) seeded with 1,000 disputes. Prints throughput, latency
// percentiles and SQL statements per request for each subgraph. Targets are checked here, by
// people reading the figures — never by timed assertions in tests.
import { subgraphs } from '@jiefen/schema';
import { startDatabaseServer, startStack, TEST_DATABASE_ENV } from '@jiefen/testing';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PAGE = Number(process.env.BENCH_PAGE ?? 50);

const QUERY = `query DisputePage($first: Int!) {
  disputes(first: $first) {
    totalCount
    edges { node {
      id number category region { name parent { name } }
      mediations { caseNumber } courtCases { caseNumber } policeIncidents { incidentNumber }
      procuratorateCases { caseNumber } petitions { itemNumber }
    } }
  }
}`;

const server = await startDatabaseServer();
process.env[TEST_DATABASE_ENV] = server.url;
const stack = await startStack({ subgraphs, seed: true, seedOptions: { disputeCount: 1000 } });
try {
  const body = JSON.stringify({ query: QUERY, variables: { first: PAGE } });
  // The leader sees every agency's records (masked): the widest dispute view.
  const authorization = `Bearer ${await stack.token('leader')}`;
  const send = async () => {
    const response = await fetch(stack.gateway!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
    const json = (await response.json()) as { errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
  };
  for (let i = 0; i < 20; i += 1) await send(); // warm up: query plans, JIT, connection pools

  for (const s of Object.values(stack.subgraphs)) s.queries.reset();
  await send();
  const perRequest = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.queries.count]));

  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await send();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(`dispute page of ${PAGE} with all six agencies, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s`);
  console.log(`  requests:   ${latencies.length} (${(latencies.length / (DURATION_MS / 1000)).toFixed(1)} req/s)`);
  console.log(`  latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}  max ${latencies.at(-1)!.toFixed(1)}`);
  console.log(`  SQL statements per request: ${JSON.stringify(perRequest)}`);
} finally {
  await stack.stop();
  await server.stop();
}

import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

const TIMEOUT_MS = 1500;

const DISPUTE_PAGE = `query DisputePage($first: Int!) {
  disputes(first: $first) {
    edges { node { id number mediations { caseNumber } courtCases { caseNumber } petitions { itemNumber } } }
  }
}`;

interface DisputeNode {
  id: string;
  mediations: unknown[] | null;
  courtCases: unknown[] | null;
  petitions: unknown[] | null;
}
type Page = { disputes: { edges: { node: DisputeNode }[] } };

/**
 * A stand-in on a subgraph's port that takes every connection and request and never answers: an
 * agency whose process is alive but frozen (stopped, event loop or database hung).
 */
async function frozenAgency(port: number): Promise<{ requests: () => number; sockets: Set<Socket>; close(): Promise<void> }> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer(() => {
    requests += 1;
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    requests: () => requests,
    sockets,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

describe('a frozen agency behind the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ subgraphs, seed: true, seedOptions: { disputeCount: 20 }, subgraphTimeoutMs: TIMEOUT_MS });
  });
  afterAll(() => stack?.stop());

  it('answers with the other agencies and SUBGRAPH_UNAVAILABLE for the frozen court once the timeout passes', { timeout: 60_000 }, async () => {
    // Warm: every agency answers in time, so the errors below can only come from the frozen one.
    const warm = await stack.query<Page>(DISPUTE_PAGE, { first: 10 }, 'leader');
    expect(warm.body.errors).toBeUndefined();
    expect(warm.body.data!.disputes.edges.some((e) => (e.node.courtCases?.length ?? 0) > 0)).toBe(true);

    const court = stack.subgraphs.court!;
    await stack.stopSubgraph('court');
    const frozen = await frozenAgency(court.port);
    try {
      const started = performance.now();
      const { status, body } = await stack.query<Page>(DISPUTE_PAGE, { first: 10 }, 'leader');
      console.log(`dispute view with the court frozen answered in ${Math.round(performance.now() - started)} ms (timeout ${TIMEOUT_MS} ms)`);
      // The gateway did reach the frozen court (no connection refused standing in for a hang).
      expect(frozen.requests()).toBeGreaterThan(0);
      expect(status).toBe(200);
      const nodes = body.data!.disputes.edges.map((e) => e.node);
      expect(nodes).toHaveLength(10);
      expect(nodes.every((n) => n.courtCases === null)).toBe(true);
      expect(nodes.every((n) => Array.isArray(n.mediations) && Array.isArray(n.petitions))).toBe(true);
      expect(nodes.some((n) => (n.mediations?.length ?? 0) > 0)).toBe(true);
      const errors = body.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
        expect(error.extensions?.service).toBe('COURT');
        expect(error.message).toContain('法院');
      }
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|localhost|http:\/\/|abort/i);
      // The gateway gave up its connections to the frozen court rather than leaving them waiting.
      await Promise.all([...frozen.sockets].map((socket) => once(socket, 'close')));
      expect(frozen.sockets.size).toBe(0);
    } finally {
      await frozen.close();
      await stack.startSubgraph('court');
    }
    const thawed = await stack.query<Page>(DISPUTE_PAGE, { first: 10 }, 'leader');
    expect(thawed.body.errors).toBeUndefined();
    expect(thawed.body.data!.disputes.edges.some((e) => (e.node.courtCases?.length ?? 0) > 0)).toBe(true);
  });
});

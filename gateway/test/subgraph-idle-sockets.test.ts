import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SubgraphSource } from '../src/subgraph-source.js';

// Subgraphs close kept-alive sockets once idle: Node's server after its `keepAliveTimeout` (and it
// says so in a `Keep-Alive: timeout=N` header), other servers or proxies without a word. Requests
// sent after pauses around that moment must all be answered — never SUBGRAPH_UNAVAILABLE.

let server: Server | null = null;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listen(s: Server): Promise<string> {
  server = s;
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`;
}

function answer(res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data: { ping: 'pong' } }));
}

async function send(source: SubgraphSource, query = '{ ping }'): Promise<unknown> {
  const request = { query, http: { method: 'POST', url: '', headers: new Headers() } };
  const options = { kind: 'incoming operation', request, context: {}, incomingRequestContext: { request, context: {} } };
  return source.process(options as unknown as Parameters<SubgraphSource['process']>[0]);
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe('a subgraph that closes idle sockets', () => {
  it("with Node's short keepAliveTimeout: every request after every pause is answered", async () => {
    const s = createServer((_req, res) => answer(res));
    s.keepAliveTimeout = 1000;
    const source = new SubgraphSource('police', await listen(s), 2000);
    // Pauses straddling the server's timeout, one request and two at once after each.
    for (const ms of [0, 500, 950, 990, 1000, 1010, 1050, 1200]) {
      await pause(ms);
      await expect(Promise.all([send(source), send(source), send(source)])).resolves.toEqual(
        Array(3).fill(expect.objectContaining({ data: { ping: 'pong' } })),
      );
    }
  }, 20_000);

  it('that closes them without a Keep-Alive hint, just as they are reused: answered (a read is retried once)', async () => {
    // Destroys each connection 30 ms after its last answer; the gateway sends its next request at
    // about that moment, so some arrive on a socket being closed.
    const received = new WeakMap<Socket, number>(); // chunks read from each socket so far
    let resets = 0;
    const s = createServer((req, res) => {
      const socket = req.socket;
      res.on('finish', () => {
        const mark = received.get(socket);
        setTimeout(() => {
          if (received.get(socket) !== mark) return; // a new request arrived: busy, not idle
          resets += 1;
          socket.destroy();
        }, 30);
      });
      answer(res);
    });
    s.keepAliveTimeout = 0; // no hint, no timer of Node's own: the closing above is the only one
    s.on('connection', (socket: Socket) => socket.on('data', () => received.set(socket, (received.get(socket) ?? 0) + 1)));
    const source = new SubgraphSource('police', await listen(s), 2000);
    const results: unknown[] = [];
    for (let i = 0; i < 40; i += 1) {
      results.push(await send(source));
      await pause(24 + (i % 12));
    }
    expect(results).toEqual(Array(40).fill(expect.objectContaining({ data: { ping: 'pong' } })));
    // The race did happen: sockets were closed under the gateway, and no request failed for it.
    expect(resets).toBeGreaterThan(0);
  }, 20_000);
});

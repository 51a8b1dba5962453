import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SubgraphSource } from '../src/subgraph-source.js';

// The keep-alive race: a subgraph closes an idle socket just as the gateway reuses it, and the
// request is reset before the subgraph read it. A stand-in subgraph resets the first connection of
// every test; a read must still be answered, a mutation must not be sent twice.

let server: Server | null = null;

async function resettingSubgraph(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { ping: 'pong' } }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, requests: () => requests };
}

async function send(source: SubgraphSource, query: string): Promise<unknown> {
  const request = { query, http: { method: 'POST', url: '', headers: new Headers() } };
  // The data source as the gateway calls it: an incoming operation with an empty context.
  const options = { kind: 'incoming operation', request, context: {}, incomingRequestContext: { request, context: {} } };
  return source.process(options as unknown as Parameters<SubgraphSource['process']>[0]);
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe('a subgraph request reset before its answer', () => {
  it('is sent once more when it only reads', async () => {
    const subgraph = await resettingSubgraph();
    const source = new SubgraphSource('police', subgraph.url, 2000);
    await expect(send(source, '{ ping }')).resolves.toMatchObject({ data: { ping: 'pong' } });
    expect(subgraph.requests()).toBe(2);
  });

  it('is not sent again when it is a mutation (it may have run), and names the agency', async () => {
    const subgraph = await resettingSubgraph();
    const source = new SubgraphSource('police', subgraph.url, 2000);
    await expect(send(source, 'mutation { ping }')).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'POLICE' } });
    expect(subgraph.requests()).toBe(1);
  });
});

// The bench's peer: Hive Gateway (The Guild's federation gateway, an independent implementation)
// on the same supergraph and the same subgraph processes as ours. The subgraphs answer only calls
// signed by a gateway, so a small plugin does what our gateway does: verify the caller's token,
// sign the internal header once per request and send it (and the request id) with every fetch.
// Environment: HIVE_PORT, SUPERGRAPH_PATH (the supergraph with the bench's subgraph URLs),
// JIEFEN_KEYS_DIR (the development keys).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { INTERNAL_HEADER, type Caller } from '@jiefen/auth';
import { gatewayAuthFromEnv, internalHeaderFor } from '@jiefen/gateway';

const auth = await gatewayAuthFromEnv();
const port = Number(process.env.HIVE_PORT ?? 4210);
const supergraph = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8');

/** Per incoming request: its id and the signed header (signed once, however many subgraph fetches). */
const signed = new WeakMap<object, { requestId: string; header: () => Promise<string> }>();

async function callerOf(request: Request): Promise<Caller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return null;
  try {
    return await auth.verifyToken(match[1]!);
  } catch {
    throw new GraphQLError('身份认证失败', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

const internalHeader: GatewayPlugin = {
  async onFetch({ context, options, setOptions }) {
    const request = (context as { request?: Request }).request;
    if (!request) return;
    let entry = signed.get(request);
    if (!entry) {
      const requestId = randomUUID();
      const caller = callerOf(request);
      const sign = internalHeaderFor(auth, null, requestId);
      let header: Promise<string> | undefined;
      entry = { requestId, header: () => (header ??= caller.then((c) => (c ? internalHeaderFor(auth, c, requestId)() : sign()))) };
      signed.set(request, entry);
    }
    const headers = { ...(options.headers as Record<string, string> | undefined), 'x-request-id': entry.requestId, [INTERNAL_HEADER]: await entry.header() };
    setOptions({ ...options, headers });
  },
};

const gateway = createGatewayRuntime({
  supergraph: () => supergraph,
  plugins: () => [internalHeader],
  // Hive merges identical subgraph fetches in flight, keyed on URL and body but not on headers
  // added by a plugin: two callers' identical requests would share one answer, fetched with the
  // first caller's identity. Our subgraphs authorize per caller, so that is off, as in ours.
  transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
  logging: 'error',
  landingPage: false,
});
const server = createServer(gateway);
server.keepAliveTimeout = 5000;
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
console.log(`[hive] http://127.0.0.1:${port}/graphql`);
const shutdown = async () => {
  server.close();
  await gateway.dispose();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
if (process.connected) process.once('disconnect', shutdown);

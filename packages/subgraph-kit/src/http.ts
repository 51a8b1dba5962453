import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpAppOptions<C extends BaseContext, A = undefined> {
  apollo: ApolloServer<C>;
  /**
   * Runs before any GraphQL work; throwing an {@link HttpError} refuses the request with that
   * status and no data. Its result reaches `context`.
   */
  authenticate?: (req: IncomingMessage, requestId: string) => Promise<A>;
  /** Path of the GraphQL endpoint (default `/graphql`). */
  path?: string;
  /** Builds the per-request context; `requestId` is the request's id (from `x-request-id` or new). */
  context: (req: IncomingMessage, requestId: string, auth: A) => Promise<C>;
  /** `GET /ready`: true when the service can do its work (database reachable…). */
  ready: () => Promise<boolean>;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Other routes by `METHOD path` (e.g. `GET /explorer`). */
  routes?: Record<string, RouteHandler>;
  /**
   * Trusted (persisted) documents by id: a request may name its operation by `documentId` instead
   * of sending `query` (GraphQL over HTTP's persisted documents: `"sha256:<hex>"` or the bare hex),
   * in the JSON body of a POST or the search parameters of a GET. Requests with `query` are
   * unaffected.
   */
  documents?: (id: string) => string | undefined;
}

/** An error answered at the HTTP level, before GraphQL: status, Chinese message, code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, error.headers);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `请求体过大(上限 ${limit} 字节)`, 'PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `请求体过大(上限 ${limit} 字节)`, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType && /application\/(graphql-response\+)?json/i.test(contentType)) {
    try {
      return JSON.parse(raw);
    } catch {
      throw new HttpError(400, '请求体不是合法的 JSON', 'BAD_REQUEST');
    }
  }
  return raw;
}

/** The hex digest of a persisted document id, `sha256:<hex>` or bare `<hex>` (lower-cased). */
function documentHash(id: unknown): string {
  const match = typeof id === 'string' ? /^(?:sha256:)?([0-9a-f]{64})$/i.exec(id) : null;
  if (!match) throw new HttpError(400, 'documentId 须为 sha256:<64 位十六进制>', 'BAD_REQUEST');
  return match[1]!.toLowerCase();
}

/**
 * Replaces a request's `documentId` by the trusted document's text, so Apollo runs it as if the
 * client had sent `query`. An id that is not on the list is refused (`PERSISTED_QUERY_NOT_FOUND`),
 * and so is a request with both (the id would not say which one runs).
 */
function resolveDocument(documents: (id: string) => string | undefined, method: string, url: URL, body: unknown): { search: string; body: unknown } {
  const notFound = () => new HttpError(400, '未登记的可信文档(documentId),请刷新页面后重试', 'PERSISTED_QUERY_NOT_FOUND');
  const both = () => new HttpError(400, '请求不能同时带 query 与 documentId', 'BAD_REQUEST');
  if (method === 'GET' && url.searchParams.has('documentId')) {
    if (url.searchParams.has('query')) throw both();
    const query = documents(documentHash(url.searchParams.get('documentId')));
    if (query === undefined) throw notFound();
    const params = new URLSearchParams(url.searchParams);
    params.delete('documentId');
    params.set('query', query);
    return { search: `?${params}`, body };
  }
  if (body && typeof body === 'object' && !Array.isArray(body) && 'documentId' in body) {
    const { documentId, ...rest } = body as Record<string, unknown>;
    if (rest.query !== undefined) throw both();
    const query = documents(documentHash(documentId));
    if (query === undefined) throw notFound();
    return { search: url.search, body: { ...rest, query } };
  }
  return { search: url.search, body };
}

/**
 * Codes of GraphQL request errors: the request was well-formed GraphQL-over-HTTP, but its document
 * does not parse or validate, its variables do not coerce, it names no runnable operation, or a
 * string in it is not storable text (request-guard.ts, `VALIDATION_FAILED` without data).
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'VALIDATION_FAILED',
]);

/**
 * The status to answer Apollo's response with. GraphQL over HTTP: with `application/json` a
 * well-formed request is answered 200 even when it fails with request errors (the body says so);
 * with `application/graphql-response+json` it is 4xx, as Apollo answers. Apollo answers 400 to
 * both, so a 400 in `application/json` whose errors are all request errors becomes 200. Malformed
 * requests (no query, bad parameters, CSRF, batches: `BAD_REQUEST`) keep their 4xx.
 */
function graphQLStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType || !/^application\/json\b/i.test(contentType)) return status;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const errors = parsed.errors ?? [];
    const requestErrors = errors.length > 0 && errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
    return requestErrors && parsed.data === undefined ? 200 : status;
  } catch {
    return status;
  }
}

/**
 * A plain Node HTTP server around Apollo Server: the GraphQL endpoint, `GET /health` (alive) and
 * `GET /ready` (dependencies reachable), a body size limit and a request id on every answer.
 * Shared by the subgraphs and the gateway so both behave the same on the wire.
 */
export function createHttpApp<C extends BaseContext, A = undefined>(options: HttpAppOptions<C, A>): Server {
  const path = options.path ?? '/graphql';
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  const routes: Record<string, RouteHandler> = {
    'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    'GET /ready': async (_req, res) => {
      const ok = await options.ready().catch(() => false);
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
    },
    ...options.routes,
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
    res.setHeader('x-request-id', requestId);
    const route = routes[`${req.method} ${url.pathname}`];
    const handle = async () => {
      if (route) return route(req, res);
      if (url.pathname !== path) return sendError(res, new HttpError(404, '未找到该地址', 'NOT_FOUND'));
      const auth = options.authenticate ? await options.authenticate(req, requestId) : (undefined as A);
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const method = req.method ?? 'GET';
      const parsed = method === 'POST' ? parseBody(await readBody(req, limit), req.headers['content-type']) : undefined;
      const { search, body } = options.documents ? resolveDocument(options.documents, method, url, parsed) : { search: url.search, body: parsed };
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search, body },
        context: () => options.context(req, requestId, auth),
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.statusCode = graphQLStatus(res.statusCode, result.headers.get('content-type'), result.body.string);
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return sendError(res, error);
      console.error(JSON.stringify({ level: 'error', message: 'http handler failed', requestId, error: String(error) }));
      sendError(res, new HttpError(500, '服务器内部错误', 'INTERNAL_SERVER_ERROR'));
    });
  });
  // Idle keep-alive sockets stay open longer than clients keep them (the gateway's subgraph fetches,
  // the docking workers): the server closing a socket the client is about to reuse resets a request.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  return server;
}

/** Listens and resolves with the base URL (`http://host:port`). Port 0 picks a free port. */
/** How long an idle keep-alive connection is kept open by every service (Node's default is 5 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost}:${address.port}`;
}

/** Closes the server, ending idle keep-alive connections so shutdown does not hang. */
export async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}

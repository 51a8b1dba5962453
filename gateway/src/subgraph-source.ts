import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { AGENCY_DIRECTORY, agencyOfSubgraph, INTERNAL_HEADER } from '@jiefen/auth';
import type { GatewayContext } from './context.js';
import { createSubgraphFetcher } from './subgraph-fetcher.js';

/** How long the gateway waits for one subgraph request (headers and body) by default. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 5000;

/**
 * The subgraph timeout from `JIEFEN_SUBGRAPH_TIMEOUT_MS` (milliseconds, default
 * {@link DEFAULT_SUBGRAPH_TIMEOUT_MS}); anything but a positive integer is refused at startup.
 */
export function subgraphTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.JIEFEN_SUBGRAPH_TIMEOUT_MS;
  if (raw === undefined || raw === '') return DEFAULT_SUBGRAPH_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error('JIEFEN_SUBGRAPH_TIMEOUT_MS must be a positive whole number of milliseconds');
  return value;
}

/**
 * A connection reset before any answer: the subgraph closed an idle keep-alive socket (its
 * `keepAliveTimeout`) just as the gateway reused it, so the request was never read.
 */
function isResetBeforeAnswer(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  // undici: UND_ERR_SOCKET ("other side closed"), the system error in `cause`.
  return [code, cause?.code].some((c) => c === 'ECONNRESET' || c === 'EPIPE' || c === 'UND_ERR_SOCKET');
}

/** Whether a subgraph request only reads (entity fetches and queries), so sending it twice is harmless. */
function isReadOnly(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const { query } = JSON.parse(body) as { query?: unknown };
    return typeof query === 'string' && !/^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
}

/** What the client rejects with once our deadline's signal aborts (the signal's reason, or undici's abort error). */
function isAbort(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_ABORTED';
}

/**
 * One subgraph as the gateway sees it. Forwards the request id; turns every transport failure
 * into an error that names the agency and hides the subgraph's internal URL (the stock data
 * source puts it in the message and in `extensions.response`).
 *
 * Every request carries its own deadline (`timeoutMs`): a frozen agency — process stopped, event
 * loop or database hung — answers as `SUBGRAPH_UNAVAILABLE` once it passes, so the other agencies'
 * data still reaches the user. The abort reaches the socket (undici destroys the connection of an
 * aborted request): nothing is left waiting on the frozen agency, and a late answer can never be
 * read as the reply to a later request on a reused connection. Connections are kept alive
 * (see {@link createSubgraphFetcher}).
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraphName: string,
    url: string,
    readonly timeoutMs: number = DEFAULT_SUBGRAPH_TIMEOUT_MS,
  ) {
    super({ url });
    const send = createSubgraphFetcher(url).fetcher;
    // The signal covers the whole exchange: while the body streams in, an abort errors the body,
    // so a subgraph that sends headers and then hangs is cut off too.
    // A read reset before its answer is sent once more on a fresh socket (the keep-alive race);
    // a mutation is not: it may have run.
    this.fetcher = async (input, init) => {
      try {
        return await send(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        if (!isResetBeforeAnswer(error) || !isReadOnly(init?.body)) throw error;
        return send(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      }
    };
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!request.http || !context?.internalHeader) return;
    request.http.headers.set('x-request-id', context.requestId);
    request.http.headers.set(INTERNAL_HEADER, await context.internalHeader());
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      const known = agencyOfSubgraph(this.subgraphName);
      const agency = known ? AGENCY_DIRECTORY[known].name : this.subgraphName;
      const service = known ?? this.subgraphName.toUpperCase();
      console.error(
        JSON.stringify({
          level: 'error',
          message: 'subgraph request failed',
          service,
          requestId: options.context?.requestId,
          // Our deadline is the only abort signal this source sets.
          ...(isAbort(error) ? { reason: 'timeout', timeoutMs: this.timeoutMs } : {}),
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      throw new GraphQLError(`${agency}(${service})服务暂时不可用,其他部门的数据照常返回`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service },
      });
    }
  }
}

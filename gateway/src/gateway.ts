import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { close, createErrorFormatter, createHttpApp, listen, requestGuardPlugin, type RouteHandler } from '@jiefen/subgraph-kit';
import { AGENCY_DIRECTORY, type Caller } from '@jiefen/auth';
import { GATEWAY_BODY_LIMIT_BYTES, gatewayProtection, localizeLimitError } from './armor.js';
import { createAuthenticator, internalHeaderFor, type GatewayAuth } from './auth.js';
import type { GatewayContext } from './context.js';
import { createDashboardRoutes, defaultDashboardDir, loadTrustedDocuments, type DashboardOptions } from './dashboard.js';
import { createDevTokenRoutes, DEV_TOKENS_PATH } from './dev-tokens.js';
import { createExplorerRoutes, explorerPath, type ExplorerOptions } from './explorer.js';
import { loadSupergraph } from './supergraph.js';
import { SubgraphSource, subgraphTimeoutFromEnv } from './subgraph-source.js';

/** Subgraph URLs from `<NAME>_URL` (e.g. `COURT_URL`), defaulting to 127.0.0.1 on the agency directory's ports. */
export function subgraphUrlsFromEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.values(AGENCY_DIRECTORY).map(({ subgraph, port }) => [subgraph, env[`${subgraph.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}/graphql`]),
  );
}

export interface GatewayOptions {
  subgraphUrls: Record<string, string>;
  auth: GatewayAuth;
  supergraphSdl?: string;
  port?: number;
  host?: string;
  /** Production: no introspection, no explorer, no field suggestions in errors. */
  production?: boolean;
  /** Largest request body accepted, in bytes (default {@link GATEWAY_BODY_LIMIT_BYTES}). */
  bodyLimitBytes?: number;
  /** Extra routes (not served in production); they win over the explorer's on the same path. */
  routes?: Record<string, RouteHandler>;
  /**
   * The offline explorer (GraphiQL served from local files) at `/explorer`, with `GET /` redirecting
   * to it: on by default, `false` turns it off, options configure it. Never served in production.
   */
  explorer?: boolean | ExplorerOptions;
  /**
   * The leaders' dashboard at `/dashboard` (served in production too) and its trusted documents
   * (operations a client may run by `documentId`): on by default, `false` turns both off.
   */
  dashboard?: boolean | DashboardOptions;
  /**
   * How long to wait for each subgraph request before answering `SUBGRAPH_UNAVAILABLE` for that
   * agency (default: `JIEFEN_SUBGRAPH_TIMEOUT_MS`, else 5000 ms).
   */
  subgraphTimeoutMs?: number;
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  /** The explorer's page, or null when it is off (always in production). */
  explorerUrl: string | null;
  /** The dashboard page, or null when it is off. */
  dashboardUrl: string | null;
  /** How many trusted documents the gateway runs by id. */
  trustedDocuments: number;
  server: Server;
  stop(): Promise<void>;
}

/** The federation gateway on the committed supergraph (never introspection at run time). */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const explorer = production || options.explorer === false ? null : options.explorer === true ? {} : (options.explorer ?? {});
  let explorerRoutes: Record<string, RouteHandler> = {};
  if (explorer) {
    try {
      explorerRoutes = createExplorerRoutes(explorer);
    } catch (error) {
      // A development convenience must not keep the graph from starting.
      console.warn(JSON.stringify({ level: 'warn', message: 'explorer disabled', error: String(error) }));
    }
  }
  // @apollo/gateway otherwise sends usage metrics to Apollo's cloud (and waits for it on stop): an
  // agency network has no internet, and no dispute data or metadata may leave it.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? subgraphTimeoutFromEnv();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? loadSupergraph(),
    buildService: ({ name, url }) => new SubgraphSource(name, options.subgraphUrls[name] ?? url ?? '', subgraphTimeoutMs),
  });
  const protection = gatewayProtection();
  // Errors that came back from a subgraph were already formatted (and masked) there.
  const formatError = createErrorFormatter('gateway', undefined, {
    trust: (formatted) => typeof formatted.extensions?.serviceName === 'string' || formatted.extensions?.code === 'SUBGRAPH_UNAVAILABLE',
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // Our mains handle SIGINT/SIGTERM (they also stop PostgreSQL and the delivery workers); Apollo's
    // own handler would re-raise the signal and end the process first.
    stopOnTerminationSignals: false,
    // "Did you mean …?" would map the schema for someone without introspection.
    hideSchemaDetailsFromClientErrors: production,
    // One operation per request: a JSON array is refused (400) rather than run as N operations.
    allowBatchedHttpRequests: false,
    // Refuses simple (CORS-preflight-free) requests that could come from another site's form.
    csrfPrevention: true,
    // Depth, aliases, directives, cost (validation rules) and tokens (the parser): see armor.ts.
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    formatError: (formatted, error) => localizeLimitError(formatError(formatted, error)),
    // Operation resolution, subscriptions, NUL and lone surrogates: refused here as client errors.
    // No cache hints anywhere (answers are per caller): no cache-control plugin wrapping fields.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), requestGuardPlugin<GatewayContext>(), ...protection.plugins],
  });
  await apollo.start();
  const dashboard = options.dashboard === false ? null : options.dashboard === true ? {} : (options.dashboard ?? {});
  const dashboardDir = dashboard ? (dashboard.dir ?? defaultDashboardDir()) : null;
  const documents = dashboardDir ? loadTrustedDocuments(dashboardDir) : new Map<string, string>();
  // Development sign-in exists only where the gateway trusts its own development key (auth.ts).
  const devTokens = !production && options.auth.issueDevToken ? createDevTokenRoutes(options.auth.issueDevToken) : {};
  const dashboardRoutes =
    dashboard && dashboardDir
      ? createDashboardRoutes({ ...dashboard, dir: dashboardDir, devTokens: Object.keys(devTokens).length ? DEV_TOKENS_PATH : null })
      : {};
  const server = createHttpApp<GatewayContext, Caller | null>({
    apollo,
    authenticate: createAuthenticator(options.auth),
    context: async (_req, requestId, caller) => ({ requestId, caller, internalHeader: internalHeaderFor(options.auth, caller, requestId) }),
    ready: async () => true,
    bodyLimitBytes: options.bodyLimitBytes ?? GATEWAY_BODY_LIMIT_BYTES,
    routes: { ...dashboardRoutes, ...(production ? {} : { ...explorerRoutes, ...devTokens, ...options.routes }) },
    // The trusted list is what the page may run by id; other clients still send their documents.
    documents: documents.size ? (id) => documents.get(id) : undefined,
  });
  const url = await listen(server, options.port ?? 4000, options.host);
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    explorerUrl: explorer && Object.keys(explorerRoutes).length ? `${url}${explorerPath(explorer)}` : null,
    dashboardUrl: dashboard ? `${url}/dashboard` : null,
    trustedDocuments: documents.size,
    server,
    async stop() {
      await close(server);
      await apollo.stop();
    },
  };
}

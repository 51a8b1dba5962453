import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { EntityManager } from '@mikro-orm/core';
import { AGENCY_DIRECTORY, createInternalVerifier, INTERNAL_HEADER, personKey, type Agency, type Caller, type InternalContext, type Key } from '@jiefen/auth';
import type { AgencySettings } from '@jiefen/calendar';
import { isReachable, type DatabaseModule, type Orm } from '@jiefen/database';
import { AccessCollector } from './audit/collector.js';
import { retryConflicts } from './conflict-retry.js';
import { consoleLogger, createErrorFormatter, DomainError, INTERNAL_MESSAGE, isDatabaseUnavailable, type ErrorLogger } from './errors.js';
import { close, createHttpApp, HttpError, listen, type RouteHandler } from './http.js';
import { NO_REFERENCES, type DisputeReference, type References } from './references.js';
import { requestGuardPlugin } from './request-guard.js';
import { buildFederatedSchema, printSubgraphSdl, type MutationWrapper, type SubgraphSchemaOptions } from './schema.js';

/** What every resolver receives: who calls, a forked entity manager, this request's DataLoaders and the agency's settings. */
export interface SubgraphContext<L = unknown, S extends AgencySettings = AgencySettings> {
  requestId: string;
  /** The verified caller the gateway vouched for; null for an anonymous request. */
  caller: Caller | null;
  /** The request's entity manager; a mutation gets its own for each attempt (see `conflictRetry`). */
  em: EntityManager;
  /** The request's DataLoaders on `em`; renewed with it. */
  loaders: L;
  /** Unmasked personal-data reads of this request, logged before the response leaves. */
  audit: AccessCollector;
  /** The pseudonymous person key of an ID number (keyed HMAC with the federation secret). */
  personKeyOf: (idNumber: string) => string;
  /** Lookups of other agencies' records: a reference a client gives is verified here before it is stored. */
  references: References;
  /** The agency's clocks and "now" (from `create<Agency>Subgraph(options)`): services take them from here. */
  settings: S;
}

/** What an incoming docking event's effect may use besides the transaction. */
export interface DockingApplyContext<S extends AgencySettings = AgencySettings> {
  /** The pseudonymous person key of an ID number. */
  personKeyOf: (idNumber: string) => string;
  /** The agency's clocks and "now", as in a request. */
  settings: S;
}

/** Everything that makes an agency's subgraph; `main`, tests and the SDL printer all start from it. */
export interface SubgraphDefinition<L = unknown, S extends AgencySettings = AgencySettings> extends Omit<SubgraphDeclaration<L, S>, 'seed'> {
  /** Demo data, written once by `npm start` / `npm run seed`, told from `options.now` or the agency's now(). */
  seed?(em: EntityManager, options: SeedOptions): Promise<void>;
  /** `governance`, `justice`, `court`, `police`, `procuratorate` or `petition` (from the agency directory). */
  name: string;
  /** Chinese name of the agency, for messages (e.g. 法院). */
  agencyName: string;
  defaultPort: number;
}

/** What an agency declares about its subgraph; its names and port come from `AGENCY_DIRECTORY`. */
export interface SubgraphDeclaration<L = unknown, S extends AgencySettings = AgencySettings> {
  /** The agency this subgraph speaks for — in docking events too. */
  agency: Agency;
  /**
   * Its clocks and "now" (`agencySettings(defaults, options)` in `create<Agency>Subgraph(options)`):
   * the context hands them to resolvers and docking effects; the runtime may replace the clocks
   * from the environment (`JIEFEN_<AGENCY>_CLOCKS`).
   */
  settings: S;
  database: DatabaseModule;
  schema: SubgraphSchemaOptions;
  /** New DataLoaders for one request. */
  createLoaders(em: EntityManager): L;
  /**
   * Docking: how the agency applies an incoming event (in the inbox transaction). The runtime
   * mounts `POST /events` and the delivery worker.
   */
  docking?: {
    /**
     * The effect of an event that passed the contract's decoder (`TypedDockingEvent` of
     * @jiefen/docking, which builds on this kit and is what the runtime hands over).
     */
    apply?(em: EntityManager, event: never, context: DockingApplyContext<S>): Promise<void>;
  };
  /**
   * Lookups this agency answers for the others about records it owns (the hub: whether disputes
   * exist and their region). The runtime mounts them as signed internal endpoints.
   */
  answersReferences?: {
    disputes?: (em: EntityManager, ids: readonly string[]) => Promise<DisputeReference[]>;
  };
  /** Demo data, written once by `npm start` / `npm run seed`: every date relative to `options.now`. */
  seed?(em: EntityManager, options: SeedContext): Promise<void>;
}

/** Options of the demo seed (tests ask for more disputes than the demo's 40). */
export interface SeedOptions {
  disputeCount?: number;
  /** The federation secret for person keys (see `personKey`). */
  personKeySecret: string;
  /** The moment the demo's story is told from (default: the agency's `settings.now()`); one value for all six seeds in a test. */
  now?: Date;
}

/** What a seed receives: the options, with the seeding moment decided. */
export interface SeedContext extends SeedOptions {
  now: Date;
}

/** Declares a subgraph: the declaration plus the agency's names and default port from the directory. */
export function defineSubgraph<L, S extends AgencySettings>(declaration: SubgraphDeclaration<L, S>): SubgraphDefinition<L, S> {
  const entry = AGENCY_DIRECTORY[declaration.agency];
  const { seed } = declaration;
  return {
    ...declaration,
    // The demo's dates are relative to the day of seeding: the agency's own notion of "now" unless the caller fixes one.
    seed: seed && ((em, options) => seed(em, { ...options, now: options.now ?? declaration.settings.now() })),
    name: entry.subgraph,
    agencyName: entry.name,
    defaultPort: entry.port,
  };
}

export interface RunningSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  server: Server;
  stop(): Promise<void>;
}

export interface StartOptions {
  orm: Orm;
  /** The gateway's public key: every request must carry its signed internal header. */
  gatewayPublicKey: Key;
  /** The federation secret behind person keys. */
  personKeySecret: string;
  port?: number;
  host?: string;
  logger?: ErrorLogger;
  /** Extra HTTP routes beside /graphql (the docking inbox `POST /events`). */
  routes?: Record<string, RouteHandler>;
  /** Called when the subgraph stops (the delivery worker). */
  onStop?: () => Promise<void>;
  /** Lookups of other agencies' records (default: none, so every reference is refused, never stored blind). */
  references?: References;
}

/**
 * Writes the request's unmasked personal-data reads before the response leaves; a read that
 * cannot be logged is not answered.
 */
function accessLogPlugin<L, S extends AgencySettings>(orm: Orm, definition: SubgraphDefinition<L, S>): ApolloServerPlugin<SubgraphContext<L, S>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue.audit.size === 0) return;
          try {
            await contextValue.audit.flush(orm.em.fork());
          } catch (error) {
            console.error(JSON.stringify({ level: 'error', message: 'access log write failed', requestId: contextValue.requestId, error: String(error) }));
            if (response.body.kind === 'single') {
              const unavailable = isDatabaseUnavailable(error) ? DomainError.databaseUnavailable(definition.agencyName, definition.name.toUpperCase()) : null;
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                unavailable
                  ? { message: unavailable.message, extensions: { ...unavailable.details, code: unavailable.code } }
                  : { message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}

/**
 * Every mutation runs again, on fresh request state, when PostgreSQL aborted its transaction over a
 * conflict (a deadlock's victim): `retryConflicts` reruns it only when it committed nothing.
 * Each attempt gets its own entity manager and DataLoaders, put into the request's context in
 * place of the previous ones: a mutation's root fields run one after another with nothing else of
 * the request running meanwhile, and the fields under its result then read what it wrote. An
 * idempotency key's claim is in the aborted transaction too, so a rerun is not taken for a
 * duplicate. Personal-data reads an aborted attempt noted stay in the access log. Queries are
 * never rerun.
 */
function conflictRetry<L, S extends AgencySettings>(
  orm: Orm,
  definition: SubgraphDefinition<L, S>,
  logger: ErrorLogger,
): MutationWrapper<SubgraphContext<L, S>> {
  return (resolve, field) => (root, args, ctx, info) =>
    retryConflicts(
      orm.em,
      async (em) => {
        ctx.em = em;
        ctx.loaders = definition.createLoaders(em);
        return resolve(root, args, ctx, info);
      },
      {
        onConflict: (error, attempt, retrying) => {
          const details = { service: definition.name, requestId: ctx.requestId, mutation: field, attempt, sqlstate: (error as { code?: unknown }).code };
          if (retrying) console.warn(JSON.stringify({ level: 'warn', message: 'transaction conflict: mutation rerun', ...details }));
          else logger.error('transaction conflict: mutation given up', { ...details, error: error instanceof Error ? error.message : String(error) });
        },
      },
    );
}

/** The subgraph's SDL, printed from code (no server, no database). */
export function subgraphSdl(definition: SubgraphDefinition): Promise<string> {
  return printSubgraphSdl(definition.schema);
}

/** Starts one subgraph's HTTP server on an open ORM. Stopping closes the server, not the ORM. */
export async function startSubgraph<L, S extends AgencySettings>(definition: SubgraphDefinition<L, S>, options: StartOptions): Promise<RunningSubgraph> {
  const { orm } = options;
  const schema = await buildFederatedSchema(definition.schema, conflictRetry(orm, definition, options.logger ?? consoleLogger));
  const apollo = new ApolloServer<SubgraphContext<L, S>>({
    schema,
    // A database outage is answered as DATABASE_UNAVAILABLE naming the agency (errors.ts).
    formatError: createErrorFormatter(definition.name, options.logger, { agencyName: definition.agencyName }),
    includeStacktraceInErrorResponses: false,
    // Our mains handle SIGINT/SIGTERM (they also stop PostgreSQL and the delivery workers); Apollo's
    // own handler would re-raise the signal and end the process first.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint (answers are per caller and personal): without this, Apollo's
      // cache-control plugin wraps every field resolver of every request (~5 % of a subgraph's CPU).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      requestGuardPlugin<SubgraphContext<L, S>>(),
      accessLogPlugin<L, S>(orm, definition),
    ],
  });
  await apollo.start();
  const verify = createInternalVerifier(options.gatewayPublicKey);
  const server = createHttpApp<SubgraphContext<L, S>, InternalContext>({
    apollo,
    // Not ready while the database does not answer (down, restarting, frozen): a load balancer or
    // an operator sees which agency is out; the process itself stays up and recovers on its own.
    ready: () => isReachable(orm),
    routes: options.routes,
    // No signed header from the gateway, no answer — `_service` and `_entities` included.
    authenticate: async (req) => {
      const header = req.headers[INTERNAL_HEADER];
      if (typeof header !== 'string') throw new HttpError(401, '拒绝访问:请求未经网关签名', 'UNAUTHENTICATED');
      try {
        return await verify(header);
      } catch {
        throw new HttpError(401, '拒绝访问:网关签名无效或已过期', 'UNAUTHENTICATED');
      }
    },
    context: async (_req, requestId, internal) => {
      const em = orm.em.fork();
      const id = internal.requestId || requestId;
      return {
        requestId: id,
        caller: internal.caller,
        em,
        loaders: definition.createLoaders(em),
        audit: new AccessCollector(internal.caller, id),
        personKeyOf: (idNumber: string) => personKey(options.personKeySecret, idNumber),
        references: options.references ?? NO_REFERENCES,
        settings: definition.settings,
      };
    },
  });
  const url = await listen(server, options.port ?? definition.defaultPort, options.host);
  return {
    name: definition.name,
    url,
    graphqlUrl: `${url}/graphql`,
    server,
    async stop() {
      await close(server);
      await apollo.stop();
      await options.onStop?.();
    },
  };
}

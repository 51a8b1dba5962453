import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { EntityManager } from '@mikro-orm/core';
import { isReachable, type DatabaseModule, type Orm } from '@jiefen/database';
import { createErrorFormatter, type ErrorLogger } from './errors.js';
import { close, createHttpApp, listen } from './http.js';
import { buildFederatedSchema, printSubgraphSdl, type SubgraphSchemaOptions } from './schema.js';

/** What every resolver receives: a forked entity manager and this request's DataLoaders. */
export interface SubgraphContext<L = unknown> {
  requestId: string;
  em: EntityManager;
  loaders: L;
}

/** Everything that makes an agency's subgraph; `main`, tests and the SDL printer all start from it. */
export interface SubgraphDefinition<L = unknown> {
  /** `governance`, `justice`, `court`, `police`, `procuratorate` or `petition`. */
  name: string;
  /** Chinese name of the agency, for messages (e.g. 法院). */
  agencyName: string;
  defaultPort: number;
  database: DatabaseModule;
  schema: SubgraphSchemaOptions;
  /** New DataLoaders for one request. */
  createLoaders(em: EntityManager): L;
  /** Demo data, written once by `npm start` / `npm run seed`. */
  seed?(em: EntityManager, options?: SeedOptions): Promise<void>;
}

/** Options of the demo seed (tests ask for more disputes than the demo's 40). */
export interface SeedOptions {
  disputeCount?: number;
}

/** Declares a subgraph (an identity function that keeps the loader type). */
export function defineSubgraph<L>(definition: SubgraphDefinition<L>): SubgraphDefinition<L> {
  return definition;
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
  port?: number;
  host?: string;
  logger?: ErrorLogger;
}

/** The subgraph's SDL, printed from code (no server, no database). */
export function subgraphSdl(definition: SubgraphDefinition): Promise<string> {
  return printSubgraphSdl(definition.schema);
}

/** Starts one subgraph's HTTP server on an open ORM. Stopping closes the server, not the ORM. */
export async function startSubgraph<L>(definition: SubgraphDefinition<L>, options: StartOptions): Promise<RunningSubgraph> {
  const schema = await buildFederatedSchema(definition.schema);
  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema,
    formatError: createErrorFormatter(definition.name, options.logger),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const { orm } = options;
  const server = createHttpApp<SubgraphContext<L>>({
    apollo,
    ready: () => isReachable(orm),
    context: async (_req, requestId) => {
      const em = orm.em.fork();
      return { requestId, em, loaders: definition.createLoaders(em) };
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
    },
  };
}

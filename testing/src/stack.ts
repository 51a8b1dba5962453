import {
  createTokenVerifier,
  generateFederationKeys,
  issueToken,
  PERSONAS,
  signInternalContext,
  type Caller,
  type FederationKeys,
  AGENCIES,
  type Agency,
} from '@jiefen/auth';
import { countQueries, seedOnce, type Orm } from '@jiefen/database';
import { startGateway, type RunningGateway } from '@jiefen/gateway';
import { createServer, type Server } from 'node:http';
import {
  createHubReferences,
  createReferenceHandler,
  generateDockingKeyPair,
  hubReferencesUrlOf,
  type DockingKeys,
  type DockingSettings,
} from '@jiefen/docking';
import { prepareDatabase, startAgency } from '@jiefen/runtime';
import { close, listen, type DisputeReference, type References, type RunningSubgraph, type SeedOptions, type SubgraphDefinition } from '@jiefen/subgraph-kit';
import { createTestDatabase, type DatabaseServerAddress, type TestDatabase } from './database-server.js';

export interface StackSubgraph {
  definition: SubgraphDefinition;
  database: TestDatabase;
  orm: Orm;
  port: number;
  url: string;
  /** SQL statements sent by this subgraph since the last `reset()`. */
  queries: { readonly count: number; reset(): void };
  running: RunningSubgraph | null;
}

/** Who a test request is from: a persona name (`court-staff`), a caller, or null (anonymous). */
export type As = string | Caller | null;

export interface Stack {
  subgraphs: Record<string, StackSubgraph>;
  /** Docking keys and settings shared by the stack's subgraphs (endpoints filled as they start). */
  docking: { keys: DockingKeys; settings: DockingSettings };
  gateway: RunningGateway | null;
  /** The run's key material (to forge, expire or sign test tokens). */
  keys: FederationKeys;
  /** A valid user token for a persona (see PERSONAS) or a caller, with claims overridden. */
  token(as: string | Caller, overrides?: Partial<Caller>): Promise<string>;
  /** POSTs a GraphQL operation to the gateway as someone (default: anonymous). */
  query<T = unknown>(query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphQLResponse<T>>;
  /** POSTs straight to a subgraph with a valid gateway signature, as the gateway would. */
  querySubgraph<T = unknown>(name: string, query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphQLResponse<T>>;
  /** Stops one subgraph's server (its port stays reserved for `startSubgraph`). */
  stopSubgraph(name: string): Promise<void>;
  startSubgraph(name: string): Promise<void>;
  /** The hub lookups an agency's services use (`ctx.references`), for tests that call a service directly. */
  references(agency: Agency): References;
  stop(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

export interface StackOptions {
  subgraphs: SubgraphDefinition[];
  /** Start the gateway on the committed supergraph (default true). */
  gateway?: boolean;
  /** Docking delivery: faster retries for tests (defaults: first retry 100 ms, at most 2 s, 20 attempts). */
  dockingSettings?: Partial<Omit<DockingSettings, 'endpoints'>>;
  /** Write each subgraph's demo data (default false). */
  seed?: boolean;
  seedOptions?: Omit<SeedOptions, 'personKeySecret'>;
  /**
   * For a stack without governance: the hub's dispute register its agencies verify references
   * against (e.g. `demoDisputes()`, what the hub's demo seed holds). It is answered by the real
   * signed lookup endpoint, standing in for the hub; without it, and without governance, every
   * dispute reference is refused as the hub being unavailable.
   */
  hubRegister?: readonly DisputeReference[];
  /** The gateway's per-subgraph timeout in milliseconds (default: the gateway's own). */
  subgraphTimeoutMs?: number;
  /** A server of its own for some subgraphs, by name (e.g. one a test restarts); the others use the run's server. */
  databaseServers?: Record<string, DatabaseServerAddress>;
}

/** POSTs a GraphQL operation to any endpoint. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as GraphQLResponse<T>['body'] };
  } catch {
    return { status: response.status, body: { errors: [{ message: text }] } };
  }
}

/**
 * Boots subgraphs (each on its own fresh, migrated database, on a free port, over real HTTP) and
 * the gateway in front of them.
 */
/** The caller behind a persona name (or the caller itself). */
export function callerOf(as: string | Caller, overrides: Partial<Caller> = {}): Caller {
  if (typeof as !== 'string') return { ...as, ...overrides };
  const persona = PERSONAS[as];
  if (!persona) throw new Error(`unknown persona ${as}: one of ${Object.keys(PERSONAS).join(', ')}`);
  const { description: _d, organizationName: _o, ...caller } = persona;
  return { ...caller, ...overrides };
}

/** Fresh Ed25519 docking keys for the six agencies, held in memory. */
export async function generateDockingKeys(): Promise<DockingKeys> {
  const keys: DockingKeys = { privateKeys: {}, keyRing: {} };
  for (const agency of AGENCIES) {
    const pair = await generateDockingKeyPair();
    keys.privateKeys[agency] = pair.privateKey;
    keys.keyRing[agency] = pair.publicKey;
  }
  return keys;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const keys = await generateFederationKeys();
  // Endpoints are filled in as subgraphs get their ports; workers read them at send time.
  const endpoints: Partial<Record<Agency, string>> = {};
  const docking = {
    keys: await generateDockingKeys(),
    settings: {
      endpoints: endpoints as Record<Agency, string>,
      maxAttempts: 20,
      backoff: { initialMs: 100, factor: 2, maxMs: 2000, jitter: 0.2 },
      replayWindowSeconds: 300,
      ...options.dockingSettings,
    },
  };
  const subgraphs: Record<string, StackSubgraph> = {};
  let standInHub: Server | null = null;
  if (options.hubRegister && !options.subgraphs.some((s) => s.agency === 'GOVERNANCE')) {
    const register = new Map(options.hubRegister.map((d) => [d.id, { id: d.id, regionCode: d.regionCode }]));
    const handler = createReferenceHandler({
      agency: 'GOVERNANCE',
      keyRing: docking.keys.keyRing,
      replayWindowSeconds: docking.settings.replayWindowSeconds,
      disputes: async (ids) => ids.flatMap((id) => register.get(id) ?? []),
    });
    standInHub = createServer((req, res) => void handler(req, res));
    docking.settings.hubReferencesUrl = `${await listen(standInHub, 0, '127.0.0.1')}/references/disputes`;
  }
  const start = (definition: SubgraphDefinition, orm: Orm, port: number) =>
    startAgency(definition, { orm, gatewayPublicKey: keys.internalPublicKey, personKeySecret: keys.personKeySecret, port, docking });
  await Promise.all(
    options.subgraphs.map(async (definition) => {
      const database = await createTestDatabase(definition.database, options.databaseServers?.[definition.name]);
      if (definition.docking) await prepareDatabase(definition, database.orm);
      const seed = definition.seed;
      if (options.seed && seed) await seedOnce(database.orm, 'demo', (em) => seed(em, { ...options.seedOptions, personKeySecret: keys.personKeySecret }));
      const running = await start(definition, database.orm, 0);
      if (definition.docking) endpoints[definition.agency] = `${running.url}/events`;
      subgraphs[definition.name] = {
        definition,
        database,
        orm: database.orm,
        port: Number(new URL(running.url).port),
        url: running.graphqlUrl,
        queries: countQueries(database.orm),
        running,
      };
    }),
  );
  const gateway =
    options.gateway === false
      ? null
      : await startGateway({
          subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.definition.name, s.url])),
          auth: {
            verifyToken: createTokenVerifier({ jwks: keys.tokenJwks }),
            internalPrivateKey: keys.internalPrivateKey,
            // The dashboard's persona picker (POST /dev/token), as `npm start` offers it.
            issueDevToken: (caller) => issueToken(keys.tokenPrivateKey, caller),
          },
          port: 0,
          production: false,
          subgraphTimeoutMs: options.subgraphTimeoutMs,
        });
  const get = (name: string) => {
    const s = subgraphs[name];
    if (!s) throw new Error(`subgraph ${name} is not part of this stack`);
    return s;
  };
  const token = (as: string | Caller, overrides?: Partial<Caller>) => issueToken(keys.tokenPrivateKey, callerOf(as, overrides));
  return {
    subgraphs,
    docking,
    gateway,
    keys,
    token,
    async query(query, variables, as = null) {
      if (!gateway) throw new Error('this stack has no gateway');
      const headers: Record<string, string> = as === null ? {} : { authorization: `Bearer ${await token(as)}` };
      return postGraphQL(gateway.graphqlUrl, query, variables, headers);
    },
    async querySubgraph(name, query, variables, as = null) {
      const internal = await signInternalContext(keys.internalPrivateKey, { caller: as === null ? null : callerOf(as), requestId: 'test' });
      return postGraphQL(get(name).url, query, variables, { 'x-jiefen-context': internal });
    },
    async stopSubgraph(name) {
      const s = get(name);
      await s.running?.stop();
      s.running = null;
    },
    async startSubgraph(name) {
      const s = get(name);
      if (!s.running) s.running = await start(s.definition, s.orm, s.port);
    },
    references(agency) {
      return createHubReferences({ agency, privateKey: docking.keys.privateKeys[agency]!, url: () => hubReferencesUrlOf(docking.settings) });
    },
    async stop() {
      await gateway?.stop();
      if (standInHub) await close(standInHub);
      await Promise.all(
        Object.values(subgraphs).map(async (s) => {
          await s.running?.stop();
          await s.database.drop();
        }),
      );
    },
  };
}
